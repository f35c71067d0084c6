// LineIndex maps byte offsets of a source buffer to 1-based line and
// code-point column, and back. Built once per file.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doc/document.h"

namespace caselint::doc {

class LineIndex {
 public:
  explicit LineIndex(std::string_view bytes);
  // 1-based line and code-point column of a byte offset.
  Position at(std::size_t offset) const;
  // Byte offset of a 1-based line and 1-based *byte* column (cmark's unit).
  std::size_t offset_of(int line, int byte_column) const;
  // Converts cmark's byte column on a line to a code-point column.
  int codepoint_column(int line, int byte_column) const;
  // Byte offset of a 1-based line and code-point column, or nullopt when the
  // position is not on the line (one past its last code point is on it).
  std::optional<std::size_t> offset_at(Position p) const;
  // The bytes from range.start up to range.end, or nullopt when either is
  // not in the text or the end comes first.
  std::optional<std::string_view> slice(const SourceRange& range) const;
  int line_count() const { return static_cast<int>(starts_.size()); }
  std::string_view line(int line) const;
  std::string_view source() const { return bytes_; }

 private:
  // Code points before byte offset `offset`, in O(kBlock) time.
  std::size_t codepoints_before(std::size_t offset) const;

  std::string_view bytes_;
  std::vector<std::size_t> starts_;
  // Code points before each multiple of kBlock bytes: a column on a very
  // long line (a 300 KB paragraph with a node every few bytes) costs a block,
  // not the line so far.
  static constexpr std::size_t kBlock = 64;
  std::vector<std::size_t> block_codepoints_;
};

// The byte offset of the first invalid UTF-8 sequence, or nullopt.
std::optional<std::size_t> find_invalid_utf8(std::string_view bytes);

// The UTF-8 of a code point; a surrogate or a value past Unicode is U+FFFD.
std::string utf8_encode(unsigned long code_point);

// Number of code points in a UTF-8 string (continuation bytes not counted).
std::size_t count_codepoints(std::string_view s);
// Whether `c` continues a UTF-8 sequence (10xxxxxx) rather than starting one.
inline bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
// Length in bytes of the UTF-8 sequence that starts with `lead` (1 for a
// stray continuation or invalid byte).
std::size_t utf8_sequence_length(unsigned char lead);

}  // namespace caselint::doc
