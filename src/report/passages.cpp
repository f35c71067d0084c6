#include "report/passages.h"

#include <optional>

#include "extract/vocab.h"
#include "format/format.h"
#include "load/source.h"
#include "outline/outline.h"
#include "parse/parse.h"
#include "report/text.h"

namespace caselint::report::detail {

namespace {

constexpr std::size_t kExcerptPoints = 240;

bool sentence_end(std::string_view t, std::size_t i) {
  return (t[i] == '.' || t[i] == '!' || t[i] == '?' || t[i] == ';') && i + 1 < t.size() &&
         (t[i + 1] == ' ' || t[i + 1] == '\n');
}

// The sentence of `text` holding [begin, end): from after the previous
// sentence end to the next one. Looks only between the match and those ends.
std::string_view sentence(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t from = begin;
  while (from > 0 && !sentence_end(text, from - 1)) --from;
  while (from < text.size() && (text[from] == ' ' || text[from] == '\n')) ++from;
  std::size_t to = end;
  while (to < text.size() && !(to > 0 && sentence_end(text, to - 1))) ++to;
  return text.substr(from, to - from);
}

// A table cell's passage is its row: "Recovery time objective | 8 hours".
std::string row_text(const doc::Document& d, const doc::Block& b) {
  if (b.table < 0 || static_cast<std::size_t>(b.table) >= d.tables.size()) return b.text;
  const doc::Table& t = d.tables[static_cast<std::size_t>(b.table)];
  if (b.row < 0 || static_cast<std::size_t>(b.row) >= t.rows.size()) return b.text;
  std::string out;
  for (int cell : t.rows[static_cast<std::size_t>(b.row)]) {
    const std::string& text = d.blocks[static_cast<std::size_t>(cell)].text;
    if (text.empty()) continue;
    out += (out.empty() ? "" : " | ") + text;
  }
  return out.empty() ? b.text : out;
}

// A heading's passage shows the start of its section too: its first
// paragraph or list item, else its first table row.
std::string heading_excerpt(const doc::Document& d, const std::string& heading, int section) {
  std::string out = heading;
  if (section >= 0 && static_cast<std::size_t>(section) < d.sections.size()) {
    const doc::Block* first_cell = nullptr;
    const doc::Block* first_text = nullptr;
    for (int i : d.sections[static_cast<std::size_t>(section)].blocks) {
      const doc::Block& next = d.blocks[static_cast<std::size_t>(i)];
      if (next.kind == doc::BlockKind::heading || next.kind == doc::BlockKind::code || next.text.empty()) continue;
      if (next.kind == doc::BlockKind::table_cell) {
        if (!first_cell) first_cell = &next;
        continue;
      }
      first_text = &next;
      break;
    }
    if (first_text) {
      out += ": " + first_text->text;
    } else if (first_cell) {
      out += ": " + row_text(d, *first_cell);
    }
  }
  return clip(out, kExcerptPoints);
}

// What a passage can be: a section's heading or a block, in document order
// (a merge of the sections and the blocks, each already in that order).
struct Unit {
  std::string_view text;
  int line = 0;
  int section = -1;  // a heading: its section
  int in_section = 0;  // the section the unit is in (a heading: its own)
  const doc::Block* cell = nullptr;  // a table cell
};

std::vector<Unit> units_of(const doc::Document& d) {
  std::vector<Unit> out;
  out.reserve(d.sections.size() + d.blocks.size());
  std::size_t s = 1;  // sections[0] is the preamble
  auto heading = [&](std::size_t i) {
    const doc::Section& sec = d.sections[i];
    return Unit{sec.heading, sec.heading_range.start.line, static_cast<int>(i), static_cast<int>(i)};
  };
  for (const doc::Block& b : d.blocks) {
    while (s < d.sections.size() && d.sections[s].heading_range.start.line <= b.range.start.line) {
      if (!d.sections[s].heading.empty()) out.push_back(heading(s));
      ++s;
    }
    if (b.kind == doc::BlockKind::code || b.text.empty()) continue;
    Unit u{b.text, b.range.start.line, -1, b.section};
    if (b.kind == doc::BlockKind::heading) u.section = b.section;
    if (b.kind == doc::BlockKind::table_cell) u.cell = &b;
    out.push_back(u);
  }
  for (; s < d.sections.size(); ++s) {
    if (!d.sections[s].heading.empty()) out.push_back(heading(s));
  }
  return out;
}

}  // namespace

std::vector<std::vector<Passage>> find_passages(const Checklist& c, const std::vector<ScanDocument>& docs,
                                                std::vector<std::string>& errors) {
  std::vector<std::vector<Passage>> out(c.items.size());
  // One pattern per item: its cues as alternatives.
  std::vector<std::optional<extract::Pattern>> patterns(c.items.size());
  bool any = false;
  for (std::size_t i = 0; i < c.items.size(); ++i) {
    const Item& it = c.items[i];
    if (it.cues.empty()) continue;
    std::string source;
    for (const std::string& cue : it.cues) source += (source.empty() ? "(?:" : "|(?:") + cue + ")";
    patterns[i].emplace(source);
    any = true;
  }
  if (!any) return out;
  for (const ScanDocument& sd : docs) {
    load::LoadResult loaded = load::load_file(sd.path, load::kDefaultMaxFileSize);
    if (loaded.error) {
      errors.push_back(sd.path + ": " + loaded.error->reason);
      continue;
    }
    parse::ParseResult parsed = outline::read(*loaded.file);
    if (parsed.error) {
      errors.push_back(sd.path + ": line " + std::to_string(parsed.error->line) + ": " + parsed.error->message);
      continue;
    }
    const doc::Document& d = *parsed.document;
    format::FileResult where;  // for "paragraph N" / "page P, line L"
    where.path = sd.path;
    where.format = d.format;
    where.paragraph_heads = d.paragraph_heads;
    where.page_first_lines = d.page_first_lines;
    std::vector<std::size_t> taken(c.items.size(), 0);
    // A section whose heading is an item's passage already shows its start:
    // its paragraphs are not passages of that item again.
    std::vector<int> heading_of(c.items.size(), -1);
    std::vector<int> last_line(c.items.size(), 0);  // one passage per line (a table row)
    for (const Unit& u : units_of(d)) {
      for (std::size_t i = 0; i < patterns.size(); ++i) {
        if (!patterns[i] || taken[i] >= kPassagesPerDocument) continue;
        if (u.section < 0 && heading_of[i] == u.in_section) continue;
        if (last_line[i] == u.line) continue;
        std::optional<extract::Pattern::Match> m = patterns[i]->find(u.text);
        if (!m) continue;
        ++taken[i];
        last_line[i] = u.line;
        if (u.section >= 0) heading_of[i] = u.section;
        Passage p;
        p.path = sd.path;
        p.line = u.line;
        p.place = format::place_of(where, p.line);
        p.excerpt = one_line(u.section >= 0 ? heading_excerpt(d, std::string(u.text), u.section)
                    : u.cell        ? clip(row_text(d, *u.cell), kExcerptPoints)
                                    : clip(sentence(u.text, m->begin, m->end), kExcerptPoints));
        p.reference = sd.reference;
        out[i].push_back(std::move(p));
      }
    }
  }
  return out;
}

}  // namespace caselint::report::detail
