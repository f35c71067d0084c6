#include "extract/database.h"

#include <algorithm>
#include <deque>
#include <set>
#include <cmath>

#include "extract/prefilter.h"
#include "extract/sizes.h"
#include "extract/text_util.h"

namespace caselint::extract {

namespace {

bool is_database_field(std::string_view name) {
  return name == "database_size" || name == "database_growth" || name == "table_count" ||
         name == "peak_concurrent_requests" || name == "read_percentage" || name == "write_percentage";
}

// The sentence of `text` around [b, e): up to the previous and next ". ",
// "; " or line break, at most kAround bytes each way.
std::pair<std::size_t, std::size_t> sentence_around(std::string_view text, std::size_t b, std::size_t e) {
  auto stop = [&](std::size_t i) {
    char c = text[i];
    if (c == '\n') return true;
    bool mark = c == '.' || c == '!' || c == '?' || c == ';';
    return mark && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n');
  };
  const std::size_t low = b > kAround ? b - kAround : 0, high = std::min(text.size(), e + kAround);
  std::size_t s = b;
  while (s > low && !stop(s - 1)) --s;
  std::size_t en = e;
  while (en < high && !stop(en)) ++en;
  return char_bounds(text, s, en);
}

std::string clean_label(std::string_view label) {
  std::string l = lower(trim(label));
  while (!l.empty() && (l.back() == '*' || l.back() == '_' || l.back() == ' ' || l.back() == ':')) l.pop_back();
  while (!l.empty() && (l.front() == '*' || l.front() == '_' || l.front() == ' ')) l.erase(0, 1);
  return l;
}

bool any_whole(const std::vector<Pattern>& ps, std::string_view s, const prefilter::Screened& screen) {
  return std::any_of(ps.begin(), ps.end(), [&](const Pattern& p) { return p.matches(s, screen); });
}
bool any_whole(const std::vector<Pattern>& ps, std::string_view s) { return any_whole(ps, s, prefilter::screen_of(s)); }

struct Candidate {
  ParsedSize size;
  SizeRole role = SizeRole::other;
  std::string text;
  doc::SourceRange range;
  std::string label;  // the database section's heading, when in one
};

class DatabaseExtractor {
 public:
  DatabaseExtractor(const doc::Document& d, const Vocabulary& v, Fields& out, prefilter::TextScreens& screens)
      : d_(d), v_(v), dv_(v.database()), out_(out), screens_(screens) {}

  void run() {
    mark_sections();
    std::vector<Field> extra;
    for (Field& f : out_.mutable_items()) {
      if (is_database_field(f.name) && f.state == FieldState::ok) read_value(f, extra);
    }
    for (Field& f : extra) out_.add(std::move(f));
    database_tables_and_labels();
    prose();
    sizes_in_prose();
    complement_read_write();
  }

 private:
  // A database characteristics section and its subsections.
  void mark_sections() {
    in_db_.assign(d_.sections.size(), false);
    for (std::size_t i = 1; i < d_.sections.size(); ++i) {
      int parent = d_.sections[i].parent;
      if ((parent >= 0 && in_db_[static_cast<std::size_t>(parent)]) ||
          any_whole(dv_.sections, Vocabulary::normalise_heading(d_.sections[i].heading))) {
        in_db_[i] = true;
      }
    }
  }

  bool in_db_section(int section) const {
    return section >= 0 && static_cast<std::size_t>(section) < in_db_.size() && in_db_[static_cast<std::size_t>(section)];
  }

