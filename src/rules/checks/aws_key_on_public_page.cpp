// CS402 aws-key-on-public-page | doc: rules/doc/CS402.md
// Checklist: public references and landing pages show what may be shared
// with public audiences (aurora/dms prerequisite 2.1, ml-consulting 2.3,
// ml-technology 1.2, the landing page items); credentials never are.
#include <set>

#include "rules/checks/checks.h"
#include "rules/checks/public_page.h"

namespace caselint::rules::checks {

namespace {

class AwsKeyOnPublicPage final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    const std::string why = public_reason(ctx);
    if (why.empty()) return;
    const PublicSafetyVocab& v = public_safety_vocab();
    std::set<std::pair<int, std::string>> seen;
    auto report = [&](const TextHit& h, const char* what, const std::string& shown) {
      if (matches_whole(v.example_keys, h.value)) return;  // the AWS documentation's examples open no account
      if (!seen.insert({h.range.start.line, h.value}).second) return;
      sink.report(h.range, std::string(what) + " " + shown + " is published, but " + why +
                               "; expected no AWS credentials (revoke the key and remove it)");
    };
    for_each_hit(ctx.doc, v.access_key_ids, true, [&](const TextHit& h) { report(h, "AWS access key ID", h.value); });
    for_each_hit(ctx.doc, v.secret_keys, true, [&](const TextHit& h) {
      // Never echo a secret: its first four characters are enough to find it.
      report(h, "AWS secret access key", h.value.substr(0, 4) + "...");
    });
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS402";
    m.applies_to = kAllDocuments;  // a public notebook is published too
    m.name = "aws-key-on-public-page";
    m.severity = Severity::error;
    cite_public_safety(m);
    m.summary = "an AWS access key ID or secret access key on a public page";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_aws_key_on_public_page() { return std::make_unique<AwsKeyOnPublicPage>(); }

}  // namespace caselint::rules::checks
