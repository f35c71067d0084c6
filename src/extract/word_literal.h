// A name searched for as a whole word, case-insensitively: what the pattern
// (?<!\w)\Qname\E(?!\w) finds (caseless, UTF, Unicode \w), without compiling
// a pattern per document.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace caselint::extract {

class Pattern;

class WordLiteral {
 public:
  explicit WordLiteral(std::string needle);
  struct Match {
    std::size_t begin = 0, end = 0;  // byte offsets
  };
  // The first whole-word occurrence.
  std::optional<Match> find(std::string_view subject) const;

 private:
  std::string needle_;       // ASCII-lowercased when ascii_
  bool ascii_ = true;        // an ASCII needle is compared byte by byte
  bool folds_wide_ = false;  // holds k or s, which also match U+212A KELVIN SIGN and U+017F LONG S
  const Pattern* pattern_ = nullptr;  // the cached pattern for the rest
};

}  // namespace caselint::extract
