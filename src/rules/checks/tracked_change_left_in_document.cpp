// CS409 tracked-change-left-in-document | doc: rules/doc/CS409.md
// Checklist: a case study is evidence handed to AWS and its auditor, and a
// public one is published (aurora/dms prerequisite 2.1, ml-consulting 2.3,
// ml-technology 1.2); a change not yet accepted or rejected means the text
// is not final.
#include "rules/checks/checks.h"
#include "rules/checks/public_page.h"
#include "rules/checks/review_marks.h"

namespace caselint::rules::checks {

namespace {

class TrackedChangeLeftInDocument final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    // One finding per paragraph: an edited sentence is often several changes.
    report_review_marks(ctx, sink, doc::HiddenText::Kind::tracked_change, MarksPer::paragraph,
                        [](const doc::HiddenText& h, const std::string& text) {
                          return "tracked " + h.element + (text.empty() ? "" : " \"" + text + "\"") +
                                 " is not accepted or rejected; expected final text with no tracked changes";
                        });
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS409";
    m.applies_to = kAllDocuments;
    m.name = "tracked-change-left-in-document";
    m.severity = Severity::error;
    cite_public_safety(m);
    m.summary = "a tracked change (insertion or deletion) not yet accepted in a Word document";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_tracked_change_left_in_document() { return std::make_unique<TrackedChangeLeftInDocument>(); }

}  // namespace caselint::rules::checks
