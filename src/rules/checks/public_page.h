// What makes a document public, and the data of the public-safety rules
// (CS401-CS406): the patterns of rules/vocab/public-safety.yaml, compiled
// once per process, and a walk over every place a public page shows text.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/vocab.h"
#include "rules/rule.h"

namespace caselint::rules::checks {

// The landing-page profile and its program variants (landing-page-ml-consulting, ...).
bool is_landing_profile(std::string_view profile);

// Why the document is public, for messages ("the document is marked public"),
// or "" when it is not: front matter `public: true`, a landing-page profile,
// or a run that treats every document as public (--public, `caselint site`,
// the config's `public: true`).
std::string public_reason(const RuleContext& ctx);

struct PublicSafetyVocab {
  std::vector<extract::Pattern> access_key_ids, secret_keys, internal_hosts, private_ipv4, private_ipv6, emails,
      draft_markers, own_comments, credit_comments;
  // Whole-value patterns (anchored).
  std::vector<extract::Pattern> example_keys, role_mailboxes, public_example_domains, personal_local_parts,
      mailbox_words, code_placeholder_domains;
};
// Throws std::runtime_error naming rules/vocab/public-safety.yaml when the built-in file is bad.
const PublicSafetyVocab& public_safety_vocab();
// The citations every public-safety rule shares: each program's wording on
// public references and its landing page item.
void cite_public_safety(RuleMeta& m);

// Whether one of the anchored patterns matches `text` as a whole.
bool matches_whole(const std::vector<extract::Pattern>& patterns, std::string_view text);

// One match in the visible text of a document: a block's text, a section
// heading, or a link or image target. `value` is group "value" (the whole match without one).
struct TextHit {
  doc::SourceRange range;
  std::string_view subject;  // the text searched
  const extract::Pattern::Match* match;
  std::string value;
  bool in_code = false;  // in a code block or an inline code span
};
// Calls `on_hit` for every match of every pattern, in document order.
void for_each_hit(const doc::Document& d, const std::vector<extract::Pattern>& patterns, bool search_links,
                  const std::function<void(const TextHit&)>& on_hit);

}  // namespace caselint::rules::checks
