// CS002 supporting-document-unreadable | doc: rules/doc/CS002.md
// Checklist: aurora 1.0 Case Study Requirements ("customer implementation
// description, documentation, and proof"), dms 1.0, ml-consulting 2.x: the
// documents a reference hands in with its study must be there to be read.
#include "rules/checks/checks.h"

namespace caselint::rules::checks {

namespace {

class SupportingDocumentUnreadable final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    for (const SupportingDocument& s : ctx.supporting) {
      if (s.doc) continue;
      doc::SourceRange at = s.named_at.start.line > 0 ? s.named_at : anchor_range(ctx.doc, extract::Anchor::title);
      sink.report(at, "supporting document " + s.name + " could not be read (" + s.error +
                          "), so the evidence it holds was not counted");
    }
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS002";
    m.name = "supporting-document-unreadable";
    m.severity = Severity::error;
    m.checklist = "the reference's documentation: customer implementation description, documentation, and proof";
    m.checklist_by_profile = {
        {"aurora", "aurora 1.0 Case Study Requirements: customer implementation description, documentation, and proof"},
        {"dms", "dms 1.0 Case Study Requirements: implementation documentation of the references"},
        {"ml-consulting", "ml-consulting: verbal description and process documentation referring to specific ML "
                          "customer references"}};
    m.summary = "a supporting document the study names (front matter `supporting:`) or the submission hands in "
                "cannot be read";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_supporting_document_unreadable() {
  return std::make_unique<SupportingDocumentUnreadable>();
}

}  // namespace caselint::rules::checks
