// PF005 reference-program-mismatch | doc: rules/doc/PF005.md
// Checklist: the references demonstrate the program's service ("AWS Service
// Specific AWS Customer Case Study"); a reference written for another
// program does not count toward this one.
#include <filesystem>

#include "rules/checks/checks.h"
#include "rules/portfolio_rule.h"

namespace caselint::rules::checks {

namespace {

class ReferenceProgramMismatch final : public PortfolioRule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check_portfolio(const PortfolioInput& in, PortfolioSink& sink) const override {
    for (const PortfolioReference& r : in.references) {
      if (r.program.empty() || r.program == in.program) continue;
      sink.report(r.entry_path, r.entry,
                  "reference " + std::filesystem::path(r.file).filename().string() + " is written for " + r.program +
                      " (front matter program:); expected " + in.program + ", the program of the submission");
    }
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "PF005";
    m.name = "reference-program-mismatch";
    m.severity = Severity::error;
    m.field = "program";
    m.checklist = "case study references: service-specific customer case studies";
    m.checklist_by_profile = {{"aurora", "aurora prerequisite 2.1 AWS Customer Case Studies"},
                              {"dms", "dms prerequisite 2.1 AWS Customer Case Studies"},
                              {"ml-consulting", "ml-consulting prerequisite 2.1 ML-Specific Customer References"},
                              {"ml-technology", "ml-technology 1.1 Customer References"}};
    m.summary = "a reference's front matter names another program than the submission's";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_reference_program_mismatch() { return std::make_unique<ReferenceProgramMismatch>(); }

}  // namespace caselint::rules::checks
