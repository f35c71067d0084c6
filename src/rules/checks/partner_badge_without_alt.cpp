// LP003 partner-badge-without-alt | doc: rules/doc/LP003.md
// Checklist: aurora prerequisite 2.3 / dms prerequisite 4.1 ("an AWS-branded
// microsite"), ml-consulting 3.1 and ml-technology's public support
// statement ("highlighting the partnership with AWS"): a badge a reader
// cannot read (a screen reader, a blocked image) shows no partnership.
#include "extract/text_util.h"
#include "rules/checks/checks.h"
#include "rules/checks/landing_page.h"

namespace caselint::rules::checks {

namespace {

class PartnerBadgeWithoutAlt final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    const LandingPageVocab& v = landing_page_vocab();
    for (const doc::Link& l : ctx.doc.links) {
      if (!l.is_image || !extract::trim(l.text).empty()) continue;
      if (!any_match(v.badge_images, l.target) && !any_match(v.badge_images, l.title)) continue;
      sink.report(l.range, "AWS partner badge " + l.target +
                               " has no alt text; expected alt text naming the partnership, such as \"AWS Advanced "
                               "Tier Services Partner\"")
          .field = "partner_badge_alt";
    }
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "LP003";
    m.name = "partner-badge-without-alt";
    m.severity = Severity::warning;
    m.field = "partner_badge_alt";
    cite_landing_page(m);
    m.summary = "an AWS partner badge image without alt text";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_partner_badge_without_alt() { return std::make_unique<PartnerBadgeWithoutAlt>(); }

}  // namespace caselint::rules::checks
