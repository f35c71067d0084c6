// caselint report: the checklist data, the citation mapping and the verdicts.
#include "test_support.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "report/checklist.h"
#include "report/passages.h"
#include "report/report.h"
#include "rules/registry.h"

using namespace caselint;
namespace fs = std::filesystem;

namespace {

std::size_t index_of(const report::Checklist& c, report::Section s, const std::string& number,
                     const std::string& title) {
  for (std::size_t i = 0; i < c.items.size(); ++i) {
    const report::Item& it = c.items[i];
    if (it.section == s && it.number == number && it.title == title) return i;
  }
  FAIL("no item " << number << " " << title);
  return 0;
}

const report::ItemResult& result(const report::Report& r, const std::string& label) {
  for (const report::ItemResult& it : r.items) {
    if (it.item.label() == label) return it;
  }
  FAIL("no item " << label);
  return r.items.front();
}

extract::Field field(const std::string& name, const std::string& text, int line) {
  extract::Field f;
  f.name = name;
  f.text = text;
  f.range.start.line = line;
  f.range.start.column = 1;
  return f;
}

rules::Diagnostic finding(const std::string& code, rules::Severity sev, const std::string& citation,
                          const std::string& path, int line) {
  rules::Diagnostic d;
  d.code = code;
  d.rule = "rule-" + code;
  d.severity = sev;
  d.message = "found something";
  d.path = path;
  d.range.start.line = line;
  d.checklist = citation;
  return d;
}

// A checked aurora study: CS101 (customer name) and CS102 (account ID) ran.
format::FileResult aurora_study() {
  format::FileResult f;
  f.path = "studies/acme.md";
  f.profile = "aurora";
  f.rules_run = {"CS101", "CS102"};
  extract::Fields fields;
  fields.add(field("customer_name", "Acme Corp", 3));
  fields.add(field("aws_account_id", "1234-5678-9012", 4));
  extract::Field empty = field("customer_name", "", 9);
  empty.state = extract::FieldState::empty;
  fields.add(empty);
  f.fields = std::move(fields);
  return f;
}

report::Report assess_aurora(std::vector<format::FileResult> docs) {
  report::Input in;
  in.program = "aurora";
  in.as_of = "2024-06-30";
  in.documents = std::move(docs);
  return report::assess(in);
}

}  // namespace

TEST_CASE("report: the four programs have checklists, numbers and titles as in the checklist text") {
  CHECK(report::checklist_programs() == std::vector<std::string>{"aurora", "dms", "ml-consulting", "ml-technology"});
  const report::Checklist* aurora = report::builtin_checklist("aurora");
  REQUIRE(aurora);
  REQUIRE(aurora->items.size() == 9);
  CHECK(aurora->items[1].label() == "prerequisite 1.2 Program Requirements");
  CHECK(aurora->items[1].human_review);
  CHECK(aurora->items[2].label() == "prerequisite 2.1 AWS Customer Case Studies");
  CHECK_FALSE(aurora->items[2].human_review);
  CHECK(aurora->items[6].label() == "1.0 Case Study Requirements");
  CHECK(aurora->items[8].label() == "2.2 Solution Complexity");
  CHECK(aurora->items[8].group == "2.0 AWS Service Requirements");

  const report::Checklist* dms = report::builtin_checklist("dms");
  REQUIRE(dms);
  std::vector<std::string> dms_labels;
  for (const report::Item& it : dms->items) dms_labels.push_back(it.label());
  CHECK(dms_labels == std::vector<std::string>{"prerequisite 1.0 APN Program Membership",
                                                "prerequisite 2.1 AWS Customer Case Studies",
                                                "prerequisite 3.1 Architectural Diagrams",
                                                "prerequisite 4.1 Partner Practice Landing Page",
                                                "1.0 Case Study Requirements", "2.1 Solution Characteristics",
                                                "2.2 Solution Complexity"});

  const report::Checklist* ml = report::builtin_checklist("ml-consulting");
  REQUIRE(ml);
  CHECK(ml->items.size() == 10 + 3 + 21 + 9 + 7 + 8 + 7);
  CHECK(ml->items[index_of(*ml, report::Section::checklist, "2.16", "Runbooks/ Playbooks")].human_review);
  // The checklist numbers two rows "5.7 Tradeoffs"; both are kept.
  CHECK(std::count_if(ml->items.begin(), ml->items.end(), [](const report::Item& it) {
          return it.number == "5.7" && it.title == "Tradeoffs";
        }) == 2);

  const report::Checklist* tech = report::builtin_checklist("ml-technology");
  REQUIRE(tech);
  CHECK(tech->items[2].label() == "prerequisite AWS Customer References");
  CHECK(tech->items[2].number.empty());
  CHECK(report::builtin_checklist("case-study") == nullptr);
}

