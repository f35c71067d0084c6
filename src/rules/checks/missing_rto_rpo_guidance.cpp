// CS121 missing-rto-rpo-guidance | doc: rules/doc/CS121.md
// Checklist: aurora 1.0 Case Study Requirements: RTO/RPO guidance for a
// customer-managed database, or the recovery plan of a partner-managed one.
#include "rules/checks/checks.h"
#include "rules/checks/topic_util.h"

namespace caselint::rules::checks {

namespace {

constexpr const char* kSet = "rto_rpo";

class MissingRtoRpoGuidance final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    doc::SourceRange at = anchor_range(ctx.doc, extract::Anchor::end);
    // One finding for the checklist item, naming every part no document gives.
    std::vector<std::string> missing;
    std::size_t total = 0;
    auto want = [&](bool found, std::string title) {
      ++total;
      if (!found) missing.push_back(std::move(title));
    };
    if (partner_manages_database(ctx)) {
      want(has_topic(ctx, kSet, "point_in_time_restore"), topic_title(ctx, kSet, "point_in_time_restore"));
      want(has_topic(ctx, kSet, "same_region_recovery") || has_topic(ctx, kSet, "cross_region_recovery"),
           "recovery in the same or a different AWS Region");
      for (const char* id : {"recovery_testing", "test_frequency"}) want(has_topic(ctx, kSet, id), topic_title(ctx, kSet, id));
      if (!missing.empty()) report_missing_parts(ctx, sink, at, "recovery plan of a partner-managed database", missing, total);
      return;
    }
    std::string what = "RTO/RPO guidance for a customer-managed database";
    if (!has_topic(ctx, "database_management", "customer_managed")) {
      what += " (who manages the database is not stated)";
    }
    for (const char* id : {"point_in_time_restore", "same_region_recovery", "cross_region_recovery"}) {
      want(has_topic(ctx, kSet, id), topic_title(ctx, kSet, id));
    }
    std::vector<std::string> cases_missing;
    int cases_found = 0;
    for (const char* id : {"use_case_region_outage", "use_case_operator_error", "use_case_data_corruption"}) {
      if (has_topic(ctx, kSet, id)) {
        ++cases_found;
      } else {
        cases_missing.push_back(topic_title(ctx, kSet, id));
      }
    }
    int min_cases = static_cast<int>(ctx.option("min_use_cases", 3));
    want(cases_found >= min_cases, std::to_string(min_cases - cases_found) + " more of the recovery use cases (" +
                                        std::to_string(cases_found) + " of " + std::to_string(min_cases) +
                                        " found; missing " + join_titles(cases_missing) + ")");
    want(has_topic(ctx, kSet, "recovery_testing"), topic_title(ctx, kSet, "recovery_testing"));
    if (!missing.empty()) report_missing_parts(ctx, sink, at, what, missing, total);
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS121";
    m.name = "missing-rto-rpo-guidance";
    m.severity = Severity::error;
    m.field = "rto_rpo";
    m.topics = {"rto_rpo", "database_management"};
    m.checklist = "aurora 1.0 Case Study Requirements: Recovery Time Objective (RTO) and Recovery Point Objective (RPO)";
    m.summary = "the reference must give the RTO/RPO guidance or the recovery plan the checklist lists";
    m.options = {{"min_use_cases", 3,
                  "how many of the three recovery use cases (loss of a Region, operator error or application "
                  "bugs, data loss or corruption) a customer-managed reference must describe"}};
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_missing_rto_rpo_guidance() { return std::make_unique<MissingRtoRpoGuidance>(); }

}  // namespace caselint::rules::checks
