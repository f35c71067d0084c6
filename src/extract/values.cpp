#include "extract/values.h"

#include <algorithm>

#include "extract/account_ids.h"
#include "extract/dates.h"
#include "extract/prefilter.h"
#include "extract/text_util.h"

namespace caselint::extract {

namespace {

bool prose(const doc::Block& b) {
  return b.kind == doc::BlockKind::paragraph || b.kind == doc::BlockKind::list_item ||
         b.kind == doc::BlockKind::table_cell || b.kind == doc::BlockKind::definition;
}

// Sentence spans of a block's text: a sentence ends at . ! or ? followed by
// space and a capital letter or digit ("e.g. the" does not end one).
// `screen` is the text's (or a text holding it).
std::vector<std::pair<std::size_t, std::size_t>> sentences(std::string_view text, const prefilter::Screened& screen) {
  static const Pattern end("(?-i)[.!?][\"')\\]]*\\s+(?=[A-Z0-9\"(])");
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t start = 0, from = 0;
  while (auto m = end.find(text, from, screen)) {
    out.emplace_back(start, m->begin + 1);
    start = from = m->end;
  }
  if (start < text.size()) out.emplace_back(start, text.size());
  return out;
}

// The sentence as evidence on one line: runs of white space become one space.
std::string collapse_spaces(std::string_view text) {
  std::string out;
  for (char c : trim(text)) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && !out.empty() && out.back() == ' ') continue;
    out += space ? ' ' : c;
  }
  return out;
}

doc::SourceRange range_in(const doc::Document& d, const doc::Block& b, std::size_t begin, std::size_t end) {
  doc::SourceRange r = d.range_of(b.text_offset + begin, end - begin);
  return r.start.line == 0 ? b.range : r;
}

void production_status(const doc::Document& d, const Vocabulary& v, Fields& out, prefilter::TextScreens& screens) {
  const ProductionVocab& pv = v.production();
  bool production = false;
  // Labelled values: "Status: Pilot", front matter `stage: poc`.
  for (Field& f : out.mutable_items()) {
    if (f.name != "production_status" || f.state != FieldState::ok) continue;
    std::string value = lower(trim(f.text));
    while (!value.empty() && (value.back() == '.' || value.back() == '!')) value.pop_back();
    const prefilter::Screened screen = prefilter::screen_of(value);
    auto hit = std::find_if(pv.values.begin(), pv.values.end(),
                            [&](const StagePattern& s) { return s.pattern.matches(value, screen); });
    if (hit == pv.values.end()) {
      f.state = FieldState::placeholder;  // "draft", "published": not a stage
      continue;
    }
    f.label = f.label + ": " + f.text;
    f.text = hit->stage;
    production = production || hit->stage == "production";
  }
  // Prose, one sentence at a time, in the blocks where some stage wording
  // may match (find_stages finds nothing elsewhere).
  auto may_name_a_stage = [&pv](const prefilter::Screened& screen) {
    auto staged = [&](const std::vector<StagePattern>& list) {
      return std::any_of(list.begin(), list.end(), [&](const StagePattern& s) { return s.pattern.may_match(screen); });
    };
    return std::any_of(pv.production.begin(), pv.production.end(),
                       [&](const Pattern& p) { return p.may_match(screen); }) ||
           staged(pv.current) || staged(pv.mentions);
  };
  std::vector<Field> current, mentions, productions;
  for (const doc::Block& b : d.blocks) {
    if (!prose(b)) continue;
    const prefilter::Screened& screen = screens.of_block(b);
    if (!may_name_a_stage(screen)) continue;
    for (auto [sb, se] : sentences(b.text, screen)) {
      std::string_view sentence = std::string_view(b.text).substr(sb, se - sb);
      for (const StageFinding& s : find_stages(sentence, pv, &screen)) {
        Field f;
        f.name = "production_status";
        f.text = s.stage;
        f.label = collapse_spaces(sentence);
        f.range = range_in(d, b, sb + s.begin, sb + s.end);
        f.source = FieldSource::text;
        if (s.stage == "production") {
          production = true;
          productions.push_back(std::move(f));
        } else if (s.current) {
          current.push_back(std::move(f));
        } else if (std::none_of(mentions.begin(), mentions.end(), [&](const Field& m) { return m.text == s.stage; })) {
          mentions.push_back(std::move(f));  // the first mention of each stage is enough evidence
        }
      }
    }
  }
  for (Field& f : current) out.add(std::move(f));
  if (!production) {
    for (Field& f : mentions) out.add(std::move(f));
  }
  if (!productions.empty()) out.add(std::move(productions.front()));
}