TEST_CASE("report: citations name items by section, number and title") {
  const report::Checklist& c = *report::builtin_checklist("aurora");
  std::size_t pre21 = index_of(c, report::Section::prerequisites, "2.1", "AWS Customer Case Studies");
  std::size_t pre23 = index_of(c, report::Section::prerequisites, "2.3", "Partner Practice Landing Page");
  std::size_t main21 = index_of(c, report::Section::checklist, "2.1", "Solution Characteristics");
  std::size_t main22 = index_of(c, report::Section::checklist, "2.2", "Solution Complexity");

  auto items = [&](std::string_view citation) { return report::resolve_citation(c, citation).items; };
  CHECK(items("aurora prerequisite 2.1 AWS Customer Case Studies: Name of the customer") ==
        std::vector<std::size_t>{pre21});
  CHECK(items("aurora 2.1 Solution Characteristics") == std::vector<std::size_t>{main21});
  CHECK(items("aurora 2.2 Solution Complexity; dms 1.0 Case Study Requirements") == std::vector<std::size_t>{main22});
  // A citation without a program names the item of that title in the program assessed.
  CHECK(items("prerequisite Partner Practice Landing Page: a public reference") == std::vector<std::size_t>{pre23});
  CHECK(items("style: AWS service names").empty());
  CHECK(items("case study reference fields: Name of the customer").empty());

  // The right number with the wrong section or title is not a match.
  report::Resolution wrong = report::resolve_citation(c, "aurora 2.1 AWS Customer Case Studies");
  CHECK(wrong.items.empty());
  CHECK(wrong.unresolved == std::vector<std::string>{"aurora 2.1 AWS Customer Case Studies"});
  CHECK(report::resolve_citation(c, "aurora prerequisite 2.1 AWS Customer Case").unresolved.size() == 1);

  const report::Checklist& dms = *report::builtin_checklist("dms");
  report::Resolution two = report::resolve_citation(
      dms, "dms 1.0 Case Study Requirements: Database is at least 25GB; dms 2.2 Solution Complexity: a migration");
  CHECK(two.items.size() == 2);
  CHECK(two.unresolved.empty());

  const report::Checklist& tech = *report::builtin_checklist("ml-technology");
  CHECK(report::resolve_citation(tech, "ml-technology prerequisite AWS Customer References: in production").items ==
        std::vector<std::size_t>{2});
}

TEST_CASE("report: every citation of a program's rules names an item of its checklist") {
  const rules::RuleSet& set = rules::RuleSet::builtin();
  for (const std::string& program : report::checklist_programs()) {
    CAPTURE(program);
    const report::Checklist& c = *report::builtin_checklist(program);
    const rules::Profile* p = set.profile(program);
    REQUIRE(p);
    std::size_t citing = 0;
    for (const std::string& code : p->rules) {
      CAPTURE(code);
      const std::string& citation = set.find(code)->meta().citation(program);
      CAPTURE(citation);
      report::Resolution r = report::resolve_citation(c, citation);
      CHECK(r.unresolved.empty());
      // A rule of this program either cites one of its items or is a style or
      // configuration rule that cites no program at all.
      bool names_other = false;
      for (const std::string& other : report::checklist_programs()) {
        if (other != program && citation.rfind(other + " ", 0) == 0) names_other = true;
      }
      CHECK_FALSE(names_other);
      if (citation.rfind(program + " ", 0) == 0) CHECK_FALSE(r.items.empty());
      if (!r.items.empty()) ++citing;
    }
    CHECK(citing >= 5);
  }
}

