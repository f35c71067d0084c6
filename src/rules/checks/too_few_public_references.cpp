// PF003 too-few-public-references | doc: rules/doc/PF003.md
// Checklist: ml-consulting prerequisite 2.3 Publicly Available Case Studies ("Two (2) of
// the four (4) AWS customer references must be public"), ml-technology 1.2
// Public References ("2 of the above 4 references are publicly endorsed").
#include "rules/checks/checks.h"
#include "rules/portfolio_rule.h"

namespace caselint::rules::checks {

namespace {

class TooFewPublicReferences final : public PortfolioRule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check_portfolio(const PortfolioInput& in, PortfolioSink& sink) const override {
    int needed = required_public_references(in.program);
    if (needed == 0) return;
    auto is_public = [](const PortfolioReference& r) { return r.is_public; };
    int found = count_distinct_customers(in, is_public);
    if (found >= needed) return;
    sink.report(in.anchor_path, in.anchor,
                "submission has " + std::to_string(found) + " qualifying public reference" +
                    (found == 1 ? "" : "s") + " (" + count_detail(in, is_public) + "); expected at least " +
                    std::to_string(needed) + " of the " + std::to_string(required_references(in.program)) +
                    " to be public");
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "PF003";
    m.name = "too-few-public-references";
    m.severity = Severity::error;
    m.field = "public";
    m.checklist = "ml-consulting prerequisite 2.3 Publicly Available Case Studies";
    m.checklist_by_profile = {{"ml-consulting", "ml-consulting prerequisite 2.3 Publicly Available Case Studies"},
                              {"ml-technology", "ml-technology 1.2 Public References"}};
    m.summary = "fewer qualifying public references than the program asks for";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_too_few_public_references() { return std::make_unique<TooFewPublicReferences>(); }

}  // namespace caselint::rules::checks
