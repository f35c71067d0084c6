// CS134 missing-deployment-pattern | doc: rules/doc/CS134.md
// Checklist: dms 2.1 Solution Characteristics: "Each Customer Reference
// addresses at least one of the deployment patterns and one of the workload
// patterns" (deployment: to Aurora, RDS, Redshift or DynamoDB from a
// different engine, or from an on-premises database or Amazon EC2).
#include <set>

#include "rules/checks/checks.h"
#include "rules/checks/topic_util.h"

namespace caselint::rules::checks {

namespace {

class MissingDeploymentPattern final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    doc::SourceRange at = anchor_range(ctx.doc, extract::Anchor::end);
    std::vector<std::string> targets;
    for (const extract::Field* f : reference_fields(ctx, "migration_target")) targets.push_back(topic_title(ctx, "migration_target", f->text));
    if (targets.empty()) {
      sink.report(at, "no deployment pattern: no migration to Amazon Aurora, Amazon RDS, Amazon Redshift or Amazon DynamoDB found")
          .field = "migration_target";
      return;
    }
    if (!reference_fields(ctx, "migration_source").empty() || engines_differ(ctx)) return;
    sink.report(at, "deployment pattern: migration to " + join_titles(targets) +
                        " found, but its source is neither a different engine nor an on-premises or Amazon EC2 database")
        .field = "migration_source";
  }

 private:
  // Two engine families among the engines named ("oracle" and
  // "aurora-postgresql"): the migration changes engine.
  static bool engines_differ(const RuleContext& ctx) {
    std::set<std::string> families;
    for (const extract::Field* f : reference_fields(ctx, "database_engine")) {
      if (f->state != extract::FieldState::ok || f->text == "aurora") continue;
      std::string family = f->text.rfind("aurora-", 0) == 0 ? f->text.substr(7) : f->text;
      families.insert(family);
    }
    return families.size() >= 2;
  }

  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS134";
    m.name = "missing-deployment-pattern";
    m.severity = Severity::error;
    m.field = "migration_target";
    m.topics = {"migration_target", "migration_source"};
    m.checklist = "dms 2.1 Solution Characteristics: deployment patterns";
    m.summary = "the reference must show a DMS deployment pattern: its target and a different-engine, on-premises or EC2 source";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_missing_deployment_pattern() { return std::make_unique<MissingDeploymentPattern>(); }

}  // namespace caselint::rules::checks
