#include "extract/fields.h"

#include "extract/prefilter.h"
#include "outline/outline.h"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <optional>

#include "extract/database.h"
#include "extract/dates.h"
#include "extract/services.h"
#include "extract/text_util.h"
#include "extract/tools.h"
#include "extract/values.h"
#include "extract/word_literal.h"

namespace caselint::extract {

const char* source_name(FieldSource s) {
  switch (s) {
    case FieldSource::front_matter: return "front_matter";
    case FieldSource::section: return "section";
    case FieldSource::label: return "label";
    case FieldSource::table: return "table";
    case FieldSource::title: return "title";
    case FieldSource::image: return "image";
    case FieldSource::link: return "link";
    case FieldSource::text: return "text";
  }
  return "text";
}

const char* evidence_name(FieldSource s) {
  switch (s) {
    case FieldSource::front_matter: return "front_matter";
    case FieldSource::label:
    case FieldSource::table: return "label";
    case FieldSource::section: return "heading";
    case FieldSource::title: return "title";
    case FieldSource::image:
    case FieldSource::link: return "image";
    case FieldSource::text: return "prose";
  }
  return "prose";
}

namespace {

// Drops the customer names read from a heading, the title or the text that
// are one of `names` (lower case): the partner's, AWS. A front matter key or
// a label says what it says.
void drop_customers_named(Fields& f, const std::vector<std::string>& names) {
  std::deque<Field>& items = f.mutable_items();
  std::erase_if(items, [&](const Field& x) {
    return x.name == "customer_name" && x.source != FieldSource::front_matter && x.source != FieldSource::label &&
           std::find(names.begin(), names.end(), lower(trim(x.text))) != names.end();
  });
}

// How much a source is trusted when a field is found several times: an
// explicit key or label beats a heading ("About Lakeshore Cloud" may be the
// partner's boilerplate), which beats the title and prose.
int rank(FieldSource s) {
  switch (s) {
    case FieldSource::front_matter: return 0;
    case FieldSource::label:
    case FieldSource::table: return 1;
    case FieldSource::image:
    case FieldSource::link:
    case FieldSource::section: return 2;
    case FieldSource::title: return 3;
    case FieldSource::text: return 4;
  }
  return 4;
}

}  // namespace

void Fields::check_read(std::string_view name) const {
  if (std::find(skipped_.begin(), skipped_.end(), name) != skipped_.end()) {
    throw std::logic_error("topic set \"" + std::string(name) + "\" was read but not looked for: the rule reading it must "
                           "name it in its topics");
  }
}

const Field* Fields::get(std::string_view name) const {
  if (!skipped_.empty()) check_read(name);
  const Field* best = nullptr;
  for (const Field& f : fields_) {
    if (f.name == name && f.state == FieldState::ok && (!best || rank(f.source) < rank(best->source))) best = &f;
  }
  return best;
}

std::vector<const Field*> Fields::all(std::string_view name) const {
  if (!skipped_.empty()) check_read(name);
  std::vector<const Field*> out;
  for (const Field& f : fields_) {
    if (f.name == name) out.push_back(&f);
  }
  return out;
}

namespace {

// Words in an image's alt text, file name or caption that make it a diagram.
const Pattern& diagram_words() {
  static const Pattern p("architect|diagram|topology|infrastructure|solution overview|data ?flow|reference design|high[- ]level design|\\bhld\\b");
  return p;
}

const Pattern& diagram_file() {
  static const Pattern p("\\.(?:png|svg|jpe?g|gif|webp|pdf|drawio|vsdx?)(?:[?#].*)?$");
  return p;
}

// Hugo/Jekyll shortcodes that embed an image: {{< figure src="..." ... >}}.
const Pattern& shortcode_image() {
  static const Pattern p("\\{\\{[<%]\\s*(?:figure|image|img|picture)\\b[^}]*?\\b(?:src|image)\\s*=\\s*\"(?<value>[^\"]*)\"[^}]*\\}\\}");
  return p;
}

// A sentence that points at a diagram that is not there as an image.
const Pattern& diagram_mention() {
  static const Pattern p("\\b(?:following|below|above|this|the attached) (?:\\w+ )?(?:architecture )?diagram\\b|\\barchitecture diagram\\b");
  return p;
}

// "None", "N/A", "No third-party tools were used": a real answer where the
// field accepts one.
const Pattern& none_answer() {
  static const Pattern p("^(?:none|n/?a|not applicable|nil|no\\b.*|none\\b.*)\\.?$");
  return p;
}

FieldState state_of(const Vocabulary& v, std::string_view text, const FieldVocab* fv = nullptr) {
  std::string_view t = trim(text);
  if (t.empty()) return FieldState::empty;
  if (fv && fv->accepts_none && none_answer().matches(t)) return FieldState::ok;
  if (v.is_placeholder(t)) return FieldState::placeholder;
  if (contains_lower(t, "lorem ipsum")) return FieldState::placeholder;
  return FieldState::ok;
}

class Extractor {
 public:
  Extractor(const doc::Document& d, const Vocabulary& v, prefilter::TextScreens& screens, TopicSets wanted)
      : d_(d), v_(v), screens_(screens), wanted_(wanted) {}

  Fields run() {
    front_matter();
    front_matter_maps();
    sections();
    labels();
    tables();
    title();
    section_bodies();
    text_patterns();
    prose();
    topics();
    engines();
    diagrams();
    services_in_prose();
    tools_in_prose();
    mentions();
    repeated_name();
    anonymised_in_prose();
    not_the_partner();
    wording();
    dates();
    extract_value_fields(d_, v_, out_, screens_);
    return std::move(out_);
  }

 private:
  void add(const FieldVocab& fv, std::string text, doc::SourceRange range, FieldSource src, std::string label,
           int section = -1) {
    Field f;
    f.name = fv.name;
    f.state = state_of(v_, text, &fv);
    f.text = std::string(trim(text));
    f.range = range;
    f.source = src;
    f.label = std::move(label);
    f.section = section;
    out_.add(std::move(f));
  }

  // A value that lists several items (aws_services) becomes one field each.
  void add_value(const FieldVocab& fv, std::string_view text, doc::SourceRange range, FieldSource src,
                 const std::string& label) {
    if (fv.list && state_of(v_, text) == FieldState::ok) {
      for (const std::string& item : split_list(text)) add(fv, item, range, src, label);
    } else {
      add(fv, std::string(text), range, src, label);
    }
  }

  void front_matter() {
    for (const FieldVocab& fv : v_.fields()) {
      for (const std::string& key : fv.keys) {
        const doc::MetaValue* m = d_.meta(key);
        if (!m) continue;
        if (m->is_list) {
          if (m->items.empty()) add(fv, "", m->value_range, FieldSource::front_matter, key);
          for (const std::string& item : m->items) add(fv, item, m->value_range, FieldSource::front_matter, key);
        } else if (!m->is_map) {
          add_value(fv, m->text, m->value_range, FieldSource::front_matter, key);
        }
        break;
      }
    }
  }

  // The fields a heading names by their whole-heading patterns ("Solution
  // architecture" names two), each with the value it carries when the
  // pattern takes one ("About Acme Corp"), as the heading writes it.
  struct HeadingMatch {
    const FieldVocab* field;
    std::optional<std::string> value;
  };
  std::vector<HeadingMatch> match_heading(std::string_view heading) const {
    std::vector<HeadingMatch> out;
    const std::string norm = Vocabulary::normalise_heading(heading);
    if (norm.empty()) return out;
    for (const FieldVocab& fv : v_.fields()) {
      for (const Pattern& p : fv.headings) {
        auto m = p.find(norm);
        if (!m) continue;
        HeadingMatch hit{&fv, std::nullopt};
        if (m->value) {
          const std::string_view original = trim(heading);
          auto m2 = p.find(original);
          hit.value = m2 && m2->value
                          ? std::string(original.substr(m2->value->first, m2->value->second - m2->value->first))
                          : norm.substr(m->value->first, m->value->second - m->value->first);
        }
        out.push_back(std::move(hit));
        break;
      }
    }
    return out;
  }

