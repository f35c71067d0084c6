// Reading a parser's text back against the source it came from.
//
// cmark-gfm hands over inline text with the markup resolved: a backslash
// escape ("\*") is the character it escapes, a character reference
// ("&amp;", "&#233;") is the character it names, and a code span is its
// content without the backticks. Its positions are not exact either (see
// markdown.cpp). align_text walks the text and the source line side by side
// and says, piece by piece, where each part of the text stands in the
// source and whether the source holds exactly that text (a verbatim piece,
// which an edit may replace) or a spelling of it (an escape or a reference,
// which it may not).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace caselint::parse {

struct AlignedPiece {
  std::size_t text_begin = 0, text_length = 0;      // in the text
  std::size_t source_begin = 0, source_length = 0;  // in the source
  bool verbatim = true;  // source[source_begin, +source_length) == the text piece
};

// How the source spells text: Markdown (backslash escapes and character
// references), a Markdown code span (neither), or HTML (references, and
// CRLF read as a line feed).
enum class Spelling { markdown, code, html };

// Aligns `text` with `source` from source[0]: a byte that is the same in
// both is a copy, extending a verbatim piece; in Markdown a backslash before
// ASCII punctuation is that punctuation; in Markdown and HTML a character
// reference ("&name;", "&#N;", "&#xH;") is the one or two code points it
// stands for, and in HTML a CR before a line feed belongs to it. Appends the
// pieces to `out` and returns how many bytes of `text`, from its start, were
// aligned: text.size() when all of it, 0 when its first byte does not stand
// at source[0]. Linear in the bytes read.
std::size_t align_text(std::string_view text, std::string_view source, Spelling spelling,
                       std::vector<AlignedPiece>& out);

}  // namespace caselint::parse
