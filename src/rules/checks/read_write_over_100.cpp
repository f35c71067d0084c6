// CS224 read-write-over-100 | doc: rules/doc/CS224.md
// Checklist: aurora 2.2 and dms 2.2 Solution Complexity (the read and the
// write percentage "against the entire database during peak usage" share
// one whole, so together they cannot pass 100%).
#include "extract/sizes.h"
#include "extract/vocab.h"
#include "rules/checks/checks.h"

namespace caselint::rules::checks {

namespace {

class ReadWriteOver100 final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    const extract::Field* r = ctx.fields.get("read_percentage");
    const extract::Field* w = ctx.fields.get("write_percentage");
    if (!r || !w || !r->number || !w->number) return;
    double sum = *r->number + *w->number;
    if (sum <= 100.0001) return;
    Diagnostic& d = sink.report(w->range, "read percentage " + extract::format_gb(*r->number) + "% plus write percentage " +
                                              extract::format_gb(*w->number) + "% is " + extract::format_gb(sum) +
                                              "%, over 100%");
    d.field = "write_percentage";
    if (!(r->range == w->range)) d.notes.push_back({r->range, "read percentage given here"});
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS224";
    m.name = "read-write-over-100";
    m.severity = Severity::error;
    m.checklist = "aurora 2.2 Solution Complexity; dms 2.2 Solution Complexity";
    m.checklist_by_profile = {
        {"aurora", "aurora 2.2 Solution Complexity: percentage of read/write operations during peak usage"},
        {"dms", "dms 2.2 Solution Complexity: percentage of read/write operations during peak usage"}};
    m.summary = "the read and write percentages add up to more than 100";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_read_write_over_100() { return std::make_unique<ReadWriteOver100>(); }

}  // namespace caselint::rules::checks
