#include <doctest/doctest.h>

#include <string>

#include "doc/document.h"
#include "parse/parse.h"

using caselint::doc::BlockKind;
using caselint::doc::Document;
using caselint::doc::Format;

namespace {

Document parse(const std::string& html) {
  Document d;
  d.format = Format::html;
  d.path = "case.html";
  caselint::parse::parse_html(html, d);
  return d;
}

const caselint::doc::Block* find_block(const Document& d, const std::string& text) {
  for (const auto& b : d.blocks) {
    if (b.text == text) return &b;
  }
  return nullptr;
}

// Line numbers below are 1-based lines of this page.
const char* const kCaseStudy = R"(<!DOCTYPE html>
<html lang="en">
<head>
  <title>Acme Corp Cuts Costs 40% with AWS</title>
  <meta name="description" content="How Acme   migrated to AWS.">
  <style>body { color: red; }</style>
  <!-- caselint-disable CS101, CS104 -->
</head>
<body>
  <nav><a href="/">Home</a> <a href="/partners">Partners</a></nav>
  <div class="cookie">We use cookies</div>
  <main>
    <h1>Acme Corp Cuts Costs</h1>
    <p><strong>Customer:</strong> Acme Corp</p>
    <div>Industry: Retail</div>
    <h2>Challenge</h2>
    <p>Acme ran
       on-premises servers &amp; tapes.</p>
    <script>var secret = "script text";</script>
    <ul>
      <li>Outer item
        <ul><li>Inner <a href="https://aws.amazon.com/ec2/" title="EC2">Amazon EC2</a></li></ul>
      </li>
    </ul>
    <h3>Results</h3>
    <table>
      <tr><th>Metric</th><th>Before</th></tr>
      <tr><td>Cost</td><td>$100</td></tr>
    </table>
    <h2>Solution</h2>
    <figure>
      <img src="arch.png"
           width="600">
      <figcaption>Architecture diagram</figcaption>
    </figure>
    <img src="logo.png" alt="Acme logo">
    <p hidden>Hidden text</p>
    <div style="display: none">Also hidden</div>
    <!-- caselint-disable-next-line CS200 -->
    <p>Final words.</p>
  </main>
  <footer>Copyright 2024</footer>
</body>
</html>
)";

}  // namespace

TEST_CASE("html: title, description and line count") {
  Document d = parse(kCaseStudy);
  CHECK(d.title == "Acme Corp Cuts Costs 40% with AWS");
  CHECK(d.title_range.start.line == 4);
  CHECK(d.title_range.start.column == 0);
  CHECK(d.description == "How Acme migrated to AWS.");
  CHECK(d.last_line == 44);
}

TEST_CASE("html: headings give the section tree") {
  Document d = parse(kCaseStudy);
  REQUIRE(d.sections.size() == 5);
  CHECK(d.sections[0].level == 0);
  CHECK(d.sections[0].heading.empty());
  CHECK(d.sections[0].range.end.line == 12);

  CHECK(d.sections[1].heading == "Acme Corp Cuts Costs");
  CHECK(d.sections[1].level == 1);
  CHECK(d.sections[1].parent == 0);
  CHECK(d.sections[1].heading_range.start.line == 13);
  CHECK(d.sections[1].range.end.line == 44);

  CHECK(d.sections[2].heading == "Challenge");
  CHECK(d.sections[2].level == 2);
  CHECK(d.sections[2].parent == 1);
  CHECK(d.sections[2].range.start.line == 16);
  CHECK(d.sections[2].range.end.line == 29);

  CHECK(d.sections[3].heading == "Results");
  CHECK(d.sections[3].level == 3);
  CHECK(d.sections[3].parent == 2);
  CHECK(d.sections[3].range.end.line == 29);

  CHECK(d.sections[4].heading == "Solution");
  CHECK(d.sections[4].parent == 1);
  CHECK(d.sections[4].heading_range.start.line == 30);

  CHECK(d.sections[0].children == std::vector<int>{1});
  CHECK(d.sections[1].children == std::vector<int>{2, 4});
  CHECK(d.sections[2].children == std::vector<int>{3});
  // Headings are sections, not text.
  CHECK(d.plain_text().find("Challenge") == std::string::npos);
}

TEST_CASE("html: only <main> content produces blocks and links") {
  Document d = parse(kCaseStudy);
  CHECK(d.plain_text().find("cookies") == std::string::npos);
  CHECK(d.plain_text().find("Copyright") == std::string::npos);
  CHECK(d.plain_text().find("Home") == std::string::npos);
  for (const auto& link : d.links) CHECK(link.target != "/partners");
  CHECK(d.sections[0].blocks.empty());
}

