// CS202 end-before-start | doc: rules/doc/CS202.md
// Checklist: "Start and end dates of project" (every program's reference
// fields).
#include <cstdio>

#include "extract/dates.h"
#include "rules/checks/checks.h"
#include "rules/checks/date_citations.h"

namespace caselint::rules::checks {

namespace {

class EndBeforeStart final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    const extract::Field* start = ctx.fields.get("start_date");
    const extract::Field* end = ctx.fields.get("end_date");
    if (!start || !end || !start->iso || !end->iso) return;  // absence is CS108/CS109's job
    auto s = extract::parse_iso_value(*start->iso);
    auto e = extract::parse_iso_value(*end->iso);
    if (!s || !e) return;
    // Month-precision dates get the benefit of the doubt: a start month
    // counts from its first day, an end month to its last.
    if (e->key_last() >= s->key_first()) return;
    Diagnostic& d = sink.report(end->range, "end date " + *end->iso + " is before start date " + *start->iso +
                                                "; expected the end on or after the start");
    d.field = "end_date";
    d.notes.push_back({start->range, "start date given here"});
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS202";
    m.name = "end-before-start";
    m.severity = Severity::error;
    m.field = "end_date";
    m.checklist = kDatesCitation;
    m.checklist_by_profile = dates_citations();
    m.summary = "the project's end date precedes its start date";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_end_before_start() { return std::make_unique<EndBeforeStart>(); }

}  // namespace caselint::rules::checks
