#include <nlohmann/json.hpp>

#include <algorithm>

#include "format/format.h"

namespace caselint::format {

namespace {

using nlohmann::ordered_json;

ordered_json position(const doc::Position& p) {
  return {{"line", p.line}, {"column", p.column > 0 ? p.column : 1}};
}

ordered_json range(const doc::SourceRange& r) {
  doc::Position end = r.end.line > 0 ? r.end : r.start;
  return {{"start", position(r.start)}, {"end", position(end)}};
}

// Word and PDF: where the finding is, in the document's own terms
// (docs/reading.md, "Word documents and PDF").
void add_place(ordered_json& j, const FileResult& r, int line) {
  if (r.format == doc::Format::docx && line > 0) {
    j["paragraph"] = {{"number", line}, {"text", paragraph_head(r, line)}};
  } else if (r.format == doc::Format::pdf && page_of(r, line) > 0) {
    j["page"] = {{"number", page_of(r, line)}, {"line", line_on_page(r, line)}};
  }
}

ordered_json diagnostic(const rules::Diagnostic& d, const FileResult& r) {
  ordered_json j;
  j["code"] = d.code;
  j["rule"] = d.rule;
  j["severity"] = rules::severity_name(d.severity);
  j["message"] = d.message;
  if (!d.field.empty()) j["field"] = d.field;
  j["checklist"] = d.checklist;
  // A finding in one of the study's supporting documents (CS225) names that
  // document; its place in a Word or PDF file is in the message.
  if (d.path != r.path) j["path"] = d.path;
  j["range"] = range(d.range);
  if (d.path == r.path) add_place(j, r, d.range.start.line);
  if (!d.notes.empty()) {
    ordered_json notes = ordered_json::array();
    for (const rules::Note& n : d.notes) notes.push_back({{"message", n.message}, {"range", range(n.range)}});
    j["notes"] = notes;
  }
  if (d.fix) {
    ordered_json edits = ordered_json::array();
    for (const rules::Edit& e : d.fix->edits) edits.push_back({{"range", range(e.range)}, {"text", e.text}, {"original", e.original}});
    j["fix"] = {{"title", d.fix->title}, {"safe", d.fix->safe}, {"edits", edits}};
  } else {
    j["fix"] = nullptr;
  }
  return j;
}

// The page kind and why, when the check decided one (DESIGN.md).
void add_kind(ordered_json& f, const FileResult& r) {
  if (r.kind.empty()) return;
  f["kind"] = r.kind;
  f["kind_reason"] = r.kind_reason;
  if (!r.supports.empty()) f["supports"] = r.supports;
  if (!r.supporting.empty()) f["supporting"] = r.supporting;
}

ordered_json field_value(const extract::Field& f) {
  ordered_json j;
  std::string value = f.iso ? *f.iso : f.text;
  j["value"] = value;
  j["line"] = f.range.start.line;
  j["column"] = f.range.start.column > 0 ? f.range.start.column : 1;
  j["source"] = extract::source_name(f.source);
  j["evidence"] = extract::evidence_name(f.source);
  if (!f.label.empty()) j["label"] = f.label;
  if (f.number) j[f.name == "database_size" ? "value_gb" : "number"] = *f.number;
  if (f.iso || f.number) j["text"] = f.text;
  if (!f.note.empty()) j["note"] = f.note;
  if (f.ambiguous_date) j["ambiguous"] = true;
  if (f.name == "customer_name" && extract::Vocabulary::builtin().is_anonymous_customer(f.text)) j["anonymised"] = true;
  if (f.state != extract::FieldState::ok) {
    j["state"] = f.state == extract::FieldState::empty ? "empty" : "placeholder";
  }
  return j;
}

}  // namespace

namespace {


// DESIGN.md's JSON, file by file: the same bytes as the whole document
// dumped at once.
class JsonStream final : public ResultStream {
 public:
  explicit JsonStream(std::ostream& out) : out_(out) { out_ << "{\n  \"version\": 1,\n  \"files\": ["; }

  void file(const FileResult& r) override {
    add_to(summary_, r);
    ordered_json f;
    f["path"] = r.path;
    f["format"] = doc::format_name(r.format);
    f["profile"] = r.profile;
    add_kind(f, r);
    if (r.error) f["error"] = *r.error;
    ordered_json diags = ordered_json::array();
    for (const rules::Diagnostic& d : r.diagnostics) diags.push_back(diagnostic(d, r));
    f["diagnostics"] = diags;
    out_ << (any_ ? ",\n    " : "\n    ") << nested_json(f.dump(2), 4);
    any_ = true;
  }

