// CS113 field-only-in-prose | doc: rules/doc/CS113.md
// Checklist: the reference fields of every program; a field a reader finds
// only in the story is there, and a section of its own makes it easy to find.
#include "extract/vocab.h"
#include "rules/checks/checks.h"

namespace caselint::rules::checks {

namespace {

class FieldInProse final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    for (const char* name : {"problem_statement", "proposed_solution", "outcomes", "lessons_learned"}) {
      if (!ctx.required_fields.count(name)) continue;
      const extract::Field* f = ctx.fields.get(name);
      if (!f || f->source != extract::FieldSource::text || f->label != "prose") continue;
      const extract::FieldVocab* fv = ctx.vocab.field(name);
      const std::string what = fv ? fv->title : name;
      std::string quote = f->text.size() > 60 ? f->text.substr(0, 57) + "..." : f->text;
      for (char& c : quote) {
        if (c == '\n') c = ' ';
      }
      Diagnostic& d = sink.report(f->range, what + " is told only in the story (\"" + quote +
                                                 "\"); a section of its own makes it easy for a reviewer to find");
      d.field = name;
      if (f->rewrite) {
        std::string heading = f->rewrite->text;
        while (!heading.empty() && heading.back() == '\n') heading.pop_back();
        d.fix = Fix{"Insert \"" + heading + "\" before it", {Edit{f->rewrite->range, f->rewrite->text, f->rewrite->original}},
                    false};
      }
    }
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS113";
    m.name = "field-only-in-prose";
    m.severity = Severity::info;
    m.checklist = "case study reference fields (every program's Customer Case Studies item)";
    m.checklist_by_profile = {{"aurora", "aurora prerequisite 2.1 AWS Customer Case Studies"},
                              {"dms", "dms prerequisite 2.1 AWS Customer Case Studies"},
                              {"ml-consulting", "ml-consulting prerequisite 2.1 ML-Specific Customer References"},
                              {"ml-technology", "ml-technology 1.1 Customer References"}};
    m.summary = "a required field is told only in the story, with no section, label or key of its own";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_field_in_prose() { return std::make_unique<FieldInProse>(); }

}  // namespace caselint::rules::checks
