// "Did you mean": the closest candidate by Levenshtein distance.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"

namespace caselint::config {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Case-insensitive edit distance (ASCII folding), one row of memory.
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

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
    std::size_t d = distance(word, candidate);
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