  // Front matter maps that a theme prints as sections: `about_client:
  // {title: "About Mavuno Markets", text: ...}`, `challenge: {heading: ...,
  // body: ...}`, `results: {items: [...]}`; and a testimonial's author
  // ("Head of Data, Subscrio"), which names the customer.
  void front_matter_maps() {
    static constexpr std::string_view kHeadingLeaves[] = {"title", "heading", "header", "headline"};
    static constexpr std::string_view kBodyLeaves[] = {"text", "content", "body", "description", "summary", "items",
                                                       "points", "list", "bullets"};
    std::string done;  // the prefix last read
    for (const auto& [key, value] : d_.metadata) {
      const std::size_t dot = key.find('.');
      if (dot == std::string::npos || dot == 0) continue;
      const std::string prefix = key.substr(0, dot);
      const std::string leaf = key.substr(dot + 1);
      if (leaf == "author" || leaf == "cite" || leaf == "attribution" || leaf == "role") {
        testimonial_author(value);
        continue;
      }
      if (prefix == done) continue;
      // The map's heading, else its own key, names the field.
      std::string heading;
      doc::SourceRange where = value.range;
      for (std::string_view h : kHeadingLeaves) {
        if (const doc::MetaValue* m = d_.meta(prefix + "." + std::string(h)); m && !m->text.empty()) {
          heading = m->text;
          where = m->value_range;
          break;
        }
      }
      std::string body;
      for (std::string_view b : kBodyLeaves) {
        if (const doc::MetaValue* m = d_.meta(prefix + "." + std::string(b))) {
          if (!m->text.empty()) body += m->text + "\n";
          for (const std::string& item : m->items) body += item + "\n";
        }
      }
      done = prefix;
      const std::string title = heading.empty() ? outline::humanise(prefix) : heading;
      const std::vector<HeadingMatch> named = match_heading(title);
      for (const HeadingMatch& m : named) {
        if (m.value) {
          add(*m.field, *m.value, where, FieldSource::front_matter, key);
        } else if (!trim(body).empty()) {
          add_value(*m.field, body, where, FieldSource::front_matter, prefix);
        }
      }
      if (!named.empty()) continue;
      if (trim(body).empty()) continue;
      if (auto field = outline::field_of_heading(title)) {
        if (const FieldVocab* fv = v_.field(*field)) add_value(*fv, body, where, FieldSource::front_matter, prefix);
      }
    }
  }

  // "Head of Data, Subscrio", "CTO at Brightwell": the customer's name.
  void testimonial_author(const doc::MetaValue& m) {
    const FieldVocab* fv = v_.field("customer_name");
    if (!fv || m.text.empty()) return;
    static const Pattern author(
        "(?:\\b(?:at|of)\\s+|,\\s*)(?<value>(?-i:(?!(?:AWS|Amazon|Inc|Ltd|LLC)\\b)[A-Z][\\w&.'-]*(?: [A-Z][\\w&.'-]*){0,3}))\\s*$");
    if (auto hit = author.find(m.text); hit && hit->value) {
      Field f;
      f.name = fv->name;
      f.text = m.text.substr(hit->value->first, hit->value->second - hit->value->first);
      f.range = m.value_range;
      f.source = FieldSource::text;
      f.label = "testimonial";
      out_.add(std::move(f));
    }
  }

  bool section_has_images(int s) const {
    const doc::Section& sec = d_.sections[static_cast<std::size_t>(s)];
    int first = sec.range.start.line, last = sec.range.end.line;
    return std::any_of(d_.links.begin(), d_.links.end(), [&](const doc::Link& l) {
      return l.range.start.line >= first && l.range.start.line <= last;
    });
  }

  void sections() {
    for (std::size_t i = 1; i < d_.sections.size(); ++i) {
      const doc::Section& s = d_.sections[i];
      const std::vector<HeadingMatch> named = match_heading(s.heading);
      for (const HeadingMatch& m : named) {
        if (m.value) {
          // "About Acme Corp": the heading carries the value itself.
          add(*m.field, *m.value, s.heading_range, FieldSource::section, s.heading, static_cast<int>(i));
        } else {
          section_field(*m.field, static_cast<int>(i));
        }
      }
      if (!named.empty()) continue;
      // "Engagement: 2023-05-02 – 2023-11-17": a label and its value.
      const std::string_view h = trim(s.heading);
      if (std::size_t colon = h.find(':'); colon != std::string_view::npos && colon > 0 && colon <= 48) {
        if (const FieldVocab* fv = label_field(h.substr(0, colon)); fv && !trim(h.substr(colon + 1)).empty()) {
          add_value(*fv, trim(h.substr(colon + 1)), s.heading_range, FieldSource::label, std::string(trim(h.substr(0, colon))));
          continue;
        }
      }
      // A heading in any other wording, by its cue words; not the title,
      // and only with something under it (an empty section named by its
      // exact heading is CS111's; one guessed from its words is not).
      if (s.level == 1 && s.heading == d_.title) continue;
      if (auto field = outline::field_of_heading(s.heading)) {
        const FieldVocab* fv = v_.field(*field);
        if (fv && (state_of(v_, own_text(static_cast<int>(i), fv), fv) == FieldState::ok ||
                   (fv->name == "architecture_diagram" && section_has_images(static_cast<int>(i))))) {
          section_field(*fv, static_cast<int>(i));
        }
      }
    }
  }

  // Section `i` holds field `fv`: its body is the value.
  void section_field(const FieldVocab& fv, int i) {
    const doc::Section& s = d_.sections[static_cast<std::size_t>(i)];
    if (fv.name == "architecture_diagram") {
      // The section counts only when it holds a diagram; diagrams() adds that.
      if (!section_has_images(i)) {
        Field f;
        f.name = fv.name;
        f.state = FieldState::empty;
        f.range = s.heading_range;
        f.source = FieldSource::section;
        f.label = s.heading;
        f.section = i;
        out_.add(std::move(f));
      }
      return;
    }
    std::string body = own_text(i, &fv);
    std::string text = body;
    if (trim(body).empty() && section_has_images(i)) text = "(image)";
    if (fv.list && state_of(v_, body) == FieldState::ok) {
      add_list_section(fv, i);
    } else {
      add(fv, text, s.heading_range, FieldSource::section, s.heading, i);
    }
  }