TEST_CASE("html: labelled paragraphs and loose div text") {
  Document d = parse(kCaseStudy);
  const auto* customer = find_block(d, "Customer: Acme Corp");
  REQUIRE(customer != nullptr);
  CHECK(customer->strong_prefix() == "Customer:");
  CHECK(customer->kind == BlockKind::paragraph);
  CHECK(customer->range.start.line == 14);
  CHECK(customer->section == 1);

  const auto* industry = find_block(d, "Industry: Retail");
  REQUIRE(industry != nullptr);
  CHECK(industry->strong_prefix().empty());
  CHECK(industry->range.start.line == 15);

  const auto* challenge = find_block(d, "Acme ran on-premises servers & tapes.");
  REQUIRE(challenge != nullptr);
  CHECK(challenge->section == 2);
  CHECK(challenge->range.start.line == 17);
  CHECK(challenge->range.end.line == 18);
  // Each source line of the paragraph maps back to its own line.
  std::size_t tapes = d.plain_text().find("tapes");
  REQUIRE(tapes != std::string::npos);
  CHECK(d.position_at(tapes).line == 18);
  CHECK(d.position_at(challenge->text_offset).line == 17);
}

TEST_CASE("html: nested lists give one block per item") {
  Document d = parse(kCaseStudy);
  const auto* outer = find_block(d, "Outer item");
  const auto* inner = find_block(d, "Inner Amazon EC2");
  REQUIRE(outer != nullptr);
  REQUIRE(inner != nullptr);
  CHECK(outer->kind == BlockKind::list_item);
  CHECK(inner->kind == BlockKind::list_item);
  CHECK(outer->text_offset < inner->text_offset);
  CHECK(inner->range.start.line == 22);
}

TEST_CASE("html: tables with a header row") {
  Document d = parse(kCaseStudy);
  REQUIRE(d.tables.size() == 1);
  const auto& t = d.tables[0];
  CHECK(t.has_header);
  CHECK(t.section == 3);
  CHECK(t.range.start.line == 26);
  REQUIRE(t.rows.size() == 2);
  REQUIRE(t.rows[0].size() == 2);
  REQUIRE(t.rows[1].size() == 2);
  const auto& cost = d.blocks[static_cast<std::size_t>(t.rows[1][0])];
  CHECK(cost.text == "Cost");
  CHECK(cost.kind == BlockKind::table_cell);
  CHECK(cost.table == 0);
  CHECK(cost.row == 1);
  CHECK(cost.col == 0);
  CHECK(cost.range.start.line == 28);
  CHECK(d.blocks[static_cast<std::size_t>(t.rows[0][1])].text == "Before");

  Document plain = parse("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td></td></tr></table>");
  REQUIRE(plain.tables.size() == 1);
  CHECK_FALSE(plain.tables[0].has_header);
  REQUIRE(plain.tables[0].rows.size() == 2);
  REQUIRE(plain.tables[0].rows[1].size() == 2);  // empty cells keep their column
  CHECK(plain.blocks[static_cast<std::size_t>(plain.tables[0].rows[1][1])].text.empty());

  Document thead = parse("<table><thead><tr><td>H</td></tr></thead><tr><td>v</td></tr></table>");
  REQUIRE(thead.tables.size() == 1);
  CHECK(thead.tables[0].has_header);
}

TEST_CASE("html: links and images in document order") {
  Document d = parse(kCaseStudy);
  REQUIRE(d.links.size() == 3);
  CHECK(d.links[0].target == "https://aws.amazon.com/ec2/");
  CHECK(d.links[0].text == "Amazon EC2");
  CHECK(d.links[0].title == "EC2");
  CHECK_FALSE(d.links[0].is_image);
  CHECK(d.links[0].range.start.line == 22);
  CHECK(d.links[0].section == 2);

  CHECK(d.links[1].is_image);
  CHECK(d.links[1].target == "arch.png");
  CHECK(d.links[1].text.empty());
  CHECK(d.links[1].title == "Architecture diagram");  // from the figcaption
  CHECK(d.links[1].range.start.line == 32);           // where the tag starts
  CHECK(d.links[1].section == 4);

  CHECK(d.links[2].is_image);
  CHECK(d.links[2].target == "logo.png");
  CHECK(d.links[2].text == "Acme logo");
  CHECK(d.links[2].range.start.line == 36);

  const auto* caption = find_block(d, "Architecture diagram");
  REQUIRE(caption != nullptr);
  CHECK(caption->range.start.line == 34);
}

TEST_CASE("html: invisible content is not text") {
  Document d = parse(kCaseStudy);
  CHECK(d.plain_text().find("script text") == std::string::npos);
  CHECK(d.plain_text().find("color") == std::string::npos);
  CHECK(d.plain_text().find("Hidden text") == std::string::npos);
  CHECK(d.plain_text().find("Also hidden") == std::string::npos);
  CHECK(d.plain_text().find("caselint") == std::string::npos);
  CHECK(d.plain_text().find("Final words.") != std::string::npos);
}

TEST_CASE("html: directive comments anywhere") {
  Document d = parse(kCaseStudy);
  REQUIRE(d.directives.size() == 2);
  CHECK(d.directives[0].kind == caselint::doc::Directive::Kind::disable);
  CHECK(d.directives[0].codes == std::vector<std::string>{"CS101", "CS104"});
  CHECK(d.directives[0].line == 7);
  CHECK(d.directives[1].kind == caselint::doc::Directive::Kind::disable_next_line);
  CHECK(d.directives[1].line == 39);
  const auto* last = find_block(d, "Final words.");
  REQUIRE(last != nullptr);
  CHECK(last->range.start.line == d.directives[1].line + 1);
}

