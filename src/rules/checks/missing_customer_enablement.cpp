// CS122 missing-customer-enablement | doc: rules/doc/CS122.md
// Checklist: aurora 1.0 Case Study Requirements: customer enablement for a
// customer-managed database ("at least the following evidence").
#include "rules/checks/checks.h"
#include "rules/checks/topic_util.h"

namespace caselint::rules::checks {

namespace {

constexpr const char* kSet = "customer_enablement";

class MissingCustomerEnablement final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    // The checklist asks for enablement only where the customer runs the database.
    if (partner_manages_database(ctx)) return;
    const extract::TopicSet* set = ctx.vocab.topic_set(kSet);
    if (!set) return;
    doc::SourceRange at = anchor_range(ctx.doc, extract::Anchor::end);
    std::vector<std::string> missing;
    for (const extract::TopicItem& item : set->items) {
      if (!has_topic(ctx, kSet, item.id)) missing.push_back(item.title);
    }
    if (!missing.empty()) report_missing_parts(ctx, sink, at, "customer enablement", missing, set->items.size());
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS122";
    m.name = "missing-customer-enablement";
    m.severity = Severity::error;
    m.field = kSet;
    m.topics = {kSet, "database_management"};
    m.checklist = "aurora 1.0 Case Study Requirements: customer enablement to use and evolve the solution";
    m.summary = "a customer-managed reference must describe the training and reference materials given";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_missing_customer_enablement() { return std::make_unique<MissingCustomerEnablement>(); }

}  // namespace caselint::rules::checks