  // The text of a section and its subsections without the labelled facts of
  // other fields ("Third-party tools: None" under "Challenge" says nothing
  // about the challenge) and without fact tables.
  std::string own_text(int section, const FieldVocab* self) const {
    // The section's subtree in document order, from its children: a
    // document of many sections costs each only its own.
    std::vector<int> tree{section};
    for (std::size_t k = 0; k < tree.size(); ++k) {
      const std::vector<int>& children = d_.sections[static_cast<std::size_t>(tree[k])].children;
      tree.insert(tree.end(), children.begin(), children.end());
    }
    std::sort(tree.begin(), tree.end());
    std::string out;
    auto append = [&](std::string_view t) {
      if (trim(t).empty()) return;
      if (!out.empty()) out += '\n';
      out += t;
    };
    for (std::size_t k = 1; k < tree.size(); ++k) append(d_.sections[static_cast<std::size_t>(tree[k])].heading);
    std::vector<int> blocks;
    for (int s : tree) {
      const std::vector<int>& own = d_.sections[static_cast<std::size_t>(s)].blocks;
      blocks.insert(blocks.end(), own.begin(), own.end());
    }
    std::sort(blocks.begin(), blocks.end());
    for (int bi : blocks) {
      const std::size_t b = static_cast<std::size_t>(bi);
      const doc::Block& block = d_.blocks[b];
      if (block.kind == doc::BlockKind::heading) continue;  // a heading the outline made
      if (block.kind == doc::BlockKind::table_cell) {
        const doc::Table& t = d_.tables[static_cast<std::size_t>(block.table)];
        const doc::Block& key = d_.blocks[static_cast<std::size_t>(t.rows[static_cast<std::size_t>(block.row)][0])];
        const FieldVocab* other = label_field(key.text);
        if (other && other != self) continue;
        append(block.text);
        continue;
      }
      if (block.kind == doc::BlockKind::definition_term || block.kind == doc::BlockKind::definition) {
        const doc::Block& term = block.kind == doc::BlockKind::definition && b > 0 ? d_.blocks[b - 1] : block;
        const FieldVocab* other = label_field(term.text);
        if (other && other != self) continue;
        append(block.text);
        continue;
      }
      for (const Line& line : split_lines(block.text)) {
        std::size_t colon = line.text.find(':');
        if (colon != std::string_view::npos && colon > 0 && colon <= 48) {
          const FieldVocab* other = label_field(line.text.substr(0, colon));
          if (other && other != self) continue;
        }
        append(line.text);
      }
    }
    return out;
  }

  // A list-valued section: each list item (or each line) is one value.
  void add_list_section(const FieldVocab& fv, int s) {
    const doc::Section& sec = d_.sections[static_cast<std::size_t>(s)];
    bool any = false;
    for (int b : sec.blocks) {
      const doc::Block& block = d_.blocks[static_cast<std::size_t>(b)];
      if (block.kind != doc::BlockKind::list_item && block.kind != doc::BlockKind::table_cell) continue;
      std::string_view item = block.text;
      // "Amazon S3 - stores the raw files": the name is before the dash or colon.
      for (std::string_view sep : {" – ", " — ", " - ", ": "}) {
        if (auto p = item.find(sep); p != std::string_view::npos) item = item.substr(0, p);
      }
      add(fv, std::string(item), block.range, FieldSource::section, sec.heading, s);
      any = true;
    }
    if (!any) add_value(fv, d_.section_text(s), sec.heading_range, FieldSource::section, sec.heading);
  }

  const FieldVocab* label_field(std::string_view label) const {
    std::string l = lower(trim(label));
    while (!l.empty() && (l.back() == '*' || l.back() == '_' || l.back() == ' ')) l.pop_back();
    while (!l.empty() && (l.front() == '*' || l.front() == '_' || l.front() == ' ')) l.erase(0, 1);
    if (l.empty() || l.size() > 48) return nullptr;
    const prefilter::Screened screen = prefilter::screen_of(l);
    for (const FieldVocab& fv : v_.fields()) {
      for (const Pattern& p : fv.labels) {
        if (p.matches(l, screen)) return &fv;
      }
    }
    return nullptr;
  }

  // The list items right after block `b` in the same section, as one value.
  std::string following_items(std::size_t b) const {
    std::string out;
    const doc::Block& first = d_.blocks[b];
    for (std::size_t i = b + 1; i < d_.blocks.size(); ++i) {
      const doc::Block& n = d_.blocks[i];
      if (n.section != first.section || n.kind != doc::BlockKind::list_item) break;
      if (!out.empty()) out += '\n';
      out += n.text;
    }
    return out;
  }

  void labels() {
    for (std::size_t b = 0; b < d_.blocks.size(); ++b) {
      const doc::Block& block = d_.blocks[b];
      if (block.kind == doc::BlockKind::definition_term) {
        const FieldVocab* fv = label_field(block.text);
        if (fv && b + 1 < d_.blocks.size() && d_.blocks[b + 1].kind == doc::BlockKind::definition) {
          const doc::Block& dd = d_.blocks[b + 1];
          add_value(*fv, dd.text, dd.range, FieldSource::label, block.text);
        }
        continue;
      }
      if (block.kind != doc::BlockKind::paragraph && block.kind != doc::BlockKind::list_item) continue;
      for (const Line& line : split_lines(block.text)) {
        std::string_view t = line.text;
        std::size_t colon = t.find(':');
        std::string_view label, value;
        std::size_t value_off = 0;
        if (colon != std::string_view::npos && colon > 0 && colon <= 48) {
          label = t.substr(0, colon);
          value_off = colon + 1;
        } else if (!block.strong_prefix().empty() && line.offset == 0 && t.rfind(block.strong_prefix(), 0) == 0) {
          label = block.strong_prefix();
          value_off = block.strong_prefix().size();
        } else {
          continue;
        }
        const FieldVocab* fv = label_field(label);
        if (!fv) continue;
        value = t.substr(value_off);
        while (!value.empty() && (value.front() == ' ' || value.front() == '*' || value.front() == '_')) {
          value.remove_prefix(1);
          ++value_off;
        }
        std::size_t abs = block.text_offset + line.offset + value_off;
        doc::SourceRange range = d_.range_of(abs, trim(value).size());
        if (range.start.line == 0) range = block.range;
        if (trim(value).empty() && split_lines(block.text).size() == 1) {
          std::string items = following_items(b);
          if (!items.empty()) {
            add_value(*fv, items, range, FieldSource::label, std::string(trim(label)));
            continue;
          }
        }
        add_value(*fv, value, range, FieldSource::label, std::string(trim(label)));
      }
    }
  }

  void tables() {
    for (const doc::Table& t : d_.tables) {
      if (t.rows.empty()) continue;
      auto cell = [&](std::size_t r, std::size_t c) -> const doc::Block* {
        if (r >= t.rows.size() || c >= t.rows[r].size()) return nullptr;
        return &d_.blocks[static_cast<std::size_t>(t.rows[r][c])];
      };
      std::size_t header_labels = 0, row_labels = 0;
      for (std::size_t c = 0; c < t.rows[0].size(); ++c) header_labels += label_field(cell(0, c)->text) != nullptr;
      for (std::size_t r = 1; r < t.rows.size(); ++r) {
        if (const doc::Block* k = cell(r, 0)) row_labels += label_field(k->text) != nullptr;
      }
      if (t.has_header && header_labels >= 2 && header_labels > row_labels) {
        // A header row of labels with the values below.
        for (std::size_t c = 0; c < t.rows[0].size(); ++c) {
          const FieldVocab* fv = label_field(cell(0, c)->text);
          if (!fv) continue;
          if (t.rows.size() == 1) add(*fv, "", cell(0, c)->range, FieldSource::table, cell(0, c)->text);
          for (std::size_t r = 1; r < t.rows.size(); ++r) {
            if (const doc::Block* v = cell(r, c)) add_value(*fv, v->text, v->range, FieldSource::table, cell(0, c)->text);
            if (!fv->list) break;
          }
        }
        continue;
      }
      // Label | value rows (a sidebar of facts); the header row may be one.
      for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const doc::Block* k = cell(r, 0);
        const doc::Block* val = cell(r, 1);
        if (!k || !val) continue;
        if (const FieldVocab* fv = label_field(k->text)) add_value(*fv, val->text, val->range, FieldSource::table, k->text);
      }
    }
  }

  void title() {
    if (d_.title.empty()) return;
    for (const FieldVocab& fv : v_.fields()) {
      for (const Pattern& p : fv.title_patterns) {
        auto m = p.find(d_.title);
        if (!m || !m->value) continue;
        std::string value = d_.title.substr(m->value->first, m->value->second - m->value->first);
        add(fv, value, d_.title_range, FieldSource::title, "title");
        return;
      }
    }
  }