  void finish() override {
    out_ << (any_ ? "\n  ],\n" : "],\n");
    const Summary& s = summary_;
    ordered_json summary = {{"files", s.files}, {"errors", s.errors}, {"warnings", s.warnings}, {"infos", s.infos}};
    out_ << "  \"summary\": " << nested_json(summary.dump(2), 2) << "\n}\n";
  }

 private:
  std::ostream& out_;
  Summary summary_;
  bool any_ = false;
};

}  // namespace

std::string nested_json(const std::string& text, int by) {
  std::string out;
  out.reserve(text.size() + 64);
  const std::string pad(static_cast<std::size_t>(by), ' ');
  for (char c : text) {
    out += c;
    if (c == '\n') out += pad;
  }
  return out;
}

std::unique_ptr<ResultStream> json_stream(std::ostream& out) { return std::make_unique<JsonStream>(out); }

void write_json(std::ostream& out, const std::vector<FileResult>& results) { write_all(*json_stream(out), results); }

void write_extract_json(std::ostream& out, const std::vector<FileResult>& results) {
  ordered_json files = ordered_json::array();
  for (const FileResult& r : results) {
    ordered_json f;
    f["path"] = r.path;
    f["profile"] = r.profile;
    add_kind(f, r);
    if (r.error) f["error"] = *r.error;
    ordered_json fields = ordered_json::object();
    if (r.fields) {
      const extract::Vocabulary& vocab = extract::Vocabulary::builtin();
      for (const extract::FieldVocab& fv : vocab.fields()) {
        std::vector<const extract::Field*> all = r.fields->all(fv.name);
        std::vector<const extract::Field*> usable;
        for (const extract::Field* x : all) {
          if (x->state == extract::FieldState::ok) usable.push_back(x);
        }
        if (usable.empty()) continue;
        if (fv.list) {
          ordered_json arr = ordered_json::array();
          std::vector<std::string> seen;
          for (const extract::Field* x : usable) {
            if (std::find(seen.begin(), seen.end(), x->text) != seen.end()) continue;
            seen.push_back(x->text);
            arr.push_back(field_value(*x));
          }
          fields[fv.name] = arr;
        } else {
          fields[fv.name] = field_value(*r.fields->get(fv.name));
        }
      }
      // Topic sets: the topics found, each where it is first mentioned.
      for (const extract::TopicSet& ts : vocab.topics()) {
        std::vector<const extract::Field*> found = r.fields->all(ts.id);
        if (found.empty()) continue;
        ordered_json arr = ordered_json::array();
        for (const extract::Field* x : found) arr.push_back(field_value(*x));
        fields[ts.id] = arr;
      }
    }
    f["fields"] = fields;
    files.push_back(f);
  }
  // DESIGN.md: one object per file; the top level is their array.
  out << files.dump(2) << '\n';
}

void write_extract_text(std::ostream& out, const std::vector<FileResult>& results) {
  for (const FileResult& r : results) {
    out << r.path << " (" << r.profile << ")\n";
    if (r.error) {
      out << "  error: " << *r.error << '\n';
      continue;
    }
    if (!r.fields) continue;
    for (const extract::FieldVocab& fv : extract::Vocabulary::builtin().fields()) {
      std::vector<const extract::Field*> shown = r.fields->all(fv.name);
      if (!fv.list) shown = {r.fields->get(fv.name)};
      for (const extract::Field* x : shown) {
        if (!x) continue;
        if (x->state != extract::FieldState::ok) continue;
        std::string v = x->iso ? *x->iso : x->text;
        for (char& c : v) {
          if (c == '\n') c = ' ';
        }
        if (v.size() > 72) v = v.substr(0, 69) + "...";
        out << "  " << fv.name << " (line " << x->range.start.line << "): " << v << '\n';
        if (!fv.list) break;
      }
    }
    for (const extract::TopicSet& ts : extract::Vocabulary::builtin().topics()) {
      for (const extract::Field* x : r.fields->all(ts.id)) {
        out << "  " << ts.id << " (line " << x->range.start.line << "): " << x->text << '\n';
      }
    }
  }
}

}  // namespace caselint::format
