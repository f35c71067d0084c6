#include <algorithm>

#include "format/format.h"

namespace caselint::format {

namespace {

// {page, line on the page} of a PDF's line, or {0, 0}.
std::pair<int, int> page_and_line(const FileResult& r, int line) {
  if (r.format != doc::Format::pdf || r.page_first_lines.empty() || line <= 0) return {0, 0};
  auto it = std::upper_bound(r.page_first_lines.begin(), r.page_first_lines.end(), line);
  if (it == r.page_first_lines.begin()) return {1, line};
  // Pages without text share their first line with the next page: the last
  // page starting at or before the line holds it.
  const int page = static_cast<int>(it - r.page_first_lines.begin());
  return {page, line - *(it - 1) + 1};
}

}  // namespace

std::string place_of(const FileResult& r, int line) {
  if (r.format == doc::Format::pdf) {
    auto [page, on_page] = page_and_line(r, line);
    if (page == 0) return {};
    return "page " + std::to_string(page) + ", line " + std::to_string(on_page);
  }
  if (r.format == doc::Format::docx && line > 0) return "paragraph " + std::to_string(line);
  return {};
}

std::string paragraph_head(const FileResult& r, int line) {
  if (r.format != doc::Format::docx || line <= 0 || static_cast<std::size_t>(line) > r.paragraph_heads.size()) return {};
  return r.paragraph_heads[static_cast<std::size_t>(line - 1)];
}

int page_of(const FileResult& r, int line) { return page_and_line(r, line).first; }
int line_on_page(const FileResult& r, int line) { return page_and_line(r, line).second; }

}  // namespace caselint::format
