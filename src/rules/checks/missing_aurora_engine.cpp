// CS120 missing-aurora-engine | doc: rules/doc/CS120.md
// Checklist: aurora 1.0 Case Study Requirements: "Two customer references per
// database engine are provided ... Amazon Aurora MySQL, Amazon Aurora PostgreSQL".
#include "rules/checks/checks.h"
#include "rules/checks/topic_util.h"

namespace caselint::rules::checks {

namespace {

class MissingAuroraEngine final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    // The engine may be named in a supporting document only (the runbook).
    for (const extract::Field* f : reference_fields(ctx, "database_engine")) {
      if (f->state == extract::FieldState::ok && (f->text == "aurora-mysql" || f->text == "aurora-postgresql")) return;
    }
    const extract::Field* generic = nullptr;
    std::vector<std::string> others;
    for (const extract::Field* f : ctx.fields.all("database_engine")) {
      if (f->state != extract::FieldState::ok) continue;
      if (f->text == "aurora") {
        generic = f;
      } else {
        others.push_back(f->text);
      }
    }
    if (generic) {
      sink.report(generic->range, "Amazon Aurora is named (\"" + generic->label +
                                      "\") but not its engine; expected Aurora MySQL or Aurora PostgreSQL");
      return;
    }
    std::string found = others.empty() ? "no database engine named" : "engines named: " + join_titles(others, ", ");
    sink.report(anchor_range(ctx.doc, extract::Anchor::title),
                "no Aurora engine named (" + found + "); expected Aurora MySQL or Aurora PostgreSQL");
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS120";
    m.name = "missing-aurora-engine";
    m.severity = Severity::error;
    m.field = "database_engine";
    m.checklist = "aurora 1.0 Case Study Requirements: two customer references per database engine";
    m.summary = "the reference must name its Aurora engine: Aurora MySQL or Aurora PostgreSQL";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_missing_aurora_engine() { return std::make_unique<MissingAuroraEngine>(); }

}  // namespace caselint::rules::checks
