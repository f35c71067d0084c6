// CS220 missing-database-size | doc: rules/doc/CS220.md
// Checklist: aurora 2.2 Solution Complexity ("Initial size of the database"),
// dms 1.0 Case Study Requirements ("Database is at least 25GB") and dms 2.2
// Solution Complexity ("Initial size of the database").
#include "extract/sizes.h"
#include "extract/vocab.h"
#include "rules/checks/checks.h"
#include "rules/evidence.h"

namespace caselint::rules::checks {

namespace {

class MissingDatabaseSize final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    if (const extract::Field* f = ctx.fields.get("database_size")) {
      if (!f->number) {
        sink.report(f->range, "database size \"" + shorten(f->text) + "\" is not a size with a unit (GB, TB, ...)");
      }
      return;
    }
    if (auto all = ctx.fields.all("database_size"); !all.empty()) {
      const extract::Field& f = *all.front();
      sink.report(f.range, f.state == extract::FieldState::empty
                               ? "\"" + f.label + "\" is empty, so the initial database size is not given"
                               : "database size \"" + shorten(f.text) + "\" is a placeholder, not a size");
      return;
    }
    // A supporting document (the design notes, the runbook) that gives it.
    if (const extract::Field* f = reference_field(ctx, "database_size"); f && f->number) return;
    auto candidates = ctx.fields.all("_database_size_candidate");
    if (!candidates.empty()) {
      std::string list;
      for (const extract::Field* c : candidates) list += (list.empty() ? "" : ", ") + c->text;
      Diagnostic& d = sink.report(candidates.front()->range,
                                  "no labelled database size, and the text gives several sizes (" + list +
                                      ") without saying which is the database's initial size");
      for (const extract::Field* c : candidates) {
        d.notes.push_back({c->range, "size " + c->text + " (" + extract::format_gb(*c->number) + " GB) given here"});
      }
      return;
    }
    sink.report(anchor_range(ctx.doc, extract::Anchor::title),
                "no initial database size found; expected a size such as \"Database size: 1.2 TB\"");
  }

 private:
  static std::string shorten(const std::string& s) { return s.size() > 40 ? s.substr(0, 37) + "..." : s; }

  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS220";
    m.name = "missing-database-size";
    m.severity = Severity::error;
    m.field = "database_size";
    m.checklist = "aurora 2.2 Solution Complexity; dms 1.0 Case Study Requirements and 2.2 Solution Complexity";
    m.checklist_by_profile = {{"aurora", "aurora 2.2 Solution Complexity: Initial size of the database"},
                              {"dms", "dms 1.0 Case Study Requirements: Database is at least 25GB; dms 2.2 Solution "
                                      "Complexity: Initial size of the database"}};
    m.summary = "the initial size of the database is not given";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_missing_database_size() { return std::make_unique<MissingDatabaseSize>(); }

}  // namespace caselint::rules::checks
