#include "extract/word_literal.h"

#include <map>
#include <memory>
#include <mutex>

#include "extract/vocab.h"

namespace caselint::extract {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_word_byte(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

// Whether the UTF-8 character in `ch` is a word character as PCRE2 with
// PCRE2_UCP sees it (letters, digits, underscore, ...): asked of PCRE2 itself
// so both searches agree on what a word is.
bool is_word_char(std::string_view ch) {
  if (ch.size() == 1) return is_word_byte(static_cast<unsigned char>(ch[0]));
  static const Pattern word("\\w", true);
  return word.matches(ch);
}

bool word_before(std::string_view s, std::size_t at) {
  if (at == 0) return false;
  std::size_t b = at - 1;
  while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
  return is_word_char(s.substr(b, at - b));
}

bool word_after(std::string_view s, std::size_t at) {
  if (at >= s.size()) return false;
  unsigned char lead = static_cast<unsigned char>(s[at]);
  std::size_t len = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  return is_word_char(s.substr(at, len));
}

// Patterns for the needles the byte comparison cannot decide (non-ASCII
// names, whose case folding is Unicode's): compiled once per distinct name
// and kept for the process, so a name shared by many documents costs one
// compile. Bounded, so a run over many distinct non-ASCII names stays small.
const Pattern* cached_pattern(const std::string& needle) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<Pattern>, std::less<>> cache;
  constexpr std::size_t kMaxEntries = 4096;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(needle);
  if (it != cache.end()) return it->second.get();
  if (cache.size() >= kMaxEntries) cache.clear();  // never in practice: that many distinct non-ASCII names
  auto p = std::make_unique<Pattern>("(?<!\\w)\\Q" + needle + "\\E(?!\\w)");
  const Pattern* raw = p.get();
  cache.emplace(needle, std::move(p));
  return raw;
}

}  // namespace

WordLiteral::WordLiteral(std::string needle) : needle_(std::move(needle)) {
  for (char c : needle_) {
    if (static_cast<unsigned char>(c) >= 0x80) ascii_ = false;
  }
  if (needle_.empty() || !ascii_) {
    pattern_ = cached_pattern(needle_);
    return;
  }
  for (char& c : needle_) {
    c = lower(c);
    if (c == 'k' || c == 's') folds_wide_ = true;
  }
}

std::optional<WordLiteral::Match> WordLiteral::find(std::string_view subject) const {
  if (folds_wide_ && (subject.find("\xE2\x84\xAA") != std::string_view::npos ||
                      subject.find("\xC5\xBF") != std::string_view::npos)) {
    // A caseless "k" or "s" also matches these, and the match is then longer
    // than the needle: rare enough to leave to PCRE2.
    auto m = cached_pattern(needle_)->find(subject);
    if (!m) return std::nullopt;
    return Match{m->begin, m->end};
  }
  if (pattern_) {
    auto m = pattern_->find(subject);
    if (!m) return std::nullopt;
    return Match{m->begin, m->end};
  }
  const std::size_t n = needle_.size();
  const char first_lower = needle_[0];
  const char first_upper = (first_lower >= 'a' && first_lower <= 'z') ? static_cast<char>(first_lower - 'a' + 'A') : first_lower;
  for (std::size_t i = 0; i + n <= subject.size(); ++i) {
    char c = subject[i];
    if (c != first_lower && c != first_upper) continue;
    std::size_t j = 1;
    while (j < n && lower(subject[i + j]) == needle_[j]) ++j;
    if (j < n) continue;
    if (word_before(subject, i) || word_after(subject, i + n)) continue;
    return Match{i, i + n};
  }
  return std::nullopt;
}

}  // namespace caselint::extract
