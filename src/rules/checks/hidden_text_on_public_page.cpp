// CS407 hidden-text-on-public-page | doc: rules/doc/CS407.md
// Checklist: a public reference or landing page is published evidence
// (aurora/dms prerequisite 2.1, ml-consulting 2.3, ml-technology 1.2, the
// landing page items); text hidden with HTML or CSS is published with it.
#include "extract/text_util.h"
#include "rules/checks/checks.h"
#include "rules/checks/public_page.h"

namespace caselint::rules::checks {

namespace {

class HiddenTextOnPublicPage final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    const std::string why = public_reason(ctx);
    if (why.empty()) return;
    for (const doc::HiddenText& h : ctx.doc.hidden) {
      if (h.kind != doc::HiddenText::Kind::hidden_element) continue;
      if (h.template_part) continue;  // a theme's collapsed menu is not the author's text
      std::string text(extract::trim(h.text));
      if (text.empty()) continue;  // an empty container a script fills is not content
      if (text.size() > 48) {
        std::size_t cut = 45;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        text = text.substr(0, cut) + "...";
      }
      sink.report({{h.line, 0}, {h.line, 0}}, "hidden <" + h.element + "> holds text \"" + text +
                                                  "\" that is published with the page, but " + why +
                                                  "; expected only text meant for readers");
    }
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS407";
    m.applies_to = kAllDocuments;  // a public notebook is published too
    m.name = "hidden-text-on-public-page";
    m.severity = Severity::warning;
    cite_public_safety(m);
    m.summary = "text hidden with the hidden attribute, display:none or visibility:hidden on a public page";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_hidden_text_on_public_page() { return std::make_unique<HiddenTextOnPublicPage>(); }

}  // namespace caselint::rules::checks
