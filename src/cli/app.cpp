#include "cli/app.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "check/check.h"
#include "cli/site_command.h"
#include "config/config.h"
#include "extract/dates.h"
#include "fix/fix.h"
#include "format/fingerprint.h"
#include "format/format.h"
#include "load/source.h"
#include "lsp/server.h"
#include "parse/parse.h"
#include "portfolio/portfolio.h"
#include "report/report.h"
#include "rules/engine.h"
#include "rules/portfolio_rule.h"

namespace caselint::cli {

namespace {

namespace fs = std::filesystem;

struct Options {
  std::vector<std::string> paths;
  std::string profile;
  std::string config;
  std::string format = "text";
  std::string as_of;
  std::string stdin_filename = "<stdin>";
  std::string max_file_size;
  unsigned jobs = 0;
  bool quiet = false;
  bool no_color = false;
  bool fix = false;
  bool diff = false;
  std::string baseline;
  bool update_baseline = false;
  bool treat_as_public = false;
  bool submission = false;  // --submission: folders are submissions even without a manifest
};

std::optional<std::size_t> parse_size(const std::string& s) {
  std::size_t pos = 0;
  unsigned long long n = 0;
  try {
    n = std::stoull(s, &pos);
  } catch (...) {
    return std::nullopt;
  }
  std::string unit = s.substr(pos);
  unit.erase(std::remove(unit.begin(), unit.end(), ' '), unit.end());
  for (char& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::size_t mult = 1;
  if (unit.empty() || unit == "b") mult = 1;
  else if (unit == "k" || unit == "kb") mult = 1000;
  else if (unit == "kib") mult = 1024;
  else if (unit == "m" || unit == "mb") mult = 1000 * 1000;
  else if (unit == "mib") mult = 1024 * 1024;
  else if (unit == "g" || unit == "gb") mult = 1000 * 1000 * 1000;
  else if (unit == "gib") mult = 1024 * 1024 * 1024;
  else return std::nullopt;
  return static_cast<std::size_t>(n) * mult;
}

// Checks one file from loading to diagnostics. Never throws.
format::FileResult check_one(const std::string& path, const Options& opt, config::ConfigCache& configs,
                             const rules::RunOptions& run, bool want_fields,
                             const portfolio::Membership* member = nullptr) {
  bool is_stdin = path == "-";
  check::Input in;
  in.config_path = is_stdin ? (fs::current_path() / opt.stdin_filename).string() : path;
  in.settings_path = is_stdin ? opt.stdin_filename : path;
  in.profile = opt.profile;
  // A reference's study in a submission above: read with the reference's
  // documents, against the submission's program (docs/submission.md).
  if (member && member->role == portfolio::Membership::Role::study) {
    in.supporting = member->supporting;
    if (in.profile.empty()) in.profile = member->program;
  }
  in.want_fields = want_fields;
  in.keep_source = opt.fix || opt.diff;
  format::FileResult r;
  r.path = is_stdin ? opt.stdin_filename : path;
  r.format = load::format_for_path(r.path).value_or(doc::Format::markdown);
  try {
    const config::Config& cfg = configs.for_file(in.config_path);
    std::size_t max = cfg.max_file_size.value_or(load::kDefaultMaxFileSize);
    if (!opt.max_file_size.empty()) max = *parse_size(opt.max_file_size);
    load::LoadResult loaded = is_stdin ? load::load_stdin(r.path, max) : load::load_file(path, max);
    if (loaded.error) {
      r.error = loaded.error->reason;
      return r;
    }
    return check::check_source(std::move(*loaded.file), in, configs, run);
  } catch (const config::ConfigError& e) {
    r.error = std::string("configuration: ") + e.what();
  } catch (const std::exception& e) {
    r.error = std::string("internal error: ") + e.what();
  }
  return r;
}

// Checks the submission folders among the paths (a caselint-submission.yaml
// inside, or any folder with --submission): their documents and the portfolio
// rules. Returns the other paths.
// Where results go as they are made: into a list, or (streaming output) to
// the output in their stable order, one at a time.
using Emit = std::function<void(format::FileResult&&)>;

std::vector<std::string> check_submissions(const Options& opt, const rules::RunOptions& run,
                                           const Emit& results) {
  std::vector<std::string> rest;
  for (const std::string& path : opt.paths) {
    std::error_code ec;
    if (!portfolio::has_manifest(path) && !(opt.submission && fs::is_directory(path, ec))) {
      rest.push_back(path);
      continue;
    }
    portfolio::Options popt;
    popt.config = opt.config;
    popt.run = run;
    popt.keep_source = opt.fix || opt.diff;
    try {
      for (format::FileResult& r : portfolio::merged_results(portfolio::check_submission(path, popt))) results(std::move(r));
    } catch (const config::ConfigError& e) {
      format::FileResult r;
      r.path = e.file;
      r.error = std::string("submission: ") + e.what();
      results(std::move(r));
    }
  }
  return rest;
}

// Checks every path. With `emit`, each result goes to it in the stable
// order as soon as it and those before it are done (a file checked ahead of
// its turn waits, alone), and the returned list is empty; without, they are
// returned, and `exit_code` takes their status.
std::vector<format::FileResult> check_all(const Options& opt, bool want_fields, int& exit_code,
                                          const Emit* emit = nullptr) {
  std::vector<format::FileResult> results;
  const Emit collect = [&](format::FileResult&& r) { results.push_back(std::move(r)); };
  const Emit& out = emit ? *emit : collect;
  std::vector<std::string> paths = opt.paths;
  if (!want_fields) {
    rules::RunOptions run;
    run.as_of = opt.as_of.empty() ? check::today() : opt.as_of;
    paths = check_submissions(opt, run, out);
  }
  load::Expansion exp = load::expand_paths(paths);
  for (const load::LoadError& e : exp.errors) {
    format::FileResult r;
    r.path = e.path;
    r.error = e.reason;
    out(std::move(r));
  }
  config::ConfigCache configs(opt.config.empty() ? std::nullopt : std::optional<std::string>(opt.config));
  rules::RunOptions run;
  run.as_of = opt.as_of.empty() ? check::today() : opt.as_of;
  run.treat_as_public = opt.treat_as_public;

  // Documents a study's front matter names as `supporting:` are read with
  // that study, never checked as case studies of their own.
  std::map<std::string, std::string> supports;  // normal path -> the study naming it
  if (exp.files.size() > 1) {
    for (const std::string& f : exp.files) {
      for (const std::string& s : check::named_supporting(f)) supports.emplace(s, f);
    }
  }
  // What a submission manifest above each file says of it.
  std::vector<portfolio::Membership> members(exp.files.size());
  for (std::size_t i = 0; i < exp.files.size(); ++i) {
    if (exp.files[i] != "-") members[i] = portfolio::membership(exp.files[i]);
  }
  auto check_file = [&](std::size_t i) {
    const std::string& path = exp.files[i];
    if (!supports.empty()) {
      auto it = supports.find(fs::path(path).lexically_normal().string());
      if (it != supports.end()) return check::supporting_result(path, it->second);
    }
    const portfolio::Membership& m = members[i];
    if (m.role == portfolio::Membership::Role::supporting) return check::supporting_result(path, m.study);
    if (m.role == portfolio::Membership::Role::practice) return portfolio::practice_result(path);
    return check_one(path, opt, configs, run, want_fields, &m);
  };
  const std::size_t n = exp.files.size();
  unsigned jobs = opt.jobs ? opt.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, static_cast<unsigned>(std::max<std::size_t>(n, 1)));
  if (jobs <= 1) {
    for (std::size_t i = 0; i < n; ++i) out(check_file(i));
  } else {
    // Workers take files in order; this thread hands each result on in turn.
    std::vector<std::optional<format::FileResult>> done(n);
    std::mutex m;
    std::condition_variable ready;
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
      for (std::size_t i; (i = next.fetch_add(1)) < n;) {
        format::FileResult r = check_file(i);
        std::lock_guard<std::mutex> lock(m);
        done[i] = std::move(r);
        ready.notify_one();
      }
    };
    std::vector<std::thread> pool;
    for (unsigned j = 0; j < jobs; ++j) pool.emplace_back(worker);
    for (std::size_t i = 0; i < n; ++i) {
      format::FileResult r;
      {
        std::unique_lock<std::mutex> lock(m);
        ready.wait(lock, [&] { return done[i].has_value(); });
        r = std::move(*done[i]);
        done[i].reset();
      }
      out(std::move(r));
    }
    for (std::thread& t : pool) t.join();
  }
  if (!emit) exit_code = std::max(exit_code, format::exit_status(results, std::cerr));
  return results;
}

void add_common(CLI::App* app, Options& opt, bool paths_required) {
  auto* p = app->add_option("paths", opt.paths, "files or folders to check (recursively: .md, .markdown, .html, .htm, .ipynb); - reads standard input");
  if (paths_required) p->required();
  app->add_option("--profile", opt.profile, "check every file with this profile (program)");
  app->add_option("--config", opt.config, "use this config file instead of searching for .caselint.yaml");
  app->add_option("--as-of", opt.as_of, "the date recency rules count from, YYYY-MM-DD (default: today)");
  app->add_option("--stdin-filename", opt.stdin_filename, "the path to report (and find config from) for standard input");
  app->add_option("--max-file-size", opt.max_file_size, "skip files larger than this (default 16MiB; units B, KB, KiB, MB, MiB)");
  app->add_option("-j,--jobs", opt.jobs, "files checked in parallel (default: the number of cores)");
}

std::optional<std::string> validate(const Options& opt) {
  if (opt.update_baseline && opt.baseline.empty()) return "--update-baseline needs --baseline FILE";
  if (!opt.profile.empty() && !rules::RuleSet::builtin().profile(opt.profile)) {
    return config::unknown_name("profile", opt.profile, rules::RuleSet::builtin().profile_ids());
  }
  if (!opt.as_of.empty() && !extract::parse_iso_date(opt.as_of)) {
    return "--as-of \"" + opt.as_of + "\" is not a date in the form YYYY-MM-DD";
  }
  if (!opt.max_file_size.empty() && !parse_size(opt.max_file_size)) {
    return "--max-file-size \"" + opt.max_file_size + "\" is not a size (examples: 16MiB, 500KB, 1048576)";
  }
  return std::nullopt;
}

// --diff prints the fixes and returns nullopt; --fix writes them and returns
// how many findings it fixed. A file that failed to load or parse has no
// source and is never written.
std::optional<int> apply_fixes(const Options& opt, std::vector<format::FileResult>& results, int& exit_code) {
  int fixed = 0, files = 0;
  for (format::FileResult& r : results) {
    if (load::is_binary_format(r.format)) {
      if (!r.diagnostics.empty()) {
        std::cerr << r.path << ": note: " << (opt.diff ? "--diff" : "--fix")
                  << " leaves Word and PDF files alone: caselint edits text files only; make the changes in the "
                     "program that wrote the document\n";
      }
      continue;
    }
    if (!r.source) continue;
    fix::Applied a = fix::apply_fixes(*r.source, r.diagnostics);
    for (const fix::Mismatch& m : a.mismatches) std::cerr << fix::describe(r.path, m) << '\n';
    if (a.applied == 0) continue;
    if (opt.diff) {
      std::cout << fix::unified_diff(r.path, *r.source, a.text);
      continue;
    }
    if (r.path == opt.stdin_filename && std::find(opt.paths.begin(), opt.paths.end(), "-") != opt.paths.end()) {
      std::cerr << r.path << ": error: --fix cannot write standard input; use --diff\n";
      exit_code = 2;
      continue;
    }
    if (auto err = fix::write_atomically(r.path, *r.source, a.text)) {
      std::cerr << r.path << ": error: " << *err << '\n';
      exit_code = 2;
      continue;
    }
    fixed += a.applied;
    ++files;
  }
  if (opt.diff) return std::nullopt;
  if (fixed > 0) std::cerr << "caselint: fixed " << fixed << " finding" << (fixed == 1 ? "" : "s") << " in " << files << " file" << (files == 1 ? "" : "s") << '\n';
  return fixed;
}

// --baseline: the first run (or --update-baseline) records every finding's
// fingerprint; later runs drop the findings recorded there, so only new ones
// are reported. Returns false with a message on stderr when the file cannot
// be read or written.
bool apply_baseline(const Options& opt, std::vector<format::FileResult>& results, int& exit_code) {
  std::error_code ec;
  if (!fs::exists(opt.baseline, ec) || opt.update_baseline) {
    nlohmann::ordered_json findings = nlohmann::ordered_json::array();
    for (const format::FileResult& r : results) {
      std::vector<std::string> prints = format::fingerprints(r);
      for (std::size_t i = 0; i < r.diagnostics.size(); ++i) {
        const rules::Diagnostic& d = r.diagnostics[i];
        findings.push_back({{"fingerprint", prints[i]}, {"path", d.path}, {"code", d.code}, {"message", d.message}});
      }
    }
    std::string text = nlohmann::ordered_json({{"version", 1}, {"findings", findings}}).dump(2) + "\n";
    if (auto err = fix::write_file(opt.baseline, text)) {
      std::cerr << opt.baseline << ": error: cannot write the baseline: " << *err << '\n';
      return false;
    }
    std::cerr << "caselint: recorded " << findings.size() << " finding" << (findings.size() == 1 ? "" : "s") << " in "
              << opt.baseline << "; later runs report only new ones\n";
    for (format::FileResult& r : results) r.diagnostics.clear();
  } else {
    std::ifstream in(opt.baseline, std::ios::binary);
    nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (!in || j.is_discarded() || !j.is_object() || !j.contains("findings") || !j["findings"].is_array()) {
      std::cerr << opt.baseline << ": error: not a caselint baseline (expected JSON with a \"findings\" list)\n";
      return false;
    }
    std::map<std::string, int> known;
    for (const auto& f : j["findings"]) {
      if (f.is_object() && f.contains("fingerprint") && f["fingerprint"].is_string()) ++known[f["fingerprint"].get<std::string>()];
    }
    for (format::FileResult& r : results) {
      std::vector<std::string> prints = format::fingerprints(r);
      std::vector<rules::Diagnostic> kept;
      for (std::size_t i = 0; i < r.diagnostics.size(); ++i) {
        auto it = known.find(prints[i]);
        if (it != known.end() && it->second > 0) {
          --it->second;
          continue;
        }
        kept.push_back(std::move(r.diagnostics[i]));
      }
      r.diagnostics = std::move(kept);
    }
  }
  if (exit_code != 2) {
    exit_code = 0;
    for (const format::FileResult& r : results) {
      for (const rules::Diagnostic& d : r.diagnostics) {
        if (d.severity == rules::Severity::error) exit_code = 1;
      }
    }
  }
  return true;
}

bool use_color(const Options& opt) {
  if (opt.no_color || std::getenv("NO_COLOR")) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string(term) == "dumb") return false;
  return isatty(STDOUT_FILENO) == 1;
}

