#include "test_support.h"

#include <algorithm>
#include <set>

#include "config/config.h"
#include "data/embedded.h"
#include "extract/vocab.h"
#include "parse/parse.h"
#include "rules/engine.h"
#include "rules/portfolio_rule.h"

using namespace caselint;

namespace {

struct Checked {
  std::string profile;
  std::vector<rules::Diagnostic> diags;
};

Checked check(const std::string& text, const std::string& profile = "", const rules::FileSettings& settings = {},
              doc::Format fmt = doc::Format::markdown) {
  load::SourceFile f{fmt == doc::Format::html ? "t.html" : fmt == doc::Format::ipynb ? "t.ipynb" : "t.md", text, fmt};
  parse::ParseResult r = parse::parse(f);
  REQUIRE(r.document);
  extract::Fields fields = extract::extract_fields(*r.document, extract::Vocabulary::builtin());
  Checked c;
  c.profile = rules::document_profile(*r.document, fields, settings.profile, profile);
  c.diags = rules::check_document(rules::RuleSet::builtin(), *r.document, fields, c.profile, settings, rules::RunOptions{"2024-06-30"});
  return c;
}

std::set<std::string> codes(const Checked& c) {
  std::set<std::string> out;
  for (const rules::Diagnostic& d : c.diags) out.insert(d.code);
  return out;
}

// The body of the first fence after `heading` in a doc page: ```markdown,
// or ```json for a Jupyter notebook (then `format` is set to ipynb), ```html
// for a web page (html).
std::string fenced_after(std::string_view doc, std::string_view heading, doc::Format* format = nullptr,
                         std::string_view info = "") {
  std::size_t h = doc.find(heading);
  if (h == std::string_view::npos) return {};
  std::size_t open = doc.find("```", h);
  // A ```yaml block is the example's .caselint.yaml, not the document.
  while (info.empty() && open != std::string_view::npos && doc.substr(open, 7) == "```yaml") open = doc.find("```", doc.find("\n```", open + 3) + 4);
  if (!info.empty()) {
    std::size_t next = doc.find("\n## ", h + 1);
    open = doc.find(std::string("```") + std::string(info) + "\n", h);
    if (open == std::string_view::npos || open > next) return {};
  }
  if (open == std::string_view::npos) return {};
  std::size_t body = doc.find('\n', open) + 1;
  if (format) {
    std::string_view lang = doc.substr(open + 3, body - open - 4);
    *format = lang == "json" ? doc::Format::ipynb : lang == "html" ? doc::Format::html : doc::Format::markdown;
  }
  std::size_t close = doc.find("\n```", body);
  if (close == std::string_view::npos) return {};
  return std::string(doc.substr(body, close - body + 1));
}

}  // namespace

TEST_CASE("the registry is sorted, and its codes and names are unique and well formed") {
  auto rows = rules::RuleSet::registry();
  std::set<std::string> seen_codes, seen_names;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i > 0) CHECK(std::string(rows[i - 1].code) < std::string(rows[i].code));
    CHECK(seen_codes.insert(rows[i].code).second);
    CHECK(seen_names.insert(rows[i].name).second);
    std::string name = rows[i].name;
    CHECK(name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos);
    CHECK(name.rfind("no-", 0) != 0);
  }
  CHECK(rules::RuleSet::builtin().rules().size() == rows.size());
}

TEST_CASE("every rule has a citation, a summary and a doc page with the fixed headings") {
  const rules::RuleSet& set = rules::RuleSet::builtin();
  for (const rules::Rule* r : set.rules()) {
    const rules::RuleMeta& m = r->meta();
    CAPTURE(m.code);
    CHECK_FALSE(m.checklist.empty());
    CHECK_FALSE(m.summary.empty());
    std::string_view doc = set.doc(m.code);
    REQUIRE_FALSE(doc.empty());
    CHECK(doc.rfind("# " + m.code + " " + m.name + "\n", 0) == 0);
    std::size_t at = 0;
    for (const char* h : {"## What it checks", "## Why reviewers reject it", "## Example", "## Passing example",
                          "## How to fix", "## Checklist", "## Options"}) {
      std::size_t found = doc.find(std::string("\n") + h + "\n", at);
      CHECK_MESSAGE(found != std::string_view::npos, "missing or out of order: " << h);
      if (found != std::string_view::npos) at = found + 1;
    }
  }
  // Every doc page belongs to a rule.
  for (const data::EmbeddedFile& f : data::embedded_files()) {
    if (f.path.rfind("doc/", 0) != 0) continue;
    std::string code(f.path.substr(4, f.path.size() - 7));
    CAPTURE(code);
    CHECK(set.find(code) != nullptr);
  }
}