TEST_CASE("report: a bad checklist file is an error naming the file and line") {
  auto error_of = [](const std::string& yaml) -> std::string {
    try {
      report::parse_checklist(yaml, "rules/checklists/x.yaml");
    } catch (const rules::RuleFileError& e) {
      return e.what();
    }
    return "";
  };
  const std::string head = "program: x\ntitle: X\nitems:\n";
  CHECK(error_of(head + "  - section: checklist\n    number: \"1.1\"\n    title: A\n    summary: B\n    humanreview: true\n") ==
        "rules/checklists/x.yaml:8: unknown item key `humanreview`");
  CHECK(error_of(head + "  - section: appendix\n    number: \"1.1\"\n    title: A\n    summary: B\n").find(
            "rules/checklists/x.yaml:4: `section:` is \"appendix\"") == 0);
  CHECK(error_of(head + "  - section: checklist\n    number: \"1.1a\"\n    title: A\n    summary: B\n").find(
            "rules/checklists/x.yaml:5: `number:` \"1.1a\" is not like 2.1") == 0);
  CHECK(error_of("program: x\ntitle: X\nitems: []\n").find("`items:` must be a non-empty list") != std::string::npos);
  CHECK(error_of(head + "  - section: checklist\n    number: \"1.1\"\n    title: A\n    summary: B\n").empty());
}

TEST_CASE("report: evidence cues are read and checked with the checklist") {
  auto parse = [](const std::string& evidence) {
    return report::parse_checklist("program: x\ntitle: X\nitems:\n  - section: checklist\n    number: \"1.1\"\n"
                                   "    title: A\n    summary: B\n    evidence:\n" + evidence,
                                   "rules/checklists/x.yaml");
  };
  auto error_of = [&](const std::string& evidence) -> std::string {
    try {
      parse(evidence);
    } catch (const rules::RuleFileError& e) {
      return e.what();
    }
    return "";
  };
  report::Checklist c = parse("      cues: ['disaster recovery plan', '\\bDR tests?\\b']\n      references: 2\n");
  REQUIRE(c.items.size() == 1);
  CHECK(c.items[0].cues == std::vector<std::string>{"disaster recovery plan", "\\bDR tests?\\b"});
  CHECK(c.items[0].references == 2);
  CHECK(error_of("      cues: ['(unclosed']\n").find("rules/checklists/x.yaml:9: cue does not compile") == 0);
  CHECK(error_of("      cue: [a]\n").find("unknown evidence key `cue`") != std::string::npos);
  CHECK(error_of("      references: 2\n").find("`evidence:` needs `cues:`") != std::string::npos);
  CHECK(error_of("      cues: [a]\n      references: 0\n").find("`references:` must be 1 or more") != std::string::npos);
  // Every built-in cue compiles (the checklists are parsed when first used).
  for (const std::string& program : report::checklist_programs()) CHECK(report::builtin_checklist(program) != nullptr);
}

