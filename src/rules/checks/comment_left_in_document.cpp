// CS408 comment-left-in-document | doc: rules/doc/CS408.md
// Checklist: a case study is evidence handed to AWS and its auditor, and a
// public one is published (aurora/dms prerequisite 2.1, ml-consulting 2.3,
// ml-technology 1.2); a Word comment travels with the file, readable by
// anyone who opens it.
#include "rules/checks/checks.h"
#include "rules/checks/public_page.h"
#include "rules/checks/review_marks.h"

namespace caselint::rules::checks {

namespace {

class CommentLeftInDocument final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    report_review_marks(ctx, sink, doc::HiddenText::Kind::review_comment, MarksPer::mark,
                        [](const doc::HiddenText& h, const std::string& text) {
                          std::string who = h.element.empty() ? "" : " by " + h.element;
                          return "Word comment" + who + " \"" + text +
                                 "\" is still in the document; expected none (anyone who opens the file can "
                                 "read it)";
                        });
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS408";
    m.applies_to = kAllDocuments;
    m.name = "comment-left-in-document";
    m.severity = Severity::error;
    cite_public_safety(m);
    m.summary = "a reviewer's comment left in a Word document";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_comment_left_in_document() { return std::make_unique<CommentLeftInDocument>(); }

}  // namespace caselint::rules::checks
