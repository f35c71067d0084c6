// kind: required-field | docs: rules/doc/CS101.md ... CS110.md
// One YAML file per field the checklists ask each reference to provide.
#include "extract/vocab.h"
#include "rules/checks/public_page.h"
#include "rules/evidence.h"
#include "rules/kinds/kinds.h"

namespace caselint::rules::kinds {

namespace {

class RequiredField final : public Rule {
 public:
  RequiredField(RuleMeta meta, std::string message) : meta_(std::move(meta)), message_(std::move(message)) {}
  const RuleMeta& meta() const override { return meta_; }
  void set_private_only(bool on) { private_only_ = on; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    // A field that belongs in the private submission only (`private_only:
    // true`, the account ID) is not asked of a public page, which must not
    // carry it (CS401).
    if (private_only_ && !checks::public_reason(ctx).empty()) return;
    // A supporting document (the statement of work, the runbook) may give it.
    if (reference_field(ctx, meta_.field)) return;
    // Present but empty or a placeholder: CS111 reports it at that place.
    if (!ctx.fields.all(meta_.field).empty()) return;
    const extract::FieldVocab* fv = ctx.vocab.field(meta_.field);
    auto anchor = fv ? fv->anchor : extract::Anchor::title;
    sink.report(anchor_range(ctx.doc, anchor), ctx.supporting.empty() ? message_ : message_ + where_looked(ctx));
  }

 private:
  RuleMeta meta_;
  std::string message_;
  bool private_only_ = false;
};

}  // namespace

void read_required_field(const YAML::Node& n, const std::string& origin, RuleSpec& spec) {
  spec.meta.requires_field = true;
  if (spec.meta.field.empty()) throw RuleFileError(origin, n.Mark().line + 1, "a required-field rule needs `field:`");
  if (!extract::Vocabulary::builtin().field(spec.meta.field)) {
    throw RuleFileError(origin, n["field"].Mark().line + 1, "unknown field \"" + spec.meta.field + "\"");
  }
  spec.message = n["message"] ? n["message"].as<std::string>() : "no " + spec.meta.field + " found";
  spec.private_only = n["private_only"] && n["private_only"].as<bool>();
}

std::unique_ptr<Rule> build_required_field(const RuleSpec& spec) {
  auto rule = std::make_unique<RequiredField>(spec.meta, spec.message);
  rule->set_private_only(spec.private_only);
  return rule;
}

}  // namespace caselint::rules::kinds
