// CS211 placeholder-account-id | doc: rules/doc/CS211.md
// Checklist: "AWS Account ID (Will be used to verify AWS service usage)"
// (aurora and dms prerequisite 2.1); a stand-in verifies nothing.
#include "extract/account_ids.h"
#include "rules/checks/account_id_citations.h"
#include "rules/checks/checks.h"

namespace caselint::rules::checks {

namespace {

class PlaceholderAccountId final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    for (const extract::Field* f : ctx.fields.all("aws_account_id")) {
      if (f->state != extract::FieldState::ok) continue;
      for (const extract::AccountId& id : extract::parse_account_ids(f->text, ctx.vocab.account_ids())) {
        if (!id.placeholder) continue;
        sink.report(f->range, "account ID \"" + id.written +
                                  "\" is a placeholder; expected the customer's real 12-digit account ID");
      }
    }
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS211";
    m.name = "placeholder-account-id";
    m.severity = Severity::error;
    m.field = "aws_account_id";
    m.checklist = kAccountIdCitation;
    m.checklist_by_profile = account_id_citations();
    m.summary = "the AWS account ID is a placeholder (123456789012, counting digits, a repeated digit or group, xxxx-xxxx-xxxx)";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_placeholder_account_id() { return std::make_unique<PlaceholderAccountId>(); }

}  // namespace caselint::rules::checks
