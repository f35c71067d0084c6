// Positions between caselint (1-based lines, 1-based code-point columns, end
// exclusive) and the Language Server Protocol (0-based lines, UTF-16 code
// units), and edits of a UTF-8 buffer addressed in LSP positions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "doc/document.h"

namespace caselint::lsp {

struct LspPosition {
  int line = 0;       // 0-based
  int character = 0;  // UTF-16 code units
  friend bool operator==(const LspPosition&, const LspPosition&) = default;
  friend auto operator<=>(const LspPosition&, const LspPosition&) = default;
};

struct LspRange {
  LspPosition start;
  LspPosition end;
  friend bool operator==(const LspRange&, const LspRange&) = default;
};

// The lines of a UTF-8 buffer (split at \n; a \r before it is not part of
// the line).
class Lines {
 public:
  explicit Lines(std::string_view text);
  int count() const { return static_cast<int>(starts_.size()); }
  // The line's text without its line break; empty past the end.
  std::string_view line(int index0) const;
  // Byte offset of an LSP position, clamped to the line and the buffer.
  std::size_t offset(LspPosition p) const;
  // The LSP position of the end of the buffer.
  LspPosition end() const;

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

// UTF-16 length of a UTF-8 string.
int utf16_length(std::string_view s);

// A caselint position (1-based line, code-point column) as an LSP position.
// Column 0 (unknown) is the start of the line.
LspPosition to_lsp(const Lines& lines, doc::Position p);

// A caselint range as an LSP range. End column 0 or end line 0 means the
// whole start line; an empty range (a point) reaches to the end of its line.
LspRange to_lsp(const Lines& lines, const doc::SourceRange& r);

// Replaces `range` of `text` with `replacement` (LSP incremental sync).
void apply_change(std::string& text, LspRange range, std::string_view replacement);

// file:///a%20b.md -> /a b.md; empty when the URI is not a file URI.
std::string uri_to_path(std::string_view uri);

}  // namespace caselint::lsp
