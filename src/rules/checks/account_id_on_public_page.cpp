// CS401 account-id-on-public-page | doc: rules/doc/CS401.md
// Checklist: the AWS Account ID of a reference is "used to verify AWS service
// usage" (aurora and dms prerequisite 2.1) and belongs in the private
// submission; public references and landing pages must not publish it.
#include <algorithm>
#include <set>

#include "extract/account_ids.h"
#include "extract/text_util.h"
#include "rules/checks/checks.h"
#include "rules/checks/public_page.h"

namespace caselint::rules::checks {

namespace {

class AccountIdOnPublicPage final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    const std::string why = public_reason(ctx);
    if (why.empty()) return;
    std::set<std::pair<int, std::string>> reported;  // (line, digits)
    auto report = [&](const extract::Field& f, const extract::AccountId& id) {
      if (id.placeholder || id.digits.size() < 10) return;
      if (!reported.insert({f.range.start.line, id.digits}).second) return;
      sink.report(f.range, "account ID " + id.written + " is published, but " + why +
                               "; expected no account ID (give it to AWS in the private submission)")
          .field = "aws_account_id";
    };
    const extract::AccountIdVocab& av = ctx.vocab.account_ids();
    for (const extract::Field* f : ctx.fields.all("aws_account_id")) {
      if (f->state != extract::FieldState::ok) continue;
      for (const extract::AccountId& id : extract::parse_account_ids(f->text, av)) report(*f, id);
    }
    for (const extract::Field* f : ctx.fields.all("_account_id_mention")) {
      for (const extract::AccountId& id : extract::parse_account_ids(f->text, av)) report(*f, id);
    }
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS401";
    m.applies_to = kAllDocuments;  // a public notebook is published too
    m.name = "account-id-on-public-page";
    m.severity = Severity::error;
    m.field = "aws_account_id";
    m.checklist = "case study reference fields: AWS Account ID (Will be used to verify AWS service usage), not for "
                  "publication";
    m.checklist_by_profile = {
        {"aurora", "aurora prerequisite 2.1 AWS Customer Case Studies: AWS Account ID (Will be used to verify AWS "
                   "service usage); public-facing references"},
        {"dms", "dms prerequisite 2.1 AWS Customer Case Studies: AWS Account ID; public versus non-public AWS Case "
                "Studies"},
        {"ml-consulting", "ml-consulting prerequisite 2.3 Publicly Available Case Studies"},
        {"ml-technology", "ml-technology 1.2 Public References"},
        {"landing-page", "prerequisite Partner Practice Landing Page: a public reference to the partner's practice"},
        {"landing-page-ml-consulting", "ml-consulting prerequisite 3.1 APN Partner Practice Landing Page"},
        {"landing-page-ml-technology",
         "ml-technology prerequisite AWS Machine Learning Product or Solution: public support statement"}};
    m.summary = "an AWS account ID on a public case study or landing page";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_account_id_on_public_page() { return std::make_unique<AccountIdOnPublicPage>(); }

}  // namespace caselint::rules::checks
