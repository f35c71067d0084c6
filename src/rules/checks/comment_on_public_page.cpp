// CS406 comment-on-public-page | doc: rules/doc/CS406.md
// Checklist: a public reference or landing page is published evidence
// (aurora/dms prerequisite 2.1, ml-consulting 2.3, ml-technology 1.2, the
// landing page items); an HTML comment is published with it, readable by
// anyone who views the source.
#include <algorithm>
#include <cctype>

#include "extract/text_util.h"
#include "rules/checks/checks.h"
#include "rules/checks/public_page.h"

namespace caselint::rules::checks {

namespace {

// The comment as one line, cut to a length a message can quote.
std::string excerpt(std::string_view text) {
  std::string out;
  for (char c : extract::trim(text)) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
  if (out.size() > 48) {
    std::size_t cut = 45;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
    out = out.substr(0, cut) + "...";
  }
  return out;
}

class CommentOnPublicPage final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    const std::string why = public_reason(ctx);
    if (why.empty()) return;
    const PublicSafetyVocab& v = public_safety_vocab();
    for (const doc::HiddenText& h : ctx.doc.hidden) {
      if (h.kind != doc::HiddenText::Kind::comment) continue;
      std::string_view body = extract::trim(h.text);
      // Outside the page's article a comment is the theme's, unless it is a
      // note to self (TODO, FIXME, DRAFT): that is an author's wherever it is.
      if (h.template_part &&
          std::none_of(v.draft_markers.begin(), v.draft_markers.end(), [&](const auto& p) { return p.matches(body); })) {
        continue;
      }
      // caselint's own comments (inline control, corpus annotations) are not content.
      if (std::any_of(v.own_comments.begin(), v.own_comments.end(), [&](const auto& p) { return p.matches(body); })) {
        continue;
      }
      // Licence lines of icon sets and fonts, generator and plugin banners:
      // credits a template prints, not the author's words.
      if (std::any_of(v.credit_comments.begin(), v.credit_comments.end(), [&](const auto& p) { return p.matches(body); })) {
        continue;
      }
      // Conditional comments of old Internet Explorer are markup, not text.
      if (body.starts_with("[if ") || body.starts_with("<![endif")) continue;
      if (std::none_of(body.begin(), body.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) {
        continue;  // a separator such as <!-- ===== -->
      }
      sink.report({{h.line, 0}, {h.line, 0}}, "HTML comment \"" + excerpt(body) + "\" is published with the page, but " +
                                                  why + "; expected no comments (anyone can read them in the source)");
    }
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS406";
    m.applies_to = kAllDocuments;  // a public notebook is published too
    m.name = "comment-on-public-page";
    m.severity = Severity::warning;
    cite_public_safety(m);
    m.summary = "an HTML comment with text on a public page";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_comment_on_public_page() { return std::make_unique<CommentOnPublicPage>(); }

}  // namespace caselint::rules::checks
