// CS223 percentage-out-of-range | doc: rules/doc/CS223.md
// Checklist: aurora 2.2 and dms 2.2 Solution Complexity ("Anticipated
// percentage of read/write operations against the entire database during
// peak usage"): a percentage lies in 0-100.
#include "extract/sizes.h"
#include "extract/vocab.h"
#include "rules/checks/checks.h"

namespace caselint::rules::checks {

namespace {

class PercentageOutOfRange final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    for (const char* name : {"read_percentage", "write_percentage"}) {
      for (const extract::Field* f : ctx.fields.all(name)) {
        if (f->state != extract::FieldState::ok || !f->number || f->note.rfind("derived", 0) == 0) continue;
        if (*f->number >= 0 && *f->number <= 100) continue;
        std::string what = name == std::string_view("read_percentage") ? "read" : "write";
        sink.report(f->range, what + " percentage " + extract::format_gb(*f->number) + "% is outside 0-100%").field = name;
      }
    }
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS223";
    m.name = "percentage-out-of-range";
    m.severity = Severity::error;
    m.checklist = "aurora 2.2 Solution Complexity; dms 2.2 Solution Complexity";
    m.checklist_by_profile = {
        {"aurora", "aurora 2.2 Solution Complexity: percentage of read/write operations during peak usage"},
        {"dms", "dms 2.2 Solution Complexity: percentage of read/write operations during peak usage"}};
    m.summary = "a read or write percentage lies outside 0-100";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_percentage_out_of_range() { return std::make_unique<PercentageOutOfRange>(); }

}  // namespace caselint::rules::checks
