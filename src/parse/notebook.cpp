// Jupyter notebooks (.ipynb, nbformat 4): nlohmann-json reads the JSON; the
// Markdown cells go through the Markdown path (cmark-gfm) and code cells
// become fenced code blocks of one Markdown text, whose positions are then
// mapped back to the notebook file.
//
// Positions: nlohmann-json reports no positions, so the bytes are fed through
// an iterator that counts the lines it has consumed; when the parser hands
// over a string value, the iterator stands just after its closing quote. The
// string's literal is read back from there (StringPlace): every byte of its
// text has its offset in the file, and an escape ("\"", "\u00e9", a "\n"
// inside a one-string source) is not a copy of the text. So a position in a
// cell is exact whether its source is a list of lines or one string, and a
// span over an escape is not verbatim. A code cell's text outputs (stream
// text, text/plain, text/markdown and text/html results, error tracebacks)
// follow it as code blocks of their own, with the info string "output":
// they are published with the notebook. Raw cells and images are not read.
#include <algorithm>
#include <deque>
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

// Where a source string's text stands in the file: the first byte after its
// opening quote, and each escape in it.
struct StringPlace {
  struct Escape {
    std::size_t decoded = 0, decoded_length = 0;  // in the string's text
    std::size_t raw = 0, raw_length = 0;          // in the file ("\u00e9" is 6)
  };
  std::size_t raw_begin = 0;
  std::size_t size = 0;          // bytes of text
  std::vector<Escape> escapes;   // by decoded offset

  // The first escape that starts after byte k of the text; the one before
  // it, if any, is the last that starts at or before k.
  std::vector<Escape>::const_iterator after(std::size_t k) const {
    return std::upper_bound(escapes.begin(), escapes.end(), k,
                            [](std::size_t v, const Escape& e) { return v < e.decoded; });
  }

  // The file offset of byte k of the text (k == size: just past it), and
  // whether that byte is a copy of the file's.
  std::pair<std::size_t, bool> at(std::size_t k) const {
    auto it = after(k);
    if (it == escapes.begin()) return {raw_begin + k, true};
    const Escape& e = *(it - 1);
    if (k < e.decoded + e.decoded_length) return {e.raw, false};
    return {e.raw + e.raw_length + (k - e.decoded - e.decoded_length), true};
  }
};