void account_ids(const doc::Document& d, const Vocabulary& v, Fields& out, prefilter::TextScreens& screens) {
  const AccountIdVocab& av = v.account_ids();
  // A mask such as "XXXXXXXXXXXX" reads as a placeholder word, but it is an
  // account ID's shape: CS211 names it better than CS111.
  for (Field& f : out.mutable_items()) {
    if (f.name != "aws_account_id" || f.state != FieldState::placeholder) continue;
    auto ids = parse_account_ids(f.text, av);
    if (ids.size() == 1 && ids[0].placeholder && ids[0].digits.size() == 12 && ids[0].written == trim(f.text)) {
      f.state = FieldState::ok;
    }
  }
  for (const doc::Block& b : d.blocks) {
    if (b.kind == doc::BlockKind::heading) continue;
    std::vector<std::pair<std::size_t, std::size_t>> seen;
    const prefilter::Screened& screen = screens.of_block(b);
    for (const Pattern& p : av.mentions) {
      std::size_t from = 0;
      while (auto m = p.find(b.text, from, screen)) {
        from = m->end > from ? m->end : from + 1;
        if (!m->value) continue;
        // Not a structured binding: clang before 16 cannot capture one in a lambda.
        const std::size_t vb = m->value->first, ve = m->value->second;
        if (std::any_of(seen.begin(), seen.end(), [&](const auto& s) { return vb < s.second && s.first < ve; })) continue;
        seen.emplace_back(vb, ve);
        // AWS's own accounts (its SageMaker image registries) are no leak.
        const std::string_view id = std::string_view(b.text).substr(vb, ve - vb);
        if (std::find(av.aws_owned.begin(), av.aws_owned.end(), id) != av.aws_owned.end()) continue;
        Field f;
        f.name = "_account_id_mention";
        f.text = b.text.substr(vb, ve - vb);
        f.range = range_in(d, b, vb, ve);
        f.source = FieldSource::text;
        out.add(std::move(f));
      }
    }
  }
}

// A numeric date that reads both ways (03/04/2023) takes the order of the
// document's other numeric project dates when they all read one way
// ("01/02/2024 - 30/06/2024" is day first).
void numeric_date_order(Fields& out) {
  char order = 0;
  bool mixed = false;
  for (const Field& f : out.items()) {
    if ((f.name != "start_date" && f.name != "end_date") || f.state != FieldState::ok || !f.iso) continue;
    auto date = find_date(f.text);
    if (!date || !date->order) continue;
    if (order && order != date->order) mixed = true;
    order = date->order;
  }
  if (!order || mixed) return;
  for (Field& f : out.mutable_items()) {
    if ((f.name != "start_date" && f.name != "end_date") || !f.ambiguous_date || !f.iso) continue;
    auto date = find_date(f.text);
    if (!date || !date->ambiguous) continue;
    // find_date reads an ambiguous slash date month first and a dotted one day first.
    bool slash = f.text.find('/') != std::string::npos;
    if ((order == 'd') == slash) std::swap(date->day, date->month);
    f.iso = date->iso();
    f.ambiguous_date = false;
  }
}

void end_dates(const Vocabulary& v, Fields& out) {
  std::vector<Field> planned;
  for (Field& f : out.mutable_items()) {
    if (f.name != "end_date" || f.state != FieldState::ok || !f.iso) continue;
    if (auto date = find_date(f.text); date && date->months > 1) f.iso = date->iso_last();
    // The words around the date: its label, and for one end of a range
    // ("Timeline: Q1 - Q3 2024 (expected)") the whole range.
    std::vector<std::string_view> around = {f.text, f.label};
    for (const Field& r : out.items()) {
      if (r.name == "project_dates" && r.range == f.range) around.push_back(r.text);
    }
    std::vector<prefilter::Screened> screens;
    for (std::string_view t : around) screens.push_back(prefilter::screen_of(t));
    const auto& patterns = v.production().planned;
    if (std::any_of(patterns.begin(), patterns.end(), [&](const Pattern& p) {
          for (std::size_t k = 0; k < around.size(); ++k) {
            if (p.matches(around[k], screens[k])) return true;
          }
          return false;
        })) {
      Field p = f;
      p.name = "_end_date_planned";
      planned.push_back(std::move(p));
    }
  }
  for (Field& f : planned) out.add(std::move(f));
}

}  // namespace

std::vector<StageFinding> find_stages(std::string_view sentence, const ProductionVocab& v,
                                      const prefilter::Screened* given) {
  std::vector<StageFinding> out;
  const prefilter::Screened own = given ? prefilter::Screened{} : prefilter::screen_of(sentence);
  const prefilter::Screened& screen = given ? *given : own;
  auto first = [&](const std::vector<StagePattern>& list, bool current) {
    for (const StagePattern& s : list) {
      if (auto m = s.pattern.find(sentence, 0, screen)) {
        out.push_back({s.stage, current, m->begin, m->end});
        return true;
      }
    }
    return false;
  };
  for (const Pattern& p : v.production) {
    if (auto m = p.find(sentence, 0, screen)) {
      out.push_back({"production", true, m->begin, m->end});
      return out;  // a sentence that says production leaves no stage behind
    }
  }
  if (std::any_of(v.transitions.begin(), v.transitions.end(), [&](const Pattern& p) { return p.matches(sentence, screen); })) {
    return out;
  }
  if (!first(v.current, true)) first(v.mentions, false);
  return out;
}

void extract_value_fields(const doc::Document& d, const Vocabulary& v, Fields& out, prefilter::TextScreens& screens) {
  production_status(d, v, out, screens);
  account_ids(d, v, out, screens);
  numeric_date_order(out);
  end_dates(v, out);
}

}  // namespace caselint::extract
