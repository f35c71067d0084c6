#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cctype>
#include <cstring>
#include <memory>
#include <mutex>
#include <algorithm>
#include <string>
#include <vector>

#include "doc/line_index.h"
#include "parse/align.h"
#include "parse/parse.h"

namespace caselint::parse {

namespace {

struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct IterDeleter {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;
using IterPtr = std::unique_ptr<cmark_iter, IterDeleter>;

void ensure_extensions_registered() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

std::string_view type_of(cmark_node* n) {
  const char* s = cmark_node_get_type_string(n);
  return s ? std::string_view(s) : std::string_view();
}

// Text being gathered for one block (or heading).
struct Collector {
  bool active = false;
  std::string text;
  std::vector<doc::TextSpan> spans;
  doc::SourceRange range;
  doc::BlockKind kind = doc::BlockKind::paragraph;
  std::string strong_prefix;
  bool strong_first = false;
  int image_depth = 0;
  // A paragraph that cmark-gfm's table extension split from the table after
  // it has no position, and its inlines count lines from 0: this is the
  // table's first line, which is the paragraph's (0 when not known).
  int line_base = 0;
  std::string image_alt;

  // Where the inlines being read stand in the file. cmark-gfm's inline
  // columns count from where the block's text starts on its first line, so
  // on a later line they are off by that line's own start (its indentation,
  // its block quote markers, or none on a lazy line), and after a backslash
  // hard break its inline lines are one short. Lines are counted here from
  // the block's first line, one per line break; on each line the columns of
  // cmark-gfm are moved by `shift`, learnt from the first inline of the line,
  // and every text is read back against the file (align_text) before its
  // spans are called verbatim.
  int line = 0;               // file line of the next inline; 0: unknown
  long shift = 0;             // byte offset in the line less cmark-gfm's column less 1
  bool shift_known = true;
  bool search = false;        // find the next text on its line rather than trust the column
  std::size_t cursor = 0;     // byte offset in the line after the last text placed
  int quotes = 0;             // block quotes around the block: markers on each line
  int link_depth = 0;         // inside a link's text

  // `node` is the block's cmark-gfm node: its first text starts at its
  // start column on its first line.
  void start(doc::BlockKind k, doc::SourceRange r, cmark_node* node, int quote_depth) {
    *this = Collector{};
    active = true;
    kind = k;
    range = r;
    line = r.start.line;
    quotes = quote_depth;
    cursor = static_cast<std::size_t>(std::max(cmark_node_get_start_column(node) - 1, 0));
  }
};

// Open link or image: where its text starts in the collector.
struct LinkFrame {
  cmark_node* node;
  std::size_t text_start;
  bool is_image;
  doc::Position start;  // where the link's markup starts, when known
};

class MarkdownBuilder {
 public:
  MarkdownBuilder(std::string_view source, doc::Document& d) : index_(source), d_(d) {}
  int line_count() const { return index_.line_count(); }
  int line_of(std::size_t offset) const { return index_.at(offset).line; }

  // Reads one parsed part into the document, one top-level block at a time,
  // freeing each block once read: the node tree is several times the size
  // of the text, and the tree and the document model are not both whole at
  // once. `first_line` is the file line of the part's line 1.
  void add(cmark_node* root, int first_line) {
    line_shift_ = first_line - 1;
    if (d_.sections.empty()) {
      d_.sections.push_back(doc::Section{});
      section_stack_.push_back(0);
    }
    while (cmark_node* block = cmark_node_first_child(root)) {
      IterPtr iter(cmark_iter_new(block));
      cmark_event_type ev;
      while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
        cmark_node* n = cmark_iter_get_node(iter.get());
        if (ev == CMARK_EVENT_ENTER) {
          enter(n);
        } else {
          exit(n);
        }
      }
      iter.reset();
      cmark_node_free(block);  // unlinks it from the document first
    }
  }

  // After the last part: the sections' line ranges.
  void finish() {
    if (d_.sections.empty()) d_.sections.push_back(doc::Section{});
    finish_sections();
  }

 private:
  // A line number of the part being read, as a line of the file.
  int file_line(int part_line) const { return part_line > 0 ? part_line + line_shift_ : 0; }
  doc::Position pos(int part_line, int byte_col) const {
    if (part_line <= 0) return {};
    int line = file_line(part_line);
    return {line, byte_col > 0 ? index_.codepoint_column(line, byte_col) : 0};
  }
  doc::SourceRange range_of(cmark_node* n) const {
    return {pos(cmark_node_get_start_line(n), cmark_node_get_start_column(n)),
            pos(cmark_node_get_end_line(n), cmark_node_get_end_column(n))};
  }


  // False inside a block whose inlines cmark-gfm gives no usable position:
  // one with no position itself, or one whose lines count from line_base
  // (see Collector::line_base).
  bool cmark_places_inlines() const { return !cur_.active || (cur_.line_base == 0 && cur_.range.start.line != 0); }

  // Where an inline node starts. In a block with no position, inlines have
  // none either.
  doc::Position inline_start(cmark_node* n) {
    if (!cmark_places_inlines()) {
      if (cur_.line_base == 0) return cur_.range.start;
      doc::Position p{cur_.line_base + std::max(cmark_node_get_start_line(n), 0), 0};
      cur_.range.end.line = std::max(cur_.range.end.line, p.line);
      return p;
    }
    doc::Position p = pos(cmark_node_get_start_line(n), cmark_node_get_start_column(n));
    return p.line == 0 && cur_.active ? cur_.range.start : p;
  }

  void add_text(cmark_node* n, std::string_view s, bool code) {
    if (!cur_.active) return;
    if (cur_.image_depth > 0) {
      cur_.image_alt += s;
      return;
    }
    const std::size_t base = cur_.text.size();
    cur_.text += s;
    if (cur_.kind == doc::BlockKind::heading) return;  // a heading's text is not in the view
    place(n, s, base, code ? doc::TextSpan::Role::code : cur_.link_depth > 0 ? doc::TextSpan::Role::link : doc::TextSpan::Role::text);
  }

  // Where the text of a line's inlines starts: after as many block quote
  // markers as the block has around it (fewer on a lazy line) and the
  // spaces and tabs before the text.
  static std::size_t content_start(std::string_view line, int quotes) {
    std::size_t i = 0;
    for (int q = 0; q < quotes; ++q) {
      std::size_t k = i;
      while (k < line.size() && k - i < 3 && line[k] == ' ') ++k;
      if (k >= line.size() || line[k] != '>') break;
      i = k + 1;
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    }
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    return i;
  }

  // Aligns the text `s` of a node with the file line `line` at byte `at`
  // (a code span's opening backticks there, and the one space cmark-gfm
  // strips). Returns the bytes of `s` aligned; `text_at` gets where the text
  // itself starts.
  std::size_t align_at(std::string_view line, std::size_t at, std::string_view s, bool code, std::size_t& text_at) {
    pieces_.clear();
    if (at > line.size()) return 0;
    if (!code) {
      text_at = at;
      return align_text(s, line.substr(at), Spelling::markdown, pieces_);
    }
    if (at >= line.size() || line[at] != '`') return 0;
    std::size_t q = line.find_first_not_of('`', at);
    if (q == std::string_view::npos) return 0;
    text_at = q;
    std::size_t aligned = align_text(s, line.substr(q), Spelling::code, pieces_);
    if (aligned < s.size() && line[q] == ' ') {
      std::vector<AlignedPiece> first;
      first.swap(pieces_);
      const std::size_t spaced = align_text(s, line.substr(q + 1), Spelling::code, pieces_);
      if (spaced > aligned) {
        text_at = q + 1;
        return spaced;
      }
      pieces_.swap(first);
    }
    return aligned;
  }

  // Text that starts with the indentation a backslash hard break leaves in
  // it, where cmark-gfm has made spaces of part of a tab: that indentation
  // is not a copy of the file's; the rest is aligned after it.
  std::size_t align_after_indent(std::string_view line, std::size_t at, std::string_view s, std::size_t& text_at) {
    const std::size_t lead = s.find_first_not_of(" \t");
    if (lead == 0 || lead == std::string_view::npos || at > line.size()) return 0;
    const std::size_t q = line.find_first_not_of(" \t", at);
    if (q == std::string_view::npos) return 0;
    std::size_t rest_at = 0;
    if (align_at(line, q, s.substr(lead), false, rest_at) == 0) return 0;
    for (AlignedPiece& piece : pieces_) {
      piece.text_begin += lead;
      piece.source_begin += q - at;
    }
    pieces_.insert(pieces_.begin(), AlignedPiece{0, lead, 0, q - at, false});
    text_at = at;
    std::size_t aligned = lead;
    for (const AlignedPiece& piece : pieces_) aligned = std::max(aligned, piece.text_begin + piece.text_length);
    return aligned;
  }

  // Spans for the node text `s`, now cur_.text[base, base + s.size()): where
  // it stands is cmark-gfm's column moved by the line's shift, else found by
  // a bounded search of its line (and the next two: a link's destination
  // may go on to another line), else only approximate.
  void place(cmark_node* n, std::string_view s, std::size_t base, doc::TextSpan::Role role) {
    const bool code = role == doc::TextSpan::Role::code;
    const int col = cmark_node_get_start_column(n);
    std::size_t aligned = 0, node_at = 0, text_at = 0;
    int line = cur_.line;
    if (line > 0 && !s.empty()) {
      if (!cur_.search && cur_.shift_known && col > 0 && cur_.shift + col - 1 >= 0) {
        node_at = static_cast<std::size_t>(cur_.shift + col - 1);
        aligned = align_at(index_.line(line), node_at, s, code, text_at);
        if (aligned == 0 && !code) aligned = align_after_indent(index_.line(line), node_at, s, text_at);
      }
      // A search accepts only the whole text, and looks a bounded way.
      constexpr std::size_t kSearch = 256;
      for (int k = 0; k < 3 && aligned == 0 && line + k <= index_.line_count(); ++k) {
        const std::string_view t = index_.line(line + k);
        const std::size_t from = k == 0 ? cur_.cursor : content_start(t, cur_.quotes);
        for (std::size_t p = from; p < t.size() && p < from + kSearch; ++p) {
          if (t[p] != (code ? '`' : s[0]) && (code || (t[p] != '\\' && t[p] != '&'))) continue;
          if (align_at(t, p, s, code, text_at) == s.size()) {
            aligned = s.size();
            node_at = p;
            line += k;
            break;
          }
        }
      }
    }
    if (aligned == 0) {
      // Not found in the file: the text keeps an approximate place, and no
      // edit may replace it.
      doc::Position at = line > 0 && col > 0 ? pos_in_line(line, cur_.shift_known ? cur_.shift + col - 1 : col - 1) : cur_.range.start;
      if (line > 0 && at.line == 0) at = {line, 0};
      cur_.spans.push_back({base, s.size(), at, static_cast<int>(doc::count_codepoints(s)), role});
      return;
    }
    const std::string_view t = index_.line(line);
    const std::size_t line_offset = index_.offset_of(line, 1);
    std::size_t end = text_at;
    for (const AlignedPiece& piece : pieces_) {
      const std::size_t at = text_at + piece.source_begin;
      doc::TextSpan span{base + piece.text_begin, piece.text_length, index_.at(line_offset + at), -1, role};
      if (!piece.verbatim) span.source_width = static_cast<int>(doc::count_codepoints(t.substr(at, piece.source_length)));
      cur_.spans.push_back(span);
      end = at + piece.source_length;
    }
    if (aligned < s.size()) {
      const std::string_view rest = s.substr(aligned);
      cur_.spans.push_back({base + aligned, rest.size(), index_.at(line_offset + end), static_cast<int>(doc::count_codepoints(rest)), role});
    }
    cur_.line = line;
    cur_.cursor = end;
    cur_.search = false;
    if (col > 0) {
      cur_.shift = static_cast<long>(node_at) - (col - 1);
      cur_.shift_known = true;
    }
  }

  // The position of byte `at` of file line `line` (clamped to the line).
  doc::Position pos_in_line(int line, long at) const {
    const std::string_view t = index_.line(line);
    if (t.data() == nullptr) return {};
    const std::size_t byte = static_cast<std::size_t>(std::clamp<long>(at, 0, static_cast<long>(t.size())));
    return index_.at(index_.offset_of(line, 1) + byte);
  }

  // A line break inside the block: the next inline is on the next line,
  // whose text starts after its own indentation and markers.
  void next_line(int lines = 1) {
    if (cur_.line <= 0) return;
    cur_.line += lines;
    cur_.shift_known = false;
    cur_.cursor = content_start(index_.line(cur_.line), cur_.quotes);
  }

  // The first inline of a line tells how far cmark-gfm's columns are off
  // on it: it starts where the line's text does.
  void learn_shift(cmark_node* n) {
    if (!cur_.active || cur_.shift_known || cur_.search || cur_.line <= 0) return;
    const int col = cmark_node_get_start_column(n);
    if (col <= 0) return;
    // After a backslash hard break cmark-gfm keeps the next line's
    // indentation in the text: it starts that much before the line's text.
    if (cmark_node_get_type(n) == CMARK_NODE_TEXT) {
      const char* lit = cmark_node_get_literal(n);
      const std::string_view line = index_.line(cur_.line);
      for (std::size_t i = 0; lit && (lit[i] == ' ' || lit[i] == '\t') && cur_.cursor > 0 &&
                              (line[cur_.cursor - 1] == ' ' || line[cur_.cursor - 1] == '\t');
           ++i) {
        --cur_.cursor;
      }
    }
    cur_.shift = static_cast<long>(cur_.cursor) - (col - 1);
    cur_.shift_known = true;
  }

  // Where an inline node's markup starts, when the line's shift is known.
  doc::Position markup_start(cmark_node* n) const {
    const int col = cmark_node_get_start_column(n);
    if (!cur_.active || cur_.line <= 0 || !cur_.shift_known || cur_.search || col <= 0) return {};
    return pos_in_line(cur_.line, cur_.shift + col - 1);
  }

  void scan_comments(std::string_view html, int first_line) {
    std::size_t from = 0;
    int line = first_line;
    std::size_t counted = 0;
    while ((from = html.find("<!--", from)) != std::string_view::npos) {
      std::size_t close = html.find("-->", from + 4);
      if (close == std::string_view::npos) break;
      line += static_cast<int>(std::count(html.begin() + static_cast<long>(counted), html.begin() + static_cast<long>(from), '\n'));
      counted = from;
      if (auto dir = parse_directive(html.substr(from + 4, close - from - 4), line)) d_.directives.push_back(std::move(*dir));
      d_.hidden.push_back({doc::HiddenText::Kind::comment, std::string(html.substr(from + 4, close - from - 4)), "", line});
      from = close + 3;
    }
  }

  void enter(cmark_node* n) {
    cmark_node_type t = cmark_node_get_type(n);
    std::string_view ts = type_of(n);
    if ((t & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE && t != CMARK_NODE_SOFTBREAK && t != CMARK_NODE_LINEBREAK) {
      learn_shift(n);
    }
    switch (t) {
      case CMARK_NODE_BLOCK_QUOTE:
        ++quote_depth_;
        return;
      case CMARK_NODE_ITEM:
        ++item_depth_;
        return;
      case CMARK_NODE_HEADING:
        open_section(n);
        cur_.start(doc::BlockKind::heading, range_of(n), n, quote_depth_);
        return;
      case CMARK_NODE_PARAGRAPH:
        if (cur_.active) return;  // paragraph inside a table cell cannot happen; be safe
        cur_.start(item_depth_ > 0 ? doc::BlockKind::list_item : doc::BlockKind::paragraph, range_of(n), n, quote_depth_);
        if (cur_.range.start.line == 0) {
          cmark_node* next = cmark_node_next(n);
          if (next && type_of(next) == "table" && cmark_node_get_start_line(next) > 0) {
            cur_.line_base = file_line(cmark_node_get_start_line(next));
            cur_.range = {{cur_.line_base, 1}, {cur_.line_base, 0}};
            cur_.line = cur_.line_base;
            cur_.search = true;
          }
        }
        return;
      case CMARK_NODE_CODE_BLOCK: {
        const char* lit = cmark_node_get_literal(n);
        std::string text = lit ? lit : "";
        while (!text.empty() && text.back() == '\n') text.pop_back();
        doc::Block b;
        b.kind = doc::BlockKind::code;
        b.text = text;
        b.range = range_of(n);
        b.section = section_stack_.back();
        // One span per line: a match in the fifth line of code points there.
        // A code line is the end of its file line (cmark-gfm removes the
        // indentation, quote markers and fence offset before it): where the
        // file line ends with it, its column is known; otherwise (a tab cut
        // in part) it is 0.
        int fence_length = 0, fence_offset = 0;
        char fence_char = 0;
        bool fenced = cmark_node_get_fenced(n, &fence_length, &fence_offset, &fence_char) != 0;
        int first_line = b.range.start.line + (fenced ? 1 : 0);
        std::vector<doc::TextSpan> spans;
        for (std::size_t from = 0, i = 0; from <= text.size(); ++i) {
          std::size_t nl = text.find('\n', from);
          std::size_t end = nl == std::string::npos ? text.size() : nl;
          const int line = first_line + static_cast<int>(i);
          const std::string_view code_line = std::string_view(text).substr(from, end - from);
          const std::string_view file_line = first_line > 0 ? index_.line(line) : std::string_view();
          int column = 0;
          if (file_line.data() && file_line.ends_with(code_line)) {
            column = static_cast<int>(doc::count_codepoints(file_line.substr(0, file_line.size() - code_line.size()))) + 1;
          }
          spans.push_back({from, end - from, {line, column}});
          if (nl == std::string::npos) break;
          from = nl + 1;
        }
        doc::append_block(d_, std::move(b), spans);
        return;
      }
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_HTML_INLINE: {
        const char* lit = cmark_node_get_literal(n);
        if (!lit) return;
        const bool in_line = t == CMARK_NODE_HTML_INLINE;
        scan_comments(lit, in_line ? (cur_.active && cur_.line > 0 ? cur_.line : inline_start(n).line)
                                   : file_line(cmark_node_get_start_line(n)));
        if (in_line) after_inline(n);
        return;
      }
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE: {
        const char* lit = cmark_node_get_literal(n);
        if (lit) add_text(n, lit, t == CMARK_NODE_CODE);
        if (t == CMARK_NODE_CODE) after_inline(n);
        return;
      }
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        if (cur_.active) {
          if (cur_.image_depth > 0) {
            cur_.image_alt += ' ';
          } else {
            cur_.text += '\n';
          }
          next_line();
        }
        return;
      case CMARK_NODE_STRONG:
        if (cur_.active && cur_.image_depth == 0 && cur_.text.find_first_not_of(" \t") == std::string::npos) {
          cur_.strong_first = true;
        }
        return;
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE:
        links_.push_back({n, cur_.text.size(), t == CMARK_NODE_IMAGE, markup_start(n)});
        if (t == CMARK_NODE_IMAGE) {
          if (cur_.image_depth == 0) cur_.image_alt.clear();
          ++cur_.image_depth;
        } else {
          ++cur_.link_depth;
        }
        return;
      default:
        break;
    }
    if (ts == "table") {
      doc::Table table;
      table.range = range_of(n);
      table.section = section_stack_.back();
      d_.tables.push_back(std::move(table));
    } else if (ts == "table_row" || ts == "table_header") {
      if (d_.tables.empty()) return;
      doc::Table& table = d_.tables.back();
      if (table.rows.empty() && (ts == "table_header" || cmark_gfm_extensions_get_table_row_is_header(n))) table.has_header = true;
      table.rows.emplace_back();
      row_line_ = file_line(cmark_node_get_start_line(n));
    } else if (ts == "table_cell") {
      doc::SourceRange r = range_of(n);
      if (r.start.line == 0) r.start = r.end = {row_line_, 0};
      cur_.start(doc::BlockKind::table_cell, r, n, quote_depth_);
    }
  }

  void exit(cmark_node* n) {
    cmark_node_type t = cmark_node_get_type(n);
    std::string_view ts = type_of(n);
    switch (t) {
      case CMARK_NODE_ITEM:
        --item_depth_;
        return;
      case CMARK_NODE_BLOCK_QUOTE:
        --quote_depth_;
        return;
      case CMARK_NODE_HEADING: {
        doc::Section& s = d_.sections.back();
        s.heading = trim(cur_.text);
        for (char& c : s.heading) {
          if (c == '\n') c = ' ';
        }
        cur_ = Collector{};
        if (d_.title.empty() && s.level == 1) {
          d_.title = s.heading;
          d_.title_range = s.heading_range;
        }
        return;
      }
      case CMARK_NODE_PARAGRAPH:
        if (cur_.active && (cur_.kind == doc::BlockKind::paragraph || cur_.kind == doc::BlockKind::list_item)) {
          flush_block();
        }
        return;
      case CMARK_NODE_STRONG:
        if (cur_.active && cur_.strong_first && cur_.strong_prefix.empty()) {
          cur_.strong_prefix = trim(cur_.text);
          cur_.strong_first = false;
        }
        return;
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE: {
        if (links_.empty()) return;
        LinkFrame f = links_.back();
        links_.pop_back();
        doc::Link link;
        const char* url = cmark_node_get_url(n);
        const char* title = cmark_node_get_title(n);
        link.target = url ? url : "";
        link.title = title ? title : "";
        link.is_image = f.is_image;
        link.range = range_of(n);
        if (link.range.start.line == 0 || !cmark_places_inlines()) link.range = cur_.range;
        if (f.start.line > 0) {
          // cmark-gfm's columns moved as the text's are; its end is the
          // markup's last character.
          link.range.start = f.start;
          const int end_col = cmark_node_get_end_column(n);
          link.range.end = cur_.shift_known && !cur_.search && end_col > 0 ? pos_in_line(cur_.line, cur_.shift + end_col - 1) : f.start;
        }
        link.section = section_stack_.back();
        if (!f.is_image) --cur_.link_depth;
        if (f.is_image) {
          --cur_.image_depth;
          link.text = trim(cur_.image_alt);
        } else if (f.text_start <= cur_.text.size()) {
          link.text = trim(cur_.text.substr(f.text_start));
        }
        d_.links.push_back(std::move(link));
        return;
      }
      default:
        break;
    }
    if (ts == "table_cell") {
      if (!cur_.active || d_.tables.empty() || d_.tables.back().rows.empty()) return;
      doc::Table& table = d_.tables.back();
      int table_index = static_cast<int>(d_.tables.size()) - 1;
      int row = static_cast<int>(table.rows.size()) - 1;
      int col = static_cast<int>(table.rows.back().size());
      table.rows.back().push_back(static_cast<int>(d_.blocks.size()));
      flush_block(table_index, row, col);
    } else if (ts == "table") {
      if (!d_.tables.empty()) d_.tables.back().range.end = range_of(n).end;
    }
  }

  static std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
  }

  void flush_block(int table = -1, int row = -1, int col = -1) {
    doc::Block b;
    b.kind = cur_.kind;
    b.range = cur_.range;
    b.section = section_stack_.back();
    b.table = table;
    b.row = row;
    b.col = col;
    // Trim, shifting the spans with the text.
    std::string& text = cur_.text;
    std::size_t lead = text.find_first_not_of(" \t\r\n");
    if (lead == std::string::npos) lead = text.size();
    std::size_t tail = text.find_last_not_of(" \t\r\n");
    std::size_t end = tail == std::string::npos ? lead : tail + 1;
    b.text = text.substr(lead, end - lead);
    b.set_strong_prefix(cur_.strong_prefix);
    std::vector<doc::TextSpan> spans;
    for (doc::TextSpan s : cur_.spans) {
      std::size_t s_end = s.offset + s.length;
      if (s_end <= lead || s.offset >= end) continue;
      if (s.offset < lead) {
        s.start.column += s.start.column > 0 ? static_cast<int>(doc::count_codepoints(
                                                    std::string_view(text).substr(s.offset, lead - s.offset)))
                                             : 0;
        s.length -= lead - s.offset;
        s.offset = lead;
      }
      if (s.offset + s.length > end) s.length = end - s.offset;
      s.offset -= lead;
      spans.push_back(s);
    }
    cur_ = Collector{};
    doc::append_block(d_, std::move(b), spans);
  }

  void open_section(cmark_node* n) {
    doc::Section s;
    s.level = cmark_node_get_heading_level(n);
    s.heading_range = range_of(n);
    s.range.start = s.heading_range.start;
    while (section_stack_.size() > 1 &&
           d_.sections[static_cast<std::size_t>(section_stack_.back())].level >= s.level) {
      section_stack_.pop_back();
    }
    s.parent = section_stack_.back();
    int index = static_cast<int>(d_.sections.size());
    d_.sections[static_cast<std::size_t>(s.parent)].children.push_back(index);
    d_.sections.push_back(std::move(s));
    section_stack_.push_back(index);
  }

  void finish_sections() {
    auto& secs = d_.sections;
    secs[0].range = {{d_.body_first_line, 1}, {d_.last_line, 0}};
    for (std::size_t i = 1; i < secs.size(); ++i) {
      int end = d_.last_line;
      for (std::size_t j = i + 1; j < secs.size(); ++j) {
        if (secs[j].level <= secs[i].level) {
          end = secs[j].heading_range.start.line - 1;
          break;
        }
      }
      secs[i].range.end = {end, 0};
    }
    if (secs.size() > 1) secs[0].range.end = {secs[1].heading_range.start.line - 1, 0};
  }

  // After an inline code span or HTML that goes on to later lines, the next
  // text is on the last of them, found by searching it.
  void after_inline(cmark_node* n) {
    if (!cur_.active) return;
    const int lines = cmark_node_get_end_line(n) - cmark_node_get_start_line(n);
    if (lines <= 0) return;
    next_line(lines);
    cur_.search = true;
  }

  doc::LineIndex index_;
  doc::Document& d_;
  Collector cur_;
  std::vector<AlignedPiece> pieces_;
  int quote_depth_ = 0;
  std::vector<int> section_stack_;
  std::vector<LinkFrame> links_;
  int row_line_ = 0;
  int item_depth_ = 0;
  int line_shift_ = 0;
};

// Files larger than this are parsed in parts of about this size. cmark-gfm's
// tree is about 9 times the text for prose and 50 times for tables (a node
// per cell and per text), so a part of 1 MiB of tables took a 50 MiB tree,
// and one of 256 KiB still 13 MiB.
constexpr std::size_t kPartBytes = std::size_t{64} << 10;

ParserPtr new_parser() {
  ensure_extensions_registered();
  ParserPtr parser(cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES));
  for (const char* name : {"table", "autolink", "strikethrough", "tasklist"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
  }
  return parser;
}

// Large files are parsed in parts, so that cmark-gfm's tree (several times
// the size of the text) never holds more than one part. A part ends just
// before a line that starts with a letter, `#`, `|` or `[` (a table's first
// row, or a paragraph) after an empty line: at such a line cmark-gfm has
// closed every block, unless a fenced code block or an HTML block that only
// its end marker closes is still open. In a long list, a part may end
// before an item that follows another (next_part_start). A
// sentinel paragraph fed after the part tells: it stays a paragraph of its
// own only if nothing was open. What cmark-gfm resolves across the whole
// file, link reference definitions and footnote definitions, keeps a file
// whole (may_split).

// Whether the file may be parsed in parts. Conservative: any "]:" (how the
// label of a link reference definition or a footnote definition ends; a
// footnote reference with no definition is plain text), or a carriage
// return that ends a line on its own (cmark-gfm counts it as a line, the
// line index does not), keeps the file whole.
bool may_split(std::string_view bytes) {
  if (bytes.find("]:") != std::string_view::npos) return false;
  for (std::size_t cr = bytes.find('\r'); cr != std::string_view::npos; cr = bytes.find('\r', cr + 1)) {
    if (cr + 1 == bytes.size() || bytes[cr + 1] != '\n') return false;
  }
  return true;
}

bool is_blank_line(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// Top-level blocks that an empty line does not close: a fenced code block
// and the HTML blocks that end at a marker (CommonMark 4.5 and 4.6, kinds
// 1-5). Followed line by line, this says where a part may not end; the
// sentinel still checks each end, so a misreading costs only a retry.
class OpenBlocks {
 public:
  void read(std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::size_t indent = line.find_first_not_of(' ');
    if (fence_length_ > 0) {
      if (indent <= 3 && closes_fence(after_markers(line.substr(indent)))) fence_length_ = 0;
      return;
    }
    if (!html_end_.empty()) {
      if (contains(line, html_end_)) html_end_ = {};
      return;
    }
    if (is_blank_line(line)) until_blank_ = false;
    // A table goes on to an empty line, and may take any line as a row.
    if (line.find('|') != std::string_view::npos) until_blank_ = true;
    if (indent == std::string_view::npos || indent > 3) return;
    std::string_view rest = after_markers(line.substr(indent));
    if (rest.starts_with("```") || rest.starts_with("~~~")) {
      fence_char_ = rest[0];
      fence_length_ = rest.find_first_not_of(fence_char_);
      if (fence_length_ == std::string_view::npos) fence_length_ = rest.size();
      return;
    }
    if (rest.starts_with('<')) {
      std::string_view end = html_end_marker(rest);
      if (!end.empty() && !contains(rest.substr(1), end)) html_end_ = end;
      // Any other HTML block (kinds 6 and 7) goes on to an empty line; so
      // may a line starting with `<` that is not one.
      if (end.empty()) until_blank_ = true;
    }
  }
  bool open() const { return fence_length_ > 0 || !html_end_.empty(); }
  // A table, or an HTML block, that only an empty line ends may be open.
  bool open_until_blank() const { return until_blank_; }

 private:
  // A line without its block quote and list item markers ("> - 1. "): a
  // fence opened on a list item's first line is closed on a line of its own.
  static std::string_view after_markers(std::string_view rest) {
    for (int i = 0; i < 16 && !rest.empty(); ++i) {
      std::size_t n = 0;
      if (rest[0] == '>') {
        n = 1;
      } else if ((rest[0] == '-' || rest[0] == '+' || rest[0] == '*') && rest.size() > 1 && (rest[1] == ' ' || rest[1] == '\t')) {
        n = 2;
      } else {
        n = rest.find_first_not_of("0123456789");
        if (n == 0 || n == std::string_view::npos || n > 9 || n + 1 >= rest.size() || (rest[n] != '.' && rest[n] != ')') ||
            (rest[n + 1] != ' ' && rest[n + 1] != '\t')) {
          return rest;
        }
        n += 2;
      }
      rest.remove_prefix(n);
      const std::size_t text = rest.find_first_not_of(" \t");
      rest.remove_prefix(text == std::string_view::npos ? rest.size() : text);
    }
    return rest;
  }
  bool closes_fence(std::string_view rest) const {
    const std::size_t run = rest.find_first_not_of(fence_char_);
    const std::size_t length = run == std::string_view::npos ? rest.size() : run;
    return length >= fence_length_ && (run == std::string_view::npos || is_blank_line(rest.substr(run)));
  }
  // Whether `text` starts with `lower`, in any case.
  static bool starts_with_lower(std::string_view text, std::string_view lower) {
    return text.size() >= lower.size() &&
           std::equal(lower.begin(), lower.end(), text.begin(),
                      [](char l, char c) { return std::tolower(static_cast<unsigned char>(c)) == l; });
  }
  static bool contains(std::string_view line, std::string_view marker) {
    if (marker != "</") return line.find(marker) != std::string_view::npos;
    for (std::size_t at = line.find("</"); at != std::string_view::npos; at = line.find("</", at + 1)) {
      for (std::string_view tag : {"</script>", "</pre>", "</style>", "</textarea>"}) {
        if (starts_with_lower(line.substr(at), tag)) return true;
      }
    }
    return false;
  }
  // The end marker of the HTML block `rest` starts, or empty. "</" stands
  // for the four closing tags of kind 1.
  static std::string_view html_end_marker(std::string_view rest) {
    if (rest.starts_with("<!--")) return "-->";
    if (rest.starts_with("<![CDATA[")) return "]]>";
    if (rest.starts_with("<?")) return "?>";
    if (rest.size() > 2 && rest[1] == '!' && std::isalpha(static_cast<unsigned char>(rest[2]))) return ">";
    for (std::string_view tag : {"script", "pre", "style", "textarea"}) {
      if (starts_with_lower(rest.substr(1), tag)) return "</";
    }
    return {};
  }

  char fence_char_ = 0;
  std::size_t fence_length_ = 0;
  std::string_view html_end_;
  bool until_blank_ = false;
};

// The marker of a line that starts a bullet list item at the margin with a
// letter or digit ("- Amazon S3 ..."), or 0. Such a line always starts an
// item of a list at the top level (a thematic break, "- - -", or a task,
// "- [ ]", does not start with a letter or digit).
char bullet_item(std::string_view line) {
  if (line.size() < 3 || (line[0] != '-' && line[0] != '*' && line[0] != '+') || line[1] != ' ') return 0;
  const unsigned char c = static_cast<unsigned char>(line[2]);
  return std::isalnum(c) && c < 0x80 ? line[0] : 0;
}

// Where the part that starts at `begin` may end: the start of the first line
// at or after `from` that is not inside an open block and either begins
// with an ASCII letter, `#`, `|` or `[` (a link: a file with a link
// reference definition is not split) after an empty line (or one of spaces
// and tabs), or starts a bullet item right after a line that starts one with the
// same marker (a long list has no empty line to end a part at; its items
// end each other). npos when there is none.
std::size_t next_part_start(std::string_view bytes, std::size_t begin, std::size_t from) {
  OpenBlocks blocks;
  bool after_blank = false;
  char after_item = 0;
  for (std::size_t start = begin; start < bytes.size();) {
    std::size_t nl = bytes.find('\n', start);
    std::size_t end = nl == std::string_view::npos ? bytes.size() : nl;
    const std::string_view line = bytes.substr(start, end - start);
    const char item = bullet_item(line);
    if (start >= from && !blocks.open() && !line.empty()) {
      const char c = line[0];
      if (after_blank && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '#' || c == '|' || c == '[')) {
        return start;
      }
      if (item != 0 && item == after_item && !blocks.open_until_blank()) return start;
    }
    blocks.read(line);
    after_blank = is_blank_line(line);
    after_item = item;
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return std::string_view::npos;
}

// Fed after a part: a paragraph of its own, after an empty line when the
// part does not end with one (a list whose next item starts the next part).
constexpr std::string_view kSentinel = "\ncaselintpartend\n";
constexpr std::string_view kSentinelText = kSentinel.substr(1, kSentinel.size() - 2);

// The sentinel to feed after bytes[begin, end), which ends a line.
std::string_view sentinel_after(std::string_view bytes, std::size_t begin, std::size_t end) {
  const std::size_t last = end - 1 > begin ? bytes.rfind('\n', end - 2) : std::string_view::npos;
  const std::size_t from = last == std::string_view::npos || last < begin ? begin : last + 1;
  return is_blank_line(bytes.substr(from, end - 1 - from)) ? kSentinel.substr(1) : kSentinel;
}

// True when the root's last child is the sentinel's own paragraph; removes it.
bool take_sentinel(cmark_node* root) {
  cmark_node* last = cmark_node_last_child(root);
  if (!last || cmark_node_get_type(last) != CMARK_NODE_PARAGRAPH) return false;
  cmark_node* text = cmark_node_first_child(last);
  if (!text || cmark_node_next(text) || cmark_node_get_type(text) != CMARK_NODE_TEXT) return false;
  const char* lit = cmark_node_get_literal(text);
  if (!lit || std::string_view(lit) != kSentinelText) return false;
  cmark_node_free(last);
  return true;
}

}  // namespace

std::size_t parse_markdown_in_parts(std::string_view bytes, doc::Document& d, std::size_t front_matter,
                                    std::size_t part_bytes) {
  front_matter = std::min(front_matter, bytes.size());
  MarkdownBuilder builder(bytes, d);
  d.last_line = builder.line_count();
  if (d.last_line > 1 && !bytes.empty() && bytes.back() == '\n') d.last_line -= 1;
  const bool split = bytes.size() > part_bytes && may_split(bytes);
  // The front matter as empty lines, without a copy of the rest: a 50 MiB
  // study would hold two copies of its text while cmark-gfm's tree peaks.
  std::string blank_lines = front_matter_as_blank_lines(bytes, front_matter);
  std::size_t begin = front_matter, parts = 0;
  do {
    // A part whose end the sentinel finds inside an open block is read again
    // to a later end; after a few tries, the rest is one part.
    NodePtr root;
    std::size_t end = begin;
    for (int attempt = 0; !root; ++attempt) {
      const std::size_t from = std::max(begin + part_bytes, end + 1);
      end = split && attempt < 4 ? next_part_start(bytes, begin, from) : std::string_view::npos;
      if (end == std::string_view::npos) end = bytes.size();
      ParserPtr parser = new_parser();
      cmark_parser_feed(parser.get(), blank_lines.data(), blank_lines.size());
      cmark_parser_feed(parser.get(), bytes.data() + begin, end - begin);
      if (end < bytes.size()) {
        const std::string_view sentinel = sentinel_after(bytes, begin, end);
        cmark_parser_feed(parser.get(), sentinel.data(), sentinel.size());
      }
      root.reset(cmark_parser_finish(parser.get()));
      if (end < bytes.size() && !take_sentinel(root.get())) root.reset();
    }
    // The first part starts at line 1 with the front matter's empty lines;
    // a later one at its own line of the file.
    builder.add(root.get(), parts == 0 ? 1 : builder.line_of(begin));
    ++parts;
    blank_lines.clear();
    begin = end;
  } while (begin < bytes.size());
  builder.finish();
  return parts;
}

void parse_markdown(std::string_view bytes, doc::Document& d, std::size_t front_matter) {
  parse_markdown_in_parts(bytes, d, front_matter, kPartBytes);
}

}  // namespace caselint::parse
