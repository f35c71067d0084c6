#include "extract/text_util.h"

#include <algorithm>
#include <cctype>

#include "doc/line_index.h"

namespace caselint::extract {

std::pair<std::size_t, std::size_t> char_bounds(std::string_view text, std::size_t begin, std::size_t end) {
  while (begin < end && doc::is_continuation(text[begin])) ++begin;
  while (end < text.size() && doc::is_continuation(text[end])) ++end;
  return {begin, end};
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

namespace {

// ASCII letters only, as std::tolower in the "C" locale the program runs in.
char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = fold(c);
  return out;
}

bool contains_lower(std::string_view s, std::string_view needle) {
  return std::search(s.begin(), s.end(), needle.begin(), needle.end(),
                     [](char a, char b) { return fold(a) == b; }) != s.end() || needle.empty();
}

std::vector<Line> split_lines(std::string_view s) {
  std::vector<Line> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t e = s.find('\n', start);
    if (e == std::string_view::npos) e = s.size();
    out.push_back({s.substr(start, e - start), start});
    start = e + 1;
  }
  return out;
}

std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  int paren = 0;
  auto flush = [&] {
    std::string_view t = trim(cur);
    if (t.rfind("and ", 0) == 0) t.remove_prefix(4);
    t = trim(t);
    while (!t.empty() && (t.back() == '.' || t.back() == ',')) t.remove_suffix(1);
    if (!t.empty()) out.emplace_back(t);
    cur.clear();
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '(') ++paren;
    if (c == ')' && paren > 0) --paren;
    if (paren == 0 && (c == ',' || c == ';' || c == '\n' || c == '|')) {
      flush();
      continue;
    }
    if (paren == 0 && s.substr(i, 5) == " and ") {
      flush();
      i += 4;
      continue;
    }
    cur += c;
  }
  flush();
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  auto fold = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  std::vector<std::size_t> row(b.size() + 1);  // one row of memory
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      std::size_t cost = fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace caselint::extract
