// CS201 ambiguous-date | doc: rules/doc/CS201.md
// Checklist: "Start and end dates of project" (every program's reference
// fields); a date that reads two ways gives no date.
#include <cstdio>

#include "extract/dates.h"
#include "rules/checks/checks.h"
#include "rules/checks/date_citations.h"

namespace caselint::rules::checks {

namespace {

class AmbiguousDate final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    for (const char* name : {"start_date", "end_date"}) {
      for (const extract::Field* f : ctx.fields.all(name)) {
        if (f->state != extract::FieldState::ok || !f->ambiguous_date || !f->iso) continue;
        auto d = extract::parse_iso_value(*f->iso);
        if (!d) continue;
        std::string what = std::string(name) == "start_date" ? "start date" : "end date";
        char other[16];
        std::snprintf(other, sizeof other, "%04d-%02d-%02d", d->year, d->day, d->month);
        sink.report(f->range, what + " \"" + f->text + "\" reads as " + *f->iso + " (month/day) or " + other +
                                  " (day/month); expected an unambiguous form such as " + *f->iso + " or " +
                                  std::to_string(d->day) + " " + month_name(d->month) + " " +
                                  std::to_string(d->year))
            .field = name;
      }
    }
  }

 private:
  static std::string month_name(int m) {
    static const char* kNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
    return m >= 1 && m <= 12 ? kNames[m - 1] : "";
  }

  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS201";
    m.name = "ambiguous-date";
    m.severity = Severity::warning;
    m.field = "start_date";
    m.checklist = kDatesCitation;
    m.checklist_by_profile = dates_citations();
    m.summary = "a project date written as 03/04/2023 reads both as day/month and month/day";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_ambiguous_date() { return std::make_unique<AmbiguousDate>(); }

}  // namespace caselint::rules::checks
