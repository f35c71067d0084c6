// PF009 public-reference-not-reachable | doc: rules/doc/PF009.md
// Checklist: ml-consulting 2.3 ("must be able to navigate to the case study
// from the APN Partner's home page"), ml-technology 1.2, aurora and dms 2.1
// ("easily discoverable on the APN Partner's website").
#include <filesystem>

#include "rules/checks/checks.h"
#include "rules/portfolio_rule.h"

namespace caselint::rules::checks {

namespace {

class PublicReferenceNotReachable final : public PortfolioRule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check_portfolio(const PortfolioInput& in, PortfolioSink& sink) const override {
    if (!in.clicks_from_home) return;  // no crawl of the partner's site in this run
    for (const PortfolioReference& r : in.references) {
      if (!r.is_public) continue;
      std::string target = !r.site_target.empty() ? r.site_target : !r.url.empty() ? r.url : r.file;
      if (in.clicks_from_home(target)) continue;
      sink.report(r.entry_path, r.entry,
                  "public reference " + std::filesystem::path(r.file).filename().string() + " (" + target +
                      ") cannot be reached by links from the home page of the partner's site; expected a path of "
                      "links from the home page to it");
    }
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "PF009";
    m.name = "public-reference-not-reachable";
    m.severity = Severity::error;
    m.field = "public";
    m.checklist = "public references: easily discoverable on the APN Partner's website";
    m.checklist_by_profile = {{"aurora", "aurora prerequisite 2.1 AWS Customer Case Studies"},
                              {"dms", "dms prerequisite 2.1 AWS Customer Case Studies"},
                              {"ml-consulting", "ml-consulting prerequisite 2.3 Publicly Available Case Studies"},
                              {"ml-technology", "ml-technology 1.2 Public References"}};
    m.summary = "a public reference cannot be reached from the home page of the partner's site";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_public_reference_not_reachable() { return std::make_unique<PublicReferenceNotReachable>(); }

}  // namespace caselint::rules::checks