TEST_CASE("each doc's Example triggers its rule and its Passing example does not") {
  const rules::RuleSet& set = rules::RuleSet::builtin();
  for (const rules::Rule* r : set.rules()) {
    const std::string& code = r->meta().code;
    CAPTURE(code);
    if (r->meta().applies_to == 0) continue;  // site rules: corpus/sites/ and tests/site/ check them
    // A portfolio rule's example is a submission, not a document (tests/unit/portfolio_test.cpp).
    if (dynamic_cast<const rules::PortfolioRule*>(r)) continue;
    // CS001 speaks of a kind read from the content, which only a check with
    // no profile reads: tests/cli/run.sh checks its example.
    if (code == "CS001") continue;
    // CS002 and CS225 read a study with its supporting documents, files of
    // their own: tests/cli/references.sh checks them.
    if (code == "CS002" || code == "CS225") continue;
    // A Word document's review marks: the examples are its XML, and
    // corpus/word-pdf/ checks the rules on real .docx files.
    if (code == "CS408" || code == "CS409") continue;
    std::string_view doc = set.doc(code);
    doc::Format bad_format = doc::Format::markdown, good_format = doc::Format::markdown;
    std::string bad = fenced_after(doc, "\n## Example\n", &bad_format);
    std::string good = fenced_after(doc, "\n## Passing example\n", &good_format);
    REQUIRE_FALSE(bad.empty());
    REQUIRE_FALSE(good.empty());
    // Checked with the first profile that runs the rule (case-study when it is there).
    std::string profile = "case-study";
    const rules::Profile* cs = set.profile("case-study");
    if (std::find(cs->rules.begin(), cs->rules.end(), code) == cs->rules.end()) {
      for (const std::string& id : set.profile_ids()) {
        const rules::Profile* p = set.profile(id);
        if (std::find(p->rules.begin(), p->rules.end(), code) != p->rules.end()) {
          profile = id;
          break;
        }
      }
    }
    CAPTURE(profile);
    // An example may come with the .caselint.yaml it needs (```yaml first).
    auto settings_of = [](const std::string& yaml) {
      if (yaml.empty()) return rules::FileSettings{};
      return config::parse_config(yaml, "/examples/.caselint.yaml").settings_for("/examples/study.md");
    };
    rules::FileSettings bad_settings = settings_of(fenced_after(doc, "\n## Example\n", nullptr, "yaml"));
    rules::FileSettings good_settings = settings_of(fenced_after(doc, "\n## Passing example\n", nullptr, "yaml"));
    CHECK(codes(check(bad, profile, bad_settings, bad_format)).count(code) >= 1);
    CHECK(codes(check(good, profile, good_settings, good_format)).count(code) == 0);
  }
}

TEST_CASE("profiles name only known rules, and every profile the docs promise exists") {
  const rules::RuleSet& set = rules::RuleSet::builtin();
  for (const char* id : {"case-study", "aurora", "dms", "ml-consulting", "ml-technology", "landing-page",
                         "landing-page-ml-consulting", "landing-page-ml-technology"}) {
    CAPTURE(id);
    REQUIRE(set.profile(id));
    for (const std::string& code : set.profile(id)->rules) CHECK(set.find(code));
  }
}

TEST_CASE("the profile of a document: --profile, front matter, config, then the format's default") {
  CHECK(check("# T\n").profile == "case-study");
  CHECK(check("---\nprogram: dms\n---\n# T\n").profile == "dms");
  CHECK(check("---\nprogram: dms\n---\n# T\n", "aurora").profile == "aurora");
  rules::FileSettings s;
  s.profile = "ml-technology";
  CHECK(check("# T\n", "", s).profile == "ml-technology");
  CHECK(check("---\nprogram: dms\n---\n# T\n", "", s).profile == "dms");
  CHECK(check("<html><body><h1>Our AWS practice</h1><p>We build on AWS.</p></body></html>", "", {},
              doc::Format::html).profile == "landing-page");
  CHECK(check("<html><body><h1>Acme case study</h1><h2>Challenge</h2><p>x</p><h2>Solution</h2><p>y</p></body></html>", "",
              {}, doc::Format::html).profile == "case-study");
}