  // The number of a value found by key, label or table; a count or a
  // percentage that holds no number is not usable.
  void read_value(Field& f, std::vector<Field>& extra) const {
    if (f.name == "database_size") {
      if (auto s = parse_size(f.text, dv_)) {
        f.number = s->gb;
      } else if (f.source == FieldSource::front_matter && f.label.size() > 3 &&
                 f.label.substr(f.label.size() - 3) == "_gb") {
        f.number = parse_number(f.text, dv_);
      }
    } else if (f.name == "database_growth") {
      f.number = parse_percent(f.text, dv_);
    } else if (f.name == "table_count" || f.name == "peak_concurrent_requests") {
      f.number = parse_number(f.text, dv_);
      if (!f.number) f.state = FieldState::placeholder;
    } else {
      if (f.name == "read_percentage") {
        for (const ReadWritePattern& p : dv_.read_write_value) {
          auto m = p.pattern.find(f.text);
          if (!m) continue;
          Field w = f;
          f.number = parse_number(m->group(f.text, p.read), dv_);
          w.name = "write_percentage";
          w.number = parse_number(m->group(f.text, p.write), dv_);
          w.note = "from the read/write split \"" + f.text + "\"";
          if (f.number && w.number) {
            extra.push_back(std::move(w));
            return;
          }
        }
      }
      f.number = parse_percent(f.text, dv_);
      if (!f.number) f.number = parse_number(f.text, dv_);
      if (!f.number) f.state = FieldState::placeholder;
    }
  }

  // Whether a field of this name already starts where r does. The fields are
  // indexed as they grow (they are only appended, and their names and places
  // never change): scanning them all for each new one made a long document's
  // run quadratic.
  bool have(std::string_view name, const doc::SourceRange& r) {
    const std::deque<Field>& items = out_.items();
    for (; indexed_ < items.size(); ++indexed_) seen_.emplace(items[indexed_].name, items[indexed_].range.start);
    return seen_.count({std::string(name), r.start}) > 0;
  }

  void add(Field f) {
    if (have(f.name, f.range)) return;
    std::vector<Field> extra;
    if (f.state == FieldState::ok) read_value(f, extra);
    out_.add(std::move(f));
    for (Field& x : extra) {
      if (!have(x.name, x.range)) out_.add(std::move(x));
    }
  }

  doc::SourceRange range_in(const doc::Block& b, std::size_t begin, std::size_t len) const {
    doc::SourceRange r = d_.range_of(b.text_offset + begin, len);
    return r.start.line == 0 ? b.range : r;
  }

  // A short label ("Size", "Reads") in a database section or table.
  void short_label(std::string_view label, const doc::Block& value, std::size_t begin, std::size_t len,
                   FieldSource src) {
    std::string l = clean_label(label);
    const prefilter::Screened screen = prefilter::screen_of(l);
    for (const auto& [name, patterns] : dv_.section_labels) {
      if (!any_whole(patterns, l, screen)) continue;
      Field f;
      f.name = name;
      f.text = std::string(trim(std::string_view(value.text).substr(begin, len)));
      f.state = f.text.empty() || v_.is_placeholder(f.text) ? FieldState::placeholder : FieldState::ok;
      f.range = range_in(value, begin, len);
      f.source = src;
      f.label = std::string(trim(label));
      add(std::move(f));
      return;
    }
  }

  void database_tables_and_labels() {
    for (const doc::Table& t : d_.tables) {
      if (t.rows.empty()) continue;
      auto cell = [&](std::size_t r, std::size_t c) -> const doc::Block* {
        if (r >= t.rows.size() || c >= t.rows[r].size()) return nullptr;
        return &d_.blocks[static_cast<std::size_t>(t.rows[r][c])];
      };
      bool db = in_db_section(t.section) ||
                std::any_of(t.rows[0].begin(), t.rows[0].end(), [&](int b) {
                  return any_whole(dv_.sections, Vocabulary::normalise_heading(d_.blocks[static_cast<std::size_t>(b)].text));
                });
      std::size_t header_hits = 0;
      for (std::size_t c = 0; c < t.rows[0].size(); ++c) {
        std::string l = clean_label(cell(0, c)->text);
        const prefilter::Screened screen = prefilter::screen_of(l);
        for (const auto& [name, patterns] : dv_.section_labels) header_hits += any_whole(patterns, l, screen);
      }
      if (db && t.has_header && header_hits >= 2 && t.rows.size() >= 2) {
        // Short labels across the header row, the values in the row below.
        for (std::size_t c = 0; c < t.rows[0].size(); ++c) {
          if (const doc::Block* v = cell(1, c)) short_label(cell(0, c)->text, *v, 0, v->text.size(), FieldSource::table);
        }
        continue;
      }
      for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const doc::Block* k = cell(r, 0);
        const doc::Block* v = cell(r, 1);
        if (!k || !v) continue;
        if (db) short_label(k->text, *v, 0, v->text.size(), FieldSource::table);
        if (any_whole(dv_.fact_labels, clean_label(k->text))) facts(*v, 0, v->text.size(), FieldSource::table, k->text);
      }
    }
    for (const doc::Block& b : d_.blocks) {
      if (b.kind != doc::BlockKind::paragraph && b.kind != doc::BlockKind::list_item) continue;
      for (const Line& line : split_lines(b.text)) {
        std::size_t colon = line.text.find(':');
        if (colon == std::string_view::npos || colon == 0 || colon > 48) continue;
        std::string_view label = line.text.substr(0, colon);
        std::size_t begin = line.offset + colon + 1;
        while (begin < b.text.size() && (b.text[begin] == ' ' || b.text[begin] == '*' || b.text[begin] == '_')) ++begin;
        std::size_t len = line.offset + line.text.size() - std::min(begin, line.offset + line.text.size());
        if (in_db_section(b.section)) short_label(label, b, begin, len, FieldSource::label);
        if (any_whole(dv_.fact_labels, clean_label(label))) facts(b, begin, len, FieldSource::label, std::string(label));
      }
    }
  }

