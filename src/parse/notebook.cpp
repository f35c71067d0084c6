// Jupyter notebooks (.ipynb, nbformat 4): nlohmann-json reads the JSON; the
// Markdown cells go through the Markdown path (cmark-gfm) and code cells
// become fenced code blocks of one Markdown text, whose positions are then
// mapped back to the notebook file.
//
// Positions: nlohmann-json reports no positions, so the bytes are fed through
// an iterator that counts the lines it has consumed; when the parser hands
// over a string value, the iterator stands just after its closing quote. The
// line of each source string is therefore exact. A column is exact when the
// string is written as nlohmann-json would write it (re-serialised and
// compared with the bytes) and holds no escape other than a final "\n";
// otherwise the column is 0 (unknown). Raw cells and cell outputs are not
// read: outputs are generated, not written by the author.
#include <algorithm>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>

#include "doc/line_index.h"
#include "parse/parse.h"

namespace caselint::parse {

namespace {

using Json = nlohmann::ordered_json;

// An input iterator over the bytes that counts the line breaks it passes.
struct LineCountingIterator {
  using iterator_category = std::forward_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  const char* p = nullptr;
  int* lines = nullptr;          // line breaks consumed so far
  std::size_t* consumed = nullptr;  // bytes consumed so far

  reference operator*() const { return *p; }
  LineCountingIterator& operator++() {
    if (*p == '\n') ++*lines;
    ++*consumed;
    ++p;
    return *this;
  }
  LineCountingIterator operator++(int) {
    LineCountingIterator old = *this;
    ++*this;
    return old;
  }
  friend bool operator==(const LineCountingIterator& a, const LineCountingIterator& b) { return a.p == b.p; }
};

// Where a string value of the JSON ends: the 1-based line of its closing
// quote and the byte offset just after it.
struct StringEnd {
  int line = 0;
  std::size_t end = 0;
};

// One line of the Markdown text built from the cells, and where it came from.
struct LineOrigin {
  int line = 0;        // line in the notebook file
  int column_base = -1;  // code-point column before the text starts; -1: unknown
};

class NotebookReader {
 public:
  NotebookReader(std::string_view bytes, doc::Document& d) : bytes_(bytes), index_(bytes), d_(d) {}

  std::optional<ParseError> read() {
    Json root;
    std::vector<StringEnd> ends;
    int lines = 0;
    std::size_t consumed = 0;
    LineCountingIterator first{bytes_.data(), &lines, &consumed};
    LineCountingIterator last{bytes_.data() + bytes_.size(), &lines, &consumed};
    try {
      root = Json::parse(first, last, [&](int, Json::parse_event_t event, Json& value) {
        if (event == Json::parse_event_t::value && value.is_string()) ends.push_back({lines + 1, consumed});
        return true;
      });
    } catch (const Json::parse_error& e) {
      std::size_t at = e.byte > 0 ? std::min<std::size_t>(e.byte - 1, bytes_.size()) : 0;
      std::string what = e.what();
      if (auto colon = what.find(": "); colon != std::string::npos) what = what.substr(colon + 2);
      return ParseError{"not a valid Jupyter notebook: invalid JSON (" + what + ")", index_.at(at).line};
    }
    if (!root.is_object() || !root.contains("cells") || !root["cells"].is_array()) {
      if (root.is_object() && root.contains("worksheets")) {
        return ParseError{"nbformat 3 notebooks are not supported; convert with `jupyter nbconvert --to notebook`", 1};
      }
      return ParseError{"not a Jupyter notebook: the JSON has no \"cells\" list", 1};
    }
    locate_strings(root, ends);
    build(root["cells"]);
    return std::nullopt;
  }

 private:
  // Gives every string value of the DOM its place, in parse order (ordered_json
  // keeps the order of the file). On a mismatch (duplicate keys), none.
  void locate_strings(const Json& root, const std::vector<StringEnd>& ends) {
    std::size_t k = 0;
    auto walk = [&](auto&& self, const Json& j) -> void {
      if (j.is_string()) {
        if (k < ends.size()) where_[&j] = ends[k];
        ++k;
      } else if (j.is_array() || j.is_object()) {
        for (const Json& child : j) self(self, child);
      }
    };
    walk(walk, root);
    if (k != ends.size()) where_.clear();
  }

  // The origin of one source string: its line, and the column before its text
  // when the bytes are the canonical escaping with no escape before the end.
  LineOrigin origin_of(const Json& s) const {
    auto it = where_.find(&s);
    if (it == where_.end()) return {};
    LineOrigin o;
    o.line = it->second.line;
    std::string dumped = s.dump(-1, ' ', false, Json::error_handler_t::replace);
    std::size_t end = it->second.end;
    if (end < dumped.size() || bytes_.substr(end - dumped.size(), dumped.size()) != dumped) return o;
    std::string_view inner = std::string_view(dumped).substr(1, dumped.size() - 2);
    if (inner.size() >= 2 && inner.substr(inner.size() - 2) == "\\n") inner.remove_suffix(2);
    if (inner.find('\\') != std::string_view::npos) return o;
    // The text starts after the opening quote; its column is that quote's.
    o.column_base = index_.at(end - dumped.size()).column;
    return o;
  }

