// The promises of the data prepared at build time, checked on one text:
// every match PCRE2 finds for a screened built-in pattern lies in a span the
// prefilter admits (extract/prefilter.h), and the prepared service
// dictionary finds exactly the hits of the PCRE2 alternation it replaces
// (extract/services.h). Used by the prefilter fuzz target and the unit tests.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "data/embedded.h"
#include "doc/line_index.h"
#include "extract/prefilter.h"
#include "extract/services.h"
#include "load/source.h"
#include "extract/vocab.h"

namespace caselint::fuzz {

struct ScreenedPattern {
  extract::Pattern pattern;
  extract::prefilter::Cut cut;
  extract::prefilter::Cut second;  // empty when it has one cut
  std::uint32_t entry;             // its index in the table
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
        for (bool anchored : {false, true}) {
          out.push_back({extract::Pattern(std::string(extract::prefilter::source_of(e)), anchored), cut, extract::prefilter::second_cut_of(e),
                         extract::prefilter::index_of(e)});
        }
      }
    }
    return out;
  }();
  return all;
}

// An empty string, or the first pattern and match the screen would have lost.
// The text with its line breaks read as spaces, whose screen serves the text
// too (prefilter::TextScreens::of_block), is checked as well.
inline std::string prefilter_violation(std::string_view text) {
  namespace pf = extract::prefilter;
  std::string spaced(text);
  std::replace(spaced.begin(), spaced.end(), '\n', ' ');
  const pf::Screened text_screen = pf::screen_anyway(text), spaced_screen = pf::screen_anyway(spaced);
  for (const ScreenedPattern& sp : screened_patterns()) {
    std::size_t from = 0;
    while (from <= text.size()) {
      auto m = sp.pattern.find(text, from);
      if (!m) break;
      std::string_view span = text.substr(m->begin, m->end - m->begin);
      for (pf::Cut cut : {sp.cut, sp.second}) {
        if (!pf::admits(cut, span) || !pf::admits(cut, text)) {
          return "pattern " + std::string(sp.pattern.source()) + " matches \"" + std::string(span) + "\" but a cut rejects it";
        }
      }
      if (!pf::may_match(sp.entry, pf::screen_anyway(span)) || !pf::may_match(sp.entry, text_screen)) {
        return "pattern " + std::string(sp.pattern.source()) + " matches \"" + std::string(span) + "\" but the screen rejects it";
      }
      if (!pf::admits(sp.cut, spaced) || !pf::may_match(sp.entry, spaced_screen)) {
        return "pattern " + std::string(sp.pattern.source()) + " matches \"" + std::string(span) +
               "\" but the screen of the text with its line breaks as spaces rejects it";
      }
      from = m->end > from ? m->end : from + 1;
    }
  }
  return {};
}

// The dictionary read from its YAML, matched by the PCRE2 alternation.
inline const extract::ServiceDictionary& reference_services() {
  static const extract::ServiceDictionary d = extract::ServiceDictionary::from_yaml(
      data::embedded_file("vocab/aws-services.yaml"), "rules/vocab/aws-services.yaml");
  return d;
}

// An empty string, or the first hit on which the prepared dictionary and the
// alternation disagree. Documents are valid UTF-8 (the loader rejects any
// other), so other texts are not compared.
inline std::string services_violation(std::string_view text) {
  if (doc::find_invalid_utf8(text)) return {};
  using Hits = std::vector<extract::ServiceDictionary::Hit>;
  auto describe = [&](const Hits& hits) {
    std::string out;
    for (const auto& h : hits) {
      out += "[" + std::string(text.substr(h.begin, h.end - h.begin)) + " -> " + std::string(h.canonical) + "/" +
             std::string(h.right) + "]";
    }
    return out;
  };
  const extract::ServiceDictionary& prepared = extract::ServiceDictionary::builtin();
  const extract::ServiceDictionary& reference = reference_services();
  for (bool wrong : {false, true}) {
    Hits a = wrong ? prepared.find_misspellings(text) : prepared.find_services(text);
    Hits b = wrong ? reference.find_misspellings(text) : reference.find_services(text);
    bool same = a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const auto& x, const auto& y) {
                  return x.begin == y.begin && x.end == y.end && x.canonical == y.canonical && x.right == y.right;
                });
    if (!same) {
      return std::string(wrong ? "misspellings" : "services") + ": prepared " + describe(a) + ", alternation " +
             describe(b);
    }
  }
  return {};
}

}  // namespace caselint::fuzz