// One line of the Markdown text built from the cells, and where it came from.
struct LineOrigin {
  int line = 0;                        // line in the notebook file
  const StringPlace* place = nullptr;  // null: no exact place (a fence, a line made of two strings)
  std::size_t begin = 0;               // where the line starts in place's text
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
    read_metadata(root);
    build(root["cells"]);
    return std::nullopt;
  }

  // The notebook's own `metadata.caselint` object is its front matter:
  // `{"public": true, "program": "ml-consulting"}` (keys lowercased; a
  // boolean or number as its text).
  void read_metadata(const Json& root) {
    if (!root.contains("metadata") || !root["metadata"].is_object()) return;
    const Json& meta = root["metadata"];
    if (!meta.contains("caselint") || !meta["caselint"].is_object()) return;
    for (const auto& [key, value] : meta["caselint"].items()) {
      doc::MetaValue v;
      if (value.is_string()) {
        v.text = value.get<std::string>();
      } else if (value.is_boolean()) {
        v.text = value.get<bool>() ? "true" : "false";
      } else if (value.is_number()) {
        v.text = value.dump();
      } else {
        continue;
      }
      const int line = value.is_string() ? origin_of(value).line : 0;
      v.range = v.value_range = {{std::max(line, 1), 1}, {std::max(line, 1), 1}};
      std::string k = key;
      for (char& c : k) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      d_.metadata.insert_or_assign(k, std::move(v));
      d_.has_front_matter = true;
    }
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

  // The origin of one source string: its line, and where its text stands in
  // the file, read back from its closing quote. No place when the literal
  // read back is not the string nlohmann-json gave.
  LineOrigin origin_of(const Json& s) {
    auto it = where_.find(&s);
    if (it == where_.end()) return {};
    LineOrigin o;
    o.line = it->second.line;
    if (it->second.end == 0) return o;
    const std::size_t close = it->second.end - 1;
    if (close >= bytes_.size() || bytes_[close] != '"') return o;
    // The opening quote: the nearest '"' before that no backslash escapes.
    std::size_t open = close;
    while (open > 0) {
      --open;
      if (bytes_[open] != '"') continue;
      std::size_t slashes = 0;
      while (open > slashes && bytes_[open - 1 - slashes] == '\\') ++slashes;
      if (slashes % 2 == 0) break;
    }
    if (bytes_[open] != '"' || open == close) return o;
    StringPlace place;
    place.raw_begin = open + 1;
    std::string text;
    for (std::size_t i = open + 1; i < close;) {
      if (bytes_[i] != '\\') {
        text += bytes_[i++];
        continue;
      }
      if (i + 1 >= close) return o;
      StringPlace::Escape e{text.size(), 0, i, 2};
      const char c = bytes_[i + 1];
      switch (c) {
        case '"': case '\\': case '/': text += c; break;
        case 'b': text += '\b'; break;
        case 'f': text += '\f'; break;
        case 'n': text += '\n'; break;
        case 'r': text += '\r'; break;
        case 't': text += '\t'; break;
        case 'u': {
          unsigned long cp = hex4(i + 2, close);
          e.raw_length = 6;
          if (cp >= 0xD800 && cp <= 0xDBFF && i + 12 <= close && bytes_[i + 6] == '\\' && bytes_[i + 7] == 'u') {
            const unsigned long low = hex4(i + 8, close);
            if (low >= 0xDC00 && low <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
              e.raw_length = 12;
            }
          }
          text += doc::utf8_encode(cp);
          break;
        }
        default: return o;
      }
      e.decoded_length = text.size() - e.decoded;
      place.escapes.push_back(e);
      i += e.raw_length;
    }
    if (text != s.get_ref<const std::string&>()) return o;
    place.size = text.size();
    places_.push_back(std::move(place));
    o.place = &places_.back();
    return o;
  }

  // The value of four hex digits at bytes_[at] (before `end`), or U+FFFD.
  unsigned long hex4(std::size_t at, std::size_t end) const {
    if (at + 4 > end) return 0xFFFD;
    unsigned long v = 0;
    for (std::size_t k = at; k < at + 4; ++k) {
      const char c = bytes_[k];
      const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) return 0xFFFD;
      v = v * 16 + static_cast<unsigned long>(d);
    }
    return v;
  }

  void add_line(std::string_view text, LineOrigin o) {
    text_ += text;
    text_ += '\n';
    origins_.push_back(o);
  }

  // A cell's source: a list of strings (one per line, as Jupyter writes it)
  // or one string. Each line of text keeps the origin of its string.
  std::vector<std::pair<std::string, LineOrigin>> source_lines(const Json& cell) {
    if (!cell.contains("source")) return {};
    return text_lines(cell["source"]);
  }

  // The text outputs of a code cell, each as its lines: a stream's text, a
  // result's or display's text/plain, text/markdown or text/html, an
  // error's traceback. Images and other binary data are left out.
  std::vector<std::vector<std::pair<std::string, LineOrigin>>> output_lines(const Json& cell) {
    std::vector<std::vector<std::pair<std::string, LineOrigin>>> out;
    if (!cell.contains("outputs") || !cell["outputs"].is_array()) return out;
    for (const Json& o : cell["outputs"]) {
      if (!o.is_object()) continue;
      if (o.contains("text")) out.push_back(text_lines(o["text"]));
      if (o.contains("traceback")) out.push_back(text_lines(o["traceback"]));
      if (o.contains("data") && o["data"].is_object()) {
        for (const char* kind : {"text/plain", "text/markdown", "text/html"}) {
          if (o["data"].contains(kind)) out.push_back(text_lines(o["data"][kind]));
        }
      }
    }
    std::erase_if(out, [](const auto& lines) { return lines.empty(); });
    return out;
  }

  // A code fence longer than any run of backticks in the lines it holds.
  static std::string fence_for(const std::vector<std::pair<std::string, LineOrigin>>& lines) {
    std::size_t longest = 0;
    for (const auto& [t, o] : lines) {
      std::size_t run = 0;
      for (char c : t) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
      }
    }
    return std::string(std::max<std::size_t>(3, longest + 1), '`');
  }

  // A string value, or a list of strings (lines as Jupyter writes them),
  // as lines of text, each keeping the origin of its string.
  std::vector<std::pair<std::string, LineOrigin>> text_lines(const Json& src) {
    std::vector<std::pair<std::string, LineOrigin>> out;
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
      const LineOrigin o = origin_of(*p);
      const std::string& s = p->get_ref<const std::string&>();
      std::size_t from = 0;
      while (from < s.size()) {
        std::size_t nl = s.find('\n', from);
        std::string piece = s.substr(from, nl == std::string::npos ? std::string::npos : nl - from);
        if (!has_pending) {
          pending_origin = o;
          pending_origin.begin = from;
          // A line of a one-string source has its own place on the file line.
          if (o.place) pending_origin.line = index_.at(o.place->at(from).first).line;
          has_pending = true;
        } else {
          pending_origin.place = nullptr;  // the line goes on from another string
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
        for (auto& [t, o] : lines) add_line(t, o.line ? o : LineOrigin{first.line});
      } else {
        const std::string fence = fence_for(lines);
        add_line(fence, LineOrigin{first.line});
        for (auto& [t, o] : lines) add_line(t, o.line ? o : LineOrigin{first.line});
        add_line(fence, LineOrigin{last.line});
        // Its outputs, each a code block of its own: what the cell printed
        // is published with the notebook (an account ID in an ARN, a host).
        for (auto& output : output_lines(cell)) {
          LineOrigin ofirst = output.front().second, olast = output.back().second;
          if (ofirst.line == 0) ofirst.line = last.line;
          if (olast.line == 0) olast.line = ofirst.line;
          const std::string ofence = fence_for(output);
          add_line("", LineOrigin{ofirst.line});
          output_fences_.push_back(static_cast<int>(origins_.size()) + 1);  // the fence's line in text_
          add_line(ofence + "output", LineOrigin{ofirst.line});
          for (auto& [t, o] : output) add_line(t, o.line ? o : LineOrigin{ofirst.line});
          add_line(ofence, LineOrigin{olast.line});
          last = olast;
        }
      }
      add_line("", LineOrigin{last.line});
      last_line = last.line;
    }
  }

 public:
  void finish() {
    parse_markdown(text_, d_);
    for (doc::Block& b : d_.blocks) {
      b.output = b.kind == doc::BlockKind::code &&
                 std::binary_search(output_fences_.begin(), output_fences_.end(), b.range.start.line);
    }
    text_index_.emplace(text_);
    remap();
    d_.body_first_line = 1;
    d_.last_line = std::max(1, index_.line_count() - (!bytes_.empty() && bytes_.back() == '\n' ? 1 : 0));
  }

 private:
  const LineOrigin& origin(int line) const {
    static const LineOrigin kFirst{1};
    const std::size_t i = static_cast<std::size_t>(line - 1);
    return i < origins_.size() ? origins_[i] : (origins_.empty() ? kFirst : origins_.back());
  }

  // Where a position of the Markdown text built from the cells stands in
  // the text of its line's string: {origin, offset in place's text}, or no
  // place.
  std::pair<const LineOrigin*, std::optional<std::size_t>> in_string(doc::Position p) const {
    const LineOrigin& o = origin(p.line);
    if (!o.place || p.column <= 0) return {&o, std::nullopt};
    const std::optional<std::size_t> at = text_index_->offset_at(p);
    if (!at) return {&o, std::nullopt};
    const std::size_t k = o.begin + (*at - text_index_->offset_of(p.line, 1));
    if (k > o.place->size) return {&o, std::nullopt};
    return {&o, k};
  }

  doc::Position map(doc::Position p) const {
    if (p.line <= 0) return p;
    const auto [o, k] = in_string(p);
    if (!k) return {o->line, 0};
    return index_.at(o->place->at(*k).first);
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
    remap_spans();
    for (doc::Table& t : d_.tables) map(t.range);
    for (doc::Link& l : d_.links) map(l.range);
    for (doc::Directive& dir : d_.directives) dir.line = map(doc::Position{dir.line, 0}).line;
  }

  // Spans move to the file; a verbatim span splits at the escapes in it,
  // each escape becoming a span that is not verbatim, as wide as it is in
  // the file ("\\\"" is 2 columns for one character).
  void remap_spans() {
    std::deque<doc::TextSpan> out;
    for (const doc::TextSpan& s : d_.spans) {
      const auto [o, k0] = in_string(s.start);
      if (!k0) {
        out.push_back(s);
        out.back().start = {o->line, 0};
        continue;
      }
      const StringPlace& place = *o->place;
      if (!s.verbatim()) {
        // Its width in the file: from its start to where its width in the
        // Markdown text ends.
        doc::Position end = s.start;
        end.column += s.source_width;
        const auto [eo, k1] = in_string(end);
        doc::TextSpan moved = s;
        const std::size_t raw0 = place.at(*k0).first;
        moved.start = index_.at(raw0);
        if (k1 && eo == o && *k1 >= *k0) {
          const std::size_t raw1 = place.at(*k1).first;
          moved.source_width = static_cast<int>(doc::count_codepoints(bytes_.substr(raw0, raw1 - raw0)));
        }
        out.push_back(moved);
        continue;
      }
      std::size_t done = 0;
      while (done < s.length) {
        const std::size_t k = *k0 + done;
        const auto [raw, copy] = place.at(k);
        doc::TextSpan piece = s;
        piece.offset = s.offset + done;
        piece.start = index_.at(raw);
        const auto next = place.after(k);
        if (!copy) {
          // The escape holding byte k: one span, as wide as it is written.
          const StringPlace::Escape& e = *(next - 1);
          piece.length = std::min(e.decoded + e.decoded_length - k, s.length - done);
          piece.source_width = static_cast<int>(e.raw_length);
        } else {
          // Up to the next escape.
          const std::size_t stop = next == place.escapes.end() ? k + (s.length - done) : next->decoded;
          piece.length = std::min(stop - k, s.length - done);
        }
        if (piece.length == 0) break;  // cannot happen: every escape stands for a byte or more
        out.push_back(piece);
        done += piece.length;
      }
    }
    d_.spans = std::move(out);
  }

  std::string_view bytes_;
  doc::LineIndex index_;
  doc::Document& d_;
  std::map<const Json*, StringEnd> where_;
  std::deque<StringPlace> places_;  // stable: lines point at them
  std::string text_;
  std::optional<doc::LineIndex> text_index_;  // over text_, once it is whole
  std::vector<LineOrigin> origins_;
  std::vector<int> output_fences_;  // lines of text_ that open an output's code block, ascending
};

}  // namespace

std::optional<ParseError> parse_notebook(std::string_view bytes, doc::Document& d) {
  NotebookReader reader(bytes, d);
  if (auto error = reader.read()) return error;
  reader.finish();
  return std::nullopt;
}

}  // namespace caselint::parse