  // "About the customer": the first paragraph usually opens with the name.
  void section_bodies() {
    for (const FieldVocab& fv : v_.fields()) {
      if (fv.body_headings.empty()) continue;
      for (std::size_t i = 1; i < d_.sections.size(); ++i) {
        const doc::Section& sec = d_.sections[i];
        std::string norm = Vocabulary::normalise_heading(sec.heading);
        if (sec.blocks.empty() ||
            std::none_of(fv.body_headings.begin(), fv.body_headings.end(), [&](const Pattern& p) { return p.matches(norm); })) {
          continue;
        }
        // The first block of body text (a heading the outline made is not).
        const auto body = std::find_if(sec.blocks.begin(), sec.blocks.end(), [&](int b) {
          return d_.blocks[static_cast<std::size_t>(b)].kind != doc::BlockKind::heading;
        });
        if (body == sec.blocks.end()) continue;
        const doc::Block& first = d_.blocks[static_cast<std::size_t>(*body)];
        for (const Pattern& p : fv.body_patterns) {
          auto m = p.find(first.text);
          if (!m || !m->value) continue;
          std::size_t len = m->value->second - m->value->first;
          doc::SourceRange r = d_.range_of(first.text_offset + m->value->first, len);
          if (r.start.line == 0) r = first.range;
          add(fv, first.text.substr(m->value->first, len), r, FieldSource::section, sec.heading, static_cast<int>(i));
          break;
        }
      }
    }
  }

  // Values written in prose: "runs in AWS account 1234 5678 9012", "the
  // project ran from March 2022 to January 2023".
  void text_patterns() {
    for (const FieldVocab& fv : v_.fields()) {
      if (fv.text_patterns.empty()) continue;
      for (std::size_t bi = 0; bi < d_.blocks.size(); ++bi) {
        const doc::Block& b = d_.blocks[bi];
        if (b.kind != doc::BlockKind::paragraph && b.kind != doc::BlockKind::list_item) continue;
        for (const Pattern& p : fv.text_patterns) {
          std::size_t from = 0;
          while (auto m = p.find(b.text, from, screens_.of_block(bi))) {
            if (m->value) {
              std::size_t len = m->value->second - m->value->first;
              doc::SourceRange r = d_.range_of(b.text_offset + m->value->first, len);
              if (r.start.line == 0) r = b.range;
              add(fv, b.text.substr(m->value->first, len), r, FieldSource::text, "text");
            }
            from = m->end > from ? m->end : from + 1;
          }
        }
      }
    }
  }

  // Fields told in sentences rather than under a heading or label: the
  // first sentence that states each, where nothing else gives the field.
  // A study tells its problem, work and results in its first pages: prose
  // evidence is looked for in the first kProseBytes of text, so that a huge
  // pasted export costs no more than a long study.
  static constexpr std::size_t kProseBytes = 256 * 1024;

  void prose() {
    for (const FieldVocab& fv : v_.fields()) {
      if (fv.prose_patterns.empty() || out_.get(fv.name)) continue;
      bool found = false;
      for (std::size_t bi = 0; bi < d_.blocks.size() && !found; ++bi) {
        const doc::Block& b = d_.blocks[bi];
        if (b.text_offset >= kProseBytes) break;
        if (b.kind != doc::BlockKind::paragraph && b.kind != doc::BlockKind::list_item &&
            b.kind != doc::BlockKind::definition && b.kind != doc::BlockKind::table_cell) {
          continue;
        }
        const std::string_view text = std::string_view(b.text).substr(0, kProseBytes - b.text_offset);
        for (const Pattern& p : fv.prose_patterns) {
          auto m = text.size() == b.text.size() ? p.find(b.text, 0, screens_.of_block(bi)) : p.find(text, 0);
          if (!m) continue;
          auto [s, e] = sentence_around(b.text, m->begin, m->end);
          Field f;
          f.name = fv.name;
          f.text = std::string(trim(std::string_view(b.text).substr(s, e - s)));
          f.range = d_.range_of(b.text_offset + m->begin, m->end - m->begin);
          if (f.range.start.line == 0) f.range = b.range;
          f.source = FieldSource::text;
          f.label = "prose";
          f.note = "told in prose, not under a heading or label";
          f.rewrite = heading_before(b, fv);
          out_.add(std::move(f));
          found = true;
          break;
        }
      }
    }
  }

  // A fix that gives a field told in prose its own section: the heading of
  // the field's skeleton ("## Challenge"), inserted before the Markdown
  // paragraph that tells it, where that paragraph starts a line of its own
  // (not in a list or a quote).
  std::optional<Field::Rewrite> heading_before(const doc::Block& b, const FieldVocab& fv) const {
    if (d_.format != doc::Format::markdown || b.kind != doc::BlockKind::paragraph || b.range.start.column != 1) {
      return std::nullopt;
    }
    // Only where the paragraph's first text is a copy of the file at the
    // start of its line (not where lines are in doubt, as with lone CRs).
    if (b.text.empty() || !d_.is_verbatim(b.text_offset, 1) || d_.position_at(b.text_offset) != b.range.start) {
      return std::nullopt;
    }
    const std::string_view skeleton = fv.skeleton;
    if (!skeleton.starts_with("## ")) return std::nullopt;
    const std::size_t eol = skeleton.find('\n');
    if (eol == std::string_view::npos) return std::nullopt;
    const doc::Position at{b.range.start.line, 1};
    return Field::Rewrite{{at, at}, "", std::string(skeleton.substr(0, eol)) + "\n\n"};
  }

  // The caption under an image: "*Figure 1: Solution architecture ...*" in
  // the paragraph right after it (or the rest of its own paragraph).
  std::string caption_of(const doc::Link& image) const {
    static const Pattern caption("^(?:figure|fig\\.?|diagram|image|exhibit)\\s*[0-9]*\\s*[:.–-]");
    for (const doc::Block& b : d_.blocks) {
      if (b.range.start.line < image.range.start.line) continue;
      if (b.range.start.line > image.range.start.line + 2) break;
      if (trim(b.text).empty()) continue;
      if (caption.matches(b.text) || b.text.size() < 160) return b.text;
      break;
    }
    return {};
  }

  // Topic sets: the first place each topic is mentioned.
  void topics() {
    std::vector<std::string> skipped;
    for (const TopicSet& set : v_.topics()) {
      if (!wanted_.wants(set.id)) {
        skipped.push_back(set.id);
        continue;
      }
      for (const TopicItem& item : set.items) {
        if (auto found = find_topic(set, item)) {
          found->name = set.id;
          out_.add(std::move(*found));
        }
      }
    }
    out_.skip_topics(std::move(skipped));
  }

  // The sentence of `text` around [begin, end): from after the previous
  // full stop followed by a space or line break to the next one.
  // Both look at most kAround bytes each way from the match (a paragraph
  // with no full stop is not read again from its start for every match).
  static std::pair<std::size_t, std::size_t> sentence_around(std::string_view text, std::size_t begin, std::size_t end) {
    auto stop_at = [&](std::size_t i) {
      return text[i] == '.' && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n');
    };
    const std::size_t low = begin > kAround ? begin - kAround : 0, high = std::min(text.size(), end + kAround);
    std::size_t start = begin;
    while (start > low && !stop_at(start - 1)) --start;
    std::size_t stop = end;
    while (stop < high && !stop_at(stop)) ++stop;
    return char_bounds(text, start, std::min(stop + 1, text.size()));
  }

  static std::pair<std::size_t, std::size_t> line_around(std::string_view text, std::size_t begin, std::size_t end) {
    const std::size_t low = begin > kAround ? begin - kAround : 0, high = std::min(text.size(), end + kAround);
    std::size_t start = begin;
    while (start > low && text[start - 1] != '\n') --start;
    std::size_t stop = end;
    while (stop < high && text[stop] != '\n') ++stop;
    return char_bounds(text, start, stop);
  }

