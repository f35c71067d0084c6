// CS212 not-in-production | doc: rules/doc/CS212.md
// Checklist: every program asks for projects "in production ... rather than
// in pilot or proof of concept stage" (aurora and dms prerequisite 2.1,
// ml-consulting 2.1, ml-technology prerequisite AWS Customer References).
#include "rules/checks/checks.h"

namespace caselint::rules::checks {

namespace {

class NotInProduction final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    for (const extract::Field* f : ctx.fields.all("production_status")) {
      if (f->state != extract::FieldState::ok || f->text == "production") continue;
      std::string stage = f->text == "proof-of-concept" ? "a proof of concept"
                          : f->text == "development"    ? "in development"
                                                        : "in pilot";
      std::string evidence = f->label.size() > 160 ? f->label.substr(0, 157) + "..." : f->label;
      sink.report(f->range, "project is described as " + stage + " (\"" + evidence +
                                "\"); expected a project in production");
    }
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS212";
    m.name = "not-in-production";
    m.severity = Severity::error;
    m.field = "production_status";
    m.checklist = "case study references: projects in production, rather than in pilot or proof of concept stage";
    m.checklist_by_profile = {
        {"aurora",
         "aurora prerequisite 2.1 AWS Customer Case Studies: AWS service(s) that are in production, rather than in pilot "
         "or proof of concept stage"},
        {"dms",
         "dms prerequisite 2.1 AWS Customer Case Studies: AWS service(s) that are in production, rather than in pilot or "
         "proof of concept stage"},
        {"ml-consulting",
         "ml-consulting prerequisite 2.1 ML-Specific Customer References: projects that are in production, rather "
         "than in pilot or proof of concept stage; still in development stage will not be accepted"},
        {"ml-technology",
         "ml-technology prerequisite AWS Customer References: projects that are in production, rather than in pilot or "
         "proof of concept stage"}};
    m.summary = "the document places the project in pilot, proof of concept or development";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_not_in_production() { return std::make_unique<NotInProduction>(); }

}  // namespace caselint::rules::checks