TEST_CASE("html: plain text view matches the blocks") {
  Document d = parse(kCaseStudy);
  REQUIRE(!d.blocks.empty());
  for (const auto& b : d.blocks) {
    CHECK(d.plain_text().compare(b.text_offset, b.text.size(), b.text) == 0);
  }
  for (std::size_t i = 1; i < d.spans.size(); ++i) {
    CHECK(d.spans[i - 1].offset + d.spans[i - 1].length <= d.spans[i].offset);
  }
}

TEST_CASE("html: without <main> the whole body counts; title falls back to h1") {
  Document d = parse("<html><body>\n<h1>Acme &amp; AWS</h1>\n<div><b>Partner:</b> Example</div>\n</body></html>\n");
  CHECK(d.title == "Acme & AWS");
  CHECK(d.title_range.start.line == 2);
  REQUIRE(d.sections.size() == 2);
  REQUIRE(d.blocks.size() == 1);
  CHECK(d.blocks[0].text == "Partner: Example");
  CHECK(d.blocks[0].strong_prefix() == "Partner:");
  CHECK(d.blocks[0].section == 1);
  CHECK(d.last_line == 4);
}

TEST_CASE("html: <article> is used when there is no <main>") {
  Document d = parse("<body><header>Site</header><article><p>Story</p></article><aside>Ads</aside></body>");
  CHECK(d.plain_text() == "Story");
}

TEST_CASE("html: definition lists, code and blockquotes") {
  Document d = parse("<dl><dt>Term</dt><dd>Meaning</dd></dl><pre>int x;\n  x++;</pre>"
                     "<blockquote>Said <p>inside</p></blockquote>");
  REQUIRE(d.blocks.size() == 5);
  CHECK(d.blocks[0].kind == BlockKind::definition_term);
  CHECK(d.blocks[1].kind == BlockKind::definition);
  CHECK(d.blocks[2].kind == BlockKind::code);
  CHECK(d.blocks[2].text == "int x; x++;");
  CHECK(d.blocks[3].text == "Said");
  CHECK(d.blocks[4].text == "inside");
}

TEST_CASE("html: empty and malformed input") {
  Document empty = parse("");
  REQUIRE(empty.sections.size() == 1);
  CHECK(empty.blocks.empty());

  Document broken = parse("<p>unclosed <b>bold <td>cell</p></div></span><h2>Next");
  REQUIRE(broken.sections.size() == 2);
  CHECK(broken.sections[1].heading == "Next");
  CHECK(broken.plain_text().find("unclosed") != std::string::npos);
}

TEST_CASE("html: deep nesting does not crash") {
  std::string html = "<html><body><!-- caselint-disable -->";
  for (int i = 0; i < 10000; ++i) html += "<div>";
  html += "deep";
  for (int i = 0; i < 10000; ++i) html += "</div>";
  html += "<p>after</p></body></html>";
  Document d = parse(html);
  CHECK(d.sections.size() == 1);
  CHECK(d.directives.size() == 1);

  std::string lists;
  for (int i = 0; i < 10000; ++i) lists += "<ul><li>x";
  Document l = parse(lists);
  CHECK(!l.blocks.empty());
}

TEST_CASE("with no <main> or <article>, the element a theme marks as content is the article") {
  const Document d = parse(
      "<html><body><div class=\"sidebar\"><p>Subscribe to our newsletter</p></div>"
      "<div class=\"wrap entry-content\"><h1>Orla</h1><p>Claims now close in two days.</p></div>"
      "<div class=\"footer-widgets\"><p>Copyright Nimbus</p></div></body></html>");
  std::string text = d.plain_text();
  CHECK(text.find("Claims now close") != std::string::npos);
  CHECK(text.find("Subscribe") == std::string::npos);
  CHECK(text.find("Copyright") == std::string::npos);
  const Document role = parse("<html><body><p>Menu</p><div role=\"main\"><p>Body text.</p></div></body></html>");
  CHECK(role.plain_text() == "Body text.");
}

TEST_CASE("with only a body, its <nav>, <header> and <footer> are the template, not the article") {
  const Document d = parse(
      "<html><body><header><a href=\"/about/\">About</a> Call us today</header><nav><a href=\"/aws/\">AWS</a></nav>"
      "<h1>Orla</h1><p>Claims now close in two days.</p><footer>Copyright Nimbus</footer></body></html>");
  CHECK(d.plain_text() == "Claims now close in two days.");
  CHECK(d.title == "Orla");
  CHECK(d.links.empty());
  // The template's links are still the site's links (caselint site follows them).
  REQUIRE(d.outside_links.size() == 2);
  CHECK(d.outside_links[0].target == "/about/");
  CHECK(d.outside_links[1].target == "/aws/");
}