  static bool excepted(const TopicItem& item, std::string_view sentence) {
    return std::any_of(item.except.begin(), item.except.end(), [&](const Pattern& p) { return p.matches(sentence); });
  }

  std::optional<Field> find_topic(const TopicSet& set, const TopicItem& item) const {
    const prefilter::Screened& anywhere = screen_of_document();
    if (std::none_of(item.patterns.begin(), item.patterns.end(), [&](const Pattern& p) { return p.may_match(anywhere); })) {
      return std::nullopt;
    }
    auto make = [&](std::string_view text, doc::SourceRange r) {
      Field f;
      f.text = item.id;
      f.label = std::string(text.substr(0, std::min<std::size_t>(text.size(), 120)));
      f.range = r;
      f.source = FieldSource::text;
      return f;
    };
    for (std::size_t i = 1; i < d_.sections.size(); ++i) {
      const doc::Section& s = d_.sections[i];
      const prefilter::Screened& screen = screen_of_heading(i);
      for (const Pattern& p : item.patterns) {
        if (p.find(s.heading, 0, screen) && !excepted(item, s.heading)) return make(s.heading, s.heading_range);
      }
    }
    for (std::size_t bi = 0; bi < d_.blocks.size(); ++bi) {
      const doc::Block& b = d_.blocks[bi];
      if (b.kind == doc::BlockKind::code && !set.code) continue;
      if (b.output) continue;  // what a cell printed is no step of the author's
      const std::string_view flat = screens_.spaced(bi);
      const prefilter::Screened& screen = screens_.of_block(bi);
      for (const Pattern& p : item.patterns) {
        if (!p.may_match(screen)) continue;
        std::size_t from = 0;
        while (auto m = p.find(flat, from, screen)) {
          from = m->end > from ? m->end : from + 1;
          // The sentence around the match is the evidence (a code line for code).
          auto [start, end] = b.kind == doc::BlockKind::code ? line_around(b.text, m->begin, m->end)
                                                             : sentence_around(b.text, m->begin, m->end);
          std::string_view sentence = std::string_view(b.text).substr(start, end - start);
          if (excepted(item, sentence)) continue;
          doc::SourceRange r = d_.range_of(b.text_offset + m->begin, m->end - m->begin);
          if (r.start.line == 0) r = b.range;
          return make(sentence, r);
        }
      }
    }
    return std::nullopt;
  }

  // database_engine: the values found under its keys and labels become engine
  // ids, then the engines named in the title and prose are added; each engine
  // once, in that order of trust. A generic "Aurora" goes when the study
  // names Aurora MySQL or Aurora PostgreSQL.
  void engines() {
    const FieldVocab* fv = v_.field("database_engine");
    if (!fv || v_.engines().empty()) return;
    struct Hit {
      std::size_t begin, end;
      const Engine* engine;
    };
    // A match that overlaps one an earlier engine or pattern made is hidden
    // by it. The hits taken so far are kept by start, so each match asks
    // its neighbours only (a long paragraph may name an engine thousands of
    // times).
    auto scan = [&](std::string_view text, const prefilter::Screened& screen) {
      std::map<std::size_t, Hit> taken;  // by begin
      const auto overlaps = [&](std::size_t begin, std::size_t end) {
        auto next = taken.lower_bound(begin);
        if (next != taken.end() && next->second.begin < end) return true;
        return next != taken.begin() && std::prev(next)->second.end > begin;
      };
      for (const Engine& e : v_.engines()) {
        for (const Pattern& p : e.patterns) {
          std::size_t from = 0;
          while (auto m = p.find(text, from, screen)) {
            if (!overlaps(m->begin, m->end) && m->end > m->begin) taken.emplace(m->begin, Hit{m->begin, m->end, &e});
            from = m->end > from ? m->end : from + 1;
          }
        }
      }
      std::vector<Hit> hits;
      hits.reserve(taken.size());
      for (const auto& [begin, hit] : taken) hits.push_back(hit);
      return hits;
    };
    std::vector<Field> found;
    auto add_engine = [&](Field f) {
      bool dup = std::any_of(found.begin(), found.end(), [&](const Field& g) { return g.text == f.text; });
      if (!dup) found.push_back(std::move(f));
    };
    std::vector<const Field*> raw = out_.all(fv->name);
    std::stable_sort(raw.begin(), raw.end(), [](const Field* a, const Field* b) { return rank(a->source) < rank(b->source); });
    for (const Field* r : raw) {
      std::vector<Hit> hits = r->state == FieldState::ok ? scan(r->text, prefilter::screen_of(r->text)) : std::vector<Hit>{};
      if (hits.empty()) add_engine(*r);  // an engine the vocabulary does not know stays as written
      for (const Hit& h : hits) {
        Field f = *r;
        f.label = r->text.substr(h.begin, h.end - h.begin);
        f.text = h.engine->id;
        add_engine(std::move(f));
      }
    }
    auto add_prose = [&](std::string_view text, const prefilter::Screened& screen, std::size_t offset,
                         doc::SourceRange fallback, FieldSource src) {
      for (const Hit& h : scan(text, screen)) {
        // Each engine once: a later mention of one already found adds nothing.
        if (std::any_of(found.begin(), found.end(), [&](const Field& g) { return g.text == h.engine->id; })) continue;
        Field f;
        f.name = fv->name;
        f.text = h.engine->id;
        f.label = std::string(text.substr(h.begin, h.end - h.begin));
        f.range = src == FieldSource::title ? fallback : d_.range_of(offset + h.begin, h.end - h.begin);
        if (f.range.start.line == 0) f.range = fallback;
        f.source = src;
        add_engine(std::move(f));
      }
    };
    // The document's own texts: their screens are taken once for every pass.
    add_prose(d_.title, screens_.of(d_.title), 0, d_.title_range, FieldSource::title);
    for (std::size_t bi = 0; bi < d_.blocks.size(); ++bi) {
      const doc::Block& b = d_.blocks[bi];
      if (b.kind == doc::BlockKind::code) continue;
      add_prose(screens_.spaced(bi), screens_.of_block(bi), b.text_offset, b.range, FieldSource::text);
    }
    bool specific = std::any_of(found.begin(), found.end(), [](const Field& f) { return f.text.rfind("aurora-", 0) == 0; });
    std::deque<Field>& items = out_.mutable_items();
    items.erase(std::remove_if(items.begin(), items.end(), [&](const Field& f) { return f.name == fv->name; }), items.end());
    for (Field& f : found) {
      if (specific && f.text == "aurora") continue;
      out_.add(std::move(f));
    }
  }

