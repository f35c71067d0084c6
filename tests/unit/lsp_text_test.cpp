#include <doctest/doctest.h>

#include <string>

#include "lsp/text.h"

using caselint::doc::Position;
using caselint::doc::SourceRange;
using namespace caselint::lsp;

TEST_CASE("lsp: caselint columns become 0-based UTF-16 positions") {
  // "é" is one code point (2 bytes, 1 UTF-16 unit); the rocket is one code
  // point (4 bytes, 2 UTF-16 units).
  std::string text = "first\n\xC3\xA9 \xF0\x9F\x9A\x80 AWS Lamba\r\nlast";
  Lines lines(text);
  CHECK(lines.count() == 3);
  CHECK(lines.line(1) == "\xC3\xA9 \xF0\x9F\x9A\x80 AWS Lamba");
  // "AWS Lamba" starts at code point 5 (1-based) of line 2, ends before 14.
  LspRange r = to_lsp(lines, SourceRange{{2, 5}, {2, 14}});
  CHECK(r.start == LspPosition{1, 5});
  CHECK(r.end == LspPosition{1, 14});
  // End column 0: the whole start line (without its \r).
  LspRange whole = to_lsp(lines, SourceRange{{2, 3}, {0, 0}});
  CHECK(whole.start == LspPosition{1, 0});
  CHECK(whole.end == LspPosition{1, 14});
  // A point reaches to the end of its line.
  LspRange point = to_lsp(lines, SourceRange{{1, 1}, {1, 1}});
  CHECK(point.start == LspPosition{0, 0});
  CHECK(point.end == LspPosition{0, 5});
  // Past the end: the end of the buffer.
  CHECK(to_lsp(lines, Position{9, 1}) == LspPosition{2, 4});
}

TEST_CASE("lsp: incremental changes address UTF-16 units in UTF-8 text") {
  std::string text = "\xF0\x9F\x9A\x80 AWS Lamba\nnext";
  // Insert "d" before the final "a" of "Lamba": UTF-16 column 2 + 1 + 4 + 4.
  apply_change(text, LspRange{{0, 11}, {0, 11}}, "d");
  CHECK(text == "\xF0\x9F\x9A\x80 AWS Lambda\nnext");
  // A range across lines, and a character past the line's end (clamped).
  apply_change(text, LspRange{{0, 3}, {1, 99}}, "x");
  CHECK(text == "\xF0\x9F\x9A\x80 x");
  // Appending at the end.
  Lines lines(text);
  apply_change(text, LspRange{lines.end(), lines.end()}, "\n## Lessons learned\n");
  CHECK(text == "\xF0\x9F\x9A\x80 x\n## Lessons learned\n");
}

TEST_CASE("lsp: file URIs are percent-decoded") {
  CHECK(uri_to_path("file:///home/a/my%20study.md") == "/home/a/my study.md");
  CHECK(uri_to_path("file://localhost/tmp/caf%C3%A9.md") == "/tmp/caf\xC3\xA9.md");
  CHECK(uri_to_path("untitled:Untitled-1").empty());
}
