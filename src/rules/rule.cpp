#include "rules/rule.h"

#include <algorithm>
#include <tuple>

namespace caselint::rules {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view s) {
  if (s == "error") return Severity::error;
  if (s == "warning" || s == "warn") return Severity::warning;
  if (s == "info") return Severity::info;
  return std::nullopt;
}

const char* status_name(Status s) {
  switch (s) {
    case Status::preview: return "preview";
    case Status::stable: return "stable";
    case Status::deprecated: return "deprecated";
    case Status::removed: return "removed";
  }
  return "stable";
}

DocKind doc_kind(const doc::Document& d) {
  return d.format == doc::Format::ipynb ? DocKind::notebook : DocKind::page;
}

const char* doc_kind_name(DocKind k) { return k == DocKind::notebook ? "notebook" : "page"; }

const std::string& RuleMeta::citation(const std::string& profile) const {
  auto it = checklist_by_profile.find(profile);
  return it == checklist_by_profile.end() ? checklist : it->second;
}

Diagnostic RuleMeta::diagnostic(Severity as, const std::string& profile, const std::string& path,
                                doc::SourceRange range, std::string message) const {
  Diagnostic d;
  d.code = code;
  d.rule = name;
  d.severity = as;  // the severity in force, which the config may have changed
  d.message = std::move(message);
  d.path = path;
  d.range = range;
  d.field = field;
  d.checklist = citation(profile);
  return d;
}

Diagnostic& DiagnosticSink::report(doc::SourceRange range, std::string message) {
  out_.push_back(meta_.diagnostic(severity_, profile_, path_, range, std::move(message)));
  return out_.back();
}

void sort_and_dedupe(std::vector<Diagnostic>& diags) {
  auto key = [](const Diagnostic& d) {
    return std::tie(d.path, d.range.start.line, d.range.start.column, d.code, d.message);
  };
  std::stable_sort(diags.begin(), diags.end(), [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  diags.erase(std::unique(diags.begin(), diags.end(), [&](const Diagnostic& a, const Diagnostic& b) { return key(a) == key(b); }),
              diags.end());
}

doc::SourceRange anchor_range(const doc::Document& d, extract::Anchor anchor) {
  if (anchor == extract::Anchor::end) {
    int line = std::max(d.last_line, 1);
    return {{line, 1}, {line, 1}};
  }
  // A web page's <title> sits in <head>; its readers look at the first <h1>.
  if (d.format == doc::Format::html) {
    for (const doc::Section& s : d.sections) {
      if (s.level == 1) return {s.heading_range.start, s.heading_range.start};
    }
  }
  if (d.title_range.start.line > 0) return {d.title_range.start, d.title_range.start};
  int line = std::max(d.body_first_line, 1);
  if (line > d.last_line) line = 1;
  return {{line, 1}, {line, 1}};
}

}  // namespace caselint::rules