  void diagrams() {
    const FieldVocab* fv = v_.field("architecture_diagram");
    if (!fv) return;
    std::vector<const doc::Section*> arch_sections;
    for (std::size_t i = 1; i < d_.sections.size(); ++i) {
      std::string norm = Vocabulary::normalise_heading(d_.sections[i].heading);
      if (std::any_of(fv->headings.begin(), fv->headings.end(), [&](const Pattern& p) { return p.matches(norm); })) {
        arch_sections.push_back(&d_.sections[i]);
      }
    }
    for (const doc::Link& l : d_.links) {
      bool in_arch_section = std::any_of(arch_sections.begin(), arch_sections.end(), [&](const doc::Section* s) {
        return l.range.start.line >= s->range.start.line && l.range.start.line <= s->range.end.line;
      });
      bool words = diagram_words().matches(l.text) || diagram_words().matches(l.target) ||
                   diagram_words().matches(l.title) || (l.is_image && diagram_words().matches(caption_of(l)));
      bool diagram = l.is_image ? (words || in_arch_section)
                                : (diagram_file().matches(l.target) && (words || in_arch_section));
      if (diagram) {
        add(*fv, l.target, l.range, l.is_image ? FieldSource::image : FieldSource::link, l.text);
      }
    }
    // Asked once and again only after an add, not for every block: finding
    // it scans every field, which made a long document's run quadratic.
    bool have_diagram = out_.get("architecture_diagram") != nullptr;
    for (std::size_t bi = 0; bi < d_.blocks.size(); ++bi) {
      const doc::Block& b = d_.blocks[bi];
      const prefilter::Screened& screen = screens_.of_block(bi);
      std::size_t from = 0;
      while (auto m = shortcode_image().find(b.text, from, screen)) {
        std::string_view code = std::string_view(b.text).substr(m->begin, m->end - m->begin);
        if (diagram_words().matches(code)) {
          std::string src = m->value ? b.text.substr(m->value->first, m->value->second - m->value->first) : "";
          add(*fv, src, d_.range_of(b.text_offset + m->begin, m->end - m->begin), FieldSource::image, "shortcode");
          have_diagram = out_.get("architecture_diagram") != nullptr;
        }
        from = m->end;
      }
      if (!have_diagram) {
        if (auto m = diagram_mention().find(b.text, 0, screen)) {
          Field f;
          f.name = fv->name;
          f.state = FieldState::empty;
          f.text = b.text.substr(m->begin, m->end - m->begin);
          f.range = d_.range_of(b.text_offset + m->begin, m->end - m->begin);
          if (f.range.start.line == 0) f.range = b.range;
          f.source = FieldSource::text;
          f.label = "mention";
          out_.add(std::move(f));
        }
      }
    }
  }

  // AWS services named in the text, by the generated dictionary; values are
  // canonical names. Misspelt names become "_misspelt_service" fields
  // (text: as written, label: the replacement) for ST001.
  void services_in_prose() {
    const FieldVocab* fv = v_.field("aws_services");
    if (!fv) return;
    const ServiceDictionary& dict = ServiceDictionary::builtin();
    // Values already given in a list: map them to canonical names.
    std::vector<std::string> seen;
    for (Field& f : out_.mutable_items()) {
      if (f.name != "aws_services" || f.state != FieldState::ok) continue;
      auto hits = dict.find_services(f.text);
      if (!hits.empty() && hits.front().begin == 0) {
        f.label = f.text;
        f.text = hits.front().canonical;
      }
      seen.push_back(f.text);
    }
    for (const doc::Block& b : d_.blocks) {
      if (b.kind == doc::BlockKind::code) continue;
      const ServiceDictionary::Found found = dict.find_all(b.text);
      for (const ServiceDictionary::Hit& h : found.services) {
        if (std::find(seen.begin(), seen.end(), h.canonical) != seen.end()) continue;
        seen.emplace_back(h.canonical);
        Field f;
        f.name = fv->name;
        f.text = h.canonical;
        f.label = b.text.substr(h.begin, h.end - h.begin);
        f.range = d_.range_of(b.text_offset + h.begin, h.end - h.begin);
        if (f.range.start.line == 0) f.range = b.range;
        f.source = FieldSource::text;
        out_.add(std::move(f));
      }
      for (const ServiceDictionary::Hit& h : found.misspellings) {
        Field f;
        f.name = "_misspelt_service";
        f.text = b.text.substr(h.begin, h.end - h.begin);
        f.label = h.right;
        f.range = d_.range_of(b.text_offset + h.begin, h.end - h.begin);
        f.verbatim = d_.is_verbatim(b.text_offset + h.begin, h.end - h.begin);
        if (f.verbatim) f.rewrite = Field::Rewrite{f.range, f.text, as_written(h.right)};
        if (f.range.start.line == 0) f.range = b.range;
        f.source = FieldSource::text;
        out_.add(std::move(f));
        if (std::find(seen.begin(), seen.end(), h.canonical) == seen.end()) {
          seen.emplace_back(h.canonical);
          Field svc = out_.items().back();
          svc.name = fv->name;
          svc.label = svc.text;
          svc.text = h.canonical;
          out_.add(std::move(svc));
        }
      }
    }
  }

  // The next "'s " or "’s " in `t` from `from`: where its apostrophe starts.
  static std::size_t possessive(const std::string& t, std::size_t from) {
    const std::size_t ascii = t.find("'s ", from), curly = t.find("\u2019s ", from);
    return std::min(ascii, curly);
  }

  // Where nothing else names the customer: the name the text gives most
  // often in the possessive ("Hallbrook's warehouse", "Fernway's
  // services"), at least twice. A study is about its customer's things.
  void repeated_name() {
    if (out_.get("customer_name")) return;
    const FieldVocab* fv = v_.field("customer_name");
    if (!fv) return;
    struct Seen {
      int count = 0;
      std::size_t block = 0, begin = 0;
    };
    std::map<std::string, Seen> names;
    auto is_upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    auto is_name_char = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '&' || c == '-';
    };
    for (std::size_t bi = 0; bi < d_.blocks.size(); ++bi) {
      const doc::Block& b = d_.blocks[bi];
      if (b.kind == doc::BlockKind::code) continue;
      const std::string& t = b.text;
      // "Hallbrook's" or "Hallbrook’s": the apostrophe is one byte or three.
      for (std::size_t at = possessive(t, 0); at != std::string::npos; at = possessive(t, at + 1)) {
        // Up to three capitalised words before the apostrophe.
        std::size_t begin = at;
        int words = 0;
        while (words < 3 && begin > 0) {
          std::size_t w = begin;
          while (w > 0 && is_name_char(t[w - 1])) --w;
          if (w == begin || !is_upper(t[w])) break;
          begin = w;
          ++words;
          if (begin < 2 || t[begin - 1] != ' ') break;
          if (!is_upper(t[begin - 2]) && !is_name_char(t[begin - 2])) break;
          // Only go on over another capitalised word.
          std::size_t p = begin - 1;
          std::size_t w2 = p;
          while (w2 > 0 && is_name_char(t[w2 - 1])) --w2;
          if (w2 == p || !is_upper(t[w2])) break;
          begin = p;
        }
        while (begin < at && t[begin] == ' ') ++begin;
        if (words == 0 || begin >= at) continue;
        std::string name = t.substr(begin, at - begin);
        // A word that starts a sentence is not a name on that alone.
        static const std::vector<std::string> kNot = {"AWS", "Amazon", "Amazon Web Services", "It", "Today", "Company",
                                                      "The Company", "Customer", "Client", "Team", "World", "Year",
                                                      "Industry", "Country", "Region", "Nation", "America", "Europe"};
        if (std::find(kNot.begin(), kNot.end(), name) != kNot.end()) continue;
        Seen& s = names[name];
        if (s.count++ == 0) {
          s.block = bi;
          s.begin = begin;
        }
      }
    }
    const std::pair<const std::string, Seen>* best = nullptr;
    bool tie = false;
    for (const auto& kv : names) {
      if (!best || kv.second.count > best->second.count) {
        best = &kv;
        tie = false;
      } else if (kv.second.count == best->second.count) {
        tie = true;
      }
    }
    if (!best || best->second.count < 2 || tie) return;
    const doc::Block& b = d_.blocks[best->second.block];
    doc::SourceRange r = d_.range_of(b.text_offset + best->second.begin, best->first.size());
    if (r.start.line == 0) r = b.range;
    add(*fv, best->first, r, FieldSource::text, "the name the text gives its customer's things");
  }