int cmd_rules(const std::string& fmt, const std::string& profile) {
  const rules::RuleSet& set = rules::RuleSet::builtin();
  std::vector<const rules::Rule*> shown;
  for (const rules::Rule* r : set.rules()) {
    if (!profile.empty()) {
      const rules::Profile* p = set.profile(profile);
      if (!p || std::find(p->rules.begin(), p->rules.end(), r->meta().code) == p->rules.end()) continue;
    }
    shown.push_back(r);
  }
  auto profiles_of = [&](const std::string& code) {
    std::vector<std::string> ids;
    for (const std::string& id : set.profile_ids()) {
      const rules::Profile* p = set.profile(id);
      if (std::find(p->rules.begin(), p->rules.end(), code) != p->rules.end()) ids.push_back(id);
    }
    return ids;
  };
  if (fmt == "json") {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const rules::Rule* r : shown) {
      const rules::RuleMeta& m = r->meta();
      arr.push_back({{"code", m.code}, {"rule", m.name}, {"severity", rules::severity_name(m.severity)},
                     {"status", rules::status_name(m.status)}, {"since", m.since}, {"field", m.field},
                     {"checklist", m.checklist}, {"summary", m.summary}, {"profiles", profiles_of(m.code)}});
    }
    std::cout << nlohmann::ordered_json({{"version", 1}, {"rules", arr}}).dump(2) << '\n';
    return 0;
  }
  std::size_t width = 0;
  for (const rules::Rule* r : shown) width = std::max(width, r->meta().name.size());
  for (const rules::Rule* r : shown) {
    const rules::RuleMeta& m = r->meta();
    std::cout << m.code << "  " << m.name << std::string(width + 2 - m.name.size(), ' ')
              << rules::severity_name(m.severity) << std::string(9 - std::string(rules::severity_name(m.severity)).size(), ' ')
              << m.summary << '\n';
  }
  std::cout << "\nProfiles: " << config::joined(set.profile_ids()) << "\nDetails: caselint explain CODE\n";
  return 0;
}

