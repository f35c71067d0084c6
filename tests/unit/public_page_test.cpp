// The notion "this document is public" (front matter, landing profiles,
// --public / RunOptions::treat_as_public, the config's `public:`) and the
// public-safety rules' edge cases.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>

#include "config/config.h"
#include "extract/fields.h"
#include "load/source.h"
#include "parse/parse.h"
#include "rules/engine.h"

using namespace caselint;

namespace {

doc::Document parse_text(const std::string& text, doc::Format fmt) {
  load::SourceFile f{fmt == doc::Format::html ? "t.html" : "t.md", text, fmt};
  parse::ParseResult r = parse::parse(f);
  REQUIRE(r.document);
  return std::move(*r.document);
}

// The messages of `code` for the text checked with `profile`.
std::vector<std::string> findings(const std::string& text, const std::string& code, const std::string& profile,
                                  rules::FileSettings settings = {}, bool treat_as_public = false,
                                  doc::Format fmt = doc::Format::markdown) {
  doc::Document d = parse_text(text, fmt);
  extract::Fields fields = extract::extract_fields(d, extract::Vocabulary::builtin());
  rules::RunOptions run{"2026-06-30", treat_as_public};
  std::vector<std::string> out;
  for (const rules::Diagnostic& diag :
       rules::check_document(rules::RuleSet::builtin(), d, fields, profile, settings, run)) {
    if (diag.code == code) out.push_back(diag.message);
  }
  return out;
}

const std::string kStudy =
    "# How Northwind cut reporting time with Amazon Aurora\n\n"
    "Reporting time fell by TBD percent.\n\n"
    "**AWS account ID:** 4821-7730-1956\n";

}  // namespace

TEST_CASE("a document is public by front matter, landing profile, --public or the config, and only then") {
  CHECK(findings(kStudy, "CS405", "aurora").empty());
  CHECK(findings(kStudy, "CS401", "aurora").empty());
  CHECK(findings("---\npublic: true\n---\n" + kStudy, "CS405", "aurora").size() == 1);
  CHECK(findings(kStudy, "CS405", "landing-page").size() == 1);
  CHECK(findings(kStudy, "CS405", "landing-page-ml-technology").size() == 1);

  std::vector<std::string> run_public = findings(kStudy, "CS405", "aurora", {}, true);
  REQUIRE(run_public.size() == 1);
  CHECK(run_public[0].find("checked as a public page") != std::string::npos);
  // CS401 honours the run flag and the config as the new rules do.
  CHECK(findings(kStudy, "CS401", "aurora", {}, true).size() == 1);
  rules::FileSettings s;
  s.public_page = true;
  CHECK(findings(kStudy, "CS401", "aurora", s).size() == 1);
  CHECK(findings(kStudy, "CS405", "case-study", s).size() == 1);
}

TEST_CASE("config public: at the top level and per override; a bad value names the line") {
  config::Config top = config::parse_config("public: true\n", "/site/.caselint.yaml");
  CHECK(top.settings_for("/site/a.md").public_page);
  config::Config none = config::parse_config("profile: aurora\n", "/site/.caselint.yaml");
  CHECK_FALSE(none.settings_for("/site/a.md").public_page);

  config::Config over = config::parse_config(
      "overrides:\n  - files: \"published/**\"\n    public: yes\n  - files: \"published/drafts/*\"\n    public: false\n",
      "/site/.caselint.yaml");
  CHECK(over.settings_for("/site/published/a.md").public_page);
  CHECK_FALSE(over.settings_for("/site/published/drafts/b.md").public_page);
  CHECK_FALSE(over.settings_for("/site/private/c.md").public_page);

  try {
    config::parse_config("rules:\n  CS104: off\npublic: maybe\n", "cfg.yaml");
    FAIL("expected a ConfigError");
  } catch (const config::ConfigError& e) {
    CHECK(e.line == 3);
    CHECK(e.message == "invalid public \"maybe\"; expected true or false");
  }
}

TEST_CASE("private IPv4 ranges: four octets of 0-255 in RFC 1918 or 100.64/10, never versions or public addresses") {
  auto hosts = [](const std::string& line) {
    return findings("# T\n\n" + line + "\n", "CS403", "landing-page");
  };
  CHECK(hosts("engine 10.2.3 and 1.10.2.3.4").empty());
  CHECK(hosts("resolver 8.8.8.8, 172.15.0.1, 172.32.0.1, 192.169.1.1, 100.128.0.1, 256.10.0.1").empty());
  CHECK(hosts("hosts 172.16.0.1 and 172.31.255.255").size() == 2);
  CHECK(hosts("carrier 100.64.0.1, home 192.168.0.10, vpc 10.0.0.2").size() == 3);
  CHECK(hosts("node ip-10-0-0-1.ec2.internal").size() == 1);
  CHECK(hosts("Acme Corp. and the local office").empty());
}

TEST_CASE("the parsers keep comments and author-hidden elements out of the text but in Document::hidden") {
  auto md = parse_text("# T\n\nText <!-- note one --> more.\n\n<!-- expect: CS101 -->\n", doc::Format::markdown);
  REQUIRE(md.hidden.size() == 2);
  CHECK(md.hidden[0].kind == doc::HiddenText::Kind::comment);
  CHECK(md.hidden[0].text == " note one ");
  CHECK(md.hidden[0].line == 3);
  CHECK(md.plain_text().find("note one") == std::string::npos);

  auto html = parse_text(
      "<html><head><title>T</title><link rel=\"canonical\" href=\"https://a.example/x/\">\n"
      "<meta property=\"og:url\" content=\"https://a.example/\"></head><body><main><h1>T</h1>\n"
      "<div hidden><p>outer <span style=\"display:none\">inner</span></p></div>\n"
      "<script>var x = 1;</script><!-- c -->\n"
      "</main></body></html>\n",
      doc::Format::html);
  std::vector<const doc::HiddenText*> elements, comments;
  for (const doc::HiddenText& h : html.hidden) {
    (h.kind == doc::HiddenText::Kind::comment ? comments : elements).push_back(&h);
  }
  REQUIRE(elements.size() == 1);  // the outermost hidden element only; script is markup
  CHECK(elements[0]->element == "div");
  CHECK(elements[0]->line == 3);
  CHECK(elements[0]->text.find("outer") != std::string::npos);
  REQUIRE(comments.size() == 1);
  CHECK(comments[0]->line == 4);
  REQUIRE(html.meta("canonical"));
  CHECK(html.meta("canonical")->text == "https://a.example/x/");
  REQUIRE(html.meta("og:url"));
  CHECK(html.meta("og:url")->text == "https://a.example/");
}
