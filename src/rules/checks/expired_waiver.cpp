// CS900 expired-waiver | doc: rules/doc/CS900.md
// Checklist: none; a waiver in .caselint.yaml records a decision to accept a
// gap until a date, and an expired one must be looked at again.
#include "rules/checks/checks.h"

namespace caselint::rules::checks {

namespace {

class ExpiredWaiver final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }
  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    doc::SourceRange at{{1, 1}, {1, 1}};
    for (const Waiver& w : ctx.waivers) {
      if (ctx.run.as_of <= w.expires) continue;
      Diagnostic& d = sink.report(at, "the waiver for " + w.code + " (\"" + w.reason + "\") expired on " + w.expires +
                                          "; fix the finding or renew the waiver at " + w.origin);
      d.notes.push_back(Note{at, "waived at " + w.origin});
    }
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS900";
    m.name = "expired-waiver";
    m.severity = Severity::error;
    m.checklist = "configuration: waivers in .caselint.yaml";
    m.summary = "a waiver in .caselint.yaml has passed its expiry date";
    m.applies_to = kAllDocuments;
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_expired_waiver() { return std::make_unique<ExpiredWaiver>(); }

}  // namespace caselint::rules::checks
