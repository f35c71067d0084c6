// LP004 missing-customer-references-link | doc: rules/doc/LP004.md
// Checklist: ml-consulting 3.1 ("links to AWS customer references or case
// studies"), ml-technology's public support statement ("customer
// references"), and the public reference of aurora prerequisite 2.3 / dms
// prerequisite 4.1, whose case studies must be easy to reach from the site.
#include "rules/checks/checks.h"
#include "rules/checks/landing_page.h"

namespace caselint::rules::checks {

namespace {

class MissingCustomerReferencesLink final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    const LandingPageVocab& v = landing_page_vocab();
    for (const doc::Link& l : ctx.doc.links) {
      if (l.is_image) continue;
      if (any_match(v.customer_reference_links, l.text) || any_match(v.customer_reference_links, l.target)) return;
    }
    sink.report(anchor_range(ctx.doc, extract::Anchor::title),
                "no link to case studies or customer references; expected a link such as \"Customer stories\" or "
                "\"Case studies\" to the partner's references")
        .field = "customer_references";
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "LP004";
    m.name = "missing-customer-references-link";
    m.severity = Severity::error;
    m.field = "customer_references";
    cite_landing_page(m);
    m.summary = "a landing page must link to the partner's case studies or customer references";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_missing_customer_references_link() {
  return std::make_unique<MissingCustomerReferencesLink>();
}

}  // namespace caselint::rules::checks
