// CS112 customer-not-named | doc: rules/doc/CS112.md
// Checklist: "Name of the customer" in every program's reference fields; an
// anonymised customer ("a Fortune 100 retailer", "Client: NDA") is not a name.
#include "extract/vocab.h"
#include "rules/checks/checks.h"

namespace caselint::rules::checks {

namespace {

class CustomerNotNamed final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    // The most trusted statement of the customer decides (a "Client:" label
    // over an "About ..." heading, see Fields::get).
    const extract::Field* best = ctx.fields.get("customer_name");
    if (!best || !ctx.vocab.is_anonymous_customer(best->text)) return;
    const extract::Field* anonymous = best;
    sink.report(anonymous->range, "customer is not named (\"" + anonymous->text +
                                      "\"); a reference needs the customer's name, even when the study is private");
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS112";
    m.name = "customer-not-named";
    m.severity = Severity::error;
    m.field = "customer_name";
    m.checklist = "case study reference fields: Name of the customer";
    m.checklist_by_profile = {{"aurora", "aurora prerequisite 2.1 AWS Customer Case Studies: Name of the customer"},
                              {"dms", "dms prerequisite 2.1 AWS Customer Case Studies: Name of the customer"},
                              {"ml-consulting",
                               "ml-consulting prerequisite 2.1 ML-Specific Customer References: Name of the customer"},
                              {"ml-technology", "ml-technology 1.1 Customer References: Name of the customer"}};
    m.summary = "the customer is anonymised instead of named";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_customer_not_named() { return std::make_unique<CustomerNotNamed>(); }

}  // namespace caselint::rules::checks
