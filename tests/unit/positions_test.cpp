// Positions are exact: every verbatim span of the plain-text view is the
// file's bytes at its place, whatever way a block goes on to its next line
// (indentation, tabs, block quote markers with and without a space, lazy
// lines, list items, table cells, hard breaks, character references,
// escapes, code spans, multi-byte characters, CRLF, front matter).
#include <fstream>
#include <random>
#include <sstream>

#include <filesystem>

#include "check/check.h"
#include "check_document.h"
#include "doc/line_index.h"
#include "fix/fix.h"
#include "rules/registry.h"
#include "parse/align.h"
#include "parse/parse.h"
#include "test_support.h"

using namespace caselint;

namespace {

doc::Document parse_as(const std::string& text, const char* path = "t.md") {
  load::SourceFile f{path, text, *load::format_for_path(path)};
  parse::ParseResult r = parse::parse(f);
  REQUIRE(r.document);
  return *r.document;
}

// Where `needle` (once in the view) stands in the file, and whether it is
// verbatim there.
struct Found {
  doc::SourceRange range;
  bool verbatim = false;
  std::string file_text;  // the file's bytes at range
};

Found find(const doc::Document& d, const std::string& source, const std::string& needle) {
  const std::string view = d.plain_text();
  const std::size_t at = view.find(needle);
  REQUIRE_MESSAGE(at != std::string::npos, "not in the view: " << needle);
  Found f;
  f.range = d.range_of(at, needle.size());
  f.verbatim = d.is_verbatim(at, needle.size());
  const doc::LineIndex index(source);
  auto begin = index.offset_at(f.range.start), end = index.offset_at(f.range.end);
  if (begin && end && *end >= *begin) f.file_text = source.substr(*begin, *end - *begin);
  return f;
}

void check_exact(const doc::Document& d, const std::string& source, const std::string& needle, doc::Position start) {
  INFO("looking for " << needle);
  const Found f = find(d, source, needle);
  CHECK(f.range.start == start);
  CHECK(f.verbatim);
  CHECK(f.file_text == needle);
}

}  // namespace

TEST_CASE("a paragraph that goes on to an indented line has exact columns there") {
  const std::string text = "Intro:\n    Q uses AWS Lamba and PHI data.\n";
  const doc::Document d = parse_as(text);
  check_exact(d, text, "AWS Lamba", {2, 12});
  check_exact(d, text, "PHI", {2, 26});
  CHECK(fuzz::verbatim_violation(d, text) == "");
}

TEST_CASE("a tab-indented continuation line with CRLF line ends has exact columns") {
  const std::string text = "Intro with\r\n\twith AWS Lamba and PHI data.\r\n";
  const doc::Document d = parse_as(text);
  check_exact(d, text, "AWS Lamba", {2, 7});
  check_exact(d, text, "PHI", {2, 21});
}

TEST_CASE("a line after a hard break keeps its place, with two spaces or a backslash") {
  const std::string text = "A quote ends here  \n any PHI data here.\nnext\\\n\tTabbed AWS Lamba line.\n";
  const doc::Document d = parse_as(text);
  check_exact(d, text, "PHI", {2, 6});
  // cmark-gfm gives the text after a backslash break the line before it.
  check_exact(d, text, "AWS Lamba", {4, 9});
}

TEST_CASE("block quotes: markers with and without a space, nested, lazy lines") {
  const std::string text = "> Quote line one\n>continued *em* AWS Lamba\nlazy line PHI text\n\n> > nested\n> > > more DMS\n> lazy CDC\n";
  const doc::Document d = parse_as(text);
  check_exact(d, text, "AWS Lamba", {2, 17});
  check_exact(d, text, "em", {2, 13});
  check_exact(d, text, "PHI", {3, 11});
  check_exact(d, text, "DMS", {6, 12});
  check_exact(d, text, "CDC", {7, 8});
}

TEST_CASE("list items that go on to indented lines, a link between") {
  const std::string text = "- item one\n   continues here [link](x) PHI\n  1. nested\n        deeper AWS Lamba\n";
  const doc::Document d = parse_as(text);
  check_exact(d, text, "continues", {2, 4});
  check_exact(d, text, "link", {2, 20});
  check_exact(d, text, "PHI", {2, 29});
  check_exact(d, text, "AWS Lamba", {4, 16});
}

