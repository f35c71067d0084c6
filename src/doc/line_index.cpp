#include "doc/line_index.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace caselint::doc {

std::size_t utf8_sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    // Eight ASCII bytes at a time.
    if (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, s + i, 8);
      if ((w & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = s[i];
    if (c < 0x80) { ++i; continue; }
    std::size_t len;
    unsigned int cp;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1Fu; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0Fu; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07u; }
    else return i;
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3Fu);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return i;
    }
    i += len;
  }
  return std::nullopt;
}

std::string utf8_encode(unsigned long u) {
  if (u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF)) u = 0xFFFD;
  std::string out;
  if (u < 0x80) {
    out += static_cast<char>(u);
  } else if (u < 0x800) {
    out += static_cast<char>(0xC0 | (u >> 6));
    out += static_cast<char>(0x80 | (u & 0x3F));
  } else if (u < 0x10000) {
    out += static_cast<char>(0xE0 | (u >> 12));
    out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (u & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (u >> 18));
    out += static_cast<char>(0x80 | ((u >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (u & 0x3F));
  }
  return out;
}

std::size_t count_codepoints(std::string_view s) {
  // Eight bytes at a time: a continuation byte (10xxxxxx) has its top bit
  // set and the next one clear.
  constexpr std::uint64_t kTop = 0x8080808080808080ull;
  std::size_t continuations = 0, i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    // One bit per continuation byte, moved to the bottom of its byte, and
    // the eight bytes summed by a multiplication (at most 8: no carry).
    const std::uint64_t ones = (w & ~(w << 1) & kTop) >> 7;
    continuations += static_cast<std::size_t>((ones * 0x0101010101010101ull) >> 56);
  }
  for (; i < s.size(); ++i) continuations += (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
  return s.size() - continuations;
}

LineIndex::LineIndex(std::string_view bytes) : bytes_(bytes) {
  starts_.push_back(0);
  const char* const begin = bytes.data();
  const char* const end = begin + bytes.size();
  for (const char* p = begin; p < end;) {
    const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (!nl) break;
    p = static_cast<const char*>(nl) + 1;
    starts_.push_back(static_cast<std::size_t>(p - begin));
  }
  block_codepoints_.reserve(bytes.size() / kBlock + 1);
  std::size_t codepoints = 0;
  for (std::size_t from = 0; from < bytes.size(); from += kBlock) {
    block_codepoints_.push_back(codepoints);
    codepoints += count_codepoints(bytes.substr(from, kBlock));
  }
}

std::size_t LineIndex::codepoints_before(std::size_t offset) const {
  std::size_t block = offset / kBlock;
  if (block >= block_codepoints_.size()) block = block_codepoints_.empty() ? 0 : block_codepoints_.size() - 1;
  std::size_t from = block * kBlock;
  if (block_codepoints_.empty() || from > offset) return count_codepoints(bytes_.substr(0, offset));
  return block_codepoints_[block] + count_codepoints(bytes_.substr(from, offset - from));
}

Position LineIndex::at(std::size_t offset) const {
  offset = std::min(offset, bytes_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(it - starts_.begin());  // 1-based
  std::size_t start = starts_[line - 1];
  int col = static_cast<int>(codepoints_before(offset) - codepoints_before(start)) + 1;
  return {static_cast<int>(line), col};
}

std::size_t LineIndex::offset_of(int line, int byte_column) const {
  if (line < 1) return 0;
  if (static_cast<std::size_t>(line) > starts_.size()) return bytes_.size();
  std::size_t start = starts_[static_cast<std::size_t>(line) - 1];
  std::size_t off = start + static_cast<std::size_t>(std::max(byte_column, 1) - 1);
  return std::min(off, bytes_.size());
}

int LineIndex::codepoint_column(int line, int byte_column) const {
  if (line < 1 || static_cast<std::size_t>(line) > starts_.size() || byte_column < 1) return byte_column;
  return at(offset_of(line, byte_column)).column;
}

std::optional<std::size_t> LineIndex::offset_at(Position p) const {
  if (p.line < 1 || p.line > line_count() || p.column < 1) return std::nullopt;
  const std::string_view text = line(p.line);
  std::size_t at = 0;
  for (int col = 1; col < p.column; ++col) {
    if (at >= text.size()) return std::nullopt;
    at += utf8_sequence_length(static_cast<unsigned char>(text[at]));
  }
  if (at > text.size()) return std::nullopt;
  return static_cast<std::size_t>(text.data() - bytes_.data()) + at;
}

std::optional<std::string_view> LineIndex::slice(const SourceRange& range) const {
  const std::optional<std::size_t> begin = offset_at(range.start), end = offset_at(range.end);
  if (!begin || !end || *end < *begin) return std::nullopt;
  return bytes_.substr(*begin, *end - *begin);
}

std::string_view LineIndex::line(int line) const {
  if (line < 1 || static_cast<std::size_t>(line) > starts_.size()) return {};
  std::size_t start = starts_[static_cast<std::size_t>(line) - 1];
  std::size_t end = static_cast<std::size_t>(line) < starts_.size()
                        ? starts_[static_cast<std::size_t>(line)] - 1
                        : bytes_.size();
  std::string_view v = bytes_.substr(start, end - start);
  if (!v.empty() && v.back() == '\r') v.remove_suffix(1);
  return v;
}

}  // namespace caselint::doc
