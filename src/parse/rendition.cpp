#include "parse/rendition.h"

#include <algorithm>

#include "parse/parse.h"

namespace caselint::parse {

void Rendition::line(std::string_view markdown, int origin) {
  text_.append(markdown);
  text_.push_back('\n');
  origins_.push_back(origin);
}

void Rendition::blank() {
  if (origins_.empty() || text_.size() < 2 || text_[text_.size() - 2] == '\n') return;
  text_.push_back('\n');
  origins_.push_back(origins_.back());
}

namespace {

struct Mover {
  const std::vector<int>& origins;

  doc::Position at(doc::Position p) const {
    if (p.line <= 0 || origins.empty()) return p;
    const std::size_t i = std::min(static_cast<std::size_t>(p.line - 1), origins.size() - 1);
    return {origins[i], 0};
  }
  void move(doc::SourceRange& r) const {
    r.start = at(r.start);
    r.end = at(r.end);
  }
};

}  // namespace

void Rendition::finish(doc::Document& d) {
  parse_markdown(text_, d);
  const Mover m{origins_};
  m.move(d.title_range);
  for (doc::Section& s : d.sections) {
    m.move(s.heading_range);
    m.move(s.range);
  }
  for (doc::Block& b : d.blocks) m.move(b.range);
  for (doc::Table& t : d.tables) m.move(t.range);
  for (doc::Link& l : d.links) m.move(l.range);
  for (doc::TextSpan& s : d.spans) {
    s.start = m.at(s.start);
    s.source_width = 0;  // the document holds the text, not the rendition's markup
  }
  // Escaped text holds no comment or directive; the rendition adds none.
  d.directives.clear();
  d.hidden.erase(std::remove_if(d.hidden.begin(), d.hidden.end(),
                                [](const doc::HiddenText& h) { return h.kind == doc::HiddenText::Kind::comment; }),
                 d.hidden.end());
  d.body_first_line = 1;
  d.last_line = origins_.empty() ? 1 : std::max(1, *std::max_element(origins_.begin(), origins_.end()));
  std::string().swap(text_);
}

std::string escape_markdown(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '\n': case '\r': case '\t': case '\v': case '\f':
        out.push_back(' ');
        break;
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '#': case '|':
      case '!': case '~': case '&': case '{': case '}': case '-': case '+': case '=': case '.': case ')':
      case '(': case '$': case '^':
        out.push_back('\\');
        out.push_back(c);
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string markdown_destination(std::string_view url) {
  std::string out = "<";
  static const char* hex = "0123456789ABCDEF";
  for (unsigned char c : url) {
    if (c == '<' || c == '>' || c == '\\' || c <= ' ') {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  out.push_back('>');
  return out;
}

std::string collapse_space(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace caselint::parse
