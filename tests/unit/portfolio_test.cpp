#include "test_support.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "portfolio/manifest.h"
#include "portfolio/portfolio.h"
#include "rules/registry.h"

using namespace caselint;
namespace fs = std::filesystem;

namespace {

// A scratch folder with two studies, removed at the end of the test.
struct Scratch {
  fs::path dir;
  Scratch() {
    dir = fs::temp_directory_path() / ("caselint-portfolio-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    fs::create_directories(dir);
    write("a.md", "# A\n");
    write("b.md", "# B\n");
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name, std::ios::binary) << text;
  }
  std::string path(const std::string& name) const { return (dir / name).string(); }
};

// The error a manifest text gives: "line: message".
std::string error_of(const Scratch& s, const std::string& text) {
  try {
    portfolio::parse_manifest(text, s.path("caselint-submission.yaml"));
  } catch (const config::ConfigError& e) {
    return std::to_string(e.line) + ": " + e.message;
  }
  return "no error";
}

rules::PortfolioReference ref(const std::string& file, const std::string& customer, bool is_public = false) {
  static const extract::Fields kFields;
  rules::PortfolioReference r;
  r.file = file;
  r.entry_path = "caselint-submission.yaml";
  r.customer = customer;
  r.is_public = is_public;
  r.fields = &kFields;
  return r;
}

std::vector<rules::Diagnostic> run_rule(const std::string& code, const rules::PortfolioInput& in) {
  const auto* rule = dynamic_cast<const rules::PortfolioRule*>(rules::RuleSet::builtin().find(code));
  REQUIRE(rule);
  rules::PortfolioSink sink(rule->meta(), in.program, rule->meta().severity);
  rule->check_portfolio(in, sink);
  return sink.diagnostics();
}

}  // namespace

TEST_CASE("a valid manifest: program, engines, references with their lines, consent list") {
  Scratch s;
  portfolio::Manifest m = portfolio::parse_manifest(
      "program: aurora\npartner: Example\nengines: [aurora-mysql]\nreferences:\n  - file: a.md\n    public: yes\n"
      "    customer: Acme\n  - file: b.md\npublic_consent: [Acme]\n",
      s.path("caselint-submission.yaml"));
  CHECK(m.program == "aurora");
  CHECK(m.program_at.start.line == 1);
  REQUIRE(m.engines.size() == 1);
  CHECK(m.engines[0].first == "aurora-mysql");
  REQUIRE(m.references.size() == 2);
  CHECK(m.references[0].at.start.line == 5);
  CHECK(m.references[0].is_public == true);
  CHECK(m.references[0].customer == "Acme");
  CHECK(m.references[1].at.start.line == 8);
  CHECK_FALSE(m.references[1].is_public.has_value());
  CHECK(fs::path(m.references[1].path) == fs::path(s.path("b.md")).lexically_normal());
  REQUIRE(m.public_consent);
  CHECK(*m.public_consent == std::vector<std::string>{"Acme"});
}

TEST_CASE("a manifest reference as a list of files: the study named, the rest supporting") {
  Scratch s;
  portfolio::Manifest m = portfolio::parse_manifest(
      "program: dms\nreferences:\n  - files: [a.md, b.md]\n    study: b.md\n  - file: a.md\n    supporting: [b.md]\n"
      "  - files: [b.md, a.md]\n    study: b.md\n",
      s.path("caselint-submission.yaml"));
  REQUIRE(m.references.size() == 3);
  CHECK(fs::path(m.references[0].path) == fs::path(s.path("b.md")).lexically_normal());
  REQUIRE(m.references[0].supporting.size() == 1);
  CHECK(fs::path(m.references[0].supporting[0]) == fs::path(s.path("a.md")).lexically_normal());
  CHECK(m.references[0].documents.front() == m.references[0].path);
  REQUIRE(m.references[1].supporting.size() == 1);
  CHECK(fs::path(m.references[1].supporting[0]) == fs::path(s.path("b.md")).lexically_normal());
  // The study comes first in the documents wherever the list names it.
  REQUIRE(m.references[2].documents.size() == 2);
  CHECK(m.references[2].documents.front() == m.references[2].path);
  CHECK(m.references[2].supporting == std::vector<std::string>{fs::path(s.path("a.md")).lexically_normal().string()});
  CHECK(m.practice.empty());
}