  // Where nothing names the customer, how the text speaks of it instead
  // ("our consultants worked with a Fortune 500 specialty insurer"): the
  // customer is there, anonymised (CS112 says so, not CS101).
  void anonymised_in_prose() {
    if (out_.get("customer_name")) return;
    const FieldVocab* fv = v_.field("customer_name");
    if (!fv) return;
    static const Pattern described(
        "\\b(?:worked with|work with|helped|helping|partnered with|engaged by|approached by|for|with) "
        "(?<value>(?:a|an|one of the|one of our) (?:[\\w-]+ ){0,5}?(?:insurer|bank|retailer|manufacturer|carmaker|"
        "automaker|company|startup|start-up|operator|publisher|hospital|university|agency|firm|brand|marketplace|"
        "lender|utility|airline|chain|cooperative|nonprofit|non-profit|provider|group|business|enterprise|"
        "organi[sz]ation|institution|platform|telco|broker|distributor|grocer|reseller|customer|client)s?)\\b");
    for (const doc::Block& b : d_.blocks) {
      if (b.text_offset >= kProseBytes) break;
      if (b.kind != doc::BlockKind::paragraph && b.kind != doc::BlockKind::list_item) continue;
      const std::string_view text = std::string_view(b.text).substr(0, kProseBytes - b.text_offset);
      auto m = described.find(text);
      if (!m || !m->value) continue;
      const std::string value(text.substr(m->value->first, m->value->second - m->value->first));
      if (!v_.is_anonymous_customer(value)) continue;
      doc::SourceRange r = d_.range_of(b.text_offset + m->value->first, value.size());
      if (r.start.line == 0) r = b.range;
      add(*fv, value, r, FieldSource::text, "how the text speaks of the customer");
      return;
    }
  }

  // The customer is never the partner, nor AWS: "About Nimbus" at the end
  // of a study is the partner's boilerplate, "CTO at Nimbus" its quote.
  void not_the_partner() {
    std::vector<std::string> partners = {"aws", "amazon", "amazon web services"};
    for (const Field& f : out_.items()) {
      if (f.name == "partner_name" && f.state == FieldState::ok) partners.push_back(lower(trim(f.text)));
    }
    drop_customers_named(out_, partners);
  }

  // Third-party tools named in the text (rules/vocab/third-party-tools.yaml):
  // each tool once, where it is first named, with its category as the label.
  void tools_in_prose() {
    const FieldVocab* fv = v_.field("third_party_tools");
    if (!fv) return;
    const ToolDictionary& dict = ToolDictionary::builtin();
    std::vector<std::string_view> seen;
    for (const doc::Block& b : d_.blocks) {
      if (b.kind == doc::BlockKind::code) continue;
      for (const ToolDictionary::Hit& h : dict.find(b.text)) {
        // A database or an operating system named in the story is mostly
        // what was migrated or what runs underneath, not a tool the project
        // used: only a label or section says it is one.
        if (h.category == "database" || h.category == "operating-system") continue;
        if (std::find(seen.begin(), seen.end(), h.name) != seen.end()) continue;
        seen.push_back(h.name);
        Field f;
        f.name = fv->name;
        f.text = std::string(h.name);
        f.label = std::string(h.category);
        f.range = d_.range_of(b.text_offset + h.begin, h.end - h.begin);
        if (f.range.start.line == 0) f.range = b.range;
        f.source = FieldSource::text;
        f.note = "named in the text";
        out_.add(std::move(f));
      }
    }
  }

  // What a reader sees named: a customer or partner name given only in front
  // matter, found again in the title or text (_customer_mention,
  // _partner_mention), and AWS itself by name (_aws_mention).
  void mentions() {
    mention_of("customer_name", "_customer_mention");
    mention_of("partner_name", "_partner_mention");
    static const Pattern aws("(?-i:\\bAWS\\b)|\\bAmazon Web Services\\b");
    add_first_match(aws, "_aws_mention", "AWS");
  }

  void mention_of(std::string_view field, const char* internal) {
    for (const Field* f : out_.all(field)) {
      if (f->state != FieldState::ok || f->source != FieldSource::front_matter) continue;
      std::string name(trim(f->text));
      if (name.empty() || name.find("\\E") != std::string::npos) continue;
      // "Harbor Analytics Ltd." is "Harbor Analytics" in the text.
      static const Pattern legal_form("[,\\s]+(?:ltd|limited|inc|incorporated|llc|plc|gmbh|ag|sa|s\\.a|b\\.v|n\\.v|corp|corporation|co)\\.?$");
      std::string short_name = name;
      if (auto m = legal_form.find(short_name); m && m->begin > 0) short_name.erase(m->begin);
      // A literal whole-word search, not a pattern: compiling one per
      // document was the costliest step of extracting a small study.
      WordLiteral literal(short_name);
      if (add_first_match(literal, internal, name)) return;
    }
  }

  // Adds an internal field at the first match of `p` in the title or in a
  // block of text (code excluded); false when there is none.
  // `p` is a Pattern or a WordLiteral.
  template <class Finder>
  bool add_first_match(const Finder& p, const char* internal, const std::string& label) {
    Field f;
    f.name = internal;
    f.label = label;
    f.source = FieldSource::text;
    if (auto m = p.find(d_.title)) {
      f.text = d_.title.substr(m->begin, m->end - m->begin);
      f.range = d_.title_range;
      f.source = FieldSource::title;
      out_.add(std::move(f));
      return true;
    }
    for (const doc::Block& b : d_.blocks) {
      if (b.kind == doc::BlockKind::code) continue;
      if (auto m = p.find(b.text)) {
        f.text = b.text.substr(m->begin, m->end - m->begin);
        f.range = d_.range_of(b.text_offset + m->begin, m->end - m->begin);
        if (f.range.start.line == 0) f.range = b.range;
        out_.add(std::move(f));
        return true;
      }
    }
    return false;
  }

  // Wording to avoid: absolute claims (every one) and acronyms used before
  // they are spelled out (the first use). Internal fields for ST002/ST003.
  void wording() {
    for (std::size_t bi = 0; bi < d_.blocks.size(); ++bi) {
      const doc::Block& b = d_.blocks[bi];
      if (b.kind == doc::BlockKind::code) continue;
      // Every claim once: overlapping matches of different patterns ("will
      // never" and "never lose") report the earliest, longest one.
      std::vector<std::pair<std::size_t, std::size_t>> hits;
      for (const Pattern& p : v_.absolute_claims()) {
        std::size_t from = 0;
        while (auto m = p.find(b.text, from, screens_.of_block(bi))) {
          hits.emplace_back(m->begin, m->end);
          from = m->end > from ? m->end : from + 1;
        }
      }
      std::sort(hits.begin(), hits.end(), [](const auto& x, const auto& y) {
        return x.first != y.first ? x.first < y.first : x.second > y.second;
      });
      std::size_t covered = 0;
      for (const auto& [begin, end] : hits) {
        if (begin < covered) continue;
        covered = end;
        Field f;
        f.name = "_absolute_claim";
        f.text = b.text.substr(begin, end - begin);
        f.range = d_.range_of(b.text_offset + begin, end - begin);
        f.verbatim = d_.is_verbatim(b.text_offset + begin, end - begin);
        if (f.range.start.line == 0) f.range = b.range;
        f.source = FieldSource::text;
        out_.add(std::move(f));
      }
    }
    std::string before;  // the plain-text view up to the widest window so far, built again only to widen it
    for (const Vocabulary::Acronym& a : v_.acronyms()) {
      for (std::size_t bi = 0; bi < d_.blocks.size(); ++bi) {
        const doc::Block& b = d_.blocks[bi];
        if (b.kind == doc::BlockKind::code) continue;
        auto m = a.use->find(b.text, 0, screens_.of_block(bi));
        if (!m) continue;
        std::size_t at = b.text_offset + m->begin;
        // Spelled out before, or right around the first use: "recovery time
        // objective (RTO)" or "RTO (recovery time objective)".
        std::size_t window = std::min(d_.text_size, at + (m->end - m->begin) + 80);
        if (before.size() < window) before = d_.plain_text(window);
        if (!a.spelled->find(std::string_view(before).substr(0, window))) {
          Field f;
          f.name = "_acronym_undefined";
          f.text = a.acronym;
          f.label = a.expansion;
          f.range = d_.range_of(at, m->end - m->begin);
          if (f.range.start.line == 0) f.range = b.range;
          f.source = FieldSource::text;
          f.verbatim = d_.is_verbatim(at, m->end - m->begin);
          f.rewrite = spell_out(b, m->begin, m->end, a);
          out_.add(std::move(f));
        }
        break;
      }
    }
  }