TEST_CASE("report: passages are the blocks an item's cues match, with their sentence and line") {
  report::Checklist c = report::parse_checklist(
      "program: x\ntitle: X\nitems:\n"
      "  - section: checklist\n    number: \"1.1\"\n    title: DR\n    summary: S\n"
      "    evidence:\n      cues: ['disaster recovery (plan|test)']\n"
      "  - section: checklist\n    number: \"1.2\"\n    title: MFA\n    summary: S\n"
      "    evidence:\n      cues: ['\\bMFA\\b']\n"
      "  - section: checklist\n    number: \"1.3\"\n    title: Tier\n    summary: S\n",
      "x.yaml");
  fs::path dir = fs::temp_directory_path() / ("caselint-passages-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
  fs::create_directories(dir);
  std::ofstream(dir / "dr.md") << "# Operations\n\n## Disaster recovery plan\n\nWe restore from snapshots.\n\n"
                                  "The disaster recovery plan is kept with the runbooks.\n\n## Reviews\n\n"
                                  "Our team runs a review each quarter. The last disaster recovery test was in May. "
                                  "It passed.\n\n```\nMFA in a code block does not count\n```\n\n"
                                  "- every console user has MFA\n- MFA again\n- MFA a third time\n- MFA a fourth time\n";
  std::vector<std::string> errors;
  std::vector<std::vector<report::Passage>> p = report::detail::find_passages(
      c, {{(dir / "dr.md").string(), -1}, {(dir / "missing.md").string(), 0}}, errors);
  REQUIRE(p.size() == 3);
  REQUIRE(p[0].size() == 2);
  CHECK(p[0][0].line == 3);
  CHECK(p[0][0].excerpt == "Disaster recovery plan: We restore from snapshots.");
  // The paragraph in the section its heading stands for is not a passage again.
  CHECK(p[0][1].line == 11);
  CHECK(p[0][1].excerpt == "The last disaster recovery test was in May.");
  CHECK(p[0][1].reference == -1);
  // At most three passages per document; the code block is not read.
  REQUIRE(p[1].size() == report::detail::kPassagesPerDocument);
  CHECK(p[1][0].line == 17);
  CHECK(p[1][0].excerpt == "every console user has MFA");
  CHECK(p[2].empty());
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("missing.md: ") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("report: verdicts from hand-built results") {
  SUBCASE("rules that cite an item ran and found no error: met, with the fields as evidence") {
    report::Report r = assess_aurora({aurora_study()});
    const report::ItemResult& it = result(r, "prerequisite 2.1 AWS Customer Case Studies");
    CHECK(it.verdict == report::Verdict::met);
    CHECK(it.rules == std::vector<std::string>{"CS101", "CS102"});
    REQUIRE(it.evidence.size() == 2);  // the empty customer_name at line 9 is no evidence
    CHECK(it.evidence[0].path == "studies/acme.md");
    CHECK(it.evidence[0].line == 3);
    CHECK(it.evidence[0].field == "customer_name");
    CHECK(it.evidence[0].text == "Acme Corp");
    CHECK(it.evidence[1].field == "aws_account_id");
    // No rule that ran cites the landing page; the tier is never met.
    CHECK(result(r, "prerequisite 2.3 Partner Practice Landing Page").verdict == report::Verdict::needs_review);
    CHECK(result(r, "prerequisite 2.3 Partner Practice Landing Page").reason == "no rule that ran checks this item");
    CHECK(result(r, "prerequisite 1.2 Program Requirements").verdict == report::Verdict::needs_review);
    CHECK(r.files == std::vector<std::string>{"studies/acme.md"});
    CHECK(r.met == 1);
    CHECK(r.not_met == 0);
    CHECK(r.needs_review == 8);
  }
  SUBCASE("an error finding citing the item: not met, listing it") {
    format::FileResult f = aurora_study();
    f.diagnostics.push_back(finding("CS102", rules::Severity::error,
                                    "aurora prerequisite 2.1 AWS Customer Case Studies: AWS Account ID", f.path, 4));
    f.diagnostics.push_back(finding("CS221", rules::Severity::error, "aurora 2.2 Solution Complexity", f.path, 12));
    report::Report r = assess_aurora({f});
    const report::ItemResult& it = result(r, "prerequisite 2.1 AWS Customer Case Studies");
    CHECK(it.verdict == report::Verdict::not_met);
    REQUIRE(it.findings.size() == 1);
    CHECK(it.findings[0].code == "CS102");
    CHECK(it.reason == "1 error finding (CS102)");
    // A finding makes an item not met even when the rule is not among those recorded as run.
    CHECK(result(r, "2.2 Solution Complexity").verdict == report::Verdict::not_met);
    CHECK(result(r, "2.1 Solution Characteristics").verdict == report::Verdict::needs_review);
    CHECK(r.not_met == 2);
  }
  SUBCASE("a warning is listed but does not fail the item") {
    format::FileResult f = aurora_study();
    f.diagnostics.push_back(finding("CS101", rules::Severity::warning,
                                    "aurora prerequisite 2.1 AWS Customer Case Studies: Name of the customer", f.path, 3));
    report::Report r = assess_aurora({f});
    const report::ItemResult& it = result(r, "prerequisite 2.1 AWS Customer Case Studies");
    CHECK(it.verdict == report::Verdict::met);
    CHECK(it.findings.size() == 1);
  }
  SUBCASE("a rule that did not run proves nothing") {
    format::FileResult f = aurora_study();
    f.rules_run = {"CS120"};  // CS101 and CS102 disabled
    report::Report r = assess_aurora({f});
    CHECK(result(r, "prerequisite 2.1 AWS Customer Case Studies").verdict == report::Verdict::needs_review);
    CHECK(result(r, "1.0 Case Study Requirements").verdict == report::Verdict::met);
  }
  SUBCASE("human-review items are never met; portfolio findings count") {
    report::Input in;
    in.program = "aurora";
    in.documents = {aurora_study()};
    in.portfolio_findings = {
        finding("PF001", rules::Severity::warning, "aurora prerequisite 1.2 Program Requirements", "", 0),
        finding("PF002", rules::Severity::error, "aurora 1.0 Case Study Requirements: two per engine", "", 0)};
    report::Report r = report::assess(in);
    CHECK(result(r, "prerequisite 1.2 Program Requirements").verdict == report::Verdict::needs_review);
    CHECK(result(r, "prerequisite 1.2 Program Requirements").findings.size() == 1);
    CHECK(result(r, "1.0 Case Study Requirements").verdict == report::Verdict::not_met);
  }
  SUBCASE("a file that could not be checked is listed, and proves nothing") {
    format::FileResult bad;
    bad.path = "studies/broken.md";
    bad.error = "binary file (NUL byte at offset 3)";
    report::Report r = assess_aurora({bad});
    CHECK(r.files.empty());
    CHECK(r.file_errors == std::vector<std::string>{"studies/broken.md: binary file (NUL byte at offset 3)"});
    CHECK(result(r, "prerequisite 2.1 AWS Customer Case Studies").reason == "no document could be checked");
  }
  CHECK_THROWS_AS(report::assess(report::Input{"case-study", "", {}, {}, {}, "", {}, {}}), std::invalid_argument);
}

TEST_CASE("report: the program of a set of documents") {
  auto doc = [](const std::string& profile) {
    format::FileResult f;
    f.profile = profile;
    return f;
  };
  std::string problem;
  CHECK(report::infer_program({doc("dms"), doc("landing-page"), doc("dms")}, problem) == "dms");
  CHECK(report::infer_program({doc("case-study")}, problem).empty());
  CHECK(problem.find("no document names a program") == 0);
  CHECK(report::infer_program({doc("dms"), doc("aurora")}, problem).empty());
  CHECK(problem == "the documents name several programs (dms, aurora); pass --profile to choose one");
}

TEST_CASE("report: document text is escaped in HTML and Markdown") {
  format::FileResult f = aurora_study();
  f.fields->add(field("aws_account_id", "<script>alert(1)</script> & [x](y) | *z*", 5));
  report::Input in{"aurora", "Acme <Partners>", {f}, {}, {}, "2024-06-30", {}, {}};
  report::Report r = report::assess(in);
  std::string html = report::render(r, "html");
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; [x](y) | *z*") != std::string::npos);
  CHECK(html.find("Acme &lt;Partners&gt;") != std::string::npos);
  CHECK(html.find("data-verdict=\"met\"") != std::string::npos);
  std::string md = report::render(r, "md");
  CHECK(md.find("\\<script\\>alert(1)\\</script\\> &amp; \\[x\\](y) \\| \\*z\\*") != std::string::npos);
  CHECK(md.find("| **Partner** | Acme \\<Partners\\> |") != std::string::npos);
  CHECK_THROWS_AS(report::render(r, "pdf"), std::invalid_argument);
}