TEST_CASE("manifest errors name the line and suggest the closest name") {
  Scratch s;
  CHECK(error_of(s, "program: dms\nrefrences: []\n") == "2: unknown key \"refrences\"; did you mean \"references\"?");
  CHECK(error_of(s, "program: auror\nreferences: []\n").find("1: unknown program \"auror\"; did you mean \"aurora\"?") == 0);
  CHECK(error_of(s, "program: aurora\nengines: [aurora-mysq]\nreferences: []\n").find("2: unknown engine \"aurora-mysq\"; did you mean \"aurora-mysql\"?") == 0);
  CHECK(error_of(s, "program: dms\nengines: [aurora-mysql]\nreferences: []\n") ==
        "2: \"engines\" applies to the aurora program only; this submission is for dms");
  CHECK(error_of(s, "program: dms\nreferences:\n  - file: missing.md\n").find("3: \"file\" file \"missing.md\" not found") == 0);
  CHECK(error_of(s, "program: dms\nreferences:\n  - public: true\n") == "3: a reference needs \"file\" (its case study), \"folder\" (a folder of its documents) or \"files\" (a list of them)");
  CHECK(error_of(s, "program: dms\nreferences:\n  - folder: .\n") ==
        "3: \"folder\" folder \".\" holds the manifest's own folder; name a folder inside the submission");
  CHECK(error_of(s, "program: dms\nreferences:\n  - folder: a.md\n").find("3: \"folder\" folder \"a.md\" not found") == 0);
  CHECK(error_of(s, "program: dms\nreferences:\n  - files: [a.md]\n    study: b.md\n") ==
        "4: \"study\" \"b.md\" is not one of the reference's documents");
  CHECK(error_of(s, "program: dms\nreferences:\n  - file: a.md\npractice: [missing/]\n").find("4: \"practice\" file \"missing/\" not found") == 0);
  CHECK(error_of(s, "program: dms\nreferences:\n  - file: a.md\n    public: maybe\n") ==
        "4: \"public\" must be true or false, found \"maybe\"");
  CHECK(error_of(s, "program: dms\nreferences:\n  - file: a.md\n    pubilc: true\n") ==
        "4: unknown key \"pubilc\"; did you mean \"public\"?");
  CHECK(error_of(s, "program: [dms]\nreferences: []\n") == "1: \"program\" must be a program id, found a list");
  CHECK(error_of(s, "program: dms\nprogram: aurora\nreferences: []\n") == "2: duplicate key \"program\" (first at line 1)");
  CHECK(error_of(s, "references: []\n") == "1: the manifest needs \"program\": one of aurora, dms, ml-consulting, ml-technology");
  CHECK(error_of(s, "program: dms\n") == "1: the manifest needs \"references\": the list of the submission's case studies");
  CHECK(error_of(s, "- just\n- a list\n").find("a submission manifest must be a mapping") != std::string::npos);
  CHECK(error_of(s, "program: dms\nreferences: [\n").find("not valid YAML") != std::string::npos);
  CHECK(error_of(s, "program: dms\nreferences:\n  - file: a.md\n    url: ftp://x\n") ==
        "4: \"url\" must be an http(s) URL, found \"ftp://x\"");
}

