// CS204 project-not-recent | doc: rules/doc/CS204.md
// Checklist: ml-technology prerequisite "AWS Customer References":
// "References must be for projects started within the past 12 months".
#include <cstdio>

#include "extract/dates.h"
#include "rules/checks/checks.h"

namespace caselint::rules::checks {

namespace {

class ProjectNotRecent final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    auto as_of = extract::parse_iso_date(ctx.run.as_of);
    const extract::Field* start = ctx.fields.get("start_date");
    if (!as_of || !start || !start->iso) return;  // no start date is CS108's job
    auto s = extract::parse_iso_value(*start->iso);
    if (!s) return;
    int months = static_cast<int>(ctx.option("months", 12));
    extract::ParsedDate cutoff = extract::months_before(*as_of, months);
    // A start month gets the benefit of the doubt: it counts to its last day.
    if (s->key_last() >= cutoff.key_first()) return;
    sink.report(start->range, "project started " + *start->iso + ", more than " + std::to_string(months) +
                                  " months before the as-of date " + ctx.run.as_of + "; expected a start on or after " +
                                  cutoff.iso())
        .field = "start_date";
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS204";
    m.name = "project-not-recent";
    m.severity = Severity::error;
    m.field = "start_date";
    m.checklist =
        "ml-technology prerequisite AWS Customer References: References must be for projects started within the past "
        "12 months";
    m.summary = "the project started more than 12 months before the as-of date";
    m.options = {{"months", 12, "how many months before the as-of date a project may have started"}};
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_project_not_recent() { return std::make_unique<ProjectNotRecent>(); }

}  // namespace caselint::rules::checks
