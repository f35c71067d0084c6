#include "outline/outline.h"

#include "outline/cue_snapshot.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <utility>

#include "data/embedded.h"
#include "data/snapshot_io.h"
#include "doc/line_index.h"

namespace caselint::outline {

// The generators link no snapshot; every other binary links the definition
// in build/generated/prepared_data.cpp, which takes precedence.
__attribute__((weak)) std::span<const unsigned char> prepared_cues() { return {}; }

CueFile cues_from_yaml() {
  YAML::Node root = YAML::Load(std::string(data::embedded_file("vocab/outline.yaml")));
  auto list = [](const YAML::Node& n) {
    std::vector<std::string> out;
    for (const auto& w : n) out.push_back(w.as<std::string>());
    return out;
  };
  CueFile c;
  for (const auto& kv : root["cues"]) {
    c.fields.push_back(CueFile::Field{kv.first.as<std::string>(), list(kv.second["strong"]), list(kv.second["weak"]),
                                      list(kv.second["phrases"])});
  }
  c.not_sections = list(root["not_sections"]);
  c.heading_params = list(root["heading_params"]);
  c.text_params = list(root["text_params"]);
  c.not_section_names = list(root["not_section_names"]);
  return c;
}

}  // namespace caselint::outline

namespace caselint::snapshot {

using caselint::outline::CueFile;

void io(Out& o, const CueFile::Field& f) { io(o, f.name), io(o, f.strong), io(o, f.weak), io(o, f.phrases); }
void io(In& i, CueFile::Field& f) { io(i, f.name), io(i, f.strong), io(i, f.weak), io(i, f.phrases); }

}  // namespace caselint::snapshot

namespace caselint::outline {

namespace {

constexpr std::uint32_t kCueMagic = 0x434f4331;  // the outline cue snapshot's format, version 1

}  // namespace

std::string write_cue_snapshot(const CueFile& c) {
  snapshot::Out o;
  snapshot::magic(o, kCueMagic);
  snapshot::io(o, c.fields), snapshot::io(o, c.not_sections), snapshot::io(o, c.heading_params);
  snapshot::io(o, c.text_params), snapshot::io(o, c.not_section_names);
  return std::move(o.bytes);
}

CueFile read_cue_snapshot(std::string_view bytes) {
  snapshot::In i{bytes};
  snapshot::magic(i, kCueMagic);
  CueFile c;
  snapshot::io(i, c.fields), snapshot::io(i, c.not_sections), snapshot::io(i, c.heading_params);
  snapshot::io(i, c.text_params), snapshot::io(i, c.not_section_names);
  i.finish();
  return c;
}

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_word(char c) { return is_alpha(c) || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Lower case, then a plural, -ed or -ing dropped: "challenges" -> "challenge",
// "needed" -> "need", "learning" -> "learn", "stories" -> "story".
std::string stem(std::string_view word) {
  std::string w = lower_ascii(word);
  auto ends = [&](std::string_view s) { return w.size() > s.size() + 2 && w.ends_with(s); };
  if (ends("ies")) {
    w.resize(w.size() - 3);
    w += 'y';
    return w;
  }
  if (w.size() > 3 && w.back() == 's' && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is")) w.pop_back();
  if (ends("ing")) {
    w.resize(w.size() - 3);
  } else if (ends("ed")) {
    w.resize(w.size() - 2);
  }
  return w;
}

// The stemmed words of a heading; "third-party" stays one word as well as
// giving "third" and "party".
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !is_word(text[i])) ++i;
    std::size_t b = i;
    while (i < text.size() && (is_word(text[i]) || text[i] == '\'' ||
                               (text[i] == '-' && i + 1 < text.size() && is_word(text[i + 1])))) {
      ++i;
    }
    if (i == b) continue;
    std::string_view w = text.substr(b, i - b);
    if (w.ends_with("'s")) w.remove_suffix(2);
    if (w.find('-') != std::string_view::npos) {
      out.push_back(stem(w));
      std::size_t from = 0;
      for (std::size_t dash = w.find('-'); from <= w.size(); dash = w.find('-', from)) {
        if (dash == std::string_view::npos) dash = w.size();
        if (dash > from) out.push_back(stem(w.substr(from, dash - from)));
        from = dash + 1;
      }
    } else {
      out.push_back(stem(w));
    }
  }
  return out;
}

