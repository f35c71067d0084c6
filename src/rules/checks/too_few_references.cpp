// PF001 too-few-references | doc: rules/doc/PF001.md
// Checklist: aurora and dms prerequisite 2.1 (two case studies),
// ml-consulting 2.1 and ml-technology 1.1 (four references).
#include "rules/checks/checks.h"
#include "rules/portfolio_rule.h"

namespace caselint::rules::checks {

namespace {

class TooFewReferences final : public PortfolioRule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check_portfolio(const PortfolioInput& in, PortfolioSink& sink) const override {
    int needed = required_references(in.program);
    auto all = [](const PortfolioReference&) { return true; };
    int found = count_distinct_customers(in, all);
    if (found >= needed) return;
    sink.report(in.anchor_path, in.anchor,
                "submission has " + std::to_string(found) + " qualifying reference" + (found == 1 ? "" : "s") +
                    " (" + count_detail(in, all) + "); expected at least " + std::to_string(needed) + " for " +
                    in.program);
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "PF001";
    m.name = "too-few-references";
    m.severity = Severity::error;
    m.checklist = "case study references: the number of references the program asks for";
    m.checklist_by_profile = {{"aurora", "aurora prerequisite 2.1 AWS Customer Case Studies"},
                              {"dms", "dms prerequisite 2.1 AWS Customer Case Studies"},
                              {"ml-consulting", "ml-consulting prerequisite 2.1 ML-Specific Customer References"},
                              {"ml-technology", "ml-technology 1.1 Customer References"}};
    m.summary = "the submission has fewer qualifying references than the program asks for";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_too_few_references() { return std::make_unique<TooFewReferences>(); }

}  // namespace caselint::rules::checks