TEST_CASE("table cells with padding, references and escapes") {
  const std::string text = "| a | b |\n|---|---|\n|  cell one  | x &amp; y \\| PHI é |\n";
  const doc::Document d = parse_as(text);
  check_exact(d, text, "cell one", {3, 4});
  check_exact(d, text, "PHI", {3, 29});
  check_exact(d, text, "é", {3, 33});
  // "x & y" is read from "x &amp; y": not a copy of the file, so no edit may replace it.
  const Found amp = find(d, text, "x & y");
  CHECK(amp.range.start == doc::Position{3, 16});
  CHECK(amp.range.end == doc::Position{3, 25});
  CHECK_FALSE(amp.verbatim);
}

TEST_CASE("character references and escapes keep the columns after them") {
  const std::string text = "Caf&eacute; &#233;t&#xE9; \\*not em\\* and AWS Lamba &amp; PHI\n";
  const doc::Document d = parse_as(text);
  check_exact(d, text, "AWS Lamba", {1, 42});
  check_exact(d, text, "PHI", {1, 58});
  CHECK_FALSE(find(d, text, "Café").verbatim);
  CHECK(fuzz::verbatim_violation(d, text) == "");
}

TEST_CASE("code spans: the text inside the backticks, as code") {
  const std::string text = "Run `aws s3 ls` then `` a`b `` and AWS Lamba.\n";
  const doc::Document d = parse_as(text);
  check_exact(d, text, "aws s3 ls", {1, 6});
  check_exact(d, text, "a`b", {1, 25});
  check_exact(d, text, "AWS Lamba", {1, 36});
  const std::string view = d.plain_text();
  CHECK(d.role_at(view.find("aws s3")) == doc::TextSpan::Role::code);
  CHECK(d.role_at(view.find("AWS Lamba")) == doc::TextSpan::Role::text);
}

TEST_CASE("front matter, then a quote that goes on: columns count from the file") {
  const std::string text = "---\ntitle: A study\n---\n\n> First line\n>   second PHI line\n";
  const doc::Document d = parse_as(text);
  check_exact(d, text, "PHI", {6, 12});
}

TEST_CASE("align_text reads references, escapes and copies") {
  std::vector<parse::AlignedPiece> pieces;
  using parse::Spelling;
  CHECK(parse::align_text("a & b", "a &amp; b", Spelling::markdown, pieces) == 5);
  REQUIRE(pieces.size() == 3);
  CHECK(pieces[1].verbatim == false);
  CHECK(pieces[1].source_length == 5);
  pieces.clear();
  // Without escapes (a code span), "\*" is two characters of the text.
  CHECK(parse::align_text("\\*", "\\*", Spelling::code, pieces) == 2);
  pieces.clear();
  CHECK(parse::align_text("*", "\\*", Spelling::markdown, pieces) == 1);
  pieces.clear();
  // A stop inside a character gives back its first bytes.
  CHECK(parse::align_text("xé", "xè", Spelling::markdown, pieces) == 1);
  pieces.clear();
  CHECK(parse::align_text("AT&T", "AT&T", Spelling::markdown, pieces) == 4);
  CHECK(pieces.size() == 1);
  pieces.clear();
  // HTML: no backslash escapes; CRLF is a line feed.
  CHECK(parse::align_text("a\\*\nb", "a\\*\r\nb", Spelling::html, pieces) == 5);
  CHECK(pieces.size() == 3);
}

// Generated documents: every construct above, mixed at random. Each word is
// unique ("w12x", "é13x"), and every one must be verbatim at its place.
namespace {

class Generator {
 public:
  explicit Generator(unsigned seed) : rng_(seed) {}