int cmd_explain(const std::string& code) {
  const rules::RuleSet& set = rules::RuleSet::builtin();
  const rules::Rule* r = set.find(code);
  if (!r) {
    std::vector<std::string> names;
    for (const rules::Rule* x : set.rules()) {
      names.push_back(x->meta().code);
      names.push_back(x->meta().name);
    }
    std::string hint = config::suggest(code, names);
    std::cerr << "caselint: error: unknown rule \"" << code << "\""
              << (hint.empty() ? "" : "; did you mean \"" + hint + "\"?") << " (caselint rules lists them)\n";
    return 2;
  }
  const rules::RuleMeta& m = r->meta();
  std::string_view doc = set.doc(m.code);
  if (!doc.empty()) {
    std::cout << doc;
    if (doc.back() != '\n') std::cout << '\n';
  } else {
    std::cout << "# " << m.code << ' ' << m.name << "\n\n" << m.summary << '\n';
  }
  std::cout << "\nDefault severity: " << rules::severity_name(m.severity) << "; status: " << rules::status_name(m.status)
            << " since " << m.since << '\n';
  if (!m.checklist_by_profile.empty()) {
    std::cout << "Citations by profile:\n";
    for (const auto& [p, c] : m.checklist_by_profile) std::cout << "  " << p << ": " << c << '\n';
  }
  return 0;
}

