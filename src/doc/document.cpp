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

Position Document::position_at(std::size_t text_offset) const {
  auto it = std::upper_bound(spans.begin(), spans.end(), text_offset,
                             [](std::size_t off, const TextSpan& s) { return off < s.offset; });
  if (it == spans.begin()) return {};
  const TextSpan& s = *(it - 1);
  if (text_offset > s.offset + s.length) return s.start;
  Position p = s.start;
  if (p.column > 0) {
    p.column += static_cast<int>(count_codepoints(text_at(s.offset, text_offset - s.offset)));
  }
  return p;
}

SourceRange Document::range_of(std::size_t text_offset, std::size_t length) const {
  Position start = position_at(text_offset);
  if (length == 0) return {start, start};
  // The end belongs to the span holding the last byte.
  std::size_t last = text_offset + length - 1;
  auto it = std::upper_bound(spans.begin(), spans.end(), last,
                             [](std::size_t off, const TextSpan& s) { return off < s.offset; });
  if (it == spans.begin()) return {start, start};
  const TextSpan& s = *(it - 1);
  if (last >= s.offset + s.length || s.start.column == 0) return {start, position_at(text_offset + length)};
  Position end = s.start;
  end.column += static_cast<int>(count_codepoints(text_at(s.offset, text_offset + length - s.offset)));
  return {start, end};
}

bool Document::is_verbatim(std::size_t text_offset, std::size_t length) const {
  auto it = std::upper_bound(spans.begin(), spans.end(), text_offset,
                             [](std::size_t off, const TextSpan& s) { return off < s.offset; });
  if (it == spans.begin()) return false;
  const TextSpan& s = *(it - 1);
  if (s.start.column == 0 || text_offset + length > s.offset + s.length) return false;
  // A span covers one source line only while it has no line break.
  return text_at(s.offset, text_offset + length - s.offset).find('\n') == std::string_view::npos;
}

std::string_view Document::text_at(std::size_t offset, std::size_t length) const {
  auto it = std::upper_bound(blocks.begin(), blocks.end(), offset,
                             [](std::size_t off, const Block& b) { return off < b.text_offset; });
  if (it == blocks.begin()) return {};
  const Block& b = *(it - 1);
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
