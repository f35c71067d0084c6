// The review marks a Word document still carries: its reviewers' comments
// (CS408) and its tracked changes (CS409), doc::HiddenText entries of kind
// review_comment and tracked_change. Both rules report each mark the same
// way; only the kind and the message differ.
#pragma once

#include <set>
#include <string>

#include "rules/rule.h"

namespace caselint::rules::checks {

// A mark's text for a message: whole up to 48 bytes, else its first 45
// (never cut inside a UTF-8 sequence) and "...".
inline std::string review_mark_excerpt(const std::string& text) {
  if (text.size() <= 48) return text;
  std::size_t cut = 45;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
  return text.substr(0, cut) + "...";
}

// How many findings a paragraph gets: one per mark, or one for its first mark.
enum class MarksPer { mark, paragraph };

// Reports the document's marks of `kind`, each at its paragraph, with the
// message message(mark, review_mark_excerpt(mark.text)) returns.
template <class Message>
void report_review_marks(const RuleContext& ctx, DiagnosticSink& sink, doc::HiddenText::Kind kind, MarksPer per,
                         Message message) {
  std::set<int> seen;
  for (const doc::HiddenText& h : ctx.doc.hidden) {
    if (h.kind != kind) continue;
    if (per == MarksPer::paragraph && !seen.insert(h.line).second) continue;
    sink.report({{h.line, 0}, {h.line, 0}}, message(h, review_mark_excerpt(h.text)));
  }
}

}  // namespace caselint::rules::checks