// The references of a submission as the report shows them: the manifest's
// customer (else the report names the study's) and the reference's
// documents, the study first.
std::vector<report::ReferenceInput> report_references(const portfolio::Submission& sub) {
  std::vector<report::ReferenceInput> out;
  for (const portfolio::ReferenceEntry& e : sub.references) {
    report::ReferenceInput r{e.customer, e.path, {e.path}};
    r.documents.insert(r.documents.end(), e.supporting.begin(), e.supporting.end());
    out.push_back(std::move(r));
  }
  return out;
}

// `caselint report`: checks the files (keeping their fields), assesses the
// program's checklist and prints or writes the self-assessment. Exit code 1
// when an item is not met.
int cmd_report(const Options& o, const std::string& partner, const std::string& output) {
  if (!o.profile.empty() && !report::builtin_checklist(o.profile)) {
    std::cerr << "caselint: error: profile \"" << o.profile << "\" has no checklist to report on; programs with one: "
              << config::joined(report::checklist_programs()) << '\n';
    return 2;
  }
  int exit_code = 0;
  report::Input in;
  // A submission folder (with caselint-submission.yaml) is checked as a
  // whole: its documents, then the portfolio rules, whose findings count
  // against the checklist items they cite.
  std::error_code dir_error;
  if (o.paths.size() == 1 &&
      (portfolio::has_manifest(o.paths[0]) || (o.submission && fs::is_directory(o.paths[0], dir_error)))) {
    portfolio::Options popt;
    popt.config = o.config;
    popt.run.as_of = o.as_of.empty() ? check::today() : o.as_of;
    std::optional<portfolio::Manifest> pr_manifest;
    try {
      portfolio::Result pr = portfolio::check_submission(o.paths[0], popt);
      in.documents = std::move(pr.documents);
      in.portfolio_findings = std::move(pr.findings);
      if (o.profile.empty()) in.program = pr.submission.program;
      if (pr.submission.manifest) in.partner = pr.submission.manifest->partner;
      pr_manifest = pr.submission.manifest;
      in.practice = pr.submission.practice;
      in.references = report_references(pr.submission);
    } catch (const config::ConfigError& e) {
      std::cerr << e.file << ": error: submission: " << e.what() << '\n';
      return 2;
    }
    for (const format::FileResult& d : in.documents) {
      if (d.error) exit_code = 2;
    }
    // PF007 reads the landing page and PF009 the crawl of the site: without
    // them in the manifest they checked nothing, and cannot make an item Met.
    bool has_landing = false, has_site = false;
    if (const portfolio::Manifest* m = pr_manifest ? &*pr_manifest : nullptr) {
      has_landing = !m->landing_page.empty();
      has_site = !m->site.empty();
    }
    if (const rules::Profile* prof = rules::RuleSet::builtin().profile(o.profile.empty() ? in.program : o.profile)) {
      for (const std::string& code : prof->rules) {
        if (!dynamic_cast<const rules::PortfolioRule*>(rules::RuleSet::builtin().find(code))) continue;
        if ((code == "PF007" && !has_landing) || (code == "PF009" && !has_site)) continue;
        in.portfolio_rules_run.push_back(code);
      }
    }
  } else {
    in.documents = check_all(o, true, exit_code);
  }
  if (!o.profile.empty()) in.program = o.profile;
  if (in.program.empty()) {
    std::string problem;
    in.program = report::infer_program(in.documents, problem);
    if (in.program.empty()) {
      std::cerr << "caselint: error: " << problem << '\n';
      return 2;
    }
  }
  if (!partner.empty()) in.partner = partner;
  in.as_of = o.as_of.empty() ? check::today() : o.as_of;
  report::Report r = report::assess(in);
  std::string text = report::render(r, o.format);
  if (output.empty()) {
    std::cout << text;
  } else if (auto err = fix::write_file(output, text)) {
    std::cerr << output << ": error: " << *err << '\n';
    return 2;
  }
  if (exit_code == 2) return 2;
  return r.not_met > 0 ? 1 : 0;
}

}  // namespace