  void add_line(std::string_view text, LineOrigin o) {
    text_ += text;
    text_ += '\n';
    origins_.push_back(o);
  }

  // A cell's source: a list of strings (one per line, as Jupyter writes it)
  // or one string. Each line of text keeps the origin of its string.
  std::vector<std::pair<std::string, LineOrigin>> source_lines(const Json& cell) {
    std::vector<std::pair<std::string, LineOrigin>> out;
    if (!cell.contains("source")) return out;
    const Json& src = cell["source"];
    std::vector<const Json*> parts;
    if (src.is_string()) parts.push_back(&src);
    if (src.is_array()) {
      for (const Json& p : src) {
        if (p.is_string()) parts.push_back(&p);
      }
    }
    std::string pending;
    LineOrigin pending_origin;
    bool has_pending = false;
    for (const Json* p : parts) {
      LineOrigin o = origin_of(*p);
      const std::string& s = p->get_ref<const std::string&>();
      bool single = s.find('\n') == std::string::npos || s.find('\n') == s.size() - 1;
      if (!single) o.column_base = -1;  // several lines written on one file line
      std::size_t from = 0;
      while (from < s.size()) {
        std::size_t nl = s.find('\n', from);
        std::string piece = s.substr(from, nl == std::string::npos ? std::string::npos : nl - from);
        if (!has_pending) {
          pending_origin = o;
          has_pending = true;
        }
        pending += piece;
        if (nl == std::string::npos) break;  // the line goes on in the next string
        out.emplace_back(std::move(pending), pending_origin);
        pending.clear();
        has_pending = false;
        from = nl + 1;
      }
    }
    if (has_pending && !pending.empty()) out.emplace_back(std::move(pending), pending_origin);
    return out;
  }

  void build(const Json& cells) {
    int last_line = 1;
    for (const Json& cell : cells) {
      if (!cell.is_object() || !cell.contains("cell_type") || !cell["cell_type"].is_string()) continue;
      std::string type = cell["cell_type"].get<std::string>();
      if (type != "markdown" && type != "code") continue;
      auto lines = source_lines(cell);
      if (lines.empty()) continue;
      LineOrigin first = lines.front().second, last = lines.back().second;
      if (first.line == 0) first.line = last_line;
      if (last.line == 0) last.line = first.line;
      if (type == "markdown") {
        for (auto& [t, o] : lines) add_line(t, o.line ? o : LineOrigin{first.line, -1});
      } else {
        std::size_t longest = 0, run = 0;
        for (auto& [t, o] : lines) {
          for (char c : t) {
            run = c == '`' ? run + 1 : 0;
            longest = std::max(longest, run);
          }
          run = 0;
        }
        std::string fence(std::max<std::size_t>(3, longest + 1), '`');
        add_line(fence, {first.line, -1});
        for (auto& [t, o] : lines) add_line(t, o.line ? o : LineOrigin{first.line, -1});
        add_line(fence, {last.line, -1});
      }
      add_line("", {last.line, -1});
      last_line = last.line;
    }
  }

 public:
  void finish() {
    parse_markdown(text_, d_);
    remap();
    d_.body_first_line = 1;
    d_.last_line = std::max(1, index_.line_count() - (!bytes_.empty() && bytes_.back() == '\n' ? 1 : 0));
  }

 private:
  doc::Position map(doc::Position p) const {
    if (p.line <= 0) return p;
    std::size_t i = static_cast<std::size_t>(p.line - 1);
    LineOrigin o = i < origins_.size() ? origins_[i] : (origins_.empty() ? LineOrigin{1, -1} : origins_.back());
    return {o.line, (p.column > 0 && o.column_base >= 0) ? p.column + o.column_base : 0};
  }
  void map(doc::SourceRange& r) const {
    r.start = map(r.start);
    r.end = map(r.end);
  }

  void remap() {
    map(d_.title_range);
    for (doc::Section& s : d_.sections) {
      map(s.heading_range);
      map(s.range);
    }
    for (doc::Block& b : d_.blocks) map(b.range);
    for (doc::TextSpan& s : d_.spans) s.start = map(s.start);
    for (doc::Table& t : d_.tables) map(t.range);
    for (doc::Link& l : d_.links) map(l.range);
    for (doc::Directive& dir : d_.directives) dir.line = map(doc::Position{dir.line, 0}).line;
  }

  std::string_view bytes_;
  doc::LineIndex index_;
  doc::Document& d_;
  std::map<const Json*, StringEnd> where_;
  std::string text_;
  std::vector<LineOrigin> origins_;
};

}  // namespace

std::optional<ParseError> parse_notebook(std::string_view bytes, doc::Document& d) {
  NotebookReader reader(bytes, d);
  if (auto error = reader.read()) return error;
  reader.finish();
  return std::nullopt;
}

}  // namespace caselint::parse
