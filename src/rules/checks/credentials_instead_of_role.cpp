// CS151 credentials-instead-of-role | doc: rules/doc/CS151.md
// Checklist: ml-technology 3.2 Security Control ("For SaaS solutions, the
// solution does not in any form or control ask customer to provide their AWS
// credentials. All access controls are implemented via Cross Account roles.")
// Extraction finds the requests (topic set aws_credential_request, negated
// sentences excluded) and the SaaS statements (saas_delivery); this rule
// joins them: a request counts only in a SaaS description.
#include "rules/checks/checks.h"

namespace caselint::rules::checks {

namespace {

class CredentialsInsteadOfRole final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    std::vector<const extract::Field*> requests = ctx.fields.all("aws_credential_request");
    std::vector<const extract::Field*> saas = ctx.fields.all("saas_delivery");
    if (requests.empty() || saas.empty()) return;
    for (const extract::Field* r : requests) {
      sink.report(r->range, "the SaaS solution asks customers for their AWS credentials (\"" + r->label +
                                "\"); expected access through a cross-account IAM role")
          .notes.push_back({saas.front()->range, "the solution is described as SaaS here"});
    }
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS151";
    m.name = "credentials-instead-of-role";
    m.severity = Severity::error;
    m.field = "aws_credential_request";
    m.topics = {"aws_credential_request", "saas_delivery"};
    m.checklist = "ml-technology 3.2 Security Control";
    m.summary = "a SaaS solution must not ask customers for AWS credentials or access keys, only for a cross-account role";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_credentials_instead_of_role() { return std::make_unique<CredentialsInsteadOfRole>(); }

}  // namespace caselint::rules::checks
