// Reading topic sets (rules/vocab/topics/*.yaml) from the Fields: which
// topics of a set a document covers. Shared by the C++ rules that combine
// topic sets under a condition (CS121, CS122, CS123, CS134).
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "rules/evidence.h"
#include "rules/rule.h"

namespace caselint::rules::checks {

// Whether topic `id` of set `set` was found, in the study or in one of its
// supporting documents.
inline bool has_topic(const RuleContext& ctx, std::string_view set, std::string_view id) {
  return reference_has_topic(ctx, set, id);
}

// The title of a topic, for messages (the id when the set does not know it).
inline std::string topic_title(const RuleContext& ctx, std::string_view set, std::string_view id) {
  if (const extract::TopicSet* ts = ctx.vocab.topic_set(set)) {
    for (const extract::TopicItem& t : ts->items) {
      if (t.id == id) return t.title;
    }
  }
  return std::string(id);
}

// "a, b or c" / "a, b and c".
inline std::string join_titles(const std::vector<std::string>& v, const char* last = " and ") {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? (i + 1 == v.size() ? last : ", ") : "") + v[i];
  return out;
}

// The database is managed by the partner when the document says so and does
// not also say the customer manages it; otherwise it is the customer's
// (the checklist's first case).
inline bool partner_manages_database(const RuleContext& ctx) {
  return has_topic(ctx, "database_management", "partner_managed") &&
         !has_topic(ctx, "database_management", "customer_managed");
}

}  // namespace caselint::rules::checks
