// "Did you mean": the closest candidate by Levenshtein distance.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"
#include "extract/text_util.h"

namespace caselint::config {

std::string suggest(std::string_view word, const std::vector<std::string>& candidates) {
  if (word.empty()) return {};
  const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  const std::string* best = nullptr;
  std::size_t best_distance = limit + 1;
  for (const std::string& candidate : candidates) {
    // The distance is at least the length difference: skip without the
    // quadratic work (a hostile config can have very long keys).
    std::size_t gap = word.size() > candidate.size() ? word.size() - candidate.size() : candidate.size() - word.size();
    if (gap >= best_distance) continue;
    std::size_t d = extract::edit_distance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = &candidate;
    }
  }
  return best ? *best : std::string();
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

std::string unknown_name(std::string_view kind, std::string_view name, const std::vector<std::string>& valid) {
  std::string hint = suggest(name, valid);
  return "unknown " + std::string(kind) + " \"" + std::string(name) + "\"" +
         (hint.empty() ? "" : "; did you mean \"" + hint + "\"?") + " valid " + std::string(kind) + "s: " + joined(valid);
}

}  // namespace caselint::config