// A starter config: the program, and every rule of it listed (commented) so
// that disabling or re-grading one is an edit, not a search.
std::string starter_config(const rules::Profile& p) {
  const rules::RuleSet& set = rules::RuleSet::builtin();
  std::string out = "# caselint configuration: https://github.com/caselint/caselint#configuration\n";
  out += "# Program: " + p.title + "\n";
  out += "profile: " + p.id + "\n\n";
  out += "# Turn a rule off (by code or name):\n# disable: [CS107]\n\n";
  out += "# Change a rule's severity (error | warning | info | off):\nrules:\n";
  for (const std::string& code : p.rules) {
    const rules::Rule* r = set.find(code);
    if (!r) continue;
    out += "  # " + code + ": " + rules::severity_name(r->meta().severity) + "    # " + r->meta().name + "\n";
  }
  out += "\n# A different program for some files:\n# overrides:\n#   - files: [\"dms/**/*.md\"]\n#     profile: dms\n";
  return out;
}

int cmd_init(const std::string& profile, const std::string& dir, bool force) {
  const rules::Profile* p = rules::RuleSet::builtin().profile(profile);
  if (!p) {
    std::cerr << "caselint: error: " << config::unknown_name("profile", profile, rules::RuleSet::builtin().profile_ids())
              << '\n';
    return 2;
  }
  fs::path path = fs::path(dir) / ".caselint.yaml";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    std::cerr << "caselint: error: " << dir << ": not a folder\n";
    return 2;
  }
  if (fs::exists(path, ec) && !force) {
    std::cerr << "caselint: error: " << path.string() << " exists; use --force to replace it\n";
    return 2;
  }
  if (auto err = fix::write_file(path.string(), starter_config(*p))) {
    std::cerr << "caselint: error: " << path.string() << ": " << *err << '\n';
    return 2;
  }
  std::cout << "wrote " << path.string() << " (profile " << p->id << ")\n";
  return 0;
}