TEST_CASE("every missing field is reported in one run, in any section order") {
  Checked c = check("# Title\n\n## Results\n\nFaster.\n\n## Challenge\n\nSlow.\n");
  std::set<std::string> got = codes(c);
  for (const char* code : {"CS101", "CS102", "CS104", "CS105", "CS107", "CS108", "CS109", "CS301"}) {
    CAPTURE(code);
    CHECK(got.count(code));
  }
  CHECK_FALSE(got.count("CS103"));
  CHECK_FALSE(got.count("CS110"));
}

TEST_CASE("findings point where a reader would look") {
  Checked c = check("---\ntitle: Acme story\n---\n# Acme story\n\nText.\n\nLast line.\n");
  for (const rules::Diagnostic& d : c.diags) {
    CAPTURE(d.code);
    if (d.code == "CS101" || d.code == "CS102") CHECK(d.range.start == doc::Position{2, 8});
    if (d.code == "CS104" || d.code == "CS110") CHECK(d.range.start.line == 8);
  }
}

TEST_CASE("an empty section is one CS111 finding at its heading instead of a missing-field finding") {
  Checked c = check("# T\n\n## Lessons learned\n\n## Results\n\nTBD\n");
  std::set<std::string> got = codes(c);
  CHECK_FALSE(got.count("CS104"));
  CHECK_FALSE(got.count("CS110"));
  int cs111 = 0;
  for (const rules::Diagnostic& d : c.diags) {
    if (d.code != "CS111") continue;
    ++cs111;
    if (d.field == "lessons_learned") CHECK(d.range.start.line == 3);
    if (d.field == "outcomes") {
      CHECK(d.range.start.line == 5);
      CHECK(d.message.find("placeholder") != std::string::npos);
    }
  }
  CHECK(cs111 == 2);
}

TEST_CASE("config settings: disable, severity, enable") {
  rules::FileSettings s;
  s.disabled.insert("CS101");
  s.severity["CS104"] = rules::Severity::warning;
  Checked c = check("# T\n", "case-study", s);
  CHECK_FALSE(codes(c).count("CS101"));
  for (const rules::Diagnostic& d : c.diags) {
    if (d.code == "CS104") CHECK(d.severity == rules::Severity::warning);
  }
  rules::FileSettings e;
  e.enabled.insert("CS102");
  CHECK(codes(check("# T\n", "ml-consulting", e)).count("CS102"));
  CHECK_FALSE(codes(check("# T\n", "ml-consulting")).count("CS102"));
}

TEST_CASE("citations follow the profile") {
  for (const rules::Diagnostic& d : check("# T\n", "aurora").diags) {
    if (d.code == "CS104") CHECK(d.checklist == "aurora prerequisite 2.1 AWS Customer Case Studies: Lessons Learned");
    if (d.code == "CS301") CHECK(d.checklist == "aurora prerequisite 2.2 Architectural Diagrams");
  }
}

TEST_CASE("inline suppression: disable, enable, next line, front matter") {
  std::string text =
      "---\ncaselint:\n  disable: [CS107]\n---\n<!-- caselint-disable CS101 -->\n# T <!-- caselint-enable CS101 -->\n\n"
      "Text <!-- caselint-disable-next-line missing-lessons-learned -->\nLast line.\n";
  std::set<std::string> got = codes(check(text));
  CHECK_FALSE(got.count("CS107"));
  CHECK(got.count("CS101"));  // re-enabled on the title line itself
  CHECK_FALSE(got.count("CS104"));
  CHECK(got.count("CS102"));
  std::set<std::string> off = codes(check("<!-- caselint-disable -->\n# T\n"));
  CHECK(off.empty());
}

TEST_CASE("diagnostics come out sorted by line, column and code, without duplicates") {
  Checked c = check("# T\n\nText.\n");
  for (std::size_t i = 1; i < c.diags.size(); ++i) {
    const rules::Diagnostic& a = c.diags[i - 1];
    const rules::Diagnostic& b = c.diags[i];
    CHECK(std::tie(a.range.start.line, a.range.start.column, a.code) <= std::tie(b.range.start.line, b.range.start.column, b.code));
  }
}