  // The fix for an acronym used before it is spelled out, where one is safe
  // and reads well: in running text copied verbatim from the file (not a
  // heading, link text, a code span or a list of names). An acronym already
  // in parentheses keeps them ("(CDC)" becomes "change data capture (CDC)");
  // at the start of a sentence the spelled-out form takes a capital.
  std::optional<Field::Rewrite> spell_out(const doc::Block& b, std::size_t begin, std::size_t end,
                                          const Vocabulary::Acronym& a) const {
    if (b.kind == doc::BlockKind::heading || b.kind == doc::BlockKind::code) return std::nullopt;
    if ((b.kind == doc::BlockKind::list_item || b.kind == doc::BlockKind::table_cell) && names_only(b.text)) {
      return std::nullopt;
    }
    if (d_.role_at(b.text_offset + begin) != doc::TextSpan::Role::text) return std::nullopt;
    if (begin > 0 && end < b.text.size() && b.text[begin - 1] == '(' && b.text[end] == ')') {
      --begin;
      ++end;
    }
    if (!d_.is_verbatim(b.text_offset + begin, end - begin)) return std::nullopt;
    std::string expansion = a.expansion;
    const std::size_t before = b.text.find_last_not_of(" \t\n", begin == 0 ? std::string::npos : begin - 1);
    const bool sentence_start = begin == 0 || before == std::string::npos || std::string_view(".!?").find(b.text[before]) != std::string_view::npos;
    if (sentence_start && !expansion.empty() && expansion[0] >= 'a' && expansion[0] <= 'z') expansion[0] = static_cast<char>(expansion[0] - 'a' + 'A');
    return Field::Rewrite{d_.range_of(b.text_offset + begin, end - begin), b.text.substr(begin, end - begin),
                          as_written(expansion + " (" + a.acronym + ")")};
  }

  // Replacement text as the file must spell it: inside a notebook's JSON
  // string, a quote, a backslash or a control character is escaped.
  std::string as_written(std::string_view text) const {
    if (d_.format != doc::Format::ipynb) return std::string(text);
    std::string out;
    for (const char c : text) {
      if (c == '"' || c == '\\') {
        out += '\\';
        out += c;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[(c >> 4) & 0xF];
        out += kHex[c & 0xF];
      } else {
        out += c;
      }
    }
    return out;
  }

  // A list item or table cell that only names things ("Amazon Aurora, AWS
  // DMS, CDC"): no sentence end, and every part between commas, slashes,
  // semicolons and "and" is at most four words.
  static bool names_only(std::string_view text) {
    if (text.find_first_of(".!?") != std::string_view::npos) return false;
    int words = 0;
    bool in_word = false;
    for (std::size_t i = 0; i <= text.size(); ++i) {
      const char c = i < text.size() ? text[i] : ',';
      if (c == ',' || c == '/' || c == ';' || (i + 5 <= text.size() && text.substr(i, 5) == " and ")) {
        words = 0;
        in_word = false;
        continue;
      }
      const bool space = c == ' ' || c == '\t' || c == '\n';
      if (!space && !in_word && ++words > 4) return false;
      in_word = !space;
    }
    return true;
  }

  void dates() {
    // Single dates: parse the value of start_date / end_date. Each moves to
    // `extra` (a deque: a long document may have a date on every line), the
    // husk left behind is erased below.
    std::deque<Field> extra;
    for (Field& f : out_.mutable_items()) {
      if ((f.name == "start_date" || f.name == "end_date") && f.state == FieldState::ok) {
        Field copy = std::move(f);
        f.name = copy.name;  // the husk is still known as a date
        f.state = FieldState::ok;
        if (auto d = find_date(copy.text)) {
          copy.iso = d->iso();
          copy.ambiguous_date = d->ambiguous;
        } else {
          copy.state = FieldState::placeholder;  // "Ongoing", "Spring": not a date
        }
        extra.push_back(std::move(copy));
      } else if (f.name == "project_dates" && f.state == FieldState::ok) {
        auto range = find_date_range(f.text);
        if (!range) continue;
        Field s = f, e = f;
        s.name = "start_date";
        e.name = "end_date";
        s.text = f.text.substr(range->first.begin, range->first.end - range->first.begin);
        e.text = f.text.substr(range->second.begin, range->second.end - range->second.begin);
        s.iso = range->first.iso();
        e.iso = range->second.iso();
        s.ambiguous_date = range->first.ambiguous;
        e.ambiguous_date = range->second.ambiguous;
        extra.push_back(std::move(s));
        extra.push_back(std::move(e));
      }
    }
    // Replace the date fields with their parsed copies.
    std::deque<Field>& items = out_.mutable_items();
    items.erase(std::remove_if(items.begin(), items.end(),
                               [](const Field& f) {
                                 return (f.name == "start_date" || f.name == "end_date") && f.state == FieldState::ok;
                               }),
                items.end());
    for (Field& f : extra) out_.add(std::move(f));
  }

  const doc::Document& d_;
  const Vocabulary& v_;
  // The prefilter's screens of the block texts, their spaced forms and the
  // headings, each taken when first asked for: the topic sets ask hundreds
  // of patterns about every block and heading, and other passes ask about
  // each block again. Headings are asked by their section's index.
  prefilter::TextScreens& screens_;
  TopicSets wanted_;
  prefilter::Screened screen_of_heading(std::size_t i) const { return screens_.of_heading(i); }
  // The union of every block's and heading's screen: a pattern it does not
  // admit matches nowhere in the document, and the topic search skips it
  // without a look at each block.
  const prefilter::Screened& screen_of_document() const {
    if (document_screen_) return *document_screen_;
    prefilter::Screened& u = document_screen_.emplace();
    u.all = false;
    for (std::size_t i = 1; i < d_.sections.size(); ++i) prefilter::admit_also(u, screen_of_heading(i));
    for (std::size_t bi = 0; bi < d_.blocks.size(); ++bi) prefilter::admit_also(u, screens_.of_block(bi));
    return u;
  }
  mutable std::optional<prefilter::Screened> document_screen_;
  Fields out_;
};

}  // namespace

Fields extract_fields(const doc::Document& d, const Vocabulary& vocab, TopicSets topics) {
  prefilter::TextScreens screens(d);
  Fields fields = Extractor(d, vocab, screens, topics).run();
  add_database_fields(d, vocab, fields, screens);
  return fields;
}

void add_configured_partner(Fields& f, const std::string& partner) {
  const std::string name = lower(trim(partner));
  if (name.empty()) return;
  drop_customers_named(f, {name});
  if (f.get("partner_name")) return;
  Field p;
  p.name = "partner_name";
  p.text = std::string(trim(partner));
  p.source = FieldSource::label;
  p.label = "config partner:";
  f.add(std::move(p));
}

bool is_public_reference(const Fields& f) {
  const Field* p = f.get("public");
  if (!p) return false;
  std::string v = lower(trim(p->text));
  return v == "true" || v == "yes" || v == "on" || v == "1";
}

}  // namespace caselint::extract