  // A summary of the database ("Aurora PostgreSQL, 310 GB, 188 tables"):
  // its size and characteristics count as labelled.
  void facts(const doc::Block& b, std::size_t begin, std::size_t len, FieldSource src, const std::string& label) {
    std::string_view value = std::string_view(b.text).substr(begin, len);
    for (const ParsedSize& s : find_sizes(value, dv_)) {
      if (s.rate || size_role(value, s.begin, s.end, dv_) == SizeRole::excluded) continue;
      Field f;
      f.name = "database_size";
      f.text = std::string(value.substr(s.begin, s.end - s.begin));
      f.range = range_in(b, begin + s.begin, s.end - s.begin);
      f.source = src;
      f.label = std::string(trim(label));
      add(std::move(f));
      break;
    }
    prose_in(b, begin, begin + len, src, std::string(trim(label)));
  }

  // Characteristics written in prose, in b.text[from, to).
  void prose_in(const doc::Block& b, std::size_t from, std::size_t to, FieldSource src, const std::string& label) {
    std::string_view text = std::string_view(b.text).substr(0, to);
    const prefilter::Screened& screen = screens_.of_block(b);  // of the whole block: a screen of `text` too
    for (const auto& [name, prose] : dv_.prose) {
      for (const Pattern& p : prose.patterns) {
        std::size_t at = from;
        while (auto m = p.find(text, at, screen)) {
          at = m->end > at ? m->end : at + 1;
          if (!m->value) continue;
          auto [s, e] = sentence_around(text, m->begin, m->end);
          if (prose.context && !prose.context->matches(text.substr(s, e - s))) continue;
          Field f;
          f.name = name;
          f.text = std::string(text.substr(m->value->first, m->value->second - m->value->first));
          f.range = range_in(b, m->value->first, m->value->second - m->value->first);
          f.source = src;
          f.label = label;
          add(std::move(f));
        }
      }
    }
    for (const ReadWritePattern& p : dv_.read_write) {
      std::size_t at = from;
      while (auto m = p.pattern.find(text, at, screen)) {
        at = m->end > at ? m->end : at + 1;
        auto r = parse_number(m->group(text, p.read), dv_);
        auto w = parse_number(m->group(text, p.write), dv_);
        if (!r || !w) continue;
        for (auto [name, number] : {std::pair{"read_percentage", *r}, std::pair{"write_percentage", *w}}) {
          Field f;
          f.name = name;
          f.text = std::string(text.substr(m->begin, m->end - m->begin));
          f.range = range_in(b, m->begin, m->end - m->begin);
          f.source = src;
          f.label = label;
          f.number = number;
          if (!have(f.name, f.range)) out_.add(std::move(f));
        }
      }
    }
  }

