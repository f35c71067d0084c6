// PF002 too-few-engine-references | doc: rules/doc/PF002.md
// Checklist: aurora 1.0 Case Study Requirements ("two customer references per
// database engine").
#include "rules/checks/checks.h"
#include "rules/portfolio_rule.h"

namespace caselint::rules::checks {

namespace {

class TooFewEngineReferences final : public PortfolioRule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check_portfolio(const PortfolioInput& in, PortfolioSink& sink) const override {
    if (in.program != "aurora") return;
    if (in.engines.empty()) {
      sink.report(in.anchor_path, in.anchor,
                  "submission names no Aurora engine it applies for; expected aurora-mysql or aurora-postgresql "
                  "(manifest `engines:`)");
      return;
    }
    for (const auto& entry : in.engines) {
      const std::string& engine = entry.first;
      const doc::SourceRange& at = entry.second;
      auto on_engine = [&engine](const PortfolioReference& r) { return r.engine == engine; };
      int found = count_distinct_customers(in, on_engine);
      if (found >= 2) continue;
      sink.report(in.anchor_path, at,
                  "engine " + engine + " has " + std::to_string(found) + " qualifying reference" +
                      (found == 1 ? "" : "s") + " (" + count_detail(in, on_engine) +
                      "); expected at least 2 per engine applied for");
    }
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "PF002";
    m.name = "too-few-engine-references";
    m.severity = Severity::error;
    m.field = "database_engine";
    m.checklist = "aurora 1.0 Case Study Requirements";
    m.summary = "an Aurora engine applied for has fewer than two qualifying references";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_too_few_engine_references() { return std::make_unique<TooFewEngineReferences>(); }

}  // namespace caselint::rules::checks
