#include "rules/engine.h"

#include <algorithm>

#include "kind/kind.h"

namespace caselint::rules {

std::vector<std::string> possible_profiles(const doc::Document& d, const std::string& configured,
                                           const std::string& forced) {
  if (!forced.empty()) return {forced};
  if (const doc::MetaValue* p = d.meta("program"); p && !p->text.empty()) return {p->text};
  if (!configured.empty()) return {configured};
  // The notebook use case is an ML consulting requirement (2.2 Notebook Use Case).
  if (d.format == doc::Format::ipynb) return {"ml-consulting"};
  return {"case-study", "landing-page", "other"};
}

namespace {

const char* kind_of_profile(const std::string& profile) {
  if (profile == "other") return "other";
  if (profile.rfind("landing-page", 0) == 0) return "landing-page";
  return "case-study";
}

}  // namespace

ProfileChoice choose_profile(const doc::Document& d, const extract::Fields& f, const std::string& configured,
                             const std::string& forced) {
  ProfileChoice c;
  if (!forced.empty()) {
    c.profile = forced;
    c.reason = "--profile " + forced;
  } else if (const doc::MetaValue* p = d.meta("program"); p && !p->text.empty()) {
    c.profile = p->text;
    c.reason = "its front matter says program: " + p->text;
  } else if (!configured.empty()) {
    c.profile = configured;
    c.reason = "the config says profile: " + configured;
  } else if (d.format == doc::Format::ipynb) {
    c.profile = "ml-consulting";
    c.reason = "a notebook is the ML notebook use case";
  } else {
    const kind::Decision k = kind::classify(d, f);
    c.kind = kind::kind_name(k.kind);
    c.profile = c.kind;
    c.reason = k.reason;
    c.inferred = true;
    return c;
  }
  c.kind = kind_of_profile(c.profile);
  return c;
}

std::string document_profile(const doc::Document& d, const extract::Fields& f, const std::string& configured,
                             const std::string& forced) {
  return choose_profile(d, f, configured, forced).profile;
}

std::vector<std::string> topics_read(const RuleSet& rules, DocKind kind, const std::vector<std::string>& profiles,
                                     const FileSettings& settings) {
  std::vector<std::vector<const Rule*>> active;
  for (const std::string& p : profiles) active.push_back(active_rules(rules, kind, p, settings));
  return topics_read(active);
}

std::vector<std::string> topics_read(const std::vector<std::vector<const Rule*>>& active) {
  std::vector<std::string> sets;
  for (const std::vector<const Rule*>& rules : active) {
    for (const Rule* r : rules) sets.insert(sets.end(), r->meta().topics.begin(), r->meta().topics.end());
  }
  std::sort(sets.begin(), sets.end());
  sets.erase(std::unique(sets.begin(), sets.end()), sets.end());
  return sets;
}

std::vector<const Rule*> active_rules(const RuleSet& rules, DocKind kind, const std::string& profile_id,
                                      const FileSettings& settings) {
  const Profile* profile = rules.profile(profile_id);
  std::vector<const Rule*> active;
  auto consider = [&](std::string_view code) {
    const Rule* r = rules.find(code);
    if (!r || settings.disabled.count(r->meta().code) || r->meta().status == Status::removed) return;
    if (!r->meta().applies(kind)) return;
    if (std::find(active.begin(), active.end(), r) == active.end()) active.push_back(r);
  };
  if (profile) {
    for (const std::string& code : profile->rules) consider(code);
  }
  for (const std::string& code : settings.enabled) consider(code);
  return active;
}

std::vector<Diagnostic> check_document(const RuleSet& rules, const doc::Document& d, const extract::Fields& fields,
                                       const std::string& profile_id, const FileSettings& settings,
                                       const RunOptions& run) {
  return check_document(active_rules(rules, doc_kind(d), profile_id, settings), d, fields, profile_id, settings, run);
}

std::vector<Diagnostic> check_document(const std::vector<const Rule*>& active, const doc::Document& d,
                                       const extract::Fields& fields, const std::string& profile_id,
                                       const FileSettings& settings, const RunOptions& run,
                                       const std::vector<SupportingDocument>& supporting) {
  std::vector<Diagnostic> out;

  std::set<std::string, std::less<>> required;
  for (const Rule* r : active) {
    if (r->meta().requires_field) required.insert(r->meta().field);
  }
  static const std::map<std::string, double> kNoOptions;
  // A config `public: true` makes this file public as --public makes every file public.
  RunOptions file_run = run;
  if (settings.public_page) file_run.treat_as_public = true;
  for (const Rule* r : active) {
    const RuleMeta& m = r->meta();
    Severity sev = m.severity;
    if (auto it = settings.severity.find(m.code); it != settings.severity.end()) sev = it->second;
    std::map<std::string, double> options;
    for (const OptionSpec& o : m.options) options[o.name] = o.default_value;
    if (auto it = settings.options.find(m.code); it != settings.options.end()) {
      for (const auto& [k, v] : it->second) options[k] = v;
    }
    RuleContext ctx{d, fields, extract::Vocabulary::builtin(), profile_id, file_run, options, required, settings.waivers,
                    supporting};
    DiagnosticSink sink(m, profile_id, sev, d.path);
    r->check(ctx, sink);
    for (Diagnostic& diag : sink.diagnostics()) out.push_back(std::move(diag));
  }
  apply_suppressions(d, out);
  // A waiver in force silences its rule here; an expired one silences nothing
  // (CS900 reports it).
  std::erase_if(out, [&](const Diagnostic& diag) {
    return std::any_of(settings.waivers.begin(), settings.waivers.end(),
                       [&](const Waiver& w) { return w.code == diag.code && run.as_of <= w.expires; });
  });
  sort_and_dedupe(out);
  return out;
}

}  // namespace caselint::rules
