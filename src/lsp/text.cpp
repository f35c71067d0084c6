#include "lsp/text.h"

#include <algorithm>

#include "doc/line_index.h"

namespace caselint::lsp {

namespace {

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Lines::Lines(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

std::string_view Lines::line(int index0) const {
  if (index0 < 0 || index0 >= count()) return {};
  std::size_t start = starts_[static_cast<std::size_t>(index0)];
  std::size_t end = index0 + 1 < count() ? starts_[static_cast<std::size_t>(index0) + 1] - 1 : text_.size();
  if (end > start && text_[end - 1] == '\r') --end;
  return text_.substr(start, end - start);
}

std::size_t Lines::offset(LspPosition p) const {
  if (p.line < 0) return 0;
  if (p.line >= count()) return text_.size();
  std::string_view l = line(p.line);
  std::size_t at = starts_[static_cast<std::size_t>(p.line)];
  std::size_t i = 0;
  int units = 0;
  while (i < l.size() && units < p.character) {
    std::size_t n = std::min(doc::utf8_sequence_length(static_cast<unsigned char>(l[i])), l.size() - i);
    units += n == 4 ? 2 : 1;
    i += n;
  }
  return at + i;
}

LspPosition Lines::end() const {
  int last = count() - 1;
  std::size_t start = starts_.back();
  return {last, utf16_length(text_.substr(start))};
}

int utf16_length(std::string_view s) {
  int units = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = std::min(doc::utf8_sequence_length(static_cast<unsigned char>(s[i])), s.size() - i);
    units += n == 4 ? 2 : 1;
    i += n;
  }
  return units;
}

LspPosition to_lsp(const Lines& lines, doc::Position p) {
  int line0 = std::max(p.line - 1, 0);
  if (line0 >= lines.count()) return lines.end();
  std::string_view l = lines.line(line0);
  std::size_t i = 0;
  int units = 0;
  for (int col = 1; col < p.column && i < l.size(); ++col) {
    std::size_t n = std::min(doc::utf8_sequence_length(static_cast<unsigned char>(l[i])), l.size() - i);
    units += n == 4 ? 2 : 1;
    i += n;
  }
  return {line0, units};
}

LspRange to_lsp(const Lines& lines, const doc::SourceRange& r) {
  if (r.end.line == 0 || r.end.column == 0) {
    int line0 = std::max(r.start.line - 1, 0);
    if (line0 >= lines.count()) return {lines.end(), lines.end()};
    return {{line0, 0}, {line0, utf16_length(lines.line(line0))}};
  }
  LspRange out{to_lsp(lines, r.start), to_lsp(lines, r.end)};
  if (out.end < out.start) out.end = out.start;
  // A point (a missing field's anchor) reaches to the end of its line, so
  // that editors underline something and hover finds it.
  if (out.end == out.start && out.start.line < lines.count()) {
    out.end.character = std::max(out.start.character, utf16_length(lines.line(out.start.line)));
  }
  return out;
}

void apply_change(std::string& text, LspRange range, std::string_view replacement) {
  Lines lines(text);
  std::size_t a = lines.offset(range.start);
  std::size_t b = lines.offset(range.end);
  if (b < a) std::swap(a, b);
  text.replace(a, b - a, replacement);
}

std::string uri_to_path(std::string_view uri) {
  constexpr std::string_view kScheme = "file://";
  if (uri.substr(0, kScheme.size()) != kScheme) return {};
  std::string_view rest = uri.substr(kScheme.size());
  // file://host/path: keep the path (a host other than localhost is not ours).
  std::size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return {};
  rest = rest.substr(slash);
  std::string out;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && hex(rest[i + 1]) >= 0 &&
        hex(rest[i + 2]) >= 0) {
      out += static_cast<char>(hex(rest[i + 1]) * 16 + hex(rest[i + 2]));
      i += 2;
    } else {
      out += rest[i];
    }
  }
  return out;
}

}  // namespace caselint::lsp
