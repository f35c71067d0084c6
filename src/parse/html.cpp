#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <climits>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doc/line_index.h"
#include "parse/align.h"
#include "parse/parse.h"

namespace caselint::parse {

namespace {

struct XmlDocFree {
  void operator()(xmlDoc* p) const { xmlFreeDoc(p); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;

// libxml2 keeps lines in an unsigned short: 65535 means "65535 or later".
constexpr long kSaturatedLine = 65535;
// libxml2 stops nesting at 256 levels already; this only bounds our own frames.
constexpr int kMaxDepth = 2000;

std::string_view name_of(const xmlNode* n) {
  return n->name ? std::string_view(reinterpret_cast<const char*>(n->name)) : std::string_view();
}

std::string_view content_of(const xmlNode* n) {
  return n->content ? std::string_view(reinterpret_cast<const char*>(n->content)) : std::string_view();
}

std::optional<std::string> attribute(const xmlNode* n, const char* name) {
  xmlChar* value = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!value) return std::nullopt;
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

bool has_attribute(const xmlNode* n, const char* name) {
  return xmlHasProp(n, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

long raw_line(const xmlNode* n) {
  long line = n->line;
  if (line == kSaturatedLine) line = xmlGetLineNo(n);
  return line;
}

int count_newlines(std::string_view s) {
  return static_cast<int>(std::count(s.begin(), s.end(), '\n'));
}

// Byte length of the HTML white space (or no-break space) at s[i], else 0.
std::size_t space_at(std::string_view s, std::size_t i) {
  char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') return 1;
  if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') return 2;
  return 0;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

int heading_level(std::string_view name) {
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return name[1] - '0';
  return 0;
}

bool is_inline(std::string_view name) {
  return one_of(name, {"a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data",
                       "del", "dfn", "em", "font", "i", "img", "input", "ins", "kbd", "label", "mark",
                       "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt",
                       "u", "var", "wbr", "ruby", "rb", "rt", "rp", "output", "meter", "progress"});
}

bool is_invisible(const xmlNode* n, std::string_view name) {
  if (one_of(name, {"script", "style", "noscript", "template", "head", "svg"})) return true;
  if (has_attribute(n, "hidden")) return true;
  if (auto style = attribute(n, "style")) {
    std::string compact;
    for (char c : ascii_lower(*style)) {
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') compact += c;
    }
    if (compact.find("display:none") != std::string::npos ||
        compact.find("visibility:hidden") != std::string::npos) {
      return true;
    }
  }
  return false;
}

// Where a text node's content stands in the page: the pieces align_text
// found from byte `base` of the source.
struct Located {
  const std::vector<AlignedPiece>* pieces = nullptr;
  std::size_t base = 0;
  std::size_t aligned = 0;  // bytes of the content the pieces cover
  const doc::LineIndex* index = nullptr;
  doc::TextSpan::Role role = doc::TextSpan::Role::text;
};

// Whitespace-collapsing text accumulator. With the text's place in the page
// (Located), its spans are exact: one per stretch copied from the page
// (a single space between words included), one per character reference;
// without it, one per source line with an unknown column.
struct TextBuilder {
  std::string text;
  std::vector<doc::TextSpan> spans;
  bool pending_space = false;
  int first_line = 0;
  int last_line = 0;

  void add(std::string_view s, int line, const Located& at) {
    if (!at.pieces || at.aligned == 0) {
      add(s, line);
      return;
    }
    const std::vector<AlignedPiece>& pieces = *at.pieces;
    std::size_t pi = 0;
    bool open = false;         // the last span may grow
    std::size_t next_src = 0;  // where in the source it would go on
    int line_now = line;
    const auto piece_at = [&](std::size_t i) -> const AlignedPiece* {
      while (pi < pieces.size() && pieces[pi].text_begin + pieces[pi].text_length <= i) ++pi;
      return pi < pieces.size() && pieces[pi].text_begin <= i ? &pieces[pi] : nullptr;
    };
    const auto note_line = [&](int l) {
      if (first_line == 0) first_line = l;
      last_line = std::max(last_line, l);
      line_now = l;
    };
    std::size_t i = 0;
    while (i < at.aligned) {
      const AlignedPiece* p = piece_at(i);
      if (!p) break;
      const std::size_t src = at.base + p->source_begin + (p->verbatim ? i - p->text_begin : 0);
      if (std::size_t w = space_at(s, i)) {
        // One space between words, as in the page, stays in the span.
        if (open && w == 1 && s[i] == ' ' && p->verbatim && src == next_src && !pending_space && i + 1 < at.aligned &&
            !space_at(s, i + 1)) {
          text += ' ';
          spans.back().length += 1;
          next_src = src + 1;
          ++i;
          continue;
        }
        if (!text.empty()) pending_space = true;
        open = false;
        i += w;
        continue;
      }
      if (pending_space) {
        text += ' ';
        pending_space = false;
      }
      if (!p->verbatim) {
        // A character reference: one span for the character(s) it stands for.
        const std::size_t end = p->text_begin + p->text_length;
        const std::string_view spelled = at.index->source().substr(src, p->source_length);
        doc::TextSpan span{text.size(), end - i, at.index->at(src), static_cast<int>(doc::count_codepoints(spelled)), at.role};
        note_line(span.start.line);
        spans.push_back(span);
        text.append(s.substr(i, end - i));
        open = false;
        i = end;
        continue;
      }
      const std::size_t len = std::min(doc::utf8_sequence_length(static_cast<unsigned char>(s[i])), at.aligned - i);
      if (open && src == next_src) {
        spans.back().length += len;
      } else {
        doc::TextSpan span{text.size(), len, at.index->at(src), -1, at.role};
        note_line(span.start.line);
        spans.push_back(span);
        open = true;
      }
      text.append(s.substr(i, len));
      next_src = src + len;
      i += len;
    }
    // What could not be found again keeps the line-only spans.
    if (i < s.size()) add(s.substr(i), line_now);
  }

  void soft_break() {
    if (!text.empty()) pending_space = true;
  }

  void add(std::string_view s, int line) {
    std::size_t pos = 0;
    while (true) {
      std::size_t nl = s.find('\n', pos);
      add_line(s.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos), line);
      if (nl == std::string_view::npos) break;
      if (!text.empty()) pending_space = true;
      pos = nl + 1;
      ++line;
    }
  }

  void add_line(std::string_view s, int line) {
    std::size_t span_start = std::string::npos;
    for (std::size_t i = 0; i < s.size();) {
      if (std::size_t w = space_at(s, i)) {
        if (!text.empty()) pending_space = true;
        i += w;
        continue;
      }
      if (pending_space) {
        text += ' ';
        pending_space = false;
      }
      if (span_start == std::string::npos) span_start = text.size();
      text += s[i++];
    }
    if (span_start == std::string::npos) return;
    if (first_line == 0) first_line = line;
    last_line = std::max(last_line, line);
    // A line-only span grows; a span placed exactly (add with Located) never
    // takes in text it was not read from.
    if (!spans.empty() && spans.back().start.line == line && spans.back().start.column == 0) {
      spans.back().length = text.size() - spans.back().offset;
    } else {
      spans.push_back({span_start, text.size() - span_start, {line, 0}});
    }
  }
};

std::string collapse(std::string_view s) {
  TextBuilder b;
  b.add(s, 1);
  return std::move(b.text);
}

// Text of every text descendant, collapsed; walked without recursion.
std::string subtree_text(const xmlNode* root) {
  TextBuilder b;
  const xmlNode* n = root->children;
  while (n) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      b.add(content_of(n), 1);
    } else if (n->type == XML_ELEMENT_NODE && n->children) {
      n = n->children;
      continue;
    }
    while (n && !n->next) {
      n = n->parent;
      if (n == root) n = nullptr;
    }
    if (n) n = n->next;
  }
  return std::move(b.text);
}

enum class CollectorKind { loose, block, heading };

// Where visible text currently goes: loose text of a container, one block
// element, or a heading.
struct Collector {
  CollectorKind kind = CollectorKind::loose;
  doc::BlockKind block_kind = doc::BlockKind::paragraph;
  bool absorbing = false;  // nested block elements add to this one
  int start_line = 0;      // 0: the first text line
  int table = -1;
  int row = -1;
  bool header_cell = false;
  int section = -1;        // for headings
  int generation = 0;      // bumped whenever the text is flushed
  TextBuilder b;
  std::string strong_prefix;
};

// Text of an open <a href> or <figcaption>.
struct Sink {
  TextBuilder b;
  int link = -1;  // -1 for a figcaption
  std::string image_alt;
};

struct FigureFrame {
  std::vector<int> images;  // image links without alt text
  std::string caption;
};

struct TableFrame {
  int index = -1;
  bool first_row_in_head = false;
  std::vector<bool> row_all_th;
};

struct Frame {
  bool scope = false;
  bool invisible = false;
  bool collector = false;
  bool sink = false;
  bool table = false;
  bool thead = false;
  bool figure = false;
  bool boundary = false;
  bool strong = false;
  bool code = false;  // <code>, <kbd>, <samp> or <tt>
  bool chrome = false;  // <nav>, <header> or <footer>
  std::size_t strong_collector = 0;
  int strong_generation = 0;
};

class HtmlBuilder {
 public:
  HtmlBuilder(std::string_view source, doc::Document& d, const xmlNode* scope)
      : d_(d), scope_(scope), index_(source) {
    collectors_.emplace_back();
    section_stack_.push_back(0);
  }

  void build(xmlDoc* document) {
    const xmlNode* doc_node = reinterpret_cast<const xmlNode*>(document);
    xmlNode* n = document->children;
    while (n) {
      if (enter(n) && n->children) {
        n = n->children;
        continue;
      }
      while (true) {
        if (n->type == XML_ELEMENT_NODE) leave();
        if (n->next) {
          n = n->next;
          break;
        }
        n = n->parent;
        if (!n || n == doc_node) {
          n = nullptr;
          break;
        }
      }
    }
    flush_top();
    finish();
  }

 private:
  // Read as the article: in scope, not hidden, and, when the scope is the
  // whole body (no <main>, <article> or theme content element), not in its
  // <nav>, <header> or <footer>.
  bool visible() const { return in_scope_ && invisible_ == 0 && !body_chrome(); }
  bool body_chrome() const { return chrome_depth_ > 0 && name_of(scope_) == "body"; }
  Collector& top() { return collectors_.back(); }

  // Returns whether to descend into the node's children.
  bool enter(xmlNode* n) {
    switch (n->type) {
      case XML_ELEMENT_NODE: return enter_element(n);
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE: {
        std::string_view text = content_of(n);
        int line = text_start_line(n, text);
        if (visible() && n->type == XML_TEXT_NODE) add_text(text, line, locate(text, line));
        return false;
      }
      case XML_COMMENT_NODE: {
        std::string_view text = content_of(n);
        int line = text_start_line(n, text);
        if (auto directive = parse_directive(text, line)) d_.directives.push_back(std::move(*directive));
        d_.hidden.push_back({doc::HiddenText::Kind::comment, std::string(text), "", line, in_template()});
        return false;
      }
      default: return false;
    }
  }

  // libxml2 records the line where a start tag ends and where a text node's
  // first chunk ends; `cursor_` tracks where the previous node ended so that
  // starts can be recovered (and continued past line 65535).
  int element_start_line(const xmlNode* n) {
    long raw = raw_line(n);
    if (raw <= 0) return cursor_;
    if (raw >= kSaturatedLine) {
      cursor_ = std::max(cursor_, static_cast<int>(kSaturatedLine));
      return cursor_;
    }
    int end = static_cast<int>(raw);
    int start = std::min(cursor_, end);
    cursor_ = end;
    return start;
  }

  int text_start_line(const xmlNode* n, std::string_view text) {
    int newlines = count_newlines(text);
    long raw = n->type == XML_CDATA_SECTION_NODE ? 0 : raw_line(n);
    int start = cursor_;
    if (raw >= kSaturatedLine) {
      start = std::max(cursor_, static_cast<int>(kSaturatedLine) - newlines);
    } else if (raw > 0) {
      int end = static_cast<int>(raw);
      start = std::min(std::max(cursor_, end - newlines), end);
    }
    cursor_ = start + newlines;
    return start;
  }

  bool enter_element(xmlNode* n) {
    std::string_view name = name_of(n);
    int line = element_start_line(n);
    Frame f;
    if (n == scope_) {
      f.scope = true;
      in_scope_ = true;
    }
    if (name == "title") note_title(n, line);
    if (name == "meta") note_meta(n);
    if (name == "meta" || name == "link") note_page_url(n, line);
    // Where a fragment link may land: any element's id, an <a name>.
    for (const char* attr : {"id", "name"}) {
      if (attr[0] == 'n' && name != "a") continue;
      if (std::optional<std::string> v = attribute(n, attr); v && !v->empty() && v->size() <= 256) {
        d_.anchors.push_back(std::move(*v));
      }
    }
    if (one_of(name, {"nav", "header", "footer"})) {
      f.chrome = true;
      ++chrome_depth_;
    }
    if (is_invisible(n, name)) {
      // The outermost element its author hid (not script, style, head ...).
      if (invisible_ == 0 && !one_of(name, {"script", "style", "noscript", "template", "head", "svg"})) {
        d_.hidden.push_back({doc::HiddenText::Kind::hidden_element, subtree_text(n), std::string(name), line, in_template()});
      }
      f.invisible = true;
      ++invisible_;
    }
    if (visible()) {
      open_element(n, name, line, f);
    } else if (name == "h1" && invisible_ == 0) {
      note_h1(n, line);
    }
    if ((!in_scope_ || body_chrome()) && invisible_ == 0) note_outside_link(n, name, line);
    frames_.push_back(f);
    return static_cast<int>(frames_.size()) <= kMaxDepth;
  }

  void open_element(const xmlNode* n, std::string_view name, int line, Frame& f) {
    const bool absorbing = top().absorbing;
    const int level = heading_level(name);
    if (level > 0 && !absorbing) {
      flush_top();
      Collector c;
      c.kind = CollectorKind::heading;
      c.absorbing = true;
      c.section = open_section(level, line);
      collectors_.push_back(std::move(c));
      f.collector = true;
    } else if (!absorbing && one_of(name, {"p", "li", "dt", "dd", "blockquote", "figcaption", "pre", "td", "th"})) {
      open_block(name, line);
      f.collector = true;
      if (name == "figcaption") {
        sinks_.emplace_back();
        f.sink = true;
      }
    } else if (name == "table" && !absorbing) {
      flush_top();
      doc::Table t;
      t.range = {{line, 0}, {line, 0}};
      t.section = current_section();
      tables_.push_back({static_cast<int>(d_.tables.size()), false, {}});
      d_.tables.push_back(std::move(t));
      f.table = true;
      f.boundary = true;
    } else {
      if (level == 1) note_h1(n, line);
      if (!is_inline(name) || name == "br") boundary();
      f.boundary = !is_inline(name);
      if (!absorbing && !tables_.empty()) {
        if (name == "thead") {
          ++in_thead_;
          f.thead = true;
        } else if (name == "tr") {
          add_row(tables_.back());
        }
      }
    }

    if (one_of(name, {"code", "kbd", "samp", "tt"})) {
      f.code = true;
      ++code_depth_;
    }
    if (name == "figure") {
      figures_.emplace_back();
      f.figure = true;
    } else if (name == "a" && has_attribute(n, "href")) {
      doc::Link link;
      link.target = attribute(n, "href").value_or("");
      link.title = attribute(n, "title").value_or("");
      link.range = {{line, 0}, {line, 0}};
      link.section = current_section();
      Sink s;
      s.link = static_cast<int>(d_.links.size());
      d_.links.push_back(std::move(link));
      sinks_.push_back(std::move(s));
      f.sink = true;
    } else if (name == "img") {
      add_image(n, line);
    } else if (!absorbing && one_of(name, {"section", "div", "article", "aside"})) {
      // The outline decides whether the class or id names a section.
      for (const char* attr : {"class", "id"}) {
        std::optional<std::string> v = attribute(n, attr);
        if (v && !v->empty() && v->size() <= 200) {
          d_.section_hints.push_back({std::move(*v), line, d_.blocks.size(), d_.sections.size()});
          break;
        }
      }
    } else if (name == "strong" || name == "b") {
      Collector& c = top();
      if (c.kind != CollectorKind::heading && c.b.text.empty()) {
        f.strong = true;
        f.strong_collector = collectors_.size() - 1;
        f.strong_generation = c.generation;
      }
    }
  }

  void open_block(std::string_view name, int line) {
    flush_top();
    Collector c;
    c.kind = CollectorKind::block;
    c.start_line = line;
    if (name == "li") c.block_kind = doc::BlockKind::list_item;
    if (name == "dt") c.block_kind = doc::BlockKind::definition_term;
    if (name == "dd") c.block_kind = doc::BlockKind::definition;
    if (name == "pre") {
      c.block_kind = doc::BlockKind::code;
      c.absorbing = true;
    }
    // A cell is one block whatever it contains; a stray cell (no <table>)
    // is an ordinary paragraph.
    if ((name == "td" || name == "th") && !tables_.empty()) {
      TableFrame& t = tables_.back();
      auto& rows = d_.tables[static_cast<std::size_t>(t.index)].rows;
      if (rows.empty()) add_row(t);
      c.absorbing = true;
      c.block_kind = doc::BlockKind::table_cell;
      c.table = t.index;
      c.row = static_cast<int>(rows.size()) - 1;
      c.header_cell = name == "th";
    }
    collectors_.push_back(std::move(c));
  }

  void leave() {
    Frame f = frames_.back();
    frames_.pop_back();
    if (f.code) --code_depth_;
    if (f.chrome) --chrome_depth_;
    if (f.sink) close_sink();
    if (f.collector) close_collector();
    if (f.strong && f.strong_collector + 1 == collectors_.size() &&
        top().generation == f.strong_generation) {
      top().strong_prefix = top().b.text;
    }
    if (f.figure) close_figure();
    if (f.thead) --in_thead_;
    if (f.table) close_table();
    if (f.boundary) boundary();
    if (f.invisible) --invisible_;
    if (f.scope) {
      flush_top();
      in_scope_ = false;
    }
  }

  int current_section() const { return section_stack_.back(); }

  int open_section(int level, int line) {
    while (section_stack_.size() > 1 &&
           d_.sections[static_cast<std::size_t>(section_stack_.back())].level >= level) {
      section_stack_.pop_back();
    }
    doc::Section s;
    s.level = level;
    s.heading_range = {{line, 0}, {line, 0}};
    s.range.start = {line, 0};
    s.parent = section_stack_.back();
    int index = static_cast<int>(d_.sections.size());
    d_.sections[static_cast<std::size_t>(s.parent)].children.push_back(index);
    d_.sections.push_back(std::move(s));
    section_stack_.push_back(index);
    return index;
  }

  void add_row(TableFrame& t) {
    auto& rows = d_.tables[static_cast<std::size_t>(t.index)].rows;
    if (rows.empty()) t.first_row_in_head = in_thead_ > 0;
    rows.emplace_back();
    t.row_all_th.push_back(true);
  }

  // A link or image in the page's navigation, header or footer: kept apart
  // from the content's links, for the site's link graph.
  void note_outside_link(const xmlNode* n, std::string_view name, int line) {
    doc::Link link;
    if (name == "a" && has_attribute(n, "href")) {
      link.target = attribute(n, "href").value_or("");
    } else if (name == "img") {
      link.is_image = true;
      link.target = attribute(n, "src").value_or(attribute(n, "data-src").value_or(""));
      link.text = collapse(attribute(n, "alt").value_or(""));
    } else {
      return;
    }
    link.range = {{line, 0}, {line, 0}};
    d_.outside_links.push_back(std::move(link));
  }

  void add_image(const xmlNode* n, int line) {
    doc::Link link;
    link.is_image = true;
    std::optional<std::string> src = attribute(n, "src");
    if (!src || src->empty()) {
      if (auto lazy = attribute(n, "data-src")) src = std::move(lazy);
    }
    link.target = src.value_or("");
    link.text = collapse(attribute(n, "alt").value_or(""));
    link.title = attribute(n, "title").value_or("");
    link.range = {{line, 0}, {line, 0}};
    link.section = current_section();
    int index = static_cast<int>(d_.links.size());
    if (link.text.empty() && !figures_.empty()) figures_.back().images.push_back(index);
    for (Sink& s : sinks_) {
      if (s.link >= 0 && s.image_alt.empty()) s.image_alt = link.text;
    }
    d_.links.push_back(std::move(link));
  }

  void add_text(std::string_view text, int line, Located at) {
    top().b.add(text, line, at);
    for (Sink& s : sinks_) s.b.add(text, line, at);
  }

  // Whether what is read now belongs to the page's template, not its
  // article: outside <main> or <article> when the page has one, else inside
  // the body's <nav>, <header> or <footer>.
  bool in_template() const {
    const std::string_view scope = name_of(scope_);
    if (scope == "main" || scope == "article") return !in_scope_;
    return chrome_depth_ > 0;
  }

  // Where a text node's content stands in the page: text follows a tag, so
  // it is looked for after a '>' at or past where the last text found ended
  // (and no earlier than the line before the one libxml2 gives it), a
  // bounded way, and read back with align_text (character references,
  // CRLF). Not found: no place, and the text keeps line-only spans. The
  // looking is budgeted to a few times the page's size, so a page whose
  // text cannot be found again still costs linear time.
  Located locate(std::string_view text, int line) {
    Located at;
    at.index = &index_;
    at.pieces = &pieces_;
    at.role = code_depth_ > 0 ? doc::TextSpan::Role::code
              : std::any_of(sinks_.begin(), sinks_.end(), [](const Sink& s) { return s.link >= 0; })
                  ? doc::TextSpan::Role::link
                  : doc::TextSpan::Role::text;
    if (text.empty()) return at;
    constexpr std::size_t kLookBytes = std::size_t{1} << 16;
    constexpr int kLookTags = 4096;
    int tags = 0;
    const std::string_view source = index_.source();
    const std::size_t from =
        std::max(source_cursor_, line > 1 && line - 1 <= index_.line_count() ? index_.offset_of(line - 1, 1) : 0);
    for (std::size_t p = from; p <= source.size() && p < from + kLookBytes && tags < kLookTags && look_budget_ > 0;) {
      if (p == 0 || source[p - 1] == '>') {
        ++tags;
        pieces_.clear();
        const std::size_t aligned = align_text(text, source.substr(p), Spelling::html, pieces_);
        if (aligned == text.size()) {
          at.base = p;
          at.aligned = aligned;
          source_cursor_ = p + pieces_.back().source_begin + pieces_.back().source_length;
          return at;
        }
      }
      const std::size_t next = source.find('>', p);
      if (next == std::string_view::npos) break;
      const std::size_t step = next + 1 - p;
      look_budget_ -= std::min(look_budget_, step + text.size());
      p = next + 1;
    }
    pieces_.clear();
    return at;
  }

  // A non-inline element starts or ends: loose text before it is a block of
  // its own; inside a block it only separates words.
  void boundary() {
    if (collectors_.size() == 1) {
      flush_top();
    } else {
      top().b.soft_break();
    }
    for (Sink& s : sinks_) s.b.soft_break();
  }

  // Emits the text collected so far by the innermost loose or block
  // collector; the collector then continues with a new block.
  void flush_top() {
    Collector& c = top();
    if (c.kind == CollectorKind::heading || c.absorbing) return;
    emit(c, false);
    c.b = TextBuilder{};
    c.strong_prefix.clear();
    c.start_line = 0;
    ++c.generation;
  }

  void emit(Collector& c, bool always) {
    if (c.b.text.empty() && !always) return;
    doc::Block block;
    block.kind = c.block_kind;
    int start = c.start_line > 0 ? c.start_line : (c.b.first_line > 0 ? c.b.first_line : cursor_);
    block.range = {{start, 0}, {std::max(start, c.b.last_line), 0}};
    block.section = current_section();
    block.table = c.table;
    block.row = c.row;
    block.text = std::move(c.b.text);
    block.set_strong_prefix(c.strong_prefix);
    c.strong_prefix.clear();
    if (c.table >= 0) {
      auto& row = d_.tables[static_cast<std::size_t>(c.table)].rows[static_cast<std::size_t>(c.row)];
      block.col = static_cast<int>(row.size());
      row.push_back(static_cast<int>(d_.blocks.size()));
      if (!c.header_cell) tables_.back().row_all_th[static_cast<std::size_t>(c.row)] = false;
    }
    doc::append_block(d_, std::move(block), c.b.spans);
  }

  void close_collector() {
    Collector c = std::move(collectors_.back());
    collectors_.pop_back();
    if (c.kind == CollectorKind::heading) {
      doc::Section& s = d_.sections[static_cast<std::size_t>(c.section)];
      s.heading = std::move(c.b.text);
      if (s.level == 1 && !scope_h1_) scope_h1_ = std::pair{s.heading, s.heading_range.start.line};
      return;
    }
    emit(c, c.table >= 0);
  }

  void close_sink() {
    Sink s = std::move(sinks_.back());
    sinks_.pop_back();
    if (s.link < 0) {
      if (!figures_.empty() && figures_.back().caption.empty()) figures_.back().caption = std::move(s.b.text);
      return;
    }
    doc::Link& link = d_.links[static_cast<std::size_t>(s.link)];
    link.text = s.b.text.empty() ? std::move(s.image_alt) : std::move(s.b.text);
    link.range.end = {std::max(link.range.start.line, s.b.last_line), 0};
  }

  void close_figure() {
    FigureFrame fig = std::move(figures_.back());
    figures_.pop_back();
    for (int i : fig.images) {
      doc::Link& link = d_.links[static_cast<std::size_t>(i)];
      if (link.title.empty()) link.title = fig.caption;
    }
  }

  void close_table() {
    TableFrame t = std::move(tables_.back());
    tables_.pop_back();
    doc::Table& table = d_.tables[static_cast<std::size_t>(t.index)];
    table.range.end = {std::max(table.range.start.line, cursor_), 0};
    table.has_header = !table.rows.empty() && !table.rows[0].empty() &&
                       (t.row_all_th[0] || t.first_row_in_head);
  }

  void note_title(const xmlNode* n, int line) {
    if (title_) return;
    for (const xmlNode* p = n->parent; p; p = p->parent) {
      if (p->type == XML_ELEMENT_NODE && one_of(name_of(p), {"svg", "body"})) return;
    }
    std::string text = subtree_text(n);
    if (text.empty()) return;
    title_ = true;
    d_.title = std::move(text);
    d_.title_range = {{line, 0}, {line, 0}};
  }

  // An h1 that does not open a section (outside the main content, or inside
  // a table cell) is only a fallback for the title.
  void note_h1(const xmlNode* n, int line) {
    if (!other_h1_) other_h1_ = std::pair{subtree_text(n), line};
  }

  // The page's own URL (<link rel="canonical">, <meta property="og:url">)
  // becomes metadata "canonical" / "og:url", as front matter `url:` does.
  void note_page_url(const xmlNode* n, int line) {
    std::string key;
    std::optional<std::string> value;
    if (ascii_lower(attribute(n, "rel").value_or("")) == "canonical") {
      key = "canonical";
      value = attribute(n, "href");
    } else if (ascii_lower(attribute(n, "property").value_or("")) == "og:url") {
      key = "og:url";
      value = attribute(n, "content");
    }
    if (key.empty() || !value || d_.metadata.count(key)) return;
    doc::MetaValue m;
    m.text = collapse(*value);
    m.range = m.value_range = {{line, 0}, {line, 0}};
    d_.metadata.emplace(key, std::move(m));
  }

  void note_meta(const xmlNode* n) {
    std::optional<std::string> content = attribute(n, "content");
    if (!content) return;
    std::string name = ascii_lower(attribute(n, "name").value_or(""));
    std::string property = ascii_lower(attribute(n, "property").value_or(""));
    if (name == "description" && !meta_description_) {
      d_.description = collapse(*content);
      meta_description_ = true;
    } else if (property == "og:description" && !meta_description_ && d_.description.empty()) {
      d_.description = collapse(*content);
    }
  }

  void finish() {
    auto& secs = d_.sections;
    secs[0].range = {{d_.body_first_line, 0}, {d_.last_line, 0}};
    doc::close_section_ranges(d_);
    if (!title_) {
      const auto& h1 = scope_h1_ ? scope_h1_ : other_h1_;
      if (h1) {
        d_.title = h1->first;
        d_.title_range = {{h1->second, 0}, {h1->second, 0}};
      }
    }
  }

  doc::Document& d_;
  const xmlNode* scope_;
  bool in_scope_ = false;
  int invisible_ = 0;
  int in_thead_ = 0;
  int cursor_ = 1;
  bool title_ = false;
  bool meta_description_ = false;
  doc::LineIndex index_;
  std::size_t source_cursor_ = 0;  // where the last text found in the page ended
  std::size_t look_budget_ = 4 * index_.source().size() + (std::size_t{1} << 20);  // bytes locate() may still read
  std::vector<AlignedPiece> pieces_;
  int code_depth_ = 0;
  int chrome_depth_ = 0;  // inside <nav>, <header> or <footer>

  std::optional<std::pair<std::string, int>> scope_h1_;
  std::optional<std::pair<std::string, int>> other_h1_;
  std::vector<Frame> frames_;
  std::vector<Collector> collectors_;
  std::vector<Sink> sinks_;
  std::vector<FigureFrame> figures_;
  std::vector<TableFrame> tables_;
  std::vector<int> section_stack_;
};

// The first element in document order that `want` accepts.
template <class Want>
const xmlNode* find_first(const xmlNode* root, Want want) {
  const xmlNode* n = root;
  while (n) {
    if (n->type == XML_ELEMENT_NODE && want(n)) return n;
    if (n->type == XML_ELEMENT_NODE && n->children) {
      n = n->children;
      continue;
    }
    while (n != root && !n->next) n = n->parent;
    if (n == root) return nullptr;
    n = n->next;
  }
  return nullptr;
}

int count_lines(std::string_view bytes) {
  int lines = 1 + count_newlines(bytes);
  if (lines > 1 && bytes.back() == '\n') --lines;
  return lines;
}

}  // namespace

void parse_html(std::string_view bytes, doc::Document& d) {
  if (d.sections.empty()) d.sections.emplace_back();
  d.last_line = count_lines(bytes);
  d.sections[0].range = {{d.body_first_line, 0}, {d.last_line, 0}};
  if (bytes.empty()) return;

  const int size = static_cast<int>(std::min<std::size_t>(bytes.size(), INT_MAX));
  XmlDocPtr document(htmlReadMemory(bytes.data(), size, nullptr, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                        HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC));
  if (!document) return;
  const xmlNode* root = xmlDocGetRootElement(document.get());
  if (!root) return;

  // The page's article: <main>, else <article>, else the element a theme
  // marks as its content (role="main", id or class "content",
  // "entry-content", "post-content", ...), else the body.
  auto named = [](std::string_view name) { return [name](const xmlNode* n) { return name_of(n) == name; }; };
  const xmlNode* scope = find_first(root, named("main"));
  if (!scope) scope = find_first(root, named("article"));
  if (!scope) {
    scope = find_first(root, [](const xmlNode* n) {
      if (attribute(n, "role").value_or("") == "main") return true;
      static const char* const kContent[] = {"content", "main-content", "site-content", "page-content",
                                             "entry-content", "post-content", "article-content", "main"};
      for (const char* attr : {"id", "class"}) {
        const std::string v = ascii_lower(attribute(n, attr).value_or(""));
        for (std::size_t from = 0; from < v.size();) {
          std::size_t sp = v.find(' ', from);
          if (sp == std::string::npos) sp = v.size();
          const std::string_view token = std::string_view(v).substr(from, sp - from);
          for (const char* c : kContent) {
            if (token == c) return name_of(n) == "div" || name_of(n) == "section";
          }
          from = sp + 1;
        }
      }
      return false;
    });
  }
  if (!scope) scope = find_first(root, named("body"));
  if (!scope) scope = root;

  HtmlBuilder builder(bytes, d, scope);
  builder.build(document.get());
}

}  // namespace caselint::parse
