// CS111 empty-field | doc: rules/doc/CS111.md
// Checklist: the reference fields of every program ("APN Partner provides for
// each reference: ..."); a heading with nothing under it provides nothing.
#include <algorithm>

#include "extract/vocab.h"
#include "rules/checks/checks.h"

namespace caselint::rules::checks {

namespace {

class EmptyField final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    for (const std::string& name : ctx.required_fields) {
      // A value in a key, label or section answers it. One read only from
      // the prose does not fill the empty section the author wrote.
      const std::vector<const extract::Field*> all = ctx.fields.all(name);
      const auto stated = [](const extract::Field* x) {
        return x->state == extract::FieldState::ok && x->source != extract::FieldSource::text;
      };
      if (std::any_of(all.begin(), all.end(), stated)) continue;
      const auto unusable = std::find_if(all.begin(), all.end(),
                                         [](const extract::Field* x) { return x->state != extract::FieldState::ok; });
      if (unusable == all.end()) continue;
      const extract::Field& f = **unusable;
      const extract::FieldVocab* fv = ctx.vocab.field(name);
      std::string what = fv ? fv->title : name;
      std::string where = f.source == extract::FieldSource::section        ? "section \"" + f.label + "\""
                          : f.source == extract::FieldSource::front_matter ? "front matter key \"" + f.label + "\""
                                                                           : "\"" + f.label + "\"";
      std::string message =
          fv && fv->date && f.state == extract::FieldState::placeholder && !ctx.vocab.is_placeholder(f.text)
              ? where + " is \"" + shorten(f.text) + "\", not a date, so " + what + " is not given"
          : f.state == extract::FieldState::placeholder
              ? where + " holds only a placeholder (\"" + shorten(f.text) + "\"), so " + what + " is not given"
              : where + " is empty, so " + what + " is not given";
      sink.report(f.range, message).field = name;
    }
  }

 private:
  static std::string shorten(const std::string& s) { return s.size() > 40 ? s.substr(0, 37) + "..." : s; }

  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS111";
    m.name = "empty-field";
    m.severity = Severity::error;
    m.checklist = "case study reference fields (every program's Customer Case Studies item)";
    m.checklist_by_profile = {{"aurora", "aurora prerequisite 2.1 AWS Customer Case Studies"},
                              {"dms", "dms prerequisite 2.1 AWS Customer Case Studies"},
                              {"ml-consulting", "ml-consulting prerequisite 2.1 ML-Specific Customer References"},
                              {"ml-technology", "ml-technology 1.1 Customer References"}};
    m.summary = "a required field's section, label or key is there but empty or a placeholder";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_empty_field() { return std::make_unique<EmptyField>(); }

}  // namespace caselint::rules::checks
