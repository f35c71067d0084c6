// The promise of parse::parse_markdown_in_parts, checked on one text: read in
// parts of any size, a Markdown file gives the same document as read whole.
// Used by the Markdown fuzz target and the unit tests.
#pragma once

#include <cstddef>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "doc/document.h"
#include "parse/parse.h"

namespace caselint::fuzz {

// Every field of the document the Markdown parser fills, one per line.
inline std::string describe(const doc::Document& d) {
  std::ostringstream o;
  auto range = [&o](const doc::SourceRange& r) {
    o << r.start.line << ':' << r.start.column << '-' << r.end.line << ':' << r.end.column;
  };
  o << "title " << d.title << ' ';
  range(d.title_range);
  o << "\nfront matter " << d.has_front_matter << ' ' << d.metadata.size() << " body " << d.body_first_line
    << " last " << d.last_line << '\n';
  for (const doc::Section& s : d.sections) {
    o << "section " << s.level << ' ' << s.heading << ' ';
    range(s.heading_range);
    o << ' ';
    range(s.range);
    o << " parent " << s.parent << " children";
    for (int c : s.children) o << ' ' << c;
    o << " blocks";
    for (int b : s.blocks) o << ' ' << b;
    o << '\n';
  }
  for (const doc::Block& b : d.blocks) {
    o << "block " << static_cast<int>(b.kind) << ' ';
    range(b.range);
    o << " section " << b.section << " cell " << b.table << ',' << b.row << ',' << b.col << " at " << b.text_offset
      << " strong " << b.strong_prefix() << " text " << b.text << '\n';
  }
  for (const doc::Table& t : d.tables) {
    o << "table ";
    range(t.range);
    o << " section " << t.section << " header " << t.has_header << " rows";
    for (const auto& row : t.rows) {
      o << " |";
      for (int c : row) o << ' ' << c;
    }
    o << '\n';
  }
  for (const doc::Link& l : d.links) {
    o << "link " << l.is_image << ' ' << l.target << ' ' << l.text << ' ' << l.title << ' ';
    range(l.range);
    o << " section " << l.section << '\n';
  }
  for (const doc::Directive& dir : d.directives) {
    o << "directive " << static_cast<int>(dir.kind) << ' ' << dir.line;
    for (const std::string& c : dir.codes) o << ' ' << c;
    o << '\n';
  }
  for (const doc::HiddenText& h : d.hidden) o << "hidden " << h.line << ' ' << h.text << '\n';
  for (const doc::TextSpan& s : d.spans) {
    o << "span " << s.offset << '+' << s.length << ' ' << s.start.line << ':' << s.start.column << '\n';
  }
  o << "text " << d.plain_text() << '\n';
  return o.str();
}

struct PartsResult {
  std::size_t parts = 0;    // parts read with the small part size
  std::string whole, in_parts;  // describe() of each document
};

// Reads `bytes` whole and in parts of `part_bytes`; the caller compares.
inline PartsResult read_both_ways(std::string_view bytes, std::size_t part_bytes) {
  doc::Document front;
  std::optional<parse::ParseError> error;
  const std::size_t front_matter = parse::parse_front_matter(bytes, front, error);
  PartsResult r;
  if (error) return r;
  doc::Document whole = front, in_parts = front;
  parse::parse_markdown_in_parts(bytes, whole, front_matter, std::string_view::npos);
  r.parts = parse::parse_markdown_in_parts(bytes, in_parts, front_matter, part_bytes);
  r.whole = describe(whole);
  r.in_parts = describe(in_parts);
  return r;
}

}  // namespace caselint::fuzz