  std::string document() {
    words_.clear();
    nl_ = pick(4) == 0 ? "\r\n" : "\n";
    std::string out;
    if (pick(5) == 0) out += "---" + nl_ + "title: T" + nl_ + "---" + nl_ + nl_;
    const int blocks = 1 + pick(4);
    for (int b = 0; b < blocks; ++b) {
      switch (pick(5)) {
        case 0: out += paragraph("", ""); break;
        case 1: out += quote(); break;
        case 2: out += list_item(); break;
        case 3: out += table(); break;
        default: out += paragraph("", indent()); break;
      }
      out += nl_;
    }
    return out;
  }
  const std::vector<std::string>& words() const { return words_; }

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  std::string word() {
    static const char* const kLead[] = {"w", "é", "日", "\xF0\x9F\x98\x80", "W"};
    std::string w = std::string(kLead[pick(5)]) + std::to_string(next_++) + "x";
    words_.push_back(w);
    return w;
  }
  std::string piece() {
    switch (pick(12)) {
      case 0: return "**" + word() + "**";
      case 1: return "*" + word() + "*";
      case 2: return "[" + word() + "](https://example.test/a)";
      case 3: return "`" + word() + "`";
      case 4: return "&amp;";
      case 5: return "&#233;";
      case 6: return "&copy;";
      case 7: return "\\*";
      case 8: return "AT&T";
      case 9: return "~~" + word() + "~~";
      default: return word();
    }
  }
  std::string words_line() {
    std::string line = word();  // a line never starts with markup that could open another block
    const int n = 1 + pick(5);
    for (int i = 0; i < n; ++i) line += (pick(6) == 0 ? "\t" : " ") + piece();
    return line;
  }
  std::string indent() {
    switch (pick(5)) {
      case 0: return "";
      case 1: return "\t";
      case 2: return " ";
      case 3: return "  \t";
      default: return std::string(static_cast<std::size_t>(1 + pick(8)), ' ');
    }
  }
  std::string line_end() {
    switch (pick(5)) {
      case 0: return "  " + nl_;
      case 1: return "\\" + nl_;
      default: return nl_;
    }
  }
  // A paragraph: its first line after `first`, the rest after `rest` and
  // an indentation of their own.
  std::string paragraph(const std::string& first, const std::string& rest) {
    std::string out = first + words_line();
    const int more = pick(4);
    for (int i = 0; i < more; ++i) out += line_end() + rest + indent() + words_line();
    return out + nl_;
  }
  std::string quote() {
    const std::string marker = pick(2) ? "> " : ">";
    const std::string nested = pick(3) == 0 ? marker : "";
    std::string out = marker + nested + words_line();
    const int more = 1 + pick(3);
    for (int i = 0; i < more; ++i) {
      const int kind = pick(3);
      const std::string prefix = kind == 0 ? "" : kind == 1 ? marker + nested : ">" + indent();
      out += line_end() + prefix + words_line();
    }
    return out + nl_;
  }
  std::string list_item() {
    const std::string marker = pick(2) ? "- " : "1. ";
    const std::string body = std::string(marker.size(), ' ');
    std::string out = marker + words_line();
    const int more = 1 + pick(3);
    for (int i = 0; i < more; ++i) out += line_end() + (pick(3) == 0 ? "" : body) + indent() + words_line();
    out += nl_;
    if (pick(2)) out += nl_ + body + "> " + words_line() + nl_ + body + words_line() + nl_;
    return out;
  }
  std::string table() {
    std::string out = "| " + word() + " | " + word() + " |" + nl_ + "|---|:--:|" + nl_;
    const int rows = 1 + pick(3);
    for (int r = 0; r < rows; ++r) {
      out += "|" + std::string(static_cast<std::size_t>(pick(4)), ' ') + piece() + " " + piece() + " | " + piece() +
             (pick(2) ? " \\| " + word() : "") + std::string(static_cast<std::size_t>(pick(3)), ' ') + "|" + nl_;
    }
    return out;
  }

  std::mt19937 rng_;
  std::string nl_;
  std::vector<std::string> words_;
  int next_ = 0;
};

}  // namespace

