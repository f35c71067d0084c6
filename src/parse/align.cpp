#include "parse/align.h"

#include <string>

#include "doc/line_index.h"

namespace caselint::parse {

namespace {

bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}
bool is_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// A character reference at source[0] as CommonMark reads one: its length
// through the ';', or 0. `code` gets a numeric reference's code point (-1
// for a named one).
std::size_t reference_at(std::string_view s, long& code) {
  code = -1;
  if (s.size() < 3 || s[0] != '&') return 0;
  std::size_t i = 1;
  if (s[i] == '#') {
    ++i;
    const bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
    if (hex) ++i;
    const std::size_t first = i, most = hex ? 6 : 7;
    long value = 0;
    while (i < s.size() && i - first < most && (hex ? is_hex(s[i]) : is_digit(s[i]))) {
      const char c = s[i];
      value = value * (hex ? 16 : 10) + (is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10);
      ++i;
    }
    if (i == first || i >= s.size() || s[i] != ';') return 0;
    code = value;
    return i + 1;
  }
  if (!is_alpha(s[i])) return 0;
  while (i < s.size() && i < 33 && (is_alpha(s[i]) || is_digit(s[i]))) ++i;
  return i < s.size() && s[i] == ';' ? i + 1 : 0;
}

// Bytes of `text` from `at` that a named reference stands for: one code
// point, or two when the text only goes on like the source after two.
std::size_t named_reference_bytes(std::string_view text, std::size_t at, std::string_view after) {
  const std::size_t one = std::min(text.size() - at, doc::utf8_sequence_length(static_cast<unsigned char>(text[at])));
  const auto continues = [&](std::size_t n) {
    return at + n == text.size() || (!after.empty() && text[at + n] == after[0]) ||
           (!after.empty() && (after[0] == '&' || after[0] == '\\'));
  };
  if (continues(one) || at + one >= text.size()) return one;
  const std::size_t two =
      one + std::min(text.size() - at - one, doc::utf8_sequence_length(static_cast<unsigned char>(text[at + one])));
  return continues(two) ? two : one;
}

}  // namespace

std::size_t align_text(std::string_view text, std::string_view source, Spelling spelling,
                       std::vector<AlignedPiece>& out) {
  const bool escapes = spelling == Spelling::markdown;
  const bool references = spelling != Spelling::code;
  std::size_t i = 0, j = 0;
  AlignedPiece run;  // the verbatim piece being extended
  bool in_run = false;
  const auto close_run = [&] {
    if (in_run) out.push_back(run);
    in_run = false;
  };
  while (i < text.size() && j < source.size()) {
    const char t = text[i], s = source[j];
    // An escape: "\*" in the source is "*" in the text.
    if (escapes && s == '\\' && j + 1 < source.size() && is_ascii_punct(source[j + 1]) && t == source[j + 1]) {
      close_run();
      out.push_back({i, 1, j, 2, false});
      i += 1;
      j += 2;
      continue;
    }
    // HTML reads CRLF as a line feed.
    if (spelling == Spelling::html && s == '\r' && t == '\n' && j + 1 < source.size() && source[j + 1] == '\n') {
      close_run();
      out.push_back({i, 1, j, 2, false});
      i += 1;
      j += 2;
      continue;
    }
    // A character reference, unless the text holds it as written.
    long code = -1;
    if (s == '&' && references) {
      if (const std::size_t ref = reference_at(source.substr(j, 40), code);
          ref > 0 && text.substr(i, ref) != source.substr(j, ref)) {
        std::size_t bytes = 0;
        if (code >= 0) {
          // CommonMark reads a reference to 0 as U+FFFD too.
          const std::string decoded = doc::utf8_encode(code <= 0 ? 0xFFFD : static_cast<unsigned long>(code));
          if (text.substr(i, decoded.size()) != decoded) break;
          bytes = decoded.size();
        } else {
          bytes = named_reference_bytes(text, i, source.substr(j + ref));
        }
        close_run();
        out.push_back({i, bytes, j, ref, false});
        i += bytes;
        j += ref;
        continue;
      }
    }
    if (t != s) break;
    if (!in_run) {
      run = {i, 0, j, 0, true};
      in_run = true;
    }
    ++run.text_length;
    ++run.source_length;
    ++i;
    ++j;
  }
  // A stop inside a code point gives back its first bytes: a piece never
  // ends within a character.
  while (in_run && i < text.size() && doc::is_continuation(text[i])) {
    --i;
    --j;
    if (--run.text_length == 0) in_run = false;
    --run.source_length;
  }
  close_run();
  return i;
}

}  // namespace caselint::parse