struct Cues {
  struct Field {
    std::string name;
    std::set<std::string> strong, weak;
    std::vector<std::vector<std::string>> phrases;
  };
  std::vector<Field> fields;
  std::vector<std::vector<std::string>> not_sections;
  std::vector<std::string> heading_params, text_params;
  std::set<std::string> not_section_names;

  static const Cues& builtin() {
    static const Cues* c = [] {
      const std::span<const unsigned char> prepared = prepared_cues();
      const CueFile file = prepared.empty()
                               ? cues_from_yaml()
                               : read_cue_snapshot(std::string_view(
                                     reinterpret_cast<const char*>(prepared.data()), prepared.size()));
      auto* cues = new Cues;
      for (const CueFile::Field& from : file.fields) {
        Field f;
        f.name = from.name;
        for (const auto& w : from.strong) f.strong.insert(stem(w));
        for (const auto& w : from.weak) f.weak.insert(stem(w));
        for (const auto& p : from.phrases) f.phrases.push_back(words_of(p));
        cues->fields.push_back(std::move(f));
      }
      for (const auto& p : file.not_sections) cues->not_sections.push_back(words_of(p));
      cues->heading_params = file.heading_params;
      cues->text_params = file.text_params;
      cues->not_section_names.insert(file.not_section_names.begin(), file.not_section_names.end());
      return cues;
    }();
    return *c;
  }
};

bool has_phrase(const std::vector<std::string>& words, const std::vector<std::string>& phrase) {
  if (phrase.empty() || phrase.size() > words.size()) return false;
  return std::search(words.begin(), words.end(), phrase.begin(), phrase.end()) != words.end();
}

}  // namespace

const Tag::Param* Tag::param(std::string_view key) const {
  for (const Param& p : params) {
    if (p.key == key) return &p;
  }
  return nullptr;
}

std::optional<std::string> field_of_heading(std::string_view heading) {
  if (heading.size() > 200) return std::nullopt;
  const Cues& cues = Cues::builtin();
  const std::vector<std::string> words = words_of(heading);
  if (words.empty() || words.size() > 16) return std::nullopt;
  for (const auto& p : cues.not_sections) {
    if (has_phrase(words, p)) return std::nullopt;
  }
  int best = 0, second = 0;
  const std::string* winner = nullptr;
  for (const Cues::Field& f : cues.fields) {
    int score = 0;
    for (const std::string& w : words) score += f.strong.count(w) ? 2 : f.weak.count(w) ? 1 : 0;
    for (const auto& p : f.phrases) score += has_phrase(words, p) ? 3 : 0;
    if (score > best) {
      second = best;
      best = score;
      winner = &f.name;
    } else if (score > second) {
      second = score;
    }
  }
  if (!winner || best < 2 || second == best) return std::nullopt;
  return *winner;
}

