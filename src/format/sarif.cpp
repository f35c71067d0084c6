// SARIF 2.1.0 as GitHub code scanning reads it: the rules with their help
// (the doc page) and help URI, results with physical locations (columns in
// Unicode code points, said by run.columnKind), fixes where a rule carries
// one, and partial fingerprints keyed by document, rule, field and evidence
// rather than by line, so a finding is not re-alerted when the text moves.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>

#include "format/fingerprint.h"


namespace caselint::format {

namespace {

using nlohmann::ordered_json;

const char* level_of(rules::Severity s) {
  switch (s) {
    case rules::Severity::error: return "error";
    case rules::Severity::warning: return "warning";
    case rules::Severity::info: return "note";
  }
  return "none";
}

// RFC 3986: keep unreserved characters and '/', escape the rest.
std::string percent_encode(std::string_view path) {
  std::string out;
  for (unsigned char c : path) {
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                c == '_' || c == '~' || c == '/';
    if (keep) {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

// A relative path stays relative to %SRCROOT% (the working folder), as
// GitHub expects; an absolute one becomes a file URI.
ordered_json artifact_location(const std::string& path) {
  std::filesystem::path p(path);
  if (p.is_absolute()) return {{"uri", "file://" + percent_encode(p.lexically_normal().string())}};
  std::string rel = p.lexically_normal().generic_string();
  if (rel.rfind("./", 0) == 0) rel = rel.substr(2);
  return {{"uri", percent_encode(rel)}, {"uriBaseId", "%SRCROOT%"}};
}

ordered_json region(const doc::SourceRange& r) {
  ordered_json j;
  j["startLine"] = r.start.line > 0 ? r.start.line : 1;
  j["startColumn"] = r.start.column > 0 ? r.start.column : 1;
  if (r.end.line >= r.start.line && r.end.line > 0) {
    j["endLine"] = r.end.line;
    // Both SARIF's endColumn and ours are one past the last character.
    int end_col = r.end.column > 0 ? r.end.column : 1;
    if (r.end.line == r.start.line && end_col <= j["startColumn"].get<int>()) end_col = j["startColumn"].get<int>() + 1;
    j["endColumn"] = end_col;
  }
  return j;
}

std::string first_paragraph(std::string_view doc, std::string_view heading) {
  std::size_t at = doc.find(heading);
  if (at == std::string_view::npos) return {};
  at = doc.find('\n', at);
  if (at == std::string_view::npos) return {};
  while (at < doc.size() && doc[at] == '\n') ++at;
  std::size_t end = doc.find("\n\n", at);
  std::string text(doc.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at));
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  return text;
}

ordered_json rule_descriptor(const rules::RuleSet& set, const rules::Rule& rule) {
  const rules::RuleMeta& m = rule.meta();
  ordered_json j;
  j["id"] = m.code;
  j["name"] = m.name;
  j["shortDescription"] = {{"text", m.summary}};
  std::string_view doc = set.doc(m.code);
  std::string full = first_paragraph(doc, "## What it checks");
  j["fullDescription"] = {{"text", full.empty() ? m.summary : full}};
  if (!doc.empty()) j["help"] = {{"text", std::string(doc)}, {"markdown", std::string(doc)}};
  j["helpUri"] = rule_doc_url(m.code);
  j["defaultConfiguration"] = {{"level", level_of(m.severity)}};
  ordered_json props = {{"checklist", m.citation("")}};
  if (!m.field.empty()) props["field"] = m.field;
  j["properties"] = props;
  return j;
}

}  // namespace

namespace {


// SARIF 2.1.0, file by file: the tool and its rules first, then each
// result as it comes; the artifacts and the notifications of files that
// could not be checked (small, one per file) after the results.
class SarifStream final : public ResultStream {
 public:
  SarifStream(std::ostream& out, const std::string& working_dir) : out_(out) {
    const rules::RuleSet& set = rules::RuleSet::builtin();
    ordered_json rules_json = ordered_json::array();
    for (const rules::Rule* r : set.rules()) {
      index_[r->meta().code] = static_cast<int>(rules_json.size());
      rules_json.push_back(rule_descriptor(set, *r));
    }
    std::string root = working_dir;
    if (root.empty() || root.back() != '/') root += '/';
    const ordered_json tool = {{"driver",
                                {{"name", "caselint"},
                                 {"version", version()},
                                 {"semanticVersion", version()},
                                 {"informationUri", docs_url()},
                                 {"rules", rules_json}}}};
    const ordered_json base = {{"%SRCROOT%", {{"uri", "file://" + percent_encode(root)}}}};
    out_ << "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
         << "  \"runs\": [\n    {\n      \"tool\": " << nested_json(tool.dump(2), 6) << ",\n"
         << "      \"originalUriBaseIds\": " << nested_json(base.dump(2), 6) << ",\n"
         << "      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [";
  }

  void file(const FileResult& r) override {
    artifacts_.push_back({{"location", artifact_location(r.path)}});
    if (r.error) {
      notifications_.push_back({{"level", "error"},
                                {"message", {{"text", r.path + ": " + *r.error}}},
                                {"locations", {{{"physicalLocation", {{"artifactLocation", artifact_location(r.path)}}}}}}});
    }
    std::vector<std::string> prints = fingerprints(r);
    for (std::size_t i = 0; i < r.diagnostics.size(); ++i) {
      out_ << (any_ ? ",\n        " : "\n        ") << nested_json(result(r.diagnostics[i], prints[i]).dump(2), 8);
      any_ = true;
    }
  }

  void finish() override {
    out_ << (any_ ? "\n      ],\n" : "],\n");
    const ordered_json invocations =
        ordered_json::array({{{"executionSuccessful", true}, {"toolExecutionNotifications", notifications_}}});
    out_ << "      \"invocations\": " << nested_json(invocations.dump(2), 6) << ",\n"
         << "      \"artifacts\": " << nested_json(artifacts_.dump(2), 6) << "\n    }\n  ]\n}\n";
  }

 private:
  ordered_json result(const rules::Diagnostic& d, const std::string& print) const {
    ordered_json res;
    res["ruleId"] = d.code;
    auto it = index_.find(d.code);
    if (it != index_.end()) res["ruleIndex"] = it->second;
    res["level"] = level_of(d.severity);
    res["message"] = {{"text", d.message}};
    ordered_json phys = {{"artifactLocation", artifact_location(d.path)}, {"region", region(d.range)}};
    res["locations"] = ordered_json::array({{{"physicalLocation", phys}}});
    res["partialFingerprints"] = {{"caselintFinding/v1", print}};
    if (!d.notes.empty()) {
      ordered_json related = ordered_json::array();
      int id = 0;
      for (const rules::Note& note : d.notes) {
        related.push_back({{"id", id++},
                           {"message", {{"text", note.message}}},
                           {"physicalLocation", {{"artifactLocation", artifact_location(d.path)}, {"region", region(note.range)}}}});
      }
      res["relatedLocations"] = related;
    }
    if (d.fix) {
      ordered_json replacements = ordered_json::array();
      for (const rules::Edit& e : d.fix->edits) {
        ordered_json deleted = region(e.range);
        deleted["snippet"] = {{"text", e.original}};
        replacements.push_back({{"deletedRegion", deleted}, {"insertedContent", {{"text", e.text}}}});
      }
      res["fixes"] = ordered_json::array(
          {{{"description", {{"text", d.fix->title}}},
            {"artifactChanges", ordered_json::array({{{"artifactLocation", artifact_location(d.path)},
                                                      {"replacements", replacements}}})}}});
    }
    ordered_json props;
    if (!d.field.empty()) props["field"] = d.field;
    if (!d.checklist.empty()) props["checklist"] = d.checklist;
    if (!props.empty()) res["properties"] = props;
    return res;
  }

  std::ostream& out_;
  std::map<std::string, int> index_;
  ordered_json artifacts_ = ordered_json::array();
  ordered_json notifications_ = ordered_json::array();
  bool any_ = false;
};

}  // namespace

std::unique_ptr<ResultStream> sarif_stream(std::ostream& out, const std::string& working_dir) {
  return std::make_unique<SarifStream>(out, working_dir);
}

void write_sarif(std::ostream& out, const std::vector<FileResult>& results, const std::string& working_dir) {
  write_all(*sarif_stream(out, working_dir), results);
}

}  // namespace caselint::format
