// CS225 reference-documents-disagree | doc: rules/doc/CS225.md
// Checklist: aurora 1.0 Case Study Requirements (two references per Aurora
// engine) and 2.2 Solution Complexity (initial size of the database); dms 1.0
// (database of at least 25GB) and 2.2: a reference's documents must tell the
// reviewer one engine and one size.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include "extract/sizes.h"
#include "rules/checks/checks.h"
#include "rules/checks/topic_util.h"

namespace caselint::rules::checks {

namespace {

// The Aurora engines a set of fields names (usable values only).
std::set<std::string> aurora_engines(const extract::Fields& f) {
  std::set<std::string> out;
  for (const extract::Field* e : f.all("database_engine")) {
    if (e->state == extract::FieldState::ok && e->text.rfind("aurora-", 0) == 0) out.insert(e->text);
  }
  return out;
}

std::string joined(const std::set<std::string>& s) {
  std::string out;
  for (const std::string& e : s) out += (out.empty() ? "" : " and ") + e;
  return out;
}

class ReferenceDocumentsDisagree final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    const std::set<std::string> study_engines = aurora_engines(ctx.fields);
    const extract::Field* study_size = ctx.fields.get("database_size");
    if (study_size && !study_size->number) study_size = nullptr;
    const double tolerance = ctx.option("size_tolerance", 10) / 100.0;
    for (const SupportingDocument& s : ctx.supporting) {
      if (!s.fields) continue;
      const std::string name = std::filesystem::path(s.path).filename().string();
      const std::set<std::string> theirs = aurora_engines(*s.fields);
      if (!study_engines.empty() && !theirs.empty() &&
          std::none_of(theirs.begin(), theirs.end(), [&](const std::string& e) { return study_engines.count(e); })) {
        const extract::Field* at = nullptr;
        for (const extract::Field* e : s.fields->all("database_engine")) {
          if (theirs.count(e->text)) {
            at = e;
            break;
          }
        }
        Diagnostic& d = sink.report(at->range, name + " names the engine " + joined(theirs) + " (\"" + at->label +
                                                   "\"), the study " + joined(study_engines) +
                                                   ": a reference's documents must tell one engine");
        d.path = s.path;
        d.field = "database_engine";
      }
      const extract::Field* size = s.fields->get("database_size");
      if (study_size && size && size->number && *size->number > 0 && *study_size->number > 0) {
        const double a = *study_size->number, b = *size->number;
        if (std::max(a, b) / std::min(a, b) > 1 + tolerance) {
          Diagnostic& d = sink.report(size->range, name + " gives the database size as " + size->text + " (" +
                                                       extract::format_gb(b) + " GB), the study (line " +
                                                       std::to_string(study_size->range.start.line) + ") as " +
                                                       study_size->text + " (" + extract::format_gb(a) +
                                                       " GB): a reference's documents must tell one size");
          d.path = s.path;
          d.field = "database_size";
        }
      }
    }
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS225";
    m.name = "reference-documents-disagree";
    m.severity = Severity::error;
    m.checklist = "aurora 1.0 and 2.2; dms 1.0 and 2.2: the engine and the initial size of the database";
    m.checklist_by_profile = {
        {"aurora", "aurora 1.0 Case Study Requirements: the Aurora engine; 2.2 Solution Complexity: initial size of "
                   "the database"},
        {"dms", "dms 1.0 Case Study Requirements: database of at least 25GB; 2.2 Solution Complexity: initial size "
                "of the database"}};
    m.summary = "a supporting document names another Aurora engine or another database size than its study";
    m.options = {{"size_tolerance", 10, "how far, in percent, two sizes of the database may differ and still agree"}};
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_reference_documents_disagree() { return std::make_unique<ReferenceDocumentsDisagree>(); }

}  // namespace caselint::rules::checks