std::string humanise(std::string_view name) {
  std::size_t slash = name.find_last_of('/');
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  if (std::size_t dot = name.find('.'); dot != std::string_view::npos) name = name.substr(0, dot);
  std::string out;
  for (char c : name) {
    char o = (c == '_' || c == '-') ? ' ' : c;
    if (o == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += o;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::vector<Tag> find_tags(std::string_view text) {
  std::vector<Tag> out;
  std::size_t i = text.find('{');
  while (i != std::string_view::npos && i + 1 < text.size()) {
    std::string_view close;
    std::size_t open_len = 2;
    if (text.substr(i, 3) == "{{<") {
      close = ">}}";
      open_len = 3;
    } else if (text.substr(i, 3) == "{{%") {
      close = "%}}";
      open_len = 3;
    } else if (text.substr(i, 2) == "{%") {
      close = "%}";
    } else if (text.substr(i, 2) == "{{") {
      close = "}}";
    } else {
      i = text.find('{', i + 1);
      continue;
    }
    // The closer, within the bound and before any other opener: each byte
    // is looked at once.
    std::size_t j = i + open_len, found = std::string_view::npos, next_open = std::string_view::npos;
    const std::size_t limit = std::min(text.size(), i + kMaxTagBytes);
    for (; j < limit; ++j) {
      if (text[j] == '{' && j + 1 < text.size() && (text[j + 1] == '{' || text[j + 1] == '%')) {
        next_open = j;
        break;
      }
      if (text.substr(j, close.size()) == close) {
        found = j;
        break;
      }
    }
    if (found == std::string_view::npos) {
      i = next_open != std::string_view::npos ? next_open : text.find('{', std::max(j, i + 1));
      continue;
    }
    Tag t;
    t.begin = i;
    t.end = found + close.size();
    std::size_t a = i + open_len, b = found;
    // Whitespace control ({{- ... -}}, {%- ... -%}) and Hugo's comment
    // form {{</* ... */>}}.
    while (a < b && (text[a] == '-' || is_space(text[a]))) ++a;
    while (b > a && (text[b - 1] == '-' || is_space(text[b - 1]))) --b;
    const bool output = close == "}}";
    if (!output) {
      std::size_t k = a;
      if (k < b && text[k] == '/') {
        t.closing = true;
        ++k;
        while (k < b && is_space(text[k])) ++k;
      }
      std::size_t name_end = k;
      while (name_end < b && !is_space(text[name_end])) ++name_end;
      t.name = std::string(text.substr(k, name_end - k));
      // Parameters: key="value", key='value', key=value, key: "value", or a
      // value alone.
      k = name_end;
      while (k < b) {
        while (k < b && is_space(text[k])) ++k;
        if (k >= b) break;
        Tag::Param p;
        std::size_t key_end = k;
        while (key_end < b && (is_word(text[key_end]) || text[key_end] == '_' || text[key_end] == '-' || text[key_end] == '.')) {
          ++key_end;
        }
        std::size_t eq = key_end;
        while (eq < b && text[eq] == ' ') ++eq;
        if (key_end > k && eq < b && (text[eq] == '=' || text[eq] == ':')) {
          p.key = lower_ascii(text.substr(k, key_end - k));
          k = eq + 1;
          while (k < b && text[k] == ' ') ++k;
        }
        if (k < b && (text[k] == '"' || text[k] == '\'' || text[k] == '`')) {
          const char q = text[k];
          std::size_t end = text.find(q, k + 1);
          if (end == std::string_view::npos || end > b) end = b;
          p.value_begin = k + 1;
          p.value = std::string(text.substr(k + 1, end - k - 1));
          k = end + 1;
        } else {
          std::size_t end = k;
          while (end < b && !is_space(text[end])) ++end;
          p.value_begin = k;
          p.value = std::string(text.substr(k, end - k));
          k = end;
        }
        if (p.key.empty() && p.value.empty()) {
          ++k;
          continue;
        }
        t.params.push_back(std::move(p));
      }
      // A Jekyll include is named by its file: {% include section-heading.html %}.
      if ((t.name == "include" || t.name == "include_relative") && !t.params.empty() && t.params[0].key.empty()) {
        t.name = t.params[0].value;
      }
    }
    out.push_back(std::move(t));
    i = text.find('{', out.back().end);
  }
  return out;
}

namespace {

// What a tag means to a reader.
struct TagMeaning {
  std::optional<std::string> heading;       // the section it names
  const Tag::Param* heading_param = nullptr;
  std::vector<const Tag::Param*> shown;     // parameters whose text is shown
  bool image = false;
};

TagMeaning meaning_of(const Tag& t) {
  const Cues& cues = Cues::builtin();
  TagMeaning m;
  std::string base = t.name;
  if (std::size_t slash = base.find_last_of('/'); slash != std::string::npos) base.erase(0, slash + 1);
  if (std::size_t dot = base.find('.'); dot != std::string::npos) base.erase(dot);
  base = lower_ascii(base);
  if (t.name.empty() || t.closing) return m;
  const bool no_section = cues.not_section_names.count(base) > 0;
  m.image = no_section && (base == "figure" || base == "img" || base == "image" || base == "picture");
  if (m.image) return m;
  // A heading parameter, else a name that names a section (study/results).
  if (!no_section) {
    for (const std::string& key : cues.heading_params) {
      if (const Tag::Param* p = t.param(key); p && !trim(p->value).empty() && p->value.size() <= 200) {
        m.heading = std::string(trim(p->value));
        m.heading_param = p;
        break;
      }
    }
    if (!m.heading) {
      const std::string human = humanise(t.name);
      if (field_of_heading(human) || base == "about" || base.starts_with("about_") || base.starts_with("about-")) {
        m.heading = human;
      }
    }
  }
  for (const Tag::Param& p : t.params) {
    if (&p == m.heading_param) continue;
    if (std::find(cues.text_params.begin(), cues.text_params.end(), p.key) != cues.text_params.end()) m.shown.push_back(&p);
  }
  return m;
}

// A block's text and spans (offsets local to the block) being rewritten.
struct Piece {
  std::string text;
  std::vector<doc::TextSpan> spans;
};

// Where the source stands after `text`, copied verbatim from `p` on: a
// column per code point, a new line at a line break.
doc::Position advance(doc::Position p, std::string_view text) {
  for (char c : text) {
    if (c == '\n') {
      ++p.line;
      p.column = 1;
    } else if (!doc::is_continuation(c)) {
      ++p.column;
    }
  }
  return p;
}

// The source position of a block-local offset, from the block's own spans.
doc::Position local_position(const doc::Block& b, const std::vector<doc::TextSpan>& spans, std::size_t offset) {
  // The last span starting at or before `offset` (spans are sorted).
  auto it = std::upper_bound(spans.begin(), spans.end(), offset,
                             [](std::size_t off, const doc::TextSpan& s) { return off < s.offset; });
  if (it == spans.begin()) return b.range.start;
  const doc::TextSpan* at = &*(it - 1);
  if (at->start.column == 0 || offset == at->offset || !at->verbatim()) return at->start;
  const std::size_t upto = std::min(offset, at->offset + at->length);
  return advance(at->start, std::string_view(b.text).substr(at->offset, upto - at->offset));
}

// Appends b.text[from, to) with the spans over it to `out`.
void copy_range(const doc::Block& b, const std::vector<doc::TextSpan>& spans, std::size_t from, std::size_t to, Piece& out) {
  if (to <= from) return;
  const std::size_t base = out.text.size();
  out.text.append(b.text, from, to - from);
  // From the span that holds `from` on: each range reads only its spans.
  auto first = std::upper_bound(spans.begin(), spans.end(), from,
                                [](std::size_t off, const doc::TextSpan& s) { return off < s.offset; });
  if (first != spans.begin()) --first;
  for (auto it = first; it != spans.end() && it->offset < to; ++it) {
    const doc::TextSpan& s = *it;
    const std::size_t s_end = s.offset + s.length;
    if (s_end <= from || s.offset >= to) continue;
    doc::TextSpan piece = s;
    if (s.offset < from) {
      piece.start = s.verbatim() ? local_position(b, spans, from) : s.start;
      piece.offset = from;
    }
    piece.length = std::min(s_end, to) - piece.offset;
    piece.offset = piece.offset - from + base;
    out.spans.push_back(piece);
  }
}

// Appends text a tag shows, placed at its parameter in the source.
void append_shown(const doc::Block& b, const std::vector<doc::TextSpan>& spans, const Tag::Param& p, Piece& out) {
  std::string_view value = trim(p.value);
  if (value.empty()) return;
  if (!out.text.empty() && !is_space(out.text.back())) out.text += ' ';
  doc::TextSpan s;
  s.offset = out.text.size();
  s.length = value.size();
  s.start = local_position(b, spans, p.value_begin + static_cast<std::size_t>(value.data() - p.value.data()));
  s.source_width = static_cast<int>(doc::count_codepoints(value));
  out.text += value;
  out.spans.push_back(s);
}

// A paragraph of bold text only, short and not a sentence or a label:
// "**The challenge**", "<p><strong>Results</strong></p>".
bool is_bold_heading(const doc::Block& b) {
  if (b.kind != doc::BlockKind::paragraph || b.strong_prefix().empty()) return false;
  std::string_view t = trim(b.text);
  if (t != trim(b.strong_prefix()) || t.empty() || t.size() > 100) return false;
  if (t.find('\n') != std::string_view::npos) return false;
  const char last = t.back();
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!') return false;
  int words = 0;
  bool in_word = false, letters = false;
  for (char c : t) {
    letters = letters || is_alpha(c);
    const bool sp = is_space(c);
    if (!sp && !in_word) ++words;
    in_word = !sp;
  }
  return letters && words <= 12;
}

struct Event {
  std::size_t pos = 0;      // the first block in the section
  int real = -1;            // index of an old section, or -1
  std::string heading;
  doc::SourceRange heading_range;
  doc::Section::Origin origin = doc::Section::Origin::heading;
};

}  // namespace

void build(doc::Document& d) {
  // Most documents have no template tag, no paragraph of bold text only and
  // no HTML element that names a section: their blocks and sections stay as
  // parsed, and are not copied to find that out (the copy below doubled the
  // blocks' memory of a large document at its peak).
  if (d.section_hints.empty() &&
      std::none_of(d.blocks.begin(), d.blocks.end(), [](const doc::Block& b) {
        return is_bold_heading(b) ||
               (b.kind != doc::BlockKind::code && b.text.find('{') != std::string::npos && !find_tags(b.text).empty());
      })) {
    return;
  }
  // 1. The blocks as the reader sees them: template tags out, what they
  // show kept, a block split where a tag names a section.
  struct NewBlock {
    doc::Block block;
    std::vector<doc::TextSpan> spans;
    bool pseudo = false;  // a heading the outline made
    doc::Section::Origin origin = doc::Section::Origin::heading;
  };
  bool changed = false;
  std::vector<NewBlock> out;
  out.reserve(d.blocks.size());
  std::size_t next_span = 0;
  // The index in `out` of each old block's first part (or of what follows
  // a block that was only tags).
  std::vector<std::size_t> first_new(d.blocks.size() + 1, 0);
  for (std::size_t bi = 0; bi < d.blocks.size(); ++bi) {
    first_new[bi] = out.size();
    doc::Block& b = d.blocks[bi];
    std::vector<doc::TextSpan> spans;
    while (next_span < d.spans.size() && d.spans[next_span].offset < b.text_offset) ++next_span;
    while (next_span < d.spans.size() && d.spans[next_span].offset <= b.text_offset + b.text.size() &&
           d.spans[next_span].offset >= b.text_offset) {
      doc::TextSpan s = d.spans[next_span++];
      if (s.offset == b.text_offset + b.text.size() && s.length > 0) {
        --next_span;
        break;
      }
      s.offset -= b.text_offset;
      spans.push_back(s);
    }
    std::vector<Tag> tags;
    if (b.kind != doc::BlockKind::code && b.text.find('{') != std::string::npos) tags = find_tags(b.text);
    if (tags.empty()) {
      NewBlock nb{b, std::move(spans)};
      if (is_bold_heading(nb.block)) {
        nb.pseudo = true;
        nb.origin = doc::Section::Origin::bold;
        nb.block.kind = doc::BlockKind::heading;
        changed = true;
      }
      out.push_back(std::move(nb));
      continue;
    }
    changed = true;
    Piece cur;
    auto flush = [&](bool pseudo, doc::Section::Origin origin, doc::SourceRange range) {
      // Trim, as the parsers do.
      std::size_t lead = 0;
      while (lead < cur.text.size() && is_space(cur.text[lead])) ++lead;
      std::size_t end = cur.text.size();
      while (end > lead && is_space(cur.text[end - 1])) --end;
      // Only a paragraph or list item may go or split: a table cell or a
      // definition keeps its place (tables and labels count on it).
      const bool keep = b.kind != doc::BlockKind::paragraph && b.kind != doc::BlockKind::list_item && !pseudo;
      if (end > lead || keep) {
        NewBlock nb;
        nb.block = b;
        nb.block.text = cur.text.substr(lead, end - lead);
        nb.block.set_strong_prefix(b.strong_prefix());
        for (doc::TextSpan s : cur.spans) {
          const std::size_t s_end = s.offset + s.length;
          if (s_end <= lead || s.offset >= end) continue;
          if (s.offset < lead) {
            // The span now starts past the white space trimmed off it.
            if (s.verbatim() && s.start.column > 0) {
              s.start = advance(s.start, std::string_view(cur.text).substr(s.offset, lead - s.offset));
            }
            s.length -= lead - s.offset;
            s.offset = lead;
          }
          s.length = std::min(s.offset + s.length, end) - s.offset;
          s.offset -= lead;
          nb.spans.push_back(s);
        }
        if (!nb.spans.empty()) nb.block.range.start = nb.spans.front().start;
        if (pseudo) {
          nb.pseudo = true;
          nb.origin = origin;
          nb.block.kind = doc::BlockKind::heading;
          nb.block.range = range;
          nb.block.set_strong_prefix({});
        }
        out.push_back(std::move(nb));
      }
      cur = Piece{};
    };
    std::size_t at = 0;
    for (const Tag& t : tags) {
      copy_range(b, spans, at, t.begin, cur);
      at = t.end;
      const TagMeaning m = meaning_of(t);
      if (m.image) {
        const Tag::Param* src = t.param("src");
        if (!src) src = t.param("link");
        if (src && !src->value.empty()) {
          doc::Link link;
          link.is_image = true;
          link.target = src->value;
          for (const char* key : {"alt", "caption", "title"}) {
            if (const Tag::Param* p = t.param(key); p && !p->value.empty()) {
              link.text = p->value;
              break;
            }
          }
          if (const Tag::Param* p = t.param("title")) link.title = p->value;
          const doc::Position p0 = local_position(b, spans, t.begin);
          link.range = {p0, p0};
          link.section = b.section;
          d.links.push_back(std::move(link));
        }
        continue;
      }
      if (m.heading && (b.kind == doc::BlockKind::paragraph || b.kind == doc::BlockKind::list_item)) {
        // The section's heading: what came before is its own block.
        flush(false, doc::Section::Origin::heading, b.range);
        doc::SourceRange range{local_position(b, spans, t.begin), local_position(b, spans, t.end)};
        if (m.heading_param) {
          append_shown(b, spans, *m.heading_param, cur);
        } else {
          cur.text = *m.heading;
          cur.spans.push_back({0, cur.text.size(), range.start, static_cast<int>(doc::count_codepoints(cur.text))});
        }
        flush(true, doc::Section::Origin::template_tag, range);
        for (const Tag::Param* p : m.shown) append_shown(b, spans, *p, cur);
        continue;
      }
      for (const Tag::Param* p : m.shown) append_shown(b, spans, *p, cur);
      // "Read the {{< ref x >}} post": one space where the tag stood.
      if (m.shown.empty() && !cur.text.empty() && cur.text.back() == ' ' && at < b.text.size() && b.text[at] == ' ') ++at;
    }
    copy_range(b, spans, at, b.text.size(), cur);
    flush(false, doc::Section::Origin::heading, b.range);
  }
  first_new[d.blocks.size()] = out.size();

  // 2. HTML elements whose class or id names a section (one class of
  // several, "section results bg-light"), where the element does not open
  // with a heading of its own.
  std::vector<Event> hints;
  for (const doc::SectionHint& h : d.section_hints) {
    if (h.first_block >= d.blocks.size()) continue;
    // A heading opened inside the element before its first block heads it.
    if (static_cast<std::size_t>(std::max(d.blocks[h.first_block].section, 0)) + 1 > h.sections_before) continue;
    std::string heading;
    for (std::size_t from = 0; from < h.name.size();) {
      std::size_t sp = h.name.find(' ', from);
      if (sp == std::string::npos) sp = h.name.size();
      std::string token = humanise(std::string_view(h.name).substr(from, sp - from));
      if (!token.empty() && field_of_heading(token)) {
        heading = std::move(token);
        break;
      }
      from = sp + 1;
    }
    if (heading.empty()) continue;
    const std::size_t pos = first_new[h.first_block];
    if (pos >= out.size() || out[pos].pseudo) continue;
    if (!hints.empty() && hints.back().pos == pos) continue;  // the outer element names it
    Event e;
    e.pos = pos;
    e.heading = std::move(heading);
    e.heading_range = {{h.line, 0}, {h.line, 0}};
    e.origin = doc::Section::Origin::html_class;
    hints.push_back(std::move(e));
  }
  if (!changed && hints.empty()) return;

  // Blocks' old sections must run in order for the merge below.
  bool ordered = true;
  for (std::size_t i = 1; i < out.size(); ++i) ordered = ordered && out[i].block.section >= out[i - 1].block.section;

  std::vector<Event> events;
  const std::deque<doc::Section> old = std::move(d.sections);
  if (ordered) {
    // A real section stands at the first block in it (or after it).
    std::vector<Event> real;
    std::size_t bi = 0;
    for (std::size_t s = 1; s < old.size(); ++s) {
      while (bi < out.size() && out[bi].block.section < static_cast<int>(s)) ++bi;
      Event e;
      e.pos = bi;
      e.real = static_cast<int>(s);
      real.push_back(std::move(e));
    }
    std::vector<Event> pseudo;
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (!out[i].pseudo) continue;
      Event e;
      e.pos = i;
      e.heading = out[i].block.text;
      e.heading_range = out[i].block.range;
      e.origin = out[i].origin;
      pseudo.push_back(std::move(e));
    }
    std::vector<Event> made;
    std::merge(hints.begin(), hints.end(), pseudo.begin(), pseudo.end(), std::back_inserter(made),
               [](const Event& a, const Event& b) { return a.pos < b.pos; });
    std::merge(real.begin(), real.end(), made.begin(), made.end(), std::back_inserter(events),
               [](const Event& a, const Event& b) { return a.pos < b.pos; });
  } else {
    for (std::size_t s = 1; s < old.size(); ++s) {
      Event e;
      e.real = static_cast<int>(s);
      events.push_back(std::move(e));
    }
  }

  // 3. The new sections, their tree and ranges.
  std::deque<doc::Section> secs;
  secs.push_back(old.empty() ? doc::Section{} : old[0]);
  secs[0].children.clear();
  secs[0].blocks.clear();
  std::vector<int> stack{0};
  std::vector<int> new_of_old(old.size(), 0);
  int real_level = 0;
  for (const Event& e : events) {
    doc::Section s;
    if (e.real >= 0) {
      s = old[static_cast<std::size_t>(e.real)];
      s.children.clear();
      s.blocks.clear();
      real_level = s.level;
    } else {
      s.heading = e.heading;
      s.heading_range = e.heading_range;
      s.range.start = e.heading_range.start;
      s.origin = e.origin;
      s.level = std::min(6, std::max(real_level, 1) + 1);
    }
    while (stack.size() > 1 && secs[static_cast<std::size_t>(stack.back())].level >= s.level) stack.pop_back();
    s.parent = stack.back();
    const int index = static_cast<int>(secs.size());
    secs[static_cast<std::size_t>(s.parent)].children.push_back(index);
    if (e.real >= 0) new_of_old[static_cast<std::size_t>(e.real)] = index;
    secs.push_back(std::move(s));
    stack.push_back(index);
  }
  d.sections = std::move(secs);
  doc::close_section_ranges(d);

  // 4. The blocks again, each in the last section that starts at or before it.
  d.blocks.clear();
  d.spans.clear();
  d.text_size = 0;
  std::size_t ei = 0;
  int current = 0;
  std::vector<int> section_of_block(out.size(), 0);
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (ordered) {
      while (ei < events.size() && events[ei].pos <= i) {
        current = static_cast<int>(ei) + 1;
        ++ei;
      }
    } else {
      current = new_of_old[static_cast<std::size_t>(std::max(out[i].block.section, 0))];
    }
    section_of_block[i] = current;
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].block.section = section_of_block[i];
    doc::append_block(d, std::move(out[i].block), out[i].spans);
  }
  for (doc::Table& t : d.tables) {
    for (auto& row : t.rows) {
      for (int& cell : row) cell = static_cast<int>(first_new[std::min(static_cast<std::size_t>(std::max(cell, 0)), first_new.size() - 1)]);
    }
    if (!t.rows.empty() && !t.rows[0].empty() && static_cast<std::size_t>(t.rows[0][0]) < d.blocks.size()) {
      t.section = d.blocks[static_cast<std::size_t>(t.rows[0][0])].section;
    } else {
      t.section = new_of_old[static_cast<std::size_t>(std::clamp(t.section, 0, static_cast<int>(old.size()) - 1))];
    }
  }
  // Links by line: the last section whose heading starts at or before them.
  std::vector<int> starts;
  for (std::size_t i = 1; i < d.sections.size(); ++i) {
    const int line = d.sections[i].heading_range.start.line;
    starts.push_back(std::max(line, starts.empty() ? 0 : starts.back()));
  }
  for (doc::Link& l : d.links) {
    l.section = static_cast<int>(std::upper_bound(starts.begin(), starts.end(), l.range.start.line) - starts.begin());
  }
  d.section_hints.clear();
}

parse::ParseResult read(const load::SourceFile& file) {
  parse::ParseResult r = parse::parse(file);
  if (r.document) build(*r.document);
  return r;
}

}  // namespace caselint::outline
