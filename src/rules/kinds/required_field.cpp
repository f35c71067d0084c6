// kind: required-field | docs: rules/doc/CS101.md ... CS110.md
// One YAML file per field the checklists ask each reference to provide.
#include "extract/vocab.h"
#include "rules/kinds/kinds.h"

namespace caselint::rules::kinds {

namespace {

class RequiredField final : public Rule {
 public:
  RequiredField(RuleMeta meta, std::string message) : meta_(std::move(meta)), message_(std::move(message)) {}
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    if (ctx.fields.get(meta_.field)) return;
    // Present but empty or a placeholder: CS111 reports it at that place.
    if (!ctx.fields.all(meta_.field).empty()) return;
    const extract::FieldVocab* fv = ctx.vocab.field(meta_.field);
    auto anchor = fv ? fv->anchor : extract::Anchor::title;
    sink.report(anchor_range(ctx.doc, anchor), message_);
  }

 private:
  RuleMeta meta_;
  std::string message_;
};

}  // namespace

std::unique_ptr<Rule> make_required_field(const YAML::Node& n, const std::string& origin) {
  RuleMeta meta = read_meta(n, origin);
  meta.requires_field = true;
  if (meta.field.empty()) throw RuleFileError(origin, n.Mark().line + 1, "a required-field rule needs `field:`");
  if (!extract::Vocabulary::builtin().field(meta.field)) {
    throw RuleFileError(origin, n["field"].Mark().line + 1, "unknown field \"" + meta.field + "\"");
  }
  std::string message = n["message"] ? n["message"].as<std::string>() : "no " + meta.field + " found";
  return std::make_unique<RequiredField>(std::move(meta), std::move(message));
}

}  // namespace caselint::rules::kinds