  void prose() {
    for (const doc::Block& b : d_.blocks) {
      if (b.kind == doc::BlockKind::code || b.kind == doc::BlockKind::heading) continue;
      bool db = in_db_section(b.section);
      prose_in(b, 0, b.text.size(), FieldSource::text, db ? d_.sections[static_cast<std::size_t>(b.section)].heading : "");
    }
  }

  void sizes_in_prose() {
    for (const Field& f : out_.items()) {
      if (f.name == "database_size" && f.state == FieldState::ok) return;  // labelled: prose does not compete
    }
    std::deque<Candidate> found;  // a deque: a size on every line of a long document
    for (const doc::Block& b : d_.blocks) {
      if (b.kind == doc::BlockKind::code || b.kind == doc::BlockKind::heading) continue;
      for (const ParsedSize& s : find_sizes(b.text, dv_)) {
        if (s.rate) continue;
        auto [sb, se] = sentence_around(b.text, s.begin, s.end);
        std::string_view sentence = std::string_view(b.text).substr(sb, se - sb);
        Candidate c;
        c.size = s;
        c.role = size_role(sentence, s.begin - sb, s.end - sb, dv_);
        if (c.role == SizeRole::excluded) continue;
        if (in_db_section(b.section)) {
          c.role = SizeRole::labelled;
          c.label = d_.sections[static_cast<std::size_t>(b.section)].heading;
        } else if (c.role == SizeRole::labelled) {
          c.label = "database size";
        }
        if (c.role == SizeRole::other) continue;
        c.text = b.text.substr(s.begin, s.end - s.begin);
        c.range = range_in(b, s.begin, s.end - s.begin);
        found.push_back(std::move(c));
      }
    }
    for (SizeRole tier : {SizeRole::labelled, SizeRole::database, SizeRole::volume}) {
      std::vector<const Candidate*> in_tier;
      for (const Candidate& c : found) {
        if (c.role == tier) in_tier.push_back(&c);
      }
      if (in_tier.empty()) continue;
      bool one_value = std::all_of(in_tier.begin(), in_tier.end(), [&](const Candidate* c) {
        return std::fabs(c->size.gb - in_tier.front()->size.gb) <= 0.01 * in_tier.front()->size.gb;
      });
      if (tier == SizeRole::labelled || one_value) {
        const Candidate& c = *in_tier.front();
        Field f;
        f.name = "database_size";
        f.text = c.text;
        f.range = c.range;
        f.source = FieldSource::text;
        f.label = c.label;
        f.number = c.size.gb;
        if (tier != SizeRole::labelled) f.note = "unlabelled: the only database size in the text";
        out_.add(std::move(f));
      } else {
        for (const Candidate* c : in_tier) {
          Field f;
          f.name = "_database_size_candidate";
          f.text = c->text;
          f.range = c->range;
          f.source = FieldSource::text;
          f.number = c->size.gb;
          out_.add(std::move(f));
        }
      }
      return;
    }
  }

  // "85% reads" says the writes are 15%.
  void complement_read_write() {
    const Field* r = out_.get("read_percentage");
    const Field* w = out_.get("write_percentage");
    if ((r && w) || (!r && !w)) return;
    const Field* given = r ? r : w;
    if (!given->number || *given->number < 0 || *given->number > 100) return;
    Field f = *given;
    f.name = r ? "write_percentage" : "read_percentage";
    f.number = 100 - *given->number;
    f.text = format_gb(*f.number) + "%";
    f.note = std::string("derived: 100% minus the ") + (r ? "read" : "write") + " percentage";
    out_.add(std::move(f));
  }

  const doc::Document& d_;
  const Vocabulary& v_;
  const DatabaseVocab& dv_;
  Fields& out_;
  prefilter::TextScreens& screens_;
  std::set<std::pair<std::string, doc::Position>> seen_;  // have()'s index of out_
  std::size_t indexed_ = 0;                                // of out_.items()
  std::vector<bool> in_db_;
};

}  // namespace

void add_database_fields(const doc::Document& d, const Vocabulary& v, Fields& fields, prefilter::TextScreens& screens) {
  if (!v.database().size) return;
  DatabaseExtractor(d, v, fields, screens).run();
}

}  // namespace caselint::extract
