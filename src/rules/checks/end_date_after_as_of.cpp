// CS203 end-date-after-as-of | doc: rules/doc/CS203.md
// Checklist: "Start and end dates of project" of a reference for a completed
// project (every program's reference fields; ML: "completed ... projects").
#include <cstdio>

#include "extract/dates.h"
#include "rules/checks/checks.h"
#include "rules/checks/date_citations.h"

namespace caselint::rules::checks {

namespace {

class EndDateAfterAsOf final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    auto as_of = extract::parse_iso_date(ctx.run.as_of);
    const extract::Field* end = ctx.fields.get("end_date");
    if (!as_of || !end || !end->iso) return;
    auto e = extract::parse_iso_value(*end->iso);
    // A month-precision end counts from its first day: "2024-06" is not
    // after an as-of date in June 2024.
    if (!e || e->key_first() <= as_of->key_first()) return;
    bool planned = false;
    for (const extract::Field* p : ctx.fields.all("_end_date_planned")) planned = planned || p->range == end->range;
    std::string message =
        planned ? "end date " + *end->iso + " is planned, after the as-of date " + ctx.run.as_of +
                      "; a reference must be a completed project, so submit it once the project has ended"
                : "end date " + *end->iso + " is after the as-of date " + ctx.run.as_of +
                      "; a completed project's end date must not lie in the future";
    sink.report(end->range, message).field = "end_date";
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS203";
    m.name = "end-date-after-as-of";
    m.severity = Severity::error;
    m.field = "end_date";
    m.checklist = kDatesCitation;
    m.checklist_by_profile = dates_citations();
    m.checklist_by_profile["ml-consulting"] =
        "ml-consulting prerequisite 2.1 ML-Specific Customer References: references specific to completed ML "
        "projects; Start and end dates of project";
    m.checklist_by_profile["ml-technology"] =
        "ml-technology 1.1 Customer References: references of completed Machine Learning projects; Start and end "
        "dates of project";
    m.summary = "the project's end date lies after the as-of date (the project has not ended)";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_end_date_after_as_of() { return std::make_unique<EndDateAfterAsOf>(); }

}  // namespace caselint::rules::checks
