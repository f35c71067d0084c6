// CS301 missing-architecture-diagram | doc: rules/doc/CS301.md
// Checklist: "Architectural Diagrams: Submitted case studies must include
// architectural diagrams" (aurora prerequisite 2.2, dms prerequisite 3.1).
#include "extract/vocab.h"
#include "rules/checks/checks.h"
#include "rules/evidence.h"

namespace caselint::rules::checks {

namespace {

class MissingArchitectureDiagram final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    // The diagram may come with the reference's design notes.
    if (reference_field(ctx, "architecture_diagram")) return;
    auto hints = ctx.fields.all("architecture_diagram");
    if (!hints.empty()) {
      const extract::Field& f = *hints.front();
      std::string message = f.source == extract::FieldSource::section
                                ? "section \"" + f.label + "\" has no diagram image or link"
                                : "the text mentions a diagram (\"" + f.text + "\") but no diagram image or link is there";
      sink.report(f.range, message);
      return;
    }
    sink.report(anchor_range(ctx.doc, extract::Anchor::end),
                "no architecture diagram (an image or a linked PNG/SVG/PDF whose alt text, file name or caption "
                "says architecture or diagram)");
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS301";
    m.name = "missing-architecture-diagram";
    m.severity = Severity::error;
    m.field = "architecture_diagram";
    m.checklist = "Architectural Diagrams";
    m.checklist_by_profile = {{"aurora", "aurora prerequisite 2.2 Architectural Diagrams"},
                              {"dms", "dms prerequisite 3.1 Architectural Diagrams"}};
    m.summary = "the case study has no architecture diagram";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_missing_architecture_diagram() { return std::make_unique<MissingArchitectureDiagram>(); }

}  // namespace caselint::rules::checks
