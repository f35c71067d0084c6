// CS001 not-a-case-study | doc: rules/doc/CS001.md
// No checklist item: says why a page whose kind was read from its content
// (kind::classify) was not checked as a case study or a landing page.
#include "rules/checks/checks.h"

namespace caselint::rules::checks {

namespace {

class NotACaseStudy final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    // A site's pages are listed in its report, with their kinds.
    if (ctx.profile != "other" || ctx.run.site_pages) return;
    const std::vector<const extract::Field*> kind = ctx.fields.all("_page_kind");
    const std::string why = kind.empty() ? "it is checked with the profile other" : kind.front()->text;
    sink.report(anchor_range(ctx.doc, extract::Anchor::title),
                "not checked as a case study or landing page: " + why +
                    "; only the public-safety rules ran (set `program:` in its front matter, a config `profile:`, "
                    "or --profile to check it as one)");
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS001";
    m.name = "not-a-case-study";
    m.severity = Severity::info;
    m.checklist = "style: no checklist item (says how the page was read)";
    m.summary = "the page reads as neither a case study nor a landing page, so their rules did not run";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_not_a_case_study() { return std::make_unique<NotACaseStudy>(); }

}  // namespace caselint::rules::checks
