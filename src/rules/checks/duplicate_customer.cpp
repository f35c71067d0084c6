// PF004 duplicate-customer | doc: rules/doc/PF004.md
// Checklist: the references are of distinct customers ("two (2) case
// studies", "four (4) AWS customer references"); the same customer twice is
// one reference.
#include <filesystem>
#include <map>

#include "rules/checks/checks.h"
#include "rules/portfolio_rule.h"

namespace caselint::rules::checks {

namespace {

class DuplicateCustomer final : public PortfolioRule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check_portfolio(const PortfolioInput& in, PortfolioSink& sink) const override {
    std::map<std::string, const PortfolioReference*> first;
    for (const PortfolioReference& r : in.references) {
      std::string key = normalise_customer(r.customer);
      if (key.empty()) continue;
      auto [it, inserted] = first.emplace(key, &r);
      if (inserted) continue;
      const PortfolioReference& earlier = *it->second;
      std::string file = std::filesystem::path(r.file).filename().string();
      std::string first_file = std::filesystem::path(earlier.file).filename().string();
      std::string same = earlier.customer == r.customer ? "is also the customer of " + first_file
                                                        : "is the same as \"" + earlier.customer + "\" of " + first_file;
      sink.report(r.entry_path, r.entry,
                  "customer \"" + r.customer + "\" of " + file + " " + same +
                      "; expected a different customer for each reference (the two count once)");
    }
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "PF004";
    m.name = "duplicate-customer";
    m.severity = Severity::error;
    m.field = "customer_name";
    m.checklist = "case study references: each reference is a different customer";
    m.checklist_by_profile = {{"aurora", "aurora prerequisite 2.1 AWS Customer Case Studies"},
                              {"dms", "dms prerequisite 2.1 AWS Customer Case Studies"},
                              {"ml-consulting", "ml-consulting prerequisite 2.1 ML-Specific Customer References"},
                              {"ml-technology", "ml-technology 1.1 Customer References"}};
    m.summary = "two references of the submission are for the same customer";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_duplicate_customer() { return std::make_unique<DuplicateCustomer>(); }

}  // namespace caselint::rules::checks
