#include "doc/document.h"

#include <algorithm>

#include "doc/line_index.h"

namespace caselint::doc {

const char* format_name(Format f) {
  switch (f) {
    case Format::markdown: return "markdown";
    case Format::html: return "html";
    case Format::ipynb: return "ipynb";
    case Format::docx: return "docx";
    case Format::pdf: return "pdf";
  }
  return "markdown";
}

namespace {

// The last of `items` (sorted by `start`) that starts at or before `offset`,
// or end().
template <class T>
typename std::deque<T>::const_iterator last_at(const std::deque<T>& items, std::size_t T::*start, std::size_t offset) {
  auto it = std::upper_bound(items.begin(), items.end(), offset,
                             [start](std::size_t off, const T& item) { return off < item.*start; });
  return it == items.begin() ? items.end() : it - 1;
}

// The same item, or null.
template <class T>
const T* last_from(const std::deque<T>& items, std::size_t T::*start, std::size_t offset) {
  auto it = last_at(items, start, offset);
  return it == items.end() ? nullptr : &*it;
}

// The position `text_offset` (at most s.offset + s.length) stands at in the
// span `s`: a verbatim span advances a column per code point; a span that
// is not a copy of its source (a character reference) is its start, or its
// end once past its first byte.
Position within(const Document& d, const TextSpan& s, std::size_t text_offset) {
  Position p = s.start;
  if (p.column == 0 || text_offset == s.offset) return p;
  p.column += s.verbatim() ? static_cast<int>(count_codepoints(d.text_at(s.offset, text_offset - s.offset)))
                           : s.source_width;
  return p;
}

// A verbatim span longer than this is kept as pieces of about this size, so
// that a position inside it costs a piece, not a long paragraph so far.
constexpr std::size_t kSpanPiece = 256;

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
  const auto at = last_at(spans, &TextSpan::offset, text_offset);
  if (at == spans.end()) return false;
  if (text_offset >= at->offset + at->length && length > 0) return false;  // between spans
  const auto last = spans.end();
  const std::size_t end = text_offset + length;
  // Through spans that each go on exactly where the one before ends, in the
  // view and on the same source line (the pieces of a long span, or text
  // cmark-gfm gave as two nodes).
  for (auto s = at;; ++s) {
    if (s->start.column == 0 || !s->verbatim()) return false;
    const std::size_t s_end = s->offset + s->length;
    const std::size_t upto = std::min(end, s_end);
    // A span covers one source line only while it has no line break.
    if (text_at(std::max(text_offset, s->offset), upto - std::max(text_offset, s->offset)).find('\n') !=
        std::string_view::npos) {
      return false;
    }
    if (end <= s_end) return true;
    const auto next = s + 1;
    if (next == last || next->offset != s_end || next->start.line != s->start.line ||
        next->start.column != s->start.column + static_cast<int>(count_codepoints(text_at(s->offset, s->length)))) {
      return false;
    }
  }
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
    if (blocks[static_cast<std::size_t>(b)].kind == BlockKind::heading) continue;
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

void close_section_ranges(Document& d) {
  std::deque<Section>& secs = d.sections;
  for (std::size_t i = 1; i < secs.size(); ++i) {
    int end = d.last_line;
    for (std::size_t j = i + 1; j < secs.size(); ++j) {
      if (secs[j].level <= secs[i].level) {
        end = secs[j].heading_range.start.line - 1;
        break;
      }
    }
    secs[i].range.end = {std::max(end, secs[i].range.start.line), 0};
  }
  if (secs.size() > 1) {
    secs[0].range.end = {std::max(secs[1].heading_range.start.line - 1, secs[0].range.start.line), 0};
  }
}

void append_block(Document& d, Block block, const std::vector<TextSpan>& block_spans) {
  if (d.text_size > 0) d.text_size += 2;  // the "\n\n" before the block
  block.text_offset = d.text_size;
  for (TextSpan s : block_spans) {
    // A long verbatim span goes in as pieces of about kSpanPiece bytes, cut
    // between characters, each at its own column.
    while (s.verbatim() && s.start.column > 0 && s.length > kSpanPiece && s.offset + s.length <= block.text.size()) {
      std::size_t cut = kSpanPiece;
      while (cut < s.length && is_continuation(block.text[s.offset + cut])) ++cut;
      if (cut >= s.length) break;
      TextSpan piece = s;
      piece.length = cut;
      piece.offset += block.text_offset;
      d.spans.push_back(piece);
      s.start.column += static_cast<int>(count_codepoints(std::string_view(block.text).substr(s.offset, cut)));
      s.offset += cut;
      s.length -= cut;
    }
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
