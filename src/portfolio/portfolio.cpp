#include "portfolio/portfolio.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "check/check.h"
#include "extract/fields.h"
#include "kind/kind.h"
#include "load/source.h"
#include "outline/outline.h"
#include "parse/parse.h"
#include "rules/registry.h"
#include "site/site.h"

namespace caselint::portfolio {

namespace {

namespace fs = std::filesystem;

std::string normal(const std::string& p) { return fs::path(p).lexically_normal().string(); }

std::string meta_text(const doc::Document& d, const char* key) {
  const doc::MetaValue* v = d.meta(key);
  return v && !v->is_list && !v->is_map ? v->text : "";
}

std::optional<doc::Document> parse_file(const std::string& path) {
  load::LoadResult loaded = load::load_file(path, load::kDefaultMaxFileSize);
  if (!loaded.file) return std::nullopt;
  parse::ParseResult r = outline::read(*loaded.file);
  return std::move(r.document);
}

std::string file_list(const std::vector<std::string>& paths, const std::string& dir) {
  std::vector<std::string> names;
  for (const std::string& p : paths) names.push_back(fs::path(p).lexically_relative(dir).string());
  return config::joined(names);
}

// Without a manifest, a reference alone in a sub-folder of the submission
// owns that folder: its other documents are its supporting documents.
void attach_folders(Submission& s) {
  const std::string top = normal(s.dir);
  load::Expansion exp = load::expand_paths({s.dir});
  for (ReferenceEntry& r : s.references) {
    fs::path folder = fs::path(normal(r.path)).parent_path();
    if (folder.string() == top || folder.empty()) continue;
    auto inside = [&](const std::string& p) {
      fs::path rel = fs::path(normal(p)).lexically_relative(folder);
      return !rel.empty() && *rel.begin() != "..";
    };
    bool alone = std::count_if(s.references.begin(), s.references.end(),
                               [&](const ReferenceEntry& o) { return inside(o.path); }) == 1;
    if (!alone) continue;
    r.folder = fs::path(folder).lexically_relative(top).string();
    r.documents.push_back(normal(r.path));
    for (const std::string& f : exp.files) {
      if (!inside(f) || normal(f) == normal(r.path)) continue;
      r.documents.push_back(normal(f));
      r.supporting.push_back(normal(f));
    }
  }
}

}  // namespace

void choose_study(ReferenceEntry& r, const std::string& manifest_path) {
  if (r.study_named) return;
  std::vector<std::string> programmed, studies;
  for (const std::string& path : r.documents) {
    std::optional<doc::Document> d = parse_file(path);
    if (!d) continue;
    if (!meta_text(*d, "program").empty()) programmed.push_back(path);
    extract::Fields fields = extract::extract_fields(*d, extract::Vocabulary::builtin(), {});
    if (kind::classify(*d, fields).kind == kind::PageKind::case_study) studies.push_back(path);
  }
  const std::vector<std::string>& pick = programmed.size() == 1 ? programmed : studies;
  const std::string dir = fs::path(manifest_path).parent_path().string();
  const std::string what = r.folder.empty() ? std::string("the reference's files") : "folder \"" + r.folder + "\"";
  if (pick.empty())
    throw config::ConfigError(manifest_path, r.at.start.line,
                              what + ": no document reads as a case study (" + file_list(r.documents, dir) +
                                  "); name it with \"study:\"");
  if (pick.size() > 1)
    throw config::ConfigError(manifest_path, r.at.start.line,
                              what + ": " + std::to_string(pick.size()) + " documents read as case studies (" +
                                  file_list(pick, dir) + "); name the study with \"study:\"");
  r.path = pick.front();
  r.file = fs::path(r.path).lexically_relative(dir).string();
  r.study_named = true;
  for (const std::string& d : r.documents)
    if (d != r.path) r.supporting.push_back(d);
}

format::FileResult practice_result(const std::string& path) {
  format::FileResult r;
  r.path = path;
  r.format = load::format_for_path(path).value_or(doc::Format::markdown);
  r.kind = "practice";
  r.kind_reason = "a process document of the partner's practice: evidence for the checklist in caselint report";
  return r;
}

bool has_manifest(const std::string& path) {
  std::error_code ec;
  return fs::is_directory(path, ec) && fs::exists(fs::path(path) / kManifestName, ec);
}

Submission load_submission(const std::string& dir) {
  Submission s;
  s.dir = dir;
  if (has_manifest(dir)) {
    s.manifest = load_manifest((fs::path(dir) / kManifestName).string());
    s.program = s.manifest->program;
    s.references = s.manifest->references;
    for (ReferenceEntry& r : s.references) choose_study(r, s.manifest->path);
    s.practice = s.manifest->practice;
    return s;
  }
  // No manifest: the documents' front matter says what they are.
  load::Expansion exp = load::expand_paths({dir});
  std::map<std::string, int> votes;
  for (const std::string& path : exp.files) {
    std::optional<doc::Document> d = parse_file(path);
    if (!d) continue;
    std::string program = meta_text(*d, "program");
    if (std::find(programs().begin(), programs().end(), program) == programs().end()) continue;
    ++votes[program];
    ReferenceEntry r;
    r.file = fs::path(path).lexically_relative(dir).string();
    r.path = path;
    r.at = d->title_range.start.line > 0 ? d->title_range : doc::SourceRange{{1, 1}, {1, 1}};
    std::string pub = meta_text(*d, "public");
    if (!pub.empty()) r.is_public = pub == "true" || pub == "yes" || pub == "on" || pub == "1";
    s.references.push_back(std::move(r));
  }
  if (votes.empty())
    throw config::ConfigError(dir, 0,
                              std::string("not a submission: no ") + kManifestName +
                                  " and no document with front matter program: (one of " +
                                  config::joined(programs()) + ")");
  attach_folders(s);
  std::error_code ec;
  if (fs::is_directory(fs::path(dir) / "practice", ec)) {
    for (const std::string& f : load::expand_paths({(fs::path(dir) / "practice").string()}).files)
      s.practice.push_back(normal(f));
  }
  // The program most references name; a tie goes to the first in programs() order.
  int best = 0;
  for (const std::string& id : programs()) {
    if (votes[id] > best) {
      best = votes[id];
      s.program = id;
    }
  }
  return s;
}

Membership membership(const std::string& path) {
  struct Cached {
    fs::file_time_type mtime;
    std::optional<Submission> submission;  // nullopt: the manifest could not be read
  };
  static std::mutex mutex;
  static std::map<std::string, std::string> manifest_of;  // folder -> the folder of the manifest above ("" none)
  static std::map<std::string, Cached> submissions;       // manifest folder -> what it says
  std::error_code ec;
  const fs::path file = fs::absolute(path, ec).lexically_normal();
  if (ec) return {};
  std::lock_guard<std::mutex> lock(mutex);
  // The nearest manifest in the file's folder or above.
  std::vector<std::string> walked;
  std::string found;
  for (fs::path dir = file.parent_path();; dir = dir.parent_path()) {
    auto known = manifest_of.find(dir.string());
    if (known != manifest_of.end()) {
      found = known->second;
      break;
    }
    walked.push_back(dir.string());
    if (fs::is_regular_file(dir / kManifestName, ec)) {
      found = dir.string();
      break;
    }
    if (dir == dir.parent_path()) break;
  }
  for (const std::string& w : walked) manifest_of[w] = found;
  if (found.empty()) return {};
  const fs::file_time_type mtime = fs::last_write_time(fs::path(found) / kManifestName, ec);
  auto it = submissions.find(found);
  if (it == submissions.end() || it->second.mtime != mtime) {
    Cached c{mtime, std::nullopt};
    try {
      c.submission = load_submission(found);
    } catch (const std::exception&) {
      // Checking the submission reports what is wrong with its manifest.
    }
    it = submissions.insert_or_assign(found, std::move(c)).first;
  }
  if (!it->second.submission) return {};
  const Submission& sub = *it->second.submission;
  auto same = [&](const std::string& p) { return fs::absolute(p, ec).lexically_normal() == file; };
  Membership m;
  m.program = sub.program;
  for (const ReferenceEntry& r : sub.references) {
    if (same(r.path)) {
      m.role = Membership::Role::study;
      m.supporting = r.supporting;
      return m;
    }
    for (const std::string& d : r.supporting) {
      if (!same(d)) continue;
      m.role = Membership::Role::supporting;
      m.study = r.path;
      return m;
    }
  }
  if (std::any_of(sub.practice.begin(), sub.practice.end(), same)) m.role = Membership::Role::practice;
  return m;
}

Result check_submission(const std::string& dir, const Options& opt) {
  Result result;
  result.submission = load_submission(dir);
  const Submission& sub = result.submission;
  const Manifest* manifest = sub.manifest ? &*sub.manifest : nullptr;

  // Every document of the folder, and the references and landing page even
  // when they live outside it.
  load::Expansion exp = load::expand_paths({dir});
  std::vector<std::string> files = exp.files;
  auto add_file = [&](const std::string& path) {
    if (std::none_of(files.begin(), files.end(), [&](const std::string& f) { return normal(f) == normal(path); }))
      files.push_back(path);
  };
  for (const ReferenceEntry& r : sub.references) {
    add_file(r.path);
    for (const std::string& d : r.supporting) add_file(d);
  }
  for (const std::string& p : sub.practice) add_file(p);
  std::string landing_path = manifest && !manifest->landing_page.empty() &&
                                     manifest->landing_page.find("://") == std::string::npos
                                 ? manifest->landing_page
                                 : "";
  if (!landing_path.empty()) add_file(landing_path);
  for (const load::LoadError& e : exp.errors) {
    format::FileResult r;
    r.path = e.path;
    r.error = e.reason;
    result.documents.push_back(std::move(r));
  }

  auto is_reference = [&](const std::string& path) {
    return std::any_of(sub.references.begin(), sub.references.end(),
                       [&](const ReferenceEntry& r) { return normal(r.path) == normal(path); });
  };
  config::ConfigCache configs(opt.config.empty() ? std::nullopt : std::optional<std::string>(opt.config));
  std::map<std::string, std::size_t> by_path;  // normal path -> index in documents
  // A document a study names as `supporting:` is read with that study, never
  // checked as a case study of its own (docs/references.md).
  // So is every other document of a reference's folder or list.
  std::map<std::string, std::string> supports;
  std::map<std::string, const ReferenceEntry*> reference_of;  // normal study path -> its entry
  for (const ReferenceEntry& r : sub.references) {
    reference_of.emplace(normal(r.path), &r);
    for (const std::string& d : r.supporting) supports.emplace(normal(d), r.path);
  }
  for (const std::string& path : files) {
    for (const std::string& s : check::named_supporting(path)) supports.emplace(s, path);
  }
  std::set<std::string> practice;
  for (const std::string& p : sub.practice) practice.insert(normal(p));
  for (const std::string& path : files) {
    if (auto it = supports.find(normal(path)); it != supports.end() && !is_reference(path)) {
      by_path[normal(path)] = result.documents.size();
      result.documents.push_back(check::supporting_result(path, it->second));
      continue;
    }
    // The practice's process documents are evidence for the report, never
    // case studies (docs/evidence-map.md).
    if (practice.count(normal(path)) && !is_reference(path)) {
      by_path[normal(path)] = result.documents.size();
      result.documents.push_back(practice_result(path));
      continue;
    }
    check::Input in;
    in.config_path = path;
    in.settings_path = path;
    // A reference is checked against the submission's program, whatever its
    // front matter says (PF005 reports a different program:).
    if (is_reference(path)) in.profile = sub.program;
    if (auto it = reference_of.find(normal(path)); it != reference_of.end()) in.supporting = it->second->supporting;
    in.want_fields = true;
    in.keep_source = opt.keep_source;
    format::FileResult r;
    r.path = path;
    try {
      const config::Config& cfg = configs.for_file(path);
      load::LoadResult loaded = load::load_file(path, cfg.max_file_size.value_or(load::kDefaultMaxFileSize));
      if (loaded.error) {
        r.error = loaded.error->reason;
      } else {
        r = check::check_source(std::move(*loaded.file), in, configs, opt.run);
      }
    } catch (const config::ConfigError& e) {
      r.error = std::string("configuration: ") + e.what();
    }
    by_path[normal(path)] = result.documents.size();
    result.documents.push_back(std::move(r));
  }

  // The parsed documents the rules read (text, links); kept alive until the
  // rules have run.
  std::map<std::string, doc::Document> parsed;
  auto document_of = [&](const std::string& path) -> const doc::Document* {
    auto it = parsed.find(normal(path));
    if (it == parsed.end()) {
      std::optional<doc::Document> d = parse_file(path);
      if (!d) return nullptr;
      it = parsed.emplace(normal(path), std::move(*d)).first;
    }
    return &it->second;
  };

  rules::PortfolioInput input;
  input.program = sub.program;
  input.clicks_from_home = opt.clicks_from_home;
  // The manifest's `site:` is crawled (a folder or the home page's URL) so
  // that PF009 can ask how many clicks each public reference is from home.
  if (!input.clicks_from_home && manifest && !manifest->site.empty()) {
    site::Options so;
    so.config = opt.config;
    so.as_of = opt.run.as_of;
    auto graph = std::make_shared<site::Graph>();
    try {
      *graph = site::crawl(manifest->site, so);
    } catch (const std::exception& e) {
      graph->home_error = e.what();
    }
    if (graph->home < 0) {
      format::FileResult r;
      r.path = manifest->site;
      r.error = "site: the home page could not be read (" + graph->home_error +
                "), so PF009 could not check which public references it reaches";
      result.documents.push_back(std::move(r));
    } else {
      // A local copy of the site knows its pages by path: a reference's
      // published URL is looked up by its path there.
      input.clicks_from_home = [graph](const std::string& target) {
        std::size_t scheme = target.find("://");
        if (graph->remote || scheme == std::string::npos) return graph->clicks_from_home(target);
        std::size_t path = target.find('/', scheme + 3);
        return graph->clicks_from_home(path == std::string::npos ? "index.html" : target.substr(path + 1));
      };
    }
  }
  if (manifest) {
    input.anchor_path = manifest->path;
    input.anchor = manifest->program_at;
    input.engines = manifest->engines;
    input.consenting = manifest->public_consent;
  }
  for (const ReferenceEntry& e : sub.references) {
    rules::PortfolioReference r;
    const format::FileResult& checked = result.documents[by_path.at(normal(e.path))];
    r.file = checked.path;
    r.entry_path = manifest ? manifest->path : checked.path;
    r.entry = e.at;
    r.url = e.url;
    r.site_target = e.url;
    if (r.site_target.empty() && manifest && !manifest->site.empty() && manifest->site.find("://") == std::string::npos) {
      fs::path rel = fs::path(normal(e.path)).lexically_relative(fs::path(normal(manifest->site)));
      if (!rel.empty() && *rel.begin() != "..") r.site_target = rel.generic_string();
    }
    if (checked.fields && !checked.error) {
      r.fields = &*checked.fields;
      r.doc = document_of(checked.path);
      if (!r.doc) r.fields = nullptr;
    }
    if (r.fields) {
      const extract::Field* customer = r.fields->get("customer_name");
      r.customer = customer ? customer->text : "";
      r.program = meta_text(*r.doc, "program");
      // A migration names its source engine too; the Aurora engine is the target.
      for (const extract::Field* engine : r.fields->all("database_engine")) {
        if (engine->state != extract::FieldState::ok) continue;
        if (r.engine.empty() || engine->text.rfind("aurora-", 0) == 0) r.engine = engine->text;
        if (r.engine.rfind("aurora-", 0) == 0) break;
      }
      r.is_public = extract::is_public_reference(*r.fields);
    }
    if (!e.customer.empty()) r.customer = e.customer;
    if (e.is_public) r.is_public = *e.is_public;
    r.in_production = std::none_of(checked.diagnostics.begin(), checked.diagnostics.end(),
                                   [](const rules::Diagnostic& d) { return d.code == "CS212"; });
    input.references.push_back(std::move(r));
  }
  if (!manifest && !input.references.empty()) {
    input.anchor_path = input.references.front().file;
    input.anchor = input.references.front().entry;
  }
  if (!landing_path.empty()) {
    auto it = by_path.find(normal(landing_path));
    if (it != by_path.end()) input.landing_path = result.documents[it->second].path;
    input.landing = document_of(input.landing_path);
  }

  // The rules of the program's profile, with the config of the folder
  // (disable:, severity:) applied as to any file of the submission.
  std::string settings_path = manifest ? manifest->path : (fs::path(dir) / kManifestName).string();
  const config::Config& cfg = configs.for_file(settings_path);
  rules::FileSettings settings = cfg.settings_for(settings_path);
  const rules::Profile* profile = cfg.rules->profile(sub.program);
  for (const rules::Rule* rule : cfg.rules->rules()) {
    const auto* pf = dynamic_cast<const rules::PortfolioRule*>(rule);
    if (!pf) continue;
    const std::string& code = rule->meta().code;
    bool in_profile = profile && std::find(profile->rules.begin(), profile->rules.end(), code) != profile->rules.end();
    if ((!in_profile && !settings.enabled.count(code)) || settings.disabled.count(code)) continue;
    auto sev = settings.severity.find(code);
    rules::PortfolioSink sink(rule->meta(), sub.program,
                              sev == settings.severity.end() ? rule->meta().severity : sev->second);
    pf->check_portfolio(input, sink);
    for (rules::Diagnostic& d : sink.diagnostics()) result.findings.push_back(std::move(d));
  }
  // Inline suppression works in the documents findings land on.
  for (const auto& [path, d] : parsed) {
    std::vector<rules::Diagnostic> here, rest;
    for (rules::Diagnostic& f : result.findings) (normal(f.path) == path ? here : rest).push_back(std::move(f));
    rules::apply_suppressions(d, here);
    result.findings = std::move(rest);
    for (rules::Diagnostic& f : here) result.findings.push_back(std::move(f));
  }
  rules::sort_and_dedupe(result.findings);
  return result;
}

std::vector<format::FileResult> merged_results(const Result& r) {
  std::vector<format::FileResult> out = r.documents;
  std::optional<format::FileResult> manifest_file;
  for (const rules::Diagnostic& d : r.findings) {
    auto it = std::find_if(out.begin(), out.end(), [&](const format::FileResult& f) { return normal(f.path) == normal(d.path); });
    if (it != out.end()) {
      it->diagnostics.push_back(d);
      rules::sort_and_dedupe(it->diagnostics);
      continue;
    }
    if (!manifest_file) {
      manifest_file.emplace();
      manifest_file->path = d.path;
      manifest_file->profile = r.submission.program;
    }
    manifest_file->diagnostics.push_back(d);
  }
  if (manifest_file) {
    rules::sort_and_dedupe(manifest_file->diagnostics);
    out.push_back(std::move(*manifest_file));
  }
  return out;
}

}  // namespace caselint::portfolio
