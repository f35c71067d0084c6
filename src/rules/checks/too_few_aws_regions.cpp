// LP022 too-few-aws-regions | doc: rules/doc/LP022.md
// Checklist: ml-technology prerequisite AWS Machine Learning Product or
// Solution ("Availability of product or solution in 3 or more AWS regions").
#include <set>

#include "rules/checks/checks.h"
#include "rules/checks/landing_page.h"
#include "rules/checks/topic_util.h"

namespace caselint::rules::checks {

namespace {

class TooFewAwsRegions final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    const int min = static_cast<int>(ctx.option("min", 3));
    std::vector<std::string> found;
    for (const AwsRegion& r : landing_page_vocab().regions) {
      bool named = false;
      for (const doc::Block& b : ctx.doc.blocks) {
        if (any_match(r.written, b.text)) {
          named = true;
          break;
        }
      }
      if (named) found.push_back(r.code);
    }
    if (static_cast<int>(found.size()) >= min) return;
    std::string have = found.empty() ? "no AWS Region is named" : std::to_string(found.size()) + " AWS Region" +
                                                                     (found.size() == 1 ? " is" : "s are") +
                                                                     " named (" + join_titles(found) + ")";
    sink.report(anchor_range(ctx.doc, extract::Anchor::title),
                have + "; expected the product to be available in at least " + std::to_string(min) +
                    " AWS Regions, named by code (us-east-1) or name (US East (N. Virginia))")
        .field = "aws_regions";
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "LP022";
    m.name = "too-few-aws-regions";
    m.severity = Severity::error;
    m.field = "aws_regions";
    m.checklist = "ml-technology prerequisite AWS Machine Learning Product or Solution: availability in 3 or more AWS "
                  "regions";
    m.summary = "an ML technology product page must show availability in at least three AWS Regions";
    m.options = {{"min", 3, "how many distinct AWS Regions the page must name"}};
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_too_few_aws_regions() { return std::make_unique<TooFewAwsRegions>(); }

}  // namespace caselint::rules::checks