TEST_CASE("generated paragraphs: every word verbatim at its place, every span the file's bytes") {
  std::size_t checked = 0;
  for (unsigned seed = 1; seed <= 10000; ++seed) {
    Generator g(seed);
    const std::string text = g.document();
    INFO("seed " << seed << ":\n" << text);
    const doc::Document d = parse_as(text);
    CHECK(fuzz::model_holds(d));
    CHECK(fuzz::verbatim_violation(d, text) == "");
    const std::string view = d.plain_text();
    const doc::LineIndex index(text);
    for (const std::string& w : g.words()) {
      const std::size_t at = view.find(w);
      REQUIRE_MESSAGE(at != std::string::npos, "not in the view: " << w);
      const doc::SourceRange r = d.range_of(at, w.size());
      auto begin = index.offset_at(r.start);
      INFO(w << " at " << doc::to_string(r.start));
      REQUIRE(begin);
      CHECK(text.substr(*begin, w.size()) == w);
      CHECK(d.is_verbatim(at, w.size()));
      ++checked;
    }
  }
  CHECK(checked > 150000);
}

// Findings and fixes: on every corpus file under every profile, a finding
// that quotes text quotes the file's bytes at its range, and every fix's
// original text is what its range holds, so no fix is ever refused.
TEST_CASE("every quoted finding and every fix on the corpus, under every profile, holds the file's text") {
  std::size_t quotes = 0, edits = 0, files = 0;
  config::ConfigCache configs(std::nullopt);
  rules::RunOptions run;
  run.as_of = "2026-01-01";
  const std::vector<std::string> profiles = rules::RuleSet::builtin().profile_ids();
  REQUIRE(profiles.size() >= 6);
  for (const auto& entry : std::filesystem::recursive_directory_iterator(CASELINT_SOURCE_DIR "/corpus")) {
    const std::string path = entry.path().string();
    if (!load::format_for_path(path)) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    ++files;
    for (const std::string& profile : profiles) {
      check::Input input;
      input.config_path = input.settings_path = "/nonexistent-caselint-test/" + entry.path().filename().string();
      input.profile = profile;
      input.keep_source = true;
      const format::FileResult r = check::check_text(path, ss.str(), input, configs, run);
      if (!r.source) continue;
      INFO(path << " under " << profile);
      CHECK(fuzz::findings_hold(*r.source, r.diagnostics));
      for (const rules::Diagnostic& d : r.diagnostics) {
        quotes += d.quote.empty() ? 0 : 1;
        edits += d.fix ? d.fix->edits.size() : 0;
      }
      CHECK(fix::apply_fixes(*r.source, r.diagnostics).mismatches.empty());
    }
  }
  CHECK(files > 300);
  CHECK(quotes > 200);
  CHECK(edits > 100);
  MESSAGE(files << " files, " << quotes << " quoted findings, " << edits << " fix edits");
}

TEST_CASE("HTML: text after tags, references, CRLF and runs of spaces have exact columns") {
  const std::string text =
      "<html><head><title>AWS Lamba</title><script>var a = '<p>AWS Lamba';</script></head><body><main>\r\n"
      "<h1>Caf&eacute; claims</h1>\r\n"
      "<p title=\"AWS Lamba\">The team moved to <b>AWS Lamba</b> &amp; kept\r\n"
      "   PHI data   in AWS Lamba.</p>\r\n"
      "<ul><li>Amazon Aurora, <code>CDC</code> <a href=\"x\">OCR link</a></li></ul>\r\n"
      "<p>Our &ldquo;TCO&rdquo; fell.</p>\r\n"
      "</main></body></html>\r\n";
  const doc::Document d = parse_as(text, "t.html");
  CHECK(fuzz::verbatim_violation(d, text) == "");
  check_exact(d, text, "The team moved", {3, 22});
  check_exact(d, text, "AWS Lamba", {3, 43});
  check_exact(d, text, "PHI data", {4, 4});
  check_exact(d, text, "in AWS Lamba", {4, 15});
  check_exact(d, text, "TCO", {6, 15});
  const std::string view = d.plain_text();
  CHECK(d.role_at(view.find("CDC")) == doc::TextSpan::Role::code);
  CHECK(d.role_at(view.find("OCR")) == doc::TextSpan::Role::link);
  // "data   in" is three spaces in the page and one in the view: not a copy.
  CHECK_FALSE(find(d, text, "data in").verbatim);
  CHECK_FALSE(find(d, text, "& kept").verbatim);
}

