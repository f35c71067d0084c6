// LP001 missing-practice-description | doc: rules/doc/LP001.md
// Checklist: aurora prerequisite 2.3 / dms prerequisite 4.1 Partner Practice
// Landing Page ("related to or specific to AWS service"), ml-consulting 3.1
// ("describes their AWS ML practice"), ml-technology's public support
// statement ("detailing the APN Partner's Machine Learning practice on AWS").
#include "rules/checks/checks.h"
#include "rules/checks/landing_page.h"
#include "rules/checks/topic_util.h"

namespace caselint::rules::checks {

namespace {

constexpr const char* kSet = "practice_description";

class MissingPracticeDescription final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    const std::string program = landing_program(ctx.profile);
    const bool ml = program == "ml-consulting" || program == "ml-technology";
    if (ml ? has_topic(ctx, kSet, "machine_learning")
           : has_topic(ctx, kSet, "aurora") || has_topic(ctx, kSet, "dms") || has_topic(ctx, kSet, "machine_learning")) {
      return;
    }
    const std::string expected = ml ? "machine learning practice on AWS (services, team or offerings around machine "
                                      "learning or Amazon SageMaker)"
                                    : "AWS practice for the program's service (Amazon Aurora, AWS Database Migration "
                                      "Service or machine learning: services, team or offerings)";
    sink.report(anchor_range(ctx.doc, extract::Anchor::title),
                "the page does not describe the partner's practice; expected a description of its " + expected)
        .field = kSet;
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "LP001";
    m.name = "missing-practice-description";
    m.severity = Severity::error;
    m.field = kSet;
    m.topics = {kSet};
    cite_landing_page(m);
    m.summary = "a landing page must describe the partner's AWS practice for the program's service";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_missing_practice_description() { return std::make_unique<MissingPracticeDescription>(); }

}  // namespace caselint::rules::checks
