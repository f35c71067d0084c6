// The one document model shared by every input format.
//
// Positions: lines and columns are 1-based; columns count Unicode code
// points. A column of 0 means "unknown" (libxml2 reports lines only);
// formatters print it as 1. Every range comes from the parser that built the
// node; nothing re-finds positions by searching the text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace caselint::doc {

struct Position {
  int line = 0;
  int column = 0;
  friend bool operator==(const Position&, const Position&) = default;
  friend auto operator<=>(const Position&, const Position&) = default;
};

// For test failure messages: "12:5".
inline std::string to_string(const Position& p) { return std::to_string(p.line) + ":" + std::to_string(p.column); }

struct SourceRange {
  Position start;
  Position end;
  friend bool operator==(const SourceRange&, const SourceRange&) = default;
};

enum class Format { markdown, html, ipynb, docx, pdf };
const char* format_name(Format f);

// A front matter value: a scalar, a list of scalars, or a nested map that is
// kept as its scalar leaves ("a.b" keys). `range` points at the key.
struct MetaValue {
  std::string text;                 // scalar text (empty for lists and maps)
  std::vector<std::string> items;   // list items, for a sequence
  bool is_list = false;
  bool is_map = false;
  SourceRange range;                // the key
  SourceRange value_range;          // the value
};

enum class BlockKind : unsigned char { paragraph, list_item, table_cell, heading, code, definition_term, definition };

// A span of the plain-text view that came from one place in the source,
// inside one block's text: view[offset, offset+length) starts at `start`
// and, while it stays on one line, advances one column per code point.
struct TextSpan {
  std::size_t offset = 0;
  std::size_t length = 0;
  Position start;
  // -1 when the source holds exactly this text from `start` on (a verbatim
  // span, which an edit may replace). Otherwise the code points the span
  // takes in the source: a character reference ("&amp;" is 5 for "&"), an
  // escape ("\*" is 2), or text whose place is only approximate.
  int source_width = -1;
  // What the text is in the source: running text, the content of an inline
  // code span, or the text of a link.
  enum class Role : unsigned char { text, code, link } role = Role::text;
  bool verbatim() const { return source_width < 0; }
};

// A large document has a block per table cell and per list item: the
// fields are ordered to leave no padding, and the text of a leading bold
// span is kept as its length at the start of the text, not as a copy.
struct Block {
  std::string text;          // inline text, markup removed, whitespace collapsed
  SourceRange range;
  int section = 0;           // index into Document::sections
  int table = -1;            // for table cells: index into Document::tables
  int row = -1, col = -1;    // for table cells
  std::size_t text_offset = 0;  // where `text` starts in Document::text
  BlockKind kind = BlockKind::paragraph;
  // A notebook cell's output (code kind): published with the notebook, so
  // the public-safety rules read it; it tells no step of the author's work.
  bool output = false;

  // The text of a leading bold/strong span ("Customer:"), which starts the
  // block's text; empty when there is none.
  std::string_view strong_prefix() const { return std::string_view(text).substr(0, strong_length_); }
  // Sets it once the text is set: `prefix` when the text starts with it,
  // else none.
  void set_strong_prefix(std::string_view prefix) {
    strong_length_ = std::string_view(text).starts_with(prefix) ? static_cast<std::uint32_t>(prefix.size()) : 0;
  }

 private:
  std::uint32_t strong_length_ = 0;
};

struct Table {
  SourceRange range;
  int section = 0;
  // rows[r][c] is an index into Document::blocks (a table_cell block).
  std::vector<std::vector<int>> rows;
  bool has_header = false;   // the first row is a header row
};

struct Link {
  std::string target;   // href / src as written
  std::string text;     // link text or image alt text
  std::string title;    // title attribute / Markdown link title
  SourceRange range;
  int section = 0;
  bool is_image = false;
};

struct Section {
  // Where the heading came from: a Markdown or HTML heading, or what the
  // outline stage reads as one (src/outline/): a paragraph of bold text only,
  // a template tag that carries a heading, an HTML element whose class or id
  // names the section.
  enum class Origin : unsigned char { heading, bold, template_tag, html_class };
  std::string heading;       // heading text; empty for the preamble
  Origin origin = Origin::heading;
  int level = 0;             // 1-6; 0 for the preamble (index 0)
  SourceRange heading_range; // the heading line
  SourceRange range;         // heading through the end of its body
  int parent = -1;
  std::vector<int> children;
  std::vector<int> blocks;   // blocks directly in this section (not children)
};

// An inline control comment: caselint-disable / -enable / -disable-next-line.
struct Directive {
  enum class Kind { disable, enable, disable_next_line } kind = Kind::disable;
  std::vector<std::string> codes;  // empty means every rule
  int line = 0;
};

