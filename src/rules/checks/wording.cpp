// ST001 aws-service-name | doc: rules/doc/ST001.md
// ST002 absolute-claim | doc: rules/doc/ST002.md
// ST003 acronym-not-spelled-out | doc: rules/doc/ST003.md
// Checklist: style rules from aws-partner-technical-accreditation-notes
// ("What NOT to do when meeting a customer") and the AWS service names of
// rules/vocab/aws-services.yaml. They read the internal fields that
// extraction leaves for them (_misspelt_service, _absolute_claim,
// _acronym_undefined).
#include "rules/checks/checks.h"

namespace caselint::rules::checks {

namespace {

// The finding quotes the field's text where its range holds exactly that
// text, and carries the field's rewrite as its fix, titled `verb` "text".
void quote(Diagnostic& d, const extract::Field& f, std::string_view verb = {}) {
  if (f.verbatim) d.quote = f.text;
  if (f.rewrite && !verb.empty()) {
    d.fix = Fix{std::string(verb) + " \"" + f.rewrite->text + "\"",
                {Edit{f.rewrite->range, f.rewrite->text, f.rewrite->original}}, true};
  }
}

RuleMeta style_meta(const char* code, const char* name, Severity sev, const char* summary) {
  RuleMeta m;
  m.code = code;
  m.name = name;
  m.severity = sev;
  m.summary = summary;
  m.applies_to = kAllDocuments;  // a notebook's prose is read by customers too
  m.checklist = "style: aws-partner-technical-accreditation-notes, What NOT to do when meeting a customer";
  return m;
}

class AwsServiceName final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }
  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    for (const extract::Field* f : ctx.fields.all("_misspelt_service")) {
      Diagnostic& d = sink.report(f->range, "\"" + f->text + "\" is not how AWS writes it; use \"" + f->label + "\"");
      quote(d, *f, "replace with");
    }
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m = style_meta("ST001", "aws-service-name", Severity::warning,
                            "an AWS service name is misspelt or wrongly capitalised");
    m.checklist = "style: AWS service names (rules/vocab/aws-services.yaml, from the AWS service models)";
    m.field = "aws_services";
    return m;
  }();
};

class AbsoluteClaim final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }
  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    for (const extract::Field* f : ctx.fields.all("_absolute_claim")) {
      quote(sink.report(f->range, "absolute claim \"" + f->text + "\"; state what was measured instead"), *f);
    }
  }

 private:
  RuleMeta meta_ = style_meta("ST002", "absolute-claim", Severity::warning,
                              "claims no delivery can promise (guaranteed, definitely, never fails)");
};

class AcronymNotSpelledOut final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }
  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    for (const extract::Field* f : ctx.fields.all("_acronym_undefined")) {
      Diagnostic& d = sink.report(f->range, "\"" + f->text + "\" is used before it is spelled out (" + f->label + ")");
      quote(d, *f, "spell out as");
    }
  }

 private:
  RuleMeta meta_ = style_meta("ST003", "acronym-not-spelled-out", Severity::warning,
                              "jargon acronyms used before they are spelled out");
};

}  // namespace

std::unique_ptr<Rule> make_aws_service_name() { return std::make_unique<AwsServiceName>(); }
std::unique_ptr<Rule> make_absolute_claim() { return std::make_unique<AbsoluteClaim>(); }
std::unique_ptr<Rule> make_acronym_not_spelled_out() { return std::make_unique<AcronymNotSpelledOut>(); }

}  // namespace caselint::rules::checks
