// CS140 public-reference-missing-party | doc: rules/doc/CS140.md
// Checklist: ml-consulting prerequisite 2.3 Publicly Available Case Studies ("Reference to
// the customer name, APN Partner Name, and AWS"); ml-technology 1.2 Public
// References ("Reference to customer name, APN Partner name, and AWS").
// A document marked public (front matter `public: true`) must name all three
// where readers see them: the title or the text, not only front matter.
#include "rules/checks/checks.h"

namespace caselint::rules::checks {

namespace {

bool visible(const extract::Field* f) { return f && f->source != extract::FieldSource::front_matter; }

class PublicReferenceMissingParty final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    const extract::Fields& f = ctx.fields;
    if (!extract::is_public_reference(f)) return;
    doc::SourceRange at = anchor_range(ctx.doc, extract::Anchor::title);
    doc::SourceRange marked = f.get("public")->range;
    auto report = [&](const std::string& field, std::string message) {
      Diagnostic& d = sink.report(at, std::move(message));
      d.field = field;
      d.notes.push_back({marked, "marked public here"});
    };

    const extract::Field* customer = f.get("customer_name");
    if (!customer) {
      report("customer_name", "public reference does not name the customer; expected the customer, the partner and AWS");
    } else if (ctx.vocab.is_anonymous_customer(customer->text)) {
      report("customer_name", "public reference does not name the customer (\"" + customer->text +
                                  "\"); expected the customer, the partner and AWS");
    } else if (!visible(customer) && f.all("_customer_mention").empty()) {
      report("customer_name", "public reference names the customer \"" + customer->text +
                                  "\" only in front matter; expected the name in the title or text");
    }

    const extract::Field* partner = f.get("partner_name");
    if (!partner) {
      report("partner_name",
             "public reference does not name the partner; expected a \"Partner:\" line or \"<name>, an AWS Partner\"");
    } else if (!visible(partner) && f.all("_partner_mention").empty()) {
      report("partner_name", "public reference names the partner \"" + partner->text +
                                 "\" only in front matter; expected the name in the title or text");
    }

    bool aws = !f.all("_aws_mention").empty();
    for (const extract::Field* s : f.all("aws_services")) aws = aws || (s->state == extract::FieldState::ok && visible(s));
    if (!aws) {
      report("public", "public reference does not name AWS; expected \"AWS\", \"Amazon Web Services\" or an AWS service");
    }
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS140";
    m.name = "public-reference-missing-party";
    m.severity = Severity::error;
    m.field = "public";
    m.checklist = "public references: customer name, APN Partner name and AWS";
    m.checklist_by_profile = {
        {"ml-consulting",
         "ml-consulting prerequisite 2.3 Publicly Available Case Studies: Reference to the customer name, APN Partner "
         "Name, and AWS"},
        {"ml-technology", "ml-technology 1.2 Public References: Reference to customer name, APN Partner name, and AWS"}};
    m.summary = "a public reference must name the customer, the partner and AWS in its text";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_public_reference_missing_party() { return std::make_unique<PublicReferenceMissingParty>(); }

}  // namespace caselint::rules::checks
