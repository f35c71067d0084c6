// CS405 draft-marker-on-public-page | doc: rules/doc/CS405.md
// Checklist: a public reference or landing page is published evidence
// (aurora/dms prerequisite 2.1, ml-consulting 2.3, ml-technology 1.2, the
// landing page items); an editing mark says it is not finished or not meant
// to be public.
#include <set>

#include "rules/checks/checks.h"
#include "rules/checks/public_page.h"

namespace caselint::rules::checks {

namespace {

class DraftMarkerOnPublicPage final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    const std::string why = public_reason(ctx);
    if (why.empty()) return;
    std::set<int> seen;  // one finding per line: the patterns overlap ("[TODO]" and "TODO")
    for_each_hit(ctx.doc, public_safety_vocab().draft_markers, false, [&](const TextHit& h) {
      if (!seen.insert(h.range.start.line).second) return;
      sink.report(h.range, "editing mark \"" + h.value + "\" is published, but " + why +
                               "; expected finished text with no draft or internal-only marks");
    });
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS405";
    m.applies_to = kAllDocuments;  // a public notebook is published too
    m.name = "draft-marker-on-public-page";
    m.severity = Severity::error;
    cite_public_safety(m);
    m.summary = "a TODO, TBD, DRAFT, CONFIDENTIAL or \"internal only\" mark on a public page";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_draft_marker_on_public_page() { return std::make_unique<DraftMarkerOnPublicPage>(); }

}  // namespace caselint::rules::checks