TEST_CASE("hostile manifests: an alias bomb, binary bytes and a huge file give errors, not crashes") {
  Scratch s;
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'k'; ++c)
    bomb += std::string(1, c) + ": &" + c + " [*" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) +
            ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) +
            ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) +
            ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) + "]\n";
  CHECK(error_of(s, bomb).find("1: unknown key \"a\"") == 0);
  CHECK(error_of(s, "program: dms\nreferences: *k\n").find("not valid YAML") != std::string::npos);

  s.write("binary.yaml", std::string("program: dms\0\x01\x02", 15));
  try {
    portfolio::load_manifest(s.path("binary.yaml"));
    FAIL("no error for a binary manifest");
  } catch (const config::ConfigError& e) {
    CHECK(e.file == s.path("binary.yaml"));
    CHECK(std::string(e.what()).find("not UTF-8 text") != std::string::npos);
  }
  s.write("huge.yaml", "program: dms\n# " + std::string(2 * 1024 * 1024, 'x') + "\n");
  try {
    portfolio::load_manifest(s.path("huge.yaml"));
    FAIL("no error for a huge manifest");
  } catch (const config::ConfigError& e) {
    CHECK(e.message == "submission manifest is larger than 1 MiB");
  }
}

TEST_CASE("customer names compare without case, punctuation and legal suffixes") {
  CHECK(rules::normalise_customer("Alder Savings Bank, Inc.") == "alder savings bank");
  CHECK(rules::normalise_customer("ALDER SAVINGS BANK") == "alder savings bank");
  CHECK(rules::normalise_customer("Müller GmbH") == rules::normalise_customer("müller"));
  CHECK(rules::normalise_customer("The Acme Company Ltd") == "acme");
  CHECK(rules::normalise_customer("Acme") != rules::normalise_customer("Acme Bank"));
  CHECK(rules::normalise_customer("Co") == "co");  // a name that is only a suffix stays
}

TEST_CASE("counts: a pilot, another program and the same customer again do not count") {
  rules::PortfolioInput in;
  in.program = "dms";
  in.anchor_path = "caselint-submission.yaml";
  in.references = {ref("a.md", "Alder Bank"), ref("b.md", "Alder Bank Ltd"), ref("c.md", "Cedar"), ref("d.md", "Dunmore")};
  in.references[2].in_production = false;
  in.references[3].program = "aurora";
  auto found = run_rule("PF001", in);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message ==
        "submission has 1 qualifying reference (counted: a.md; not counted: b.md (same customer as another reference), "
        "c.md (not in production), d.md (written for aurora)); expected at least 2 for dms");
  CHECK(found[0].checklist == "dms prerequisite 2.1 AWS Customer Case Studies");
  in.references[2].in_production = true;
  CHECK(run_rule("PF001", in).empty());
}

TEST_CASE("aurora counts two references per engine applied for") {
  rules::PortfolioInput in;
  in.program = "aurora";
  in.engines = {{"aurora-mysql", {{3, 5}, {3, 5}}}, {"aurora-postgresql", {{4, 5}, {4, 5}}}};
  in.references = {ref("a.md", "A"), ref("b.md", "B"), ref("c.md", "C")};
  in.references[0].engine = in.references[1].engine = "aurora-mysql";
  in.references[2].engine = "aurora-postgresql";
  auto found = run_rule("PF002", in);
  REQUIRE(found.size() == 1);
  CHECK(found[0].range.start.line == 4);
  CHECK(found[0].message.find("engine aurora-postgresql has 1 qualifying reference (counted: c.md)") == 0);
  in.engines.clear();
  found = run_rule("PF002", in);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message.find("names no Aurora engine") != std::string::npos);
}

TEST_CASE("ml programs need two public references among the four") {
  rules::PortfolioInput in;
  in.program = "ml-technology";
  in.references = {ref("a.md", "A", true), ref("b.md", "B"), ref("c.md", "C"), ref("d.md", "D")};
  auto found = run_rule("PF003", in);
  REQUIRE(found.size() == 1);
  CHECK(found[0].checklist == "ml-technology 1.2 Public References");
  in.references[1].is_public = true;
  CHECK(run_rule("PF003", in).empty());
  CHECK(run_rule("PF001", in).empty());
}

