#include "test_support.h"

#include <string>

#include "check_document.h"
#include "config/config.h"
#include "extract/fields.h"
#include "extract/vocab.h"
#include "kind/kind.h"
#include "outline/outline.h"

using namespace caselint;

namespace {

doc::Document read(const std::string& text, doc::Format format = doc::Format::markdown, std::string path = "") {
  if (path.empty()) path = format == doc::Format::html ? "t.html" : "t.md";
  load::SourceFile f{path, text, format};
  parse::ParseResult r = outline::read(f);
  REQUIRE(r.document);
  return *r.document;
}

std::vector<std::string> headings(const doc::Document& d) {
  std::vector<std::string> out;
  for (std::size_t i = 1; i < d.sections.size(); ++i) out.push_back(d.sections[i].heading);
  return out;
}

const doc::Section* section(const doc::Document& d, const std::string& heading) {
  for (const doc::Section& s : d.sections) {
    if (s.heading == heading) return &s;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("template tags: Hugo shortcodes, Liquid tags and outputs, with their parameters") {
  const std::string text = R"(a {{< section_title text="The challenge" >}} b {% include section-heading.html title='Why' %} {{ page.title }} {{% callout %}})";
  const std::vector<outline::Tag> tags = outline::find_tags(text);
  REQUIRE(tags.size() == 4);
  CHECK(tags[0].name == "section_title");
  REQUIRE(tags[0].param("text"));
  CHECK(tags[0].param("text")->value == "The challenge");
  CHECK(text.substr(tags[0].param("text")->value_begin, 13) == "The challenge");
  CHECK(tags[1].name == "section-heading.html");  // an include is named by its file
  CHECK(tags[1].param("title")->value == "Why");
  CHECK(tags[2].name.empty());
  CHECK(tags[3].name == "callout");
  CHECK(text.substr(tags[3].begin, tags[3].end - tags[3].begin) == "{{% callout %}}");
  const std::vector<outline::Tag> closing = outline::find_tags("{{< /study/results >}}");
  REQUIRE(closing.size() == 1);
  CHECK(closing[0].closing);
  CHECK(closing[0].name == "study/results");
}

TEST_CASE("an unclosed or oversized tag is text, and finding tags reads each byte once") {
  CHECK(outline::find_tags("{{< section_title text=\"x\" ").empty());
  CHECK(outline::find_tags(std::string("{{< a ") + std::string(outline::kMaxTagBytes, 'x') + " >}}").empty());
  // An opener inside a would-be tag starts over there: the second closes.
  const std::vector<outline::Tag> tags = outline::find_tags("{{< a {{< b >}}");
  REQUIRE(tags.size() == 1);
  CHECK(tags[0].name == "b");
  // A long run of openers, none closed: no tag, and no hang.
  std::string openers;
  for (int i = 0; i < 200000; ++i) openers += "{{";
  CHECK(outline::find_tags(openers).empty());
}

TEST_CASE("headings in any wording are tied to a field by their cue words") {
  CHECK(outline::field_of_heading("Why the bank needed a change") == "problem_statement");
  CHECK(outline::field_of_heading("Where they started") == "problem_statement");
  CHECK(outline::field_of_heading("What we built together") == "proposed_solution");
  CHECK(outline::field_of_heading("Partner and third-party tools") == "third_party_tools");
  CHECK(outline::field_of_heading("What the team would do differently") == "lessons_learned");
  CHECK(outline::field_of_heading("Learnings so far") == "lessons_learned");
  CHECK(outline::field_of_heading("The payoff") == "outcomes");
  // Not a field's section, whatever its words.
  CHECK_FALSE(outline::field_of_heading("Next steps"));
  CHECK_FALSE(outline::field_of_heading("About us"));
  CHECK_FALSE(outline::field_of_heading("Why us"));
  CHECK_FALSE(outline::field_of_heading("Why Stratus & Sons"));
  CHECK_FALSE(outline::field_of_heading("Kestrel Cloud"));
  CHECK_FALSE(outline::field_of_heading(std::string(500, 'a')));
}

TEST_CASE("a shortcode that carries a heading is a section, and its syntax leaves the text") {
  const std::string src =
      "---\ntitle: Orla on AWS\n---\n\n{{< section_title text=\"Challenge\" >}}\n\nOrla's claims system could not scale.\n\n"
      "{{< study/results >}}\nClaims now close in two days.\n{{< /study/results >}}\n\n"
      "Read the {{< ref \"post.md\" >}} post.\n";
  const doc::Document d = read(src);
  CHECK(headings(d) == std::vector<std::string>{"Challenge", "Results"});
  const doc::Section* challenge = section(d, "Challenge");
  REQUIRE(challenge);
  CHECK(challenge->origin == doc::Section::Origin::template_tag);
  CHECK(challenge->heading_range.start.line == 5);
  int challenge_index = 0;
  while (&d.sections[static_cast<std::size_t>(challenge_index)] != challenge) ++challenge_index;
  CHECK(d.section_text(challenge_index, false) == "Orla's claims system could not scale.");
  const std::string text = d.plain_text();
  CHECK(text.find("{{") == std::string::npos);
  CHECK(text.find("}}") == std::string::npos);
  CHECK(text.find("Read the post.") != std::string::npos);
  CHECK(text.find("Claims now close in two days.") != std::string::npos);
  // The model stays whole, and every verbatim span still points at its text
  // in the file.
  CHECK(fuzz::model_holds(d));
  CHECK(fuzz::verbatim_violation(d, src).empty());
}

TEST_CASE("a heading parameter keeps its place in the file; a figure shortcode is an image") {
  const std::string src = "Intro.\n\n{{< heading text=\"Our approach\" >}}\n\nWe rebuilt it.\n\n"
                          "{{< figure src=\"/img/arch.png\" alt=\"Solution architecture\" >}}\n";
  const doc::Document d = read(src);
  const doc::Section* s = section(d, "Our approach");
  REQUIRE(s);
  const doc::Block* heading = nullptr;
  for (const doc::Block& b : d.blocks) {
    if (b.kind == doc::BlockKind::heading) heading = &b;
  }
  REQUIRE(heading);
  CHECK(heading->text == "Our approach");
  // "Our approach" starts at column 19 of line 3 in the file.
  CHECK(d.position_at(heading->text_offset) == doc::Position{3, 19});
  REQUIRE(d.links.size() == 1);
  CHECK(d.links[0].is_image);
  CHECK(d.links[0].target == "/img/arch.png");
  CHECK(d.links[0].text == "Solution architecture");
  CHECK(d.links[0].range.start.line == 7);
}

TEST_CASE("a line of bold text only is a heading; a bold label or a long bold line is not") {
  const doc::Document d = read(
      "# Title\n\n**The challenge**\n\nIt was slow.\n\n**Customer:** Orla\n\n**Results**\n\nFaster.\n\n**" +
      std::string(10000, 'x') + "**\n\n**This is a whole bold sentence that ends with a full stop.**\n");
  CHECK(headings(d) == std::vector<std::string>{"Title", "The challenge", "Results"});
  const doc::Section* c = section(d, "The challenge");
  REQUIRE(c);
  CHECK(c->origin == doc::Section::Origin::bold);
  CHECK(c->level == 2);
  CHECK(c->parent == 1);
  // The label stays a label line in its section's text.
  const doc::Section* r = section(d, "Results");
  REQUIRE(r);
  CHECK(r->heading_range.start.line == 9);
}

TEST_CASE("an HTML element whose class names a section is one, unless it opens with its own heading") {
  const doc::Document d = read(
      "<html><body><main><h1>Orla</h1>"
      "<section class=\"cs-block challenge\"><p>Claims took weeks.</p></section>\n"
      "<div id=\"results\"><h2>What changed</h2><p>Days now.</p></div>\n"
      "<div class=\"container\"><p>Plain.</p></div>"
      "</main></body></html>",
      doc::Format::html);
  CHECK(headings(d) == std::vector<std::string>{"Orla", "Challenge", "What changed"});
  const doc::Section* c = section(d, "Challenge");
  REQUIRE(c);
  CHECK(c->origin == doc::Section::Origin::html_class);
}

TEST_CASE("a heading in other words, a front matter map and prose give the fields, with their evidence") {
  const doc::Document d = read(
      "---\ntitle: How Nimbus helped Orla modernize claims\nabout_client:\n  title: About Orla Mutual\n"
      "  text: Orla Mutual insures boats.\ntestimonial:\n  author: CTO at Orla Mutual\n---\n\n"
      "## Why the insurer needed a change\n\nClaims took weeks.\n\n"
      "We migrated the claims platform to AWS with Terraform and Datadog.\n\n"
      "Claims now close 80% faster than before.\n");
  const extract::Fields f = extract::extract_fields(d, extract::Vocabulary::builtin());
  const extract::Field* problem = f.get("problem_statement");
  REQUIRE(problem);
  CHECK(std::string(extract::evidence_name(problem->source)) == "heading");
  const extract::Field* solution = f.get("proposed_solution");
  REQUIRE(solution);
  CHECK(std::string(extract::evidence_name(solution->source)) == "prose");
  const extract::Field* outcomes = f.get("outcomes");
  REQUIRE(outcomes);
  CHECK(outcomes->text.find("80% faster") != std::string::npos);
  std::vector<std::string> tools;
  for (const extract::Field* t : f.all("third_party_tools")) tools.push_back(t->text);
  CHECK(tools == std::vector<std::string>{"Terraform", "Datadog"});
  const extract::Field* customer = f.get("customer_name");
  REQUIRE(customer);
  CHECK(customer->text == "Orla Mutual");
  CHECK(std::string(extract::evidence_name(customer->source)) == "front_matter");
}

TEST_CASE("the customer is never the partner or AWS, and a lone mention is not a name") {
  const doc::Document d = read(
      "# Moving claims to AWS\n\nNimbus, an AWS Advanced Tier Services Partner, did the work.\n\n"
      "## About Nimbus\n\nNimbus builds cloud platforms.\n");
  const extract::Fields f = extract::extract_fields(d, extract::Vocabulary::builtin());
  CHECK_FALSE(f.get("customer_name"));
}

TEST_CASE("the kind of a page: its path, title, headings and fields") {
  auto kind_of = [](const std::string& text, const std::string& path, doc::Format format = doc::Format::markdown) {
    const doc::Document d = read(text, format, path);
    return kind::classify(d, extract::extract_fields(d, extract::Vocabulary::builtin()));
  };
  CHECK(kind_of("---\ntitle: Careers at Halyard\n---\n\nJoin us.\n", "content/careers/_index.md").kind ==
        kind::PageKind::other);
  CHECK(kind_of("# Privacy policy\n\nWe keep your personal data safe.\n", "privacy.md").kind == kind::PageKind::other);
  CHECK(kind_of("# How we run MLOps reviews\n\nYou should start with the data.\n", "blog/mlops.md").kind ==
        kind::PageKind::other);
  const kind::Decision practice = kind_of(
      "# Amazon Aurora migration services\n\n## What we offer\n\nAssessments and migrations.\n\n## Why us\n\nWe offer "
      "certified engineers. Contact us.\n",
      "services/aurora.md");
  CHECK(practice.kind == kind::PageKind::landing_page);
  CHECK_FALSE(practice.reason.empty());
  const kind::Decision study = kind_of(
      "# Case study: Orla\n\n## Challenge\n\nClaims took weeks.\n\n## Solution\n\nWe moved them to AWS.\n\n## Results\n\n"
      "Days now.\n",
      "posts/orla.md");
  CHECK(study.kind == kind::PageKind::case_study);
  CHECK(study.reason == "its title says case study");
  // Nothing to go on: a Markdown file is a case study, an HTML page a landing page.
  CHECK(kind_of("# T\n", "t.md").kind == kind::PageKind::case_study);
  CHECK(kind_of("<html><body><p>x</p></body></html>", "t.html", doc::Format::html).kind == kind::PageKind::landing_page);
}

TEST_CASE("the config's partner is the partner, never the customer") {
  const doc::Document d = read("# Moving claims to AWS\n\n## About Nimbus Cloud\n\nWe build platforms.\n");
  extract::Fields f = extract::extract_fields(d, extract::Vocabulary::builtin());
  REQUIRE(f.get("customer_name"));
  CHECK(f.get("customer_name")->text == "Nimbus Cloud");  // the heading reads as a customer on its own
  extract::add_configured_partner(f, "Nimbus Cloud");
  CHECK_FALSE(f.get("customer_name"));
  REQUIRE(f.get("partner_name"));
  CHECK(f.get("partner_name")->text == "Nimbus Cloud");
  const config::Config c = config::parse_config("partner: Nimbus Cloud\n", "/x/.caselint.yaml");
  CHECK(c.settings_for("/x/a.md").partner == "Nimbus Cloud");
}
