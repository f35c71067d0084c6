// The prefilter's promise (extract/prefilter.h), checked on one text: every
// match PCRE2 finds for a screened built-in pattern lies in a span the screen
// admits. Used by the prefilter fuzz target and by the unit tests.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/prefilter.h"
#include "extract/vocab.h"

namespace caselint::fuzz {

struct ScreenedPattern {
  extract::Pattern pattern;
  extract::prefilter::Cut cut;
};

// Every screened built-in pattern, once per process. Turns the screen off
// for Pattern::find, so that the matches are PCRE2's own.
inline const std::vector<ScreenedPattern>& screened_patterns() {
  static const std::vector<ScreenedPattern> all = [] {
    extract::prefilter::disable();
    std::vector<ScreenedPattern> out;
    if (const auto* d = extract::prefilter::data()) {
      for (const auto& e : d->entries) {
        auto cut = extract::prefilter::cut_of(e);
        if (cut.empty()) continue;
        for (bool anchored : {false, true}) out.push_back({extract::Pattern(std::string(e.source), anchored), cut});
      }
    }
    return out;
  }();
  return all;
}

// An empty string, or the first pattern and match the screen would have lost.
inline std::string prefilter_violation(std::string_view text) {
  for (const ScreenedPattern& sp : screened_patterns()) {
    std::size_t from = 0;
    while (from <= text.size()) {
      auto m = sp.pattern.find(text, from);
      if (!m) break;
      std::string_view span = text.substr(m->begin, m->end - m->begin);
      if (!extract::prefilter::admits(sp.cut, span) || !extract::prefilter::admits(sp.cut, text)) {
        return "pattern " + sp.pattern.source() + " matches \"" + std::string(span) + "\" but the screen rejects it";
      }
      from = m->end > from ? m->end : from + 1;
    }
  }
  return {};
}

}  // namespace caselint::fuzz