TEST_CASE("database size: the minimum is an option, and unlabelled sizes carry a note") {
  const std::string doc = "# T\n\n**Database size:** 40 GB\n";
  CHECK_FALSE(codes(check(doc, "aurora")).count("CS221"));
  rules::FileSettings s;
  s.options["CS221"]["min_gb"] = 50;
  Checked c = check(doc, "aurora", s);
  REQUIRE(codes(c).count("CS221"));
  for (const rules::Diagnostic& d : c.diags) {
    if (d.code == "CS221") {
      CHECK(d.message == "database size 40 GB is below the 50 GB minimum");
      CHECK(d.field == "database_size");
      CHECK(d.range.start.line == 3);
      CHECK(d.notes.empty());
    }
  }
  c = check("# T\n\nThe 20 GB MySQL database ran on one server.\n", "dms");
  bool found = false;
  for (const rules::Diagnostic& d : c.diags) {
    if (d.code != "CS221") continue;
    found = true;
    CHECK(d.message == "database size 20 GB is below the 25 GB minimum");
    REQUIRE(d.notes.size() == 1);
    CHECK(d.notes[0].message.find("no label") != std::string::npos);
  }
  CHECK(found);
  // The missing characteristics are one finding for the checklist item,
  // naming each of them.
  std::vector<std::string> messages;
  for (const rules::Diagnostic& d : check(doc, "dms").diags) {
    if (d.code == "CS222") messages.push_back(d.message);
  }
  REQUIRE(messages.size() == 1);
  for (const char* part : {"yearly growth", "number of tables", "concurrent requests", "read operations",
                           "write operations", "(5 of 5 parts)"}) {
    CHECK(messages[0].find(part) != std::string::npos);
  }
  // Not in the generic case-study profile.
  CHECK_FALSE(codes(check("# T\n", "case-study")).count("CS220"));
}

TEST_CASE("extraction looks for the topic sets the active rules read, for every profile the document may get") {
  const rules::RuleSet& rs = rules::RuleSet::builtin();
  auto read = [&](const std::vector<std::string>& profiles, const rules::FileSettings& s = {}) {
    return rules::topics_read(rs, rules::DocKind::page, profiles, s);
  };
  auto has = [](const std::vector<std::string>& sets, const char* set) {
    return std::find(sets.begin(), sets.end(), set) != sets.end();
  };
  std::vector<std::string> aurora = read({"aurora"});
  CHECK(std::is_sorted(aurora.begin(), aurora.end()));
  CHECK(std::adjacent_find(aurora.begin(), aurora.end()) == aurora.end());
  // CS121 reads the RTO/RPO set and, through who manages the database, another.
  CHECK(has(aurora, "rto_rpo"));
  CHECK(has(aurora, "database_management"));
  CHECK(has(aurora, "aurora_security"));  // CS124, a required-topics rule from data
  CHECK_FALSE(has(aurora, "ml_lifecycle"));
  CHECK_FALSE(has(aurora, "dms_workload_pattern"));
  // A rule the config enables brings its sets along.
  rules::FileSettings s;
  s.enabled = {"CS142"};
  CHECK(has(read({"aurora"}, s), "ml_lifecycle"));
  // A disabled rule does not.
  rules::FileSettings off;
  off.disabled = {"CS121", "CS122"};
  CHECK_FALSE(has(read({"aurora"}, off), "database_management"));
  // Every set a rule names exists, and each set is read by some rule.
  std::set<std::string> named;
  for (const auto& r : rs.rules()) {
    for (const std::string& set : r->meta().topics) {
      CHECK_MESSAGE(extract::Vocabulary::builtin().topic_set(set) != nullptr, r->meta().code, " names ", set);
      named.insert(set);
    }
  }
  for (const extract::TopicSet& set : extract::Vocabulary::builtin().topics()) {
    CHECK_MESSAGE(named.count(set.id) == 1, "no rule reads topic set ", set.id);
  }
}

TEST_CASE("the profiles a document may get before its fields are known") {
  auto possible = [](const std::string& text, doc::Format fmt, const std::string& configured = "",
                     const std::string& forced = "") {
    load::SourceFile f{fmt == doc::Format::html ? "t.html" : fmt == doc::Format::ipynb ? "t.ipynb" : "t.md", text, fmt};
    parse::ParseResult r = parse::parse(f);
    REQUIRE(r.document);
    return rules::possible_profiles(*r.document, configured, forced);
  };
  using V = std::vector<std::string>;
  CHECK(possible("# T\n", doc::Format::markdown) == V{"case-study", "landing-page", "other"});
  CHECK(possible("---\nprogram: dms\n---\n# T\n", doc::Format::markdown) == V{"dms"});
  CHECK(possible("---\nprogram: dms\n---\n# T\n", doc::Format::markdown, "", "aurora") == V{"aurora"});
  CHECK(possible("# T\n", doc::Format::markdown, "ml-technology") == V{"ml-technology"});
  // With nothing that names a profile, its kind decides: any of the three.
  CHECK(possible("<html><body><h1>Our AWS practice</h1></body></html>", doc::Format::html) ==
        V{"case-study", "landing-page", "other"});
}
