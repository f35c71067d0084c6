// PF006 shared-account-id | doc: rules/doc/PF006.md
// Checklist: "AWS Account ID (Will be used to verify AWS service usage)"
// (aurora and dms 2.1): one account cannot prove the usage of two customers.
#include <filesystem>
#include <map>

#include "extract/account_ids.h"
#include "rules/checks/checks.h"
#include "rules/portfolio_rule.h"

namespace caselint::rules::checks {

namespace {

class SharedAccountId final : public PortfolioRule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check_portfolio(const PortfolioInput& in, PortfolioSink& sink) const override {
    const extract::AccountIdVocab& av = extract::Vocabulary::builtin().account_ids();
    std::map<std::string, const PortfolioReference*> owner;  // digits -> first reference using them
    for (const PortfolioReference& r : in.references) {
      if (!r.fields) continue;
      std::string customer = normalise_customer(r.customer);
      for (const extract::Field* f : r.fields->all("aws_account_id")) {
        if (f->state != extract::FieldState::ok) continue;
        for (const extract::AccountId& id : extract::parse_account_ids(f->text, av)) {
          if (id.placeholder || id.digits.size() != 12) continue;
          auto [it, inserted] = owner.emplace(id.digits, &r);
          const PortfolioReference& first = *it->second;
          if (inserted || &first == &r || normalise_customer(first.customer) == customer) continue;
          sink.report(r.entry_path, r.entry,
                      "account ID " + id.written + " of " + std::filesystem::path(r.file).filename().string() +
                          " (customer \"" + r.customer + "\") is also given by " +
                          std::filesystem::path(first.file).filename().string() + " (customer \"" + first.customer +
                          "\"); expected each customer's own AWS account");
        }
      }
    }
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "PF006";
    m.name = "shared-account-id";
    m.severity = Severity::error;
    m.field = "aws_account_id";
    m.checklist = "case study references: AWS Account ID (Will be used to verify AWS service usage)";
    m.checklist_by_profile = {{"aurora", "aurora prerequisite 2.1 AWS Customer Case Studies"},
                              {"dms", "dms prerequisite 2.1 AWS Customer Case Studies"},
                              {"ml-consulting", "ml-consulting prerequisite 2.1 ML-Specific Customer References"},
                              {"ml-technology", "ml-technology 1.1 Customer References"}};
    m.summary = "two references of different customers give the same AWS account ID";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_shared_account_id() { return std::make_unique<SharedAccountId>(); }

}  // namespace caselint::rules::checks