TEST_CASE("PF009: a public reference the crawl cannot reach from the home page") {
  rules::PortfolioInput in;
  in.program = "ml-consulting";
  in.references = {ref("a.md", "A", true), ref("b.md", "B", true), ref("c.md", "C", false)};
  in.references[0].url = "https://partner.example/customers/a";
  in.references[1].url = "https://partner.example/campaign/b";
  for (rules::PortfolioReference& r : in.references) r.site_target = r.url;
  CHECK(run_rule("PF009", in).empty());  // no crawl: nothing known, nothing reported
  std::map<std::string, int> clicks = {{"https://partner.example/customers/a", 2}};
  std::set<std::string> asked;
  in.clicks_from_home = [&](const std::string& target) -> std::optional<int> {
    asked.insert(target);
    auto it = clicks.find(target);
    return it == clicks.end() ? std::nullopt : std::optional<int>(it->second);
  };
  auto found = run_rule("PF009", in);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message.find("public reference b.md (https://partner.example/campaign/b) cannot be reached") == 0);
  CHECK(asked == std::set<std::string>{"https://partner.example/customers/a", "https://partner.example/campaign/b"});
}

TEST_CASE("check_submission: the documents, the findings and where they point") {
  std::string dir = std::string(CASELINT_SOURCE_DIR) + "/corpus/submissions/dms-short";
  portfolio::Options opt;
  opt.run.as_of = "2024-06-30";
  portfolio::Result r = portfolio::check_submission(dir, opt);
  CHECK(r.submission.program == "dms");
  REQUIRE(r.submission.manifest);
  CHECK(r.documents.size() == 2);
  for (const format::FileResult& f : r.documents) {
    CHECK(f.fields.has_value());
    CHECK(f.profile == "dms");
  }
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].code == "PF001");
  CHECK(r.findings[0].path == r.submission.manifest->path);
  CHECK(r.findings[0].range.start.line == 2);
  std::vector<format::FileResult> merged = portfolio::merged_results(r);
  REQUIRE(merged.size() == 3);
  CHECK(merged.back().path == r.submission.manifest->path);
}

TEST_CASE("every portfolio rule has a doc whose examples are manifests") {
  const rules::RuleSet& set = rules::RuleSet::builtin();
  int seen = 0;
  for (const rules::Rule* rule : set.rules()) {
    if (!dynamic_cast<const rules::PortfolioRule*>(rule)) continue;
    ++seen;
    CAPTURE(rule->meta().code);
    std::string doc(set.doc(rule->meta().code));
    CHECK(doc.find("## Example\n\n```yaml\n# caselint-submission.yaml\nprogram: ") != std::string::npos);
    CHECK(doc.find("## Passing example\n\n```yaml\n# caselint-submission.yaml\nprogram: ") != std::string::npos);
  }
  CHECK(seen == 9);
}

TEST_CASE("PF009 through check_submission: pages of a local site are known by their path under the site root") {
  Scratch s;
  fs::create_directories(s.dir / "site" / "customers");
  s.write("site/customers/c.md", "# C\n");
  s.write("caselint-submission.yaml",
          "program: dms\nsite: site\nreferences:\n  - {file: a.md, public: true, url: 'https://p.example/a'}\n"
          "  - {file: site/customers/c.md, public: true}\n  - {file: b.md, public: false}\n");
  std::vector<std::string> asked;
  portfolio::Options opt;
  opt.run.as_of = "2024-06-30";
  opt.clicks_from_home = [&](const std::string& target) -> std::optional<int> {
    asked.push_back(target);
    return target == "https://p.example/a" ? std::optional<int>(3) : std::nullopt;
  };
  portfolio::Result r = portfolio::check_submission(s.dir.string(), opt);
  CHECK(asked == std::vector<std::string>{"https://p.example/a", "customers/c.md"});
  std::vector<rules::Diagnostic> pf009;
  for (const rules::Diagnostic& d : r.findings)
    if (d.code == "PF009") pf009.push_back(d);
  REQUIRE(pf009.size() == 1);
  CHECK(pf009[0].range.start.line == 5);
  CHECK(pf009[0].path == s.path("caselint-submission.yaml"));
  CHECK(pf009[0].message.find("public reference c.md (customers/c.md) cannot be reached") == 0);
}