int run(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  static const std::vector<std::string> kCommands = {"check", "extract", "report", "rules", "explain", "init", "lsp", "help", "site"};
  bool first_is_command = !args.empty() && std::find(kCommands.begin(), kCommands.end(), args[0]) != kCommands.end();
  bool wants_top_help = !args.empty() && (args[0] == "-h" || args[0] == "--help" || args[0] == "--version");
  if (!first_is_command && !wants_top_help) args.insert(args.begin(), "check");

  CLI::App app{"caselint: checks AWS Partner customer case studies and practice pages against the program checklists"};
  app.set_version_flag("--version", std::string("caselint ") + format::version());
  app.require_subcommand(1);
  app.footer("Exit codes: 0 no error-severity finding, 1 error findings, 2 usage, configuration or I/O error.");

  Options opt;
  CLI::App* check = app.add_subcommand("check", "lint files and folders (the default command)");
  add_common(check, opt, true);
  check->add_option("--format", opt.format, "output format: text, json, sarif, junit or github")
      ->check(CLI::IsMember({"text", "json", "sarif", "junit", "github"}));
  check->add_flag("-q,--quiet", opt.quiet, "print only error-severity findings, no summary");
  check->add_flag("--no-color", opt.no_color, "no colour, even on a terminal (also NO_COLOR=1)");
  check->add_flag("--fix", opt.fix, "apply the safe fixes the findings carry, writing each file atomically");
  check->add_flag("--diff", opt.diff, "print the safe fixes as a unified diff; write nothing");
  check->add_option("--baseline", opt.baseline,
                    "report only findings not recorded in FILE; when FILE does not exist, record today's findings in it");
  check->add_flag("--update-baseline", opt.update_baseline, "with --baseline: record today's findings again");
  check->add_flag("--public", opt.treat_as_public,
                  "check every file as a public page: the public-safety rules (CS401-CS499) apply to all of them");
  check->add_flag("--submission", opt.submission,
                  "check each folder as one submission (portfolio rules), also without a caselint-submission.yaml");

  Options xopt;
  xopt.format = "json";
  CLI::App* extract = app.add_subcommand("extract", "print the fields found in each file (JSON by default)");
  add_common(extract, xopt, true);
  extract->add_option("--format", xopt.format, "output format")->check(CLI::IsMember({"json", "text"}));

  Options ropt;
  ropt.format = "md";
  std::string report_partner, report_output;
  CLI::App* report_cmd = app.add_subcommand("report", "the program's validation checklist as a self-assessment: "
                                                      "each item Met, Not met or Needs human review, with evidence");
  add_common(report_cmd, ropt, true);
  report_cmd->add_option("--format", ropt.format, "output format: md (Markdown), html or json")
      ->check(CLI::IsMember({"md", "html", "json"}));
  report_cmd->add_option("--partner", report_partner, "the partner's name, shown in the report");
  report_cmd->add_flag("--submission", ropt.submission,
                       "report on a folder as one submission even without a caselint-submission.yaml (references from "
                       "front matter program:, a practice/ folder for evidence)");
  report_cmd->add_option("-o,--output", report_output, "write the report to FILE (atomically) instead of standard output");

  std::string rules_format = "text", rules_profile;
  CLI::App* rules_cmd = app.add_subcommand("rules", "list the rules");
  rules_cmd->add_option("--format", rules_format, "output format")->check(CLI::IsMember({"text", "json"}));
  rules_cmd->add_option("--profile", rules_profile, "only the rules of this profile");

  std::string explain_code;
  CLI::App* explain = app.add_subcommand("explain", "show a rule's documentation");
  explain->add_option("code", explain_code, "rule code or name, e.g. CS104 or missing-lessons-learned")->required();

  std::string init_profile = "case-study", init_dir = ".";
  bool init_force = false;
  CLI::App* init = app.add_subcommand("init", "write a starter .caselint.yaml for a program");
  init->add_option("--profile", init_profile, "the program: " + config::joined(rules::RuleSet::builtin().profile_ids()));
  init->add_option("dir", init_dir, "the folder to write it in (default: the current one)");
  init->add_flag("--force", init_force, "replace an existing .caselint.yaml");

  bool lsp_stdio = false;
  CLI::App* lsp_cmd = app.add_subcommand("lsp", "run the language server for editors (LSP on standard input and output)");
  lsp_cmd->add_flag("--stdio", lsp_stdio, "talk over standard input and output (the only transport; accepted for editors that pass it)");

  SiteArgs site_args;
  CLI::App* site_cmd = add_site_command(app, site_args);

  std::vector<char*> cargs;
  std::string argv0 = argc > 0 ? argv[0] : "caselint";
  cargs.push_back(argv0.data());
  for (std::string& a : args) cargs.push_back(a.data());
  try {
    app.parse(static_cast<int>(cargs.size()), cargs.data());
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }

  try {
    if (rules_cmd->parsed()) {
      if (!rules_profile.empty() && !rules::RuleSet::builtin().profile(rules_profile)) {
        std::cerr << "caselint: error: unknown profile \"" << rules_profile
                  << "\"; valid profiles: " << config::joined(rules::RuleSet::builtin().profile_ids()) << '\n';
        return 2;
      }
      return cmd_rules(rules_format, rules_profile);
    }
    if (explain->parsed()) return cmd_explain(explain_code);
    if (init->parsed()) return cmd_init(init_profile, init_dir, init_force);
    if (lsp_cmd->parsed()) return lsp::serve(std::cin, std::cout);
    if (site_cmd->parsed()) return run_site(site_args);
    if (report_cmd->parsed()) {
      if (auto problem = validate(ropt)) {
        std::cerr << "caselint: error: " << *problem << '\n';
        return 2;
      }
      return cmd_report(ropt, report_partner, report_output);
    }

    bool is_extract = extract->parsed();
    Options& o = is_extract ? xopt : opt;
    if (auto problem = validate(o)) {
      std::cerr << "caselint: error: " << *problem << '\n';
      return 2;
    }
    auto started = std::chrono::steady_clock::now();
    int exit_code = 0;
    // Output that streams: each file's part written as soon as it is its
    // turn, so that a run over thousands of files holds one file at a time
    // (--fix, --diff and --baseline need every result first; JUnit keeps
    // each file's suite as its XML text until the totals are known).
    if (!is_extract && !o.fix && !o.diff && o.baseline.empty()) {
      std::unique_ptr<format::ResultStream> stream;
      if (o.format == "json") {
        stream = format::json_stream(std::cout);
      } else if (o.format == "junit") {
        stream = format::junit_stream(std::cout);
      } else if (o.format == "sarif") {
        stream = format::sarif_stream(std::cout, std::filesystem::current_path().string());
      } else if (o.format == "github") {
        stream = format::github_stream(std::cout);
      } else {
        format::TextOptions topts;
        topts.color = use_color(o);
        topts.quiet = o.quiet;
        topts.started = started;
        stream = format::text_stream(std::cout, topts);
      }
      format::ExitStatus status;
      const Emit emit = [&](format::FileResult&& r) {
        status.add(r, std::cerr);
        stream->file(r);
      };
      check_all(o, false, exit_code, &emit);
      stream->finish();
      return std::max(exit_code, status.code());
    }
    std::vector<format::FileResult> results = check_all(o, is_extract, exit_code);
    if (!is_extract && (o.diff || o.fix)) {
      int write_status = 0;
      std::optional<int> fixed = apply_fixes(o, results, write_status);
      if (!fixed) return exit_code;  // --diff: the diff is the output
      if (*fixed > 0) {
        // Report what is left, as it is now on disk.
        Options again = o;
        again.fix = false;
        int before = exit_code;
        results = check_all(again, false, exit_code);
        if (before == 2) exit_code = 2;
      }
      if (write_status == 2) exit_code = 2;
    }
    if (!is_extract && !o.baseline.empty() && !apply_baseline(o, results, exit_code)) return 2;
    if (is_extract) {
      if (o.format == "text") {
        format::write_extract_text(std::cout, results);
      } else {
        format::write_extract_json(std::cout, results);
      }
      return exit_code == 2 ? 2 : 0;
    }
    if (o.format == "json") {
      format::write_json(std::cout, results);
    } else if (o.format == "sarif") {
      format::write_sarif(std::cout, results, std::filesystem::current_path().string());
    } else if (o.format == "junit") {
      format::write_junit(std::cout, results);
    } else if (o.format == "github") {
      format::write_github(std::cout, results);
    } else {
      format::TextOptions topts;
      topts.color = use_color(o);
      topts.quiet = o.quiet;
      topts.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      format::write_text(std::cout, results, topts);
    }
    return exit_code;
  } catch (const std::exception& e) {
    std::cerr << "caselint: error: " << e.what() << '\n';
    return 2;
  }
}

}  // namespace caselint::cli