// Text in the source that a reader of the rendered page does not see: an HTML
// comment (Markdown and HTML) or, in HTML, an element hidden by its author
// (the hidden attribute, style display:none or visibility:hidden). It stays
// out of the plain-text view; the public-safety rules read it (CS406).
struct HiddenText {
  // review_comment and tracked_change come from a Word document: a comment
  // of its reviewers (text: the comment), or a change not yet accepted
  // (element: "insertion" or "deletion"; text: the changed text).
  enum class Kind { comment, hidden_element, review_comment, tracked_change } kind = Kind::comment;
  std::string text;     // the comment body or the element's text, as written
  std::string element;  // the hidden element's name ("div"); empty for comments
  int line = 0;         // where it starts
  // HTML: in the page's template rather than its article: outside <main> or
  // <article> when the page has one, else inside the body's <nav>, <header>
  // or <footer>.
  bool template_part = false;
};

// HTML: an element whose class or id may name the section it holds
// (<section class="challenge">); the outline stage decides.
struct SectionHint {
  std::string name;               // the class or id, as written
  int line = 0;
  std::size_t first_block = 0;    // blocks.size() when the element opened
  std::size_t sections_before = 0;  // sections.size() when the element opened
};

struct Document {
  std::string path;
  Format format = Format::markdown;
  std::string title;         // <title>, front matter title, else first h1
  std::string description;   // meta description / front matter description
  SourceRange title_range;

  std::map<std::string, MetaValue> metadata;  // front matter, keys lowercased
  bool has_front_matter = false;
  int body_first_line = 1;   // first line after the front matter
  int last_line = 1;         // last line of the source

  // Sections, blocks and spans are deques, not vectors: a large document
  // has a block per table cell and per line of a list, or a section per
  // line, and a vector's growth held its old and its new array at once (the
  // peak of a check of a file of tables or of headings).
  std::deque<Section> sections;   // [0] is the preamble before any heading
  std::deque<Block> blocks;       // document order
  std::vector<Table> tables;
  std::vector<Link> links;        // links and images, document order
  // HTML only: links and images outside the main content (navigation, header,
  // footer), which `caselint site` follows; rules read `links` only.
  std::vector<Link> outside_links;
  std::vector<Directive> directives;
  std::vector<HiddenText> hidden;  // document order within each kind
  std::vector<SectionHint> section_hints;  // HTML, document order
  std::vector<std::string> anchors;  // HTML: the ids (and <a name>s) a fragment link may point at

  // Word and PDF (docs/reading.md, "Word documents and PDF"): a DOCX
  // position's line is the number of its paragraph, and paragraph_heads[n-1]
  // is paragraph n's first words; a PDF position's line counts the text's
  // lines from the first page on, and page_first_lines[p-1] is the first
  // line of page p. Columns are 0 (unknown) in both.
  std::vector<std::string> paragraph_heads;
  std::vector<int> page_first_lines;

  // The plain-text view is the blocks' texts joined by "\n\n". It is not
  // kept as one string (each block holds its own part, and a second copy
  // was a fifth of a large document's memory): offsets into it (spans,
  // Block::text_offset) are offsets into that joined text, and
  // plain_text() builds it when a caller needs it whole.
  std::size_t text_size = 0;      // the length of the plain-text view
  std::deque<TextSpan> spans;     // sorted by offset

  // Maps an offset in the plain-text view back to the source. Returns {0,0}
  // when the offset lies outside every span.
  Position position_at(std::size_t text_offset) const;
  // The range of view[offset, offset+length); the end is the position just
  // after the last code point (not the start of whatever markup follows).
  SourceRange range_of(std::size_t text_offset, std::size_t length) const;
  // True when view[offset, offset+length) was copied from one stretch of the
  // source with known columns, so an edit of its range replaces exactly it.
  bool is_verbatim(std::size_t text_offset, std::size_t length) const;
  // The role of the span holding view[offset] (text when no span holds it).
  TextSpan::Role role_at(std::size_t text_offset) const;

  // The plain-text view, or its first `size` bytes.
  std::string plain_text(std::size_t size = std::string::npos) const;
  // view[offset, offset+length) of the plain-text view, when it lies in one
  // block's text (as every span does); else the part of it in the block
  // holding `offset`, or empty.
  std::string_view text_at(std::size_t offset, std::size_t length) const;

  // Body text of a section and all its subsections, blocks joined by "\n"
  // (a heading the outline made of a block is not body text).
  std::string section_text(int section, bool include_children = true) const;
  const MetaValue* meta(const std::string& key) const;
};

// Ends each section's range (a section from its heading on): just before the
// next heading of its level or higher, never before its own start; the last
// at the document's last line; the preamble just before the first heading.
void close_section_ranges(Document& d);

// Appends `block` to the document, its text to the plain-text view, and its
// spans shifted to the block's offset. Used by every parser.
void append_block(Document& d, Block block, const std::vector<TextSpan>& block_spans);

}  // namespace caselint::doc
