// CS210 invalid-account-id | doc: rules/doc/CS210.md
// Checklist: "AWS Account ID (Will be used to verify AWS service usage)"
// (aurora and dms prerequisite 2.1); an AWS account ID has 12 digits.
#include "extract/account_ids.h"
#include "rules/checks/account_id_citations.h"
#include "rules/checks/checks.h"

namespace caselint::rules::checks {

namespace {

class InvalidAccountId final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    for (const extract::Field* f : ctx.fields.all("aws_account_id")) {
      if (f->state != extract::FieldState::ok) continue;  // empty or TBD is CS111's job
      auto ids = extract::parse_account_ids(f->text, ctx.vocab.account_ids());
      if (ids.empty()) {
        sink.report(f->range, "account ID \"" + shorten(f->text) + "\" holds no account number; expected 12 digits");
        continue;
      }
      for (const extract::AccountId& id : ids) {
        if (id.placeholder || id.twelve_digits()) continue;  // placeholders are CS211's
        sink.report(f->range, "account ID \"" + id.written + "\" has " + std::to_string(id.digits.size()) +
                                  (id.digits.size() == 1 ? " digit" : " digits") + "; expected 12 digits");
      }
    }
  }

 private:
  static std::string shorten(const std::string& s) { return s.size() > 40 ? s.substr(0, 37) + "..." : s; }

  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS210";
    m.name = "invalid-account-id";
    m.severity = Severity::error;
    m.field = "aws_account_id";
    m.checklist = kAccountIdCitation;
    m.checklist_by_profile = account_id_citations();
    m.summary = "the AWS account ID does not have 12 digits";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_invalid_account_id() { return std::make_unique<InvalidAccountId>(); }

}  // namespace caselint::rules::checks
