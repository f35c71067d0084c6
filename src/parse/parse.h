// The only stage that touches cmark-gfm, libxml2 and yaml-cpp. Each parser
// fills a doc::Document; positions come from the parser.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "doc/document.h"
#include "load/source.h"

namespace caselint::parse {

// A file that could not be parsed at all (the message names the reason; the
// caller adds the path). Recoverable problems never produce one.
struct ParseError {
  std::string message;
  int line = 0;
};

struct ParseResult {
  std::optional<doc::Document> document;
  std::optional<ParseError> error;
};

// Dispatches on the file's format.
ParseResult parse(const load::SourceFile& file);

// Front matter: a `---` line at the very top, closed by `---` or `...`.
// Fills d.metadata (keys lowercased, with their ranges), d.has_front_matter
// and d.body_first_line. Returns the byte length of the front matter block
// (0 when there is none). A front matter block that is not valid YAML, or is
// not a mapping, is a ParseError.
std::size_t parse_front_matter(std::string_view bytes, doc::Document& d, std::optional<ParseError>& error);
// The first `front_matter` bytes of `bytes` (parse_front_matter's length) as
// as many empty lines: what the body's parser reads in their place, so that
// line numbers stay the file's.
std::string front_matter_as_blank_lines(std::string_view bytes, std::size_t front_matter);

// Markdown (CommonMark + GFM tables, autolinks, strikethrough, task lists).
// The first `front_matter` bytes (parse_front_matter's length) are read as
// as many empty lines, so that line numbers stay the file's.
// A file over 1 MiB is parsed in parts (see parse_markdown_in_parts).
void parse_markdown(std::string_view bytes, doc::Document& d, std::size_t front_matter = 0);
// parse_markdown, reading the file in parts of at least `part_bytes` where
// that gives the same document: cmark-gfm's tree then holds one part at a
// time. Returns the number of parts read.
std::size_t parse_markdown_in_parts(std::string_view bytes, doc::Document& d, std::size_t front_matter,
                                    std::size_t part_bytes);

// HTML through libxml2's recovering HTML parser, with no network access.
void parse_html(std::string_view bytes, doc::Document& d);

// Jupyter notebook (nbformat 4) through nlohmann-json: Markdown cells go
// through parse_markdown, code cells become code blocks, and positions point
// into the .ipynb file (see notebook.cpp). Invalid JSON, or JSON that is not
// a notebook, is a ParseError.
std::optional<ParseError> parse_notebook(std::string_view bytes, doc::Document& d);

// Word (.docx) through libzip and libxml2, and PDF through poppler-cpp:
// each is read into a Markdown rendition of the document (rendition.h) and
// parsed as Markdown; positions are DOCX paragraph numbers or PDF text lines
// (docs/reading.md, "Word documents and PDF"). A file that is not a readable
// document (not a zip package or PDF, encrypted, truncated, too large when
// unpacked, a PDF with no text layer) is a ParseError saying so.
std::optional<ParseError> parse_docx(std::string_view bytes, doc::Document& d);
std::optional<ParseError> parse_pdf(std::string_view bytes, doc::Document& d);

// Reads an inline control comment's text (without `<!--` and `-->`):
// "caselint-disable CS101 CS104", "caselint-enable", "caselint-disable-next-line CS101".
std::optional<doc::Directive> parse_directive(std::string_view comment, int line);

}  // namespace caselint::parse
