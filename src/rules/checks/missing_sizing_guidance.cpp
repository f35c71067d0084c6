// CS123 missing-sizing-guidance | doc: rules/doc/CS123.md
// Checklist: aurora 1.0 Case Study Requirements: "Details of a properly sized
// Amazon Aurora architecture based on the customer's pre-Aurora architecture
// or requirements for a new application being developed."
#include "rules/checks/checks.h"
#include "rules/checks/topic_util.h"

namespace caselint::rules::checks {

namespace {

constexpr const char* kSet = "aurora_sizing";
const std::vector<std::string> kExisting = {"existing_architecture", "existing_ha_recovery", "existing_shortcomings",
                                            "aurora_comparison"};
const std::vector<std::string> kNew = {"new_app_requirements", "new_app_fit"};

class MissingSizingGuidance final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    auto missing_of = [&](const std::vector<std::string>& ids) {
      std::vector<std::string> out;
      for (const std::string& id : ids) {
        if (!has_topic(ctx, kSet, id)) out.push_back(id);
      }
      return out;
    };
    std::vector<std::string> existing = missing_of(kExisting), fresh = missing_of(kNew);
    if (existing.empty() || fresh.empty()) return;
    // The case the study is closer to: a new application only when it covers
    // more of that case than of the migration case.
    std::size_t existing_found = kExisting.size() - existing.size(), new_found = kNew.size() - fresh.size();
    bool new_app = new_found * kExisting.size() > existing_found * kNew.size();
    const std::string what = new_app ? "sizing guidance for a new application"
                                     : "sizing guidance based on the pre-Aurora architecture";
    doc::SourceRange at = anchor_range(ctx.doc, extract::Anchor::end);
    std::vector<std::string> missing;
    for (const std::string& id : new_app ? fresh : existing) missing.push_back(topic_title(ctx, kSet, id));
    report_missing_parts(ctx, sink, at, what, missing, (new_app ? kNew : kExisting).size());
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS123";
    m.name = "missing-sizing-guidance";
    m.severity = Severity::error;
    m.field = kSet;
    m.topics = {kSet};
    m.checklist = "aurora 1.0 Case Study Requirements: details of a properly sized Amazon Aurora architecture";
    m.summary = "the reference must compare Aurora with the pre-Aurora architecture or size it for a new application";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_missing_sizing_guidance() { return std::make_unique<MissingSizingGuidance>(); }

}  // namespace caselint::rules::checks