TEST_CASE("HTML: generated pages, every word verbatim at its place") {
  std::size_t checked = 0;
  for (unsigned seed = 1; seed <= 2000; ++seed) {
    std::mt19937 rng(seed);
    const auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    const std::string nl = pick(3) == 0 ? "\r\n" : "\n";
    std::vector<std::string> words;
    int next = 0;
    const auto word = [&] {
      static const char* const kLead[] = {"w", "é", "日", "W"};
      words.push_back(std::string(kLead[pick(4)]) + std::to_string(next++) + "x");
      return words.back();
    };
    std::string page = "<html><body>" + nl + "<main>" + nl;
    const int blocks = 1 + pick(5);
    for (int b = 0; b < blocks; ++b) {
      const bool list = pick(4) == 0;
      page += list ? "<ul><li>" : "<p class=\"x\">";
      const int pieces = 1 + pick(8);
      for (int i = 0; i < pieces; ++i) {
        switch (pick(9)) {
          case 0: page += "<b>" + word() + "</b>"; break;
          case 1: page += "<a href=\"https://example.test/" + std::to_string(i) + "\">" + word() + "</a>"; break;
          case 2: page += "&amp;"; break;
          case 3: page += "&#233;"; break;
          case 4: page += nl + std::string(static_cast<std::size_t>(pick(6)), ' '); break;
          case 5: page += "<span>" + word() + " " + word() + "</span>"; break;
          default: page += word(); break;
        }
        page += pick(4) == 0 ? "   " : " ";
      }
      page += list ? "</li></ul>" + nl : "</p>" + nl;
    }
    page += "</main></body></html>" + nl;
    INFO("seed " << seed << ":\n" << page);
    const doc::Document d = parse_as(page, "t.html");
    CHECK(fuzz::verbatim_violation(d, page) == "");
    const std::string view = d.plain_text();
    const doc::LineIndex index(page);
    for (const std::string& w : words) {
      const std::size_t at = view.find(w);
      REQUIRE_MESSAGE(at != std::string::npos, "not in the view: " << w);
      const auto begin = index.offset_at(d.range_of(at, w.size()).start);
      REQUIRE(begin);
      CHECK(page.substr(*begin, w.size()) == w);
      CHECK(d.is_verbatim(at, w.size()));
      ++checked;
    }
  }
  CHECK(checked > 10000);
}

TEST_CASE("notebooks: a cell's source as one string or as lines, through JSON escapes") {
  const std::string text =
      "{\"cells\": [\n"
      "  {\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"# Churn\\n\\nThe \\\"caf\\u00e9\\\" team\\n  ran AWS Lamba on PHI data.\\n\"},\n"
      "  {\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": [\"Then \\\"we\\\" moved\\n\", \"    to AWS Lamba for the TCO.\"]},\n"
      "  {\"cell_type\": \"code\", \"metadata\": {}, \"source\": [\"x = \\\"AWS Lamba\\\"\\n\", \"print(x)\"], \"outputs\": [], \"execution_count\": null}\n"
      "], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}\n";
  const doc::Document d = parse_as(text, "t.ipynb");
  CHECK(fuzz::verbatim_violation(d, text) == "");
  // Line 2 of the file holds the whole first cell.
  const std::size_t line2 = text.find('\n') + 1;
  const auto column_of = [&](std::size_t line_start, const std::string& needle) {
    return static_cast<int>(doc::count_codepoints(text.substr(line_start, text.find(needle, line_start) - line_start))) + 1;
  };
  check_exact(d, text, "ran AWS Lamba", {2, column_of(line2, "ran AWS Lamba")});
  check_exact(d, text, "PHI", {2, column_of(line2, "PHI")});
  check_exact(d, text, "team", {2, column_of(line2, "team")});
  // "café" is written "caf\u00e9": not a copy of the file.
  CHECK_FALSE(find(d, text, "café").verbatim);
  const std::size_t line3 = text.find('\n', line2) + 1;
  check_exact(d, text, "AWS Lamba for the TCO", {3, column_of(line3, "AWS Lamba for")});
  check_exact(d, text, "moved", {3, column_of(line3, "moved")});
  const std::size_t line4 = text.find('\n', line3) + 1;
  check_exact(d, text, "print(x)", {4, column_of(line4, "print(x)")});
}
