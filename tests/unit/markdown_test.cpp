#include "test_support.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "doc/line_index.h"
#include "parse/parse.h"
#include "check_document.h"
#include "parts_check.h"

using namespace caselint;

namespace {

doc::Document md(const std::string& text) {
  load::SourceFile f{"t.md", text, doc::Format::markdown};
  parse::ParseResult r = parse::parse(f);
  REQUIRE(r.document);
  return *r.document;
}

const doc::Block* block_with(const doc::Document& d, const std::string& needle) {
  for (const doc::Block& b : d.blocks) {
    if (b.text.find(needle) != std::string::npos) return &b;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("line index maps byte offsets to lines and code-point columns") {
  std::string s = "ab\nçé x\n\nz";
  doc::LineIndex idx(s);
  CHECK(idx.line_count() == 4);
  CHECK(idx.at(0) == doc::Position{1, 1});
  CHECK(idx.at(3) == doc::Position{2, 1});
  // "çé " is 5 bytes; 'x' is the 4th code point of line 2.
  CHECK(idx.at(8) == doc::Position{2, 4});
  CHECK(idx.codepoint_column(2, 6) == 4);
  CHECK(idx.line(2) == "çé x");
  CHECK(idx.at(s.size()) == doc::Position{4, 2});
}

TEST_CASE("sections form a tree with levels, parents and line ranges") {
  doc::Document d = md("# Title\n\nIntro.\n\n## Challenge\n\nSlow reports.\n\n### Detail\n\nMore.\n\n## Results\n\nFaster.\n");
  REQUIRE(d.sections.size() == 5);
  CHECK(d.sections[0].level == 0);
  CHECK(d.sections[1].heading == "Title");
  CHECK(d.sections[1].level == 1);
  CHECK(d.sections[2].heading == "Challenge");
  CHECK(d.sections[2].parent == 1);
  CHECK(d.sections[3].parent == 2);
  CHECK(d.sections[4].parent == 1);
  CHECK(d.sections[2].heading_range.start == doc::Position{5, 1});
  CHECK(d.sections[2].range.end.line == 12);
  CHECK(d.sections[4].range.end.line == 15);
  CHECK(d.title == "Title");
  CHECK(d.section_text(2) == "Slow reports.\nDetail\nMore.");
  CHECK(d.section_text(2, false) == "Slow reports.");
}

TEST_CASE("front matter keeps line numbers and key positions") {
  doc::Document d = md("---\ntitle: Acme on Aurora\ncustomer: Acme Corp\nservices:\n  - Amazon Aurora\n  - AWS DMS\ncaselint:\n  disable: [CS107]\n---\n# Heading\n\nBody text.\n");
  CHECK(d.has_front_matter);
  CHECK(d.body_first_line == 10);
  const doc::MetaValue* c = d.meta("customer");
  REQUIRE(c);
  CHECK(c->text == "Acme Corp");
  CHECK(c->range.start == doc::Position{3, 1});
  CHECK(c->value_range.start == doc::Position{3, 11});
  const doc::MetaValue* s = d.meta("services");
  REQUIRE(s);
  CHECK(s->is_list);
  CHECK(s->items == std::vector<std::string>{"Amazon Aurora", "AWS DMS"});
  const doc::MetaValue* dis = d.meta("caselint.disable");
  REQUIRE(dis);
  CHECK(dis->items == std::vector<std::string>{"CS107"});
  // The title comes from front matter; the heading keeps its real line.
  CHECK(d.title == "Acme on Aurora");
  CHECK(d.sections[1].heading_range.start.line == 10);
  const doc::Block* body = block_with(d, "Body text.");
  REQUIRE(body);
  CHECK(body->range.start.line == 12);
}

TEST_CASE("invalid front matter is a parse error with its line") {
  load::SourceFile f{"t.md", "---\ntitle: [unclosed\n---\n# x\n", doc::Format::markdown};
  parse::ParseResult r = parse::parse(f);
  CHECK_FALSE(r.document);
  REQUIRE(r.error);
  CHECK(r.error->message.find("front matter is not valid YAML") == 0);
  CHECK(r.error->line >= 2);
}

TEST_CASE("an unterminated front matter fence is ordinary Markdown") {
  doc::Document d = md("---\ntitle: x\n\n# Heading\n");
  CHECK_FALSE(d.has_front_matter);
  CHECK(d.meta("title") == nullptr);
}

TEST_CASE("inline positions map back through the plain-text view") {
  doc::Document d = md("# T\n\nThe café uses **Amazon Aurora** today.\n");
  const doc::Block* b = block_with(d, "Amazon Aurora");
  REQUIRE(b);
  std::size_t off = b->text_offset + b->text.find("Amazon");
  // "The café uses **" is 16 code points; Amazon starts at column 17.
  CHECK(d.position_at(off) == doc::Position{3, 17});
  std::size_t today = b->text_offset + b->text.find("today");
  CHECK(d.position_at(today) == doc::Position{3, 33});
}

TEST_CASE("labelled lines keep one line each, strong prefix recorded") {
  doc::Document d = md("# T\n\n**Customer:** Acme\n**Industry:** Retail\n");
  const doc::Block* b = block_with(d, "Customer");
  REQUIRE(b);
  CHECK(b->text == "Customer: Acme\nIndustry: Retail");
  CHECK(b->strong_prefix() == "Customer:");
  std::size_t off = b->text_offset + b->text.find("Retail");
  CHECK(d.position_at(off) == doc::Position{4, 15});
}

TEST_CASE("GFM tables become cells with rows, columns and a header flag") {
  doc::Document d = md("# T\n\n| Fact | Value |\n|---|---|\n| Industry | Retail |\n| Start date | 2023-01-15 |\n");
  REQUIRE(d.tables.size() == 1);
  const doc::Table& t = d.tables[0];
  CHECK(t.has_header);
  REQUIRE(t.rows.size() == 3);
  const doc::Block& cell = d.blocks[static_cast<std::size_t>(t.rows[2][1])];
  CHECK(cell.text == "2023-01-15");
  CHECK(cell.kind == doc::BlockKind::table_cell);
  CHECK(cell.range.start.line == 6);
  CHECK(cell.row == 2);
  CHECK(cell.col == 1);
}

TEST_CASE("links and images carry target, text and position; image alt stays out of the text") {
  doc::Document d = md("# T\n\nSee [the blog](https://example.com/b \"Blog\").\n\n![Solution architecture](img/arch.png)\n");
  REQUIRE(d.links.size() == 2);
  CHECK(d.links[0].target == "https://example.com/b");
  CHECK(d.links[0].text == "the blog");
  CHECK(d.links[0].title == "Blog");
  CHECK_FALSE(d.links[0].is_image);
  CHECK(d.links[1].is_image);
  CHECK(d.links[1].text == "Solution architecture");
  CHECK(d.links[1].range.start.line == 5);
  CHECK(d.plain_text().find("Solution architecture") == std::string::npos);
}

TEST_CASE("list items are blocks; nested lists too") {
  doc::Document d = md("# T\n\n- Amazon S3\n- AWS Lambda\n  - nested item\n");
  int items = 0;
  for (const doc::Block& b : d.blocks) items += b.kind == doc::BlockKind::list_item;
  CHECK(items == 3);
  const doc::Block* nested = block_with(d, "nested item");
  REQUIRE(nested);
  CHECK(nested->range.start == doc::Position{5, 5});
}

TEST_CASE("control comments become directives with their lines") {
  doc::Document d = md("<!-- caselint-disable CS101, CS104 -->\n# T\n\ntext <!-- caselint-disable-next-line CS107 -->\n\n<!-- caselint-enable -->\n");
  REQUIRE(d.directives.size() == 3);
  CHECK(d.directives[0].kind == doc::Directive::Kind::disable);
  CHECK(d.directives[0].codes == std::vector<std::string>{"CS101", "CS104"});
  CHECK(d.directives[0].line == 1);
  CHECK(d.directives[1].kind == doc::Directive::Kind::disable_next_line);
  CHECK(d.directives[1].line == 4);
  CHECK(d.directives[2].kind == doc::Directive::Kind::enable);
  CHECK(d.directives[2].codes.empty());
}

TEST_CASE("annotations are invisible: stripping them leaves the same text and ranges") {
  std::string with = "# Title <!-- expect: CS102 -->\n\n**Customer:** Acme <!-- expect: CS112 -->\n\n## Results\n\nFaster.\n";
  std::string without = "# Title\n\n**Customer:** Acme\n\n## Results\n\nFaster.\n";
  doc::Document a = md(with), b = md(without);
  CHECK(a.plain_text() == b.plain_text());
  REQUIRE(a.blocks.size() == b.blocks.size());
  for (std::size_t i = 0; i < a.blocks.size(); ++i) {
    CHECK(a.blocks[i].range.start == b.blocks[i].range.start);
  }
  REQUIRE(a.sections.size() == b.sections.size());
  for (std::size_t i = 0; i < a.sections.size(); ++i) {
    CHECK(a.sections[i].heading == b.sections[i].heading);
    CHECK(a.sections[i].range.start == b.sections[i].range.start);
  }
}

TEST_CASE("CRLF files keep the same lines and text") {
  doc::Document a = md("# T\r\n\r\n**Customer:** Acme\r\n");
  const doc::Block* b = block_with(a, "Customer");
  REQUIRE(b);
  CHECK(b->text == "Customer: Acme");
  CHECK(b->range.start.line == 3);
}

TEST_CASE("deeply nested block quotes and lists do not crash") {
  std::string deep;
  for (int i = 0; i < 20000; ++i) deep += "> ";
  deep += "deep text\n";
  for (int i = 0; i < 5000; ++i) deep += std::string(static_cast<std::size_t>(i % 40) * 2, ' ') + "- item\n";
  doc::Document d = md(deep);
  CHECK(d.blocks.size() > 1);
}

namespace {

// Reads `text` whole and in parts of `part_bytes`; the two documents must be
// the same. Returns the number of parts.
std::size_t same_in_parts(const std::string& text, std::size_t part_bytes) {
  fuzz::PartsResult r = fuzz::read_both_ways(text, part_bytes);
  CHECK(r.in_parts == r.whole);
  return r.parts;
}

}  // namespace

TEST_CASE("a file read in parts gives the same document as read whole") {
  SUBCASE("every Markdown file in the corpus, at several part sizes") {
    std::size_t files = 0, split = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(CASELINT_SOURCE_DIR "/corpus")) {
      if (entry.path().extension() != ".md") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      INFO(entry.path().string());
      ++files;
      std::size_t most = 0;
      for (std::size_t part : {std::size_t{1}, std::size_t{300}, std::size_t{4096}}) {
        most = std::max(most, same_in_parts(ss.str(), part));
      }
      if (most > 1) ++split;
    }
    CHECK(files > 50);
    // Most files have a paragraph or heading after an empty line.
    CHECK(split * 10 > files * 8);
  }
  SUBCASE("a part ends before a paragraph, heading or table after an empty line") {
    CHECK(same_in_parts("# T\n\nOne.\n\nTwo.\n\n## Next\n\nThree.\n", 1) == 5);
    CHECK(same_in_parts("# T\n\n[One](https://a.example/1) [two](b).\n\n[Three](c)\n[four](d)\n", 1) == 3);
    CHECK(same_in_parts("# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n| c |\n|---|\n| 3 |\n\n| not a table\n| x |\n", 1) == 4);
    // Lines numbers and columns after the front matter and in later parts.
    CHECK(same_in_parts("---\ntitle: x\n---\n# T\n\nSee [AWS](https://aws.amazon.com \"t\").\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nEnd é <!-- caselint-disable CS101 -->.\n", 1) == 4);
  }
  SUBCASE("a block still open at an empty line keeps its part going") {
    // A fenced code block and an HTML comment with an empty line and a
    // paragraph-looking line inside.
    CHECK(same_in_parts("# T\n\n```\ncode\n\nnot a paragraph\n```\n\nAfter.\n", 1) == 2);
    CHECK(same_in_parts("# T\n\n<!--\nhidden\n\nnot a paragraph\n-->\n\nAfter.\n", 1) == 2);
    CHECK(same_in_parts("# T\n\n<pre>\nx\n\ny\n</pre>\n\nAfter.\n", 1) == 2);
    // A fence closed inside a list item, then one opened at the top level.
    CHECK(same_in_parts("- ```\n  a\n  ```\n\nfoo\n\n```\ncode\n\nbar\n```\n\nEnd.\n", 1) >= 2);
  }
  SUBCASE("lists, quotes and indented code end where the paragraph starts") {
    same_in_parts("- a\n\n- b\n\n  more b\n\nAfter the list.\n\n> quote\n\nAfter.\n\n    code\n\nText.\n", 1);
    same_in_parts("1. a\n\n   ```\n   x\n\n   y\n   ```\nlazy\n\nNext.\n\n* [ ] task\n\nDone ~~no~~.\n", 1);
    same_in_parts("Setext\n======\n\nPara\n---\n\nWord\n\n<div>\nhtml\n\nText\n", 1);
  }
  SUBCASE("a long list is read in parts, each starting at an item") {
    // A list has no empty line to end a part at: a part ends before an item
    // that follows an item with the same marker.
    CHECK(same_in_parts("# T\n\n- Amazon S3 one\n- Amazon EC2 two\n- AWS DMS three\n  more three\n- four **bold**\n", 1) == 3);
    CHECK(same_in_parts("* a1\n* b2\n+ c3\n+ d4\n- e5\n\n- f6\n- g7\nText.\n", 1) == 4);
    // Not where the item could be something else: a row of a table, a line
    // of an HTML block or a fenced code block, a thematic break or a task.
    CHECK(same_in_parts("| a | b |\n|---|---|\n- x1\n- x2\n- x3\n\nAfter.\n", 1) == 2);
    CHECK(same_in_parts("<div>\n- x1\n- x2\n- x3\n\nAfter.\n", 1) == 2);
    CHECK(same_in_parts("```\n- x1\n- x2\n```\n\nAfter.\n", 1) == 2);
    CHECK(same_in_parts("- - -\n- - -\n- [ ] a\n- [x] b\n", 1) == 1);
    // Loose and tight, nested, ordered lists and lazy lines read the same.
    same_in_parts("- a\n- b\n\n- c\n  - c1\n  - c2\n- d\nlazy d\n- e\n1. one\n2. two\n- f\n> q\n- g\n- h\n", 1);
  }
  SUBCASE("files that keep a link reference or footnote across parts stay whole") {
    CHECK(same_in_parts("See [x].\n\nMore.\n\n[x]: https://example.com\n", 1) == 1);
    CHECK(same_in_parts("Note[^1].\n\nMore.\n\n[^1]: The note.\n", 1) == 1);
    // A footnote reference with no definition is text: such a file is split.
    CHECK(same_in_parts("Note[^1].\n\nMore [^a-z].\n\nEnd.\n", 1) == 3);
    // A carriage return alone ends a line for cmark-gfm, not for the line index.
    CHECK(same_in_parts("One.\r\rTwo.\r\n\r\nThree.\n", 1) == 1);
    CHECK(same_in_parts("One.\r\n\r\nTwo.\r\n\r\nThree.\r\n", 1) == 3);
  }
  SUBCASE("the file's own text like the part marker is only text") {
    same_in_parts("caselintpartend\n\ncaselintpartend\n\n```\ncaselintpartend\n\ncaselintpartend\n", 1);
  }
}

TEST_CASE("a paragraph that cmark-gfm splits from the table after it keeps its lines") {
  // The delimiter row under "| a |" is not one, so "| a |" and "|--|x|"
  // stay a paragraph; cmark-gfm gives it no position and its text lines
  // counted from 0. They come from the table's first line.
  doc::Document d = md("# T\n\n| a |\n|--|x|\n| b | c |\n|---|---|\n| 1 | 2 |\n");
  const doc::Block* p = block_with(d, "| a |");
  REQUIRE(p);
  CHECK(p->range.start == doc::Position{3, 1});
  CHECK(d.position_at(p->text_offset).line == 3);
  CHECK(d.position_at(p->text_offset + p->text.find("|--|")).line == 4);
  same_in_parts("# T\n\n| a |\n|--|x|\n| b | c |\n|---|---|\n| 1 | 2 |\n\nAfter.\n", 1);
}

TEST_CASE("the plain-text view: blocks joined by an empty line, each span in one block") {
  doc::Document d = md("# Title\n\nFirst *line*\nsecond line.\n\n- \n- item\n\n| a | b |\n|---|---|\n| 1 | é |\n");
  REQUIRE(d.blocks.size() >= 4);
  const std::string plain = d.plain_text();
  CHECK(plain.size() == d.text_size);
  CHECK(plain.starts_with("First line\nsecond line.\n\n"));  // a heading is a section, not a block
  for (const doc::Block& b : d.blocks) CHECK(plain.compare(b.text_offset, b.text.size(), b.text) == 0);
  // A prefix, as the acronym check asks for, and one cut inside a separator.
  CHECK(d.plain_text(13) == "First line\nse");
  CHECK(d.plain_text(24) == "First line\nsecond line.\n");
  CHECK(d.plain_text(0).empty());
  // text_at reads inside one block's text and stops at its end.
  const doc::Block* first = block_with(d, "First");
  REQUIRE(first);
  CHECK(d.text_at(first->text_offset + 6, 4) == "line");
  CHECK(d.text_at(first->text_offset, 1000) == first->text);
  CHECK(d.text_at(first->text_offset + first->text.size() + 1, 1).empty());  // in the separator
  // Columns are still counted in code points of the block's text.
  const doc::Block* cell = block_with(d, "é");
  REQUIRE(cell);
  CHECK(d.range_of(cell->text_offset, cell->text.size()).end.column - d.position_at(cell->text_offset).column == 1);
  CHECK(fuzz::model_holds(d));
}

TEST_CASE("every corpus file gives a model whose offsets and spans hold") {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(CASELINT_SOURCE_DIR "/corpus")) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".md" && ext != ".html" && ext != ".ipynb") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string bytes = ss.str();
    if (load::check_bytes(bytes, load::kDefaultMaxFileSize)) continue;
    INFO(entry.path().string());
    load::SourceFile f{entry.path().string(), bytes, *load::format_for_path(entry.path().string())};
    parse::ParseResult r = parse::parse(f);
    if (!r.document) continue;
    ++files;
    CHECK(fuzz::model_holds(*r.document));
    CHECK(fuzz::verbatim_violation(*r.document, f.bytes) == "");
  }
  CHECK(files > 300);
}
