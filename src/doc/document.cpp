#include "doc/document.h"

#include <algorithm>

#include "doc/line_index.h"

namespace caselint::doc {

const char* format_name(Format f) {
  switch (f) {
    case Format::markdown: return "markdown";
    case Format::html: return "html";
    case Format::ipynb: return "ipynb";
  }
  return "markdown";
}

namespace {

// The last of `items` (sorted by `start`) that starts at or before `offset`,
// or null.
template <class T>
const T* last_from(const std::vector<T>& items, std::size_t T::*start, std::size_t offset) {
  auto it = std::upper_bound(items.begin(), items.end(), offset,
                             [start](std::size_t off, const T& item) { return off < item.*start; });
  return it == items.begin() ? nullptr : &*(it - 1);
}

}  // namespace

namespace {

// The position `text_offset` (at most s.offset + s.length) stands at in the
// span `s`: a verbatim span advances a column per code point; a span that
// is not a copy of its source (a character reference) is its start, or its
// end once past its first byte.
Position within(const Document& d, const TextSpan& s, std::size_t text_offset) {
  Position p = s.start;
  if (p.column == 0 || text_offset == s.offset) return p;
  const int width = static_cast<int>(count_codepoints(d.text_at(s.offset, text_offset - s.offset)));
  p.column += s.verbatim() ? width : s.source_width;
  return p;
}

}  // namespace

Position Document::position_at(std::size_t text_offset) const {
  const TextSpan* at = last_from(spans, &TextSpan::offset, text_offset);
  if (!at) return {};
  const TextSpan& s = *at;
  if (text_offset > s.offset + s.length) return s.start;
  return within(*this, s, text_offset);
}

SourceRange Document::range_of(std::size_t text_offset, std::size_t length) const {
  Position start = position_at(text_offset);
  if (length == 0) return {start, start};
  // The end belongs to the span holding the last byte.
  std::size_t last = text_offset + length - 1;
  const TextSpan* at = last_from(spans, &TextSpan::offset, last);
  if (!at) return {start, start};
  const TextSpan& s = *at;
  if (last >= s.offset + s.length || s.start.column == 0) return {start, position_at(text_offset + length)};
  return {start, within(*this, s, text_offset + length)};
}

bool Document::is_verbatim(std::size_t text_offset, std::size_t length) const {
  const TextSpan* at = last_from(spans, &TextSpan::offset, text_offset);
  if (!at) return false;
  const TextSpan& s = *at;
  if (s.start.column == 0 || !s.verbatim() || text_offset + length > s.offset + s.length) return false;
  // A span covers one source line only while it has no line break.
  return text_at(s.offset, text_offset + length - s.offset).find('\n') == std::string_view::npos;
}

TextSpan::Role Document::role_at(std::size_t text_offset) const {
  const TextSpan* at = last_from(spans, &TextSpan::offset, text_offset);
  return at && text_offset < at->offset + at->length ? at->role : TextSpan::Role::text;
}

std::string_view Document::text_at(std::size_t offset, std::size_t length) const {
  const Block* at = last_from(blocks, &Block::text_offset, offset);
  if (!at) return {};
  const Block& b = *at;
  const std::size_t local = offset - b.text_offset;
  if (local > b.text.size()) return {};
  return std::string_view(b.text).substr(local, length);
}

std::string Document::plain_text(std::size_t size) const {
  std::string out;
  for (const Block& b : blocks) {
    if (out.size() >= size) break;
    if (!out.empty()) out += "\n\n";
    out += b.text;
  }
  if (out.size() > size) out.resize(size);
  return out;
}

std::string Document::section_text(int section, bool include_children) const {
  std::string out;
  if (section < 0 || static_cast<std::size_t>(section) >= sections.size()) return out;
  const Section& s = sections[static_cast<std::size_t>(section)];
  for (int b : s.blocks) {
    if (!out.empty()) out += '\n';
    out += blocks[static_cast<std::size_t>(b)].text;
  }
  if (include_children) {
    for (int c : s.children) {
      std::string child = sections[static_cast<std::size_t>(c)].heading + "\n" + section_text(c, true);
      if (!out.empty()) out += '\n';
      out += child;
    }
  }
  return out;
}

const MetaValue* Document::meta(const std::string& key) const {
  auto it = metadata.find(key);
  return it == metadata.end() ? nullptr : &it->second;
}

void append_block(Document& d, Block block, const std::vector<TextSpan>& block_spans) {
  if (d.text_size > 0) d.text_size += 2;  // the "\n\n" before the block
  block.text_offset = d.text_size;
  for (TextSpan s : block_spans) {
    s.offset += block.text_offset;
    d.spans.push_back(s);
  }
  d.text_size += block.text.size();
  int index = static_cast<int>(d.blocks.size());
  if (block.section >= 0 && static_cast<std::size_t>(block.section) < d.sections.size()) {
    d.sections[static_cast<std::size_t>(block.section)].blocks.push_back(index);
  }
  d.blocks.push_back(std::move(block));
}

}  // namespace caselint::doc
