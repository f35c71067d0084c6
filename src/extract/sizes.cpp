#include "extract/sizes.h"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "extract/text_util.h"

namespace caselint::extract {

namespace {

[[noreturn]] void fail(const std::string& origin, const YAML::Node& n, const std::string& msg) {
  throw std::runtime_error(origin + ":" + std::to_string(n.Mark().line + 1) + ": " + msg);
}

Pattern compile(const YAML::Node& n, const std::string& origin, bool anchored = false) {
  try {
    return Pattern(n.as<std::string>(), anchored);
  } catch (const std::runtime_error& e) {
    fail(origin, n, e.what());
  }
}

std::optional<Pattern> compile_opt(const YAML::Node& n, const std::string& origin) {
  if (!n) return std::nullopt;
  return compile(n, origin);
}

std::vector<Pattern> compile_all(const YAML::Node& n, const std::string& origin, bool anchored = false) {
  std::vector<Pattern> out;
  if (!n) return out;
  if (!n.IsSequence()) fail(origin, n, "expected a list of patterns");
  for (const auto& item : n) out.push_back(compile(item, origin, anchored));
  return out;
}

// "1,200.5" -> 1200.5; nullopt when it is not a number.
std::optional<double> to_double(std::string_view s) {
  std::string digits;
  for (char c : s) {
    if (c != ',') digits += c;
  }
  double v = 0;
  auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (ec != std::errc() || p != digits.data() + digits.size()) return std::nullopt;
  return v;
}

std::string_view group_text(std::string_view text, const Pattern::Match& m, std::size_t g) {
  return g == 0 ? std::string_view() : m.group(text, g);
}

}  // namespace

void Vocabulary::add_database(std::string_view yaml, const std::string& origin) {
  YAML::Node root = YAML::Load(std::string(yaml));
  auto v = std::make_shared<DatabaseVocab>();
  if (!root["size"] || !root["units"]) throw std::runtime_error(origin + ": expected `size:` and `units:`");
  v->size = compile(root["size"], origin);
  for (const char* g : {"num", "unit"}) {
    if (!v->size->group_number(g)) fail(origin, root["size"], std::string("the size pattern needs a group \"") + g + "\"");
  }
  v->rate_after = compile_opt(root["rate_after"], origin);
  v->number = compile_opt(root["number"], origin);
  v->percent = compile_opt(root["percent"], origin);
  for (const auto& u : root["units"]) {
    if (!u["pattern"] || !u["gb"]) fail(origin, u, "a unit needs `pattern:` and `gb:`");
    v->units.push_back({compile(u["pattern"], origin, true), u["gb"].as<double>()});
  }
  if (YAML::Node c = root["size_context"]) {
    v->labelled_before = compile_all(c["labelled_before"], origin);
    v->database_before = compile_all(c["database_before"], origin);
    v->database_after = compile_all(c["database_after"], origin);
    v->volume_before = compile_all(c["volume_before"], origin);
    v->volume_after = compile_all(c["volume_after"], origin);
    v->exclude_before = compile_all(c["exclude_before"], origin);
    v->exclude_after = compile_all(c["exclude_after"], origin);
  }
  v->sections = compile_all(root["sections"], origin, true);
  v->fact_labels = compile_all(root["fact_labels"], origin, true);
  if (YAML::Node sl = root["section_labels"]) {
    for (const auto& kv : sl) v->section_labels[kv.first.as<std::string>()] = compile_all(kv.second, origin, true);
  }
  if (YAML::Node prose = root["prose"]) {
    for (const auto& kv : prose) {
      ProsePatterns p;
      p.context = compile_opt(kv.second["context"], origin);
      p.patterns = compile_all(kv.second["patterns"], origin);
      for (const Pattern& pat : p.patterns) {
        if (!pat.group_number("value")) fail(origin, kv.second, "prose patterns need a group \"value\"");
      }
      v->prose[kv.first.as<std::string>()] = std::move(p);
    }
  }
  for (auto [key, list] : {std::pair{"read_write", &v->read_write}, std::pair{"read_write_value", &v->read_write_value}}) {
    for (const auto& item : root[key]) {
      ReadWritePattern p{compile(item["pattern"], origin), item["read"] ? item["read"].as<std::size_t>() : 1,
                         item["write"] ? item["write"].as<std::size_t>() : 2};
      list->push_back(std::move(p));
    }
  }
  database_ = std::move(v);
}

const DatabaseVocab& Vocabulary::database() const {
  static const DatabaseVocab empty;
  return database_ ? *database_ : empty;
}

std::vector<ParsedSize> find_sizes(std::string_view text, const DatabaseVocab& v) {
  std::vector<ParsedSize> out;
  if (!v.size) return out;
  const std::size_t g_qual = v.size->group_number("qual"), g_num = v.size->group_number("num"),
                    g_unit = v.size->group_number("unit"), g_plus = v.size->group_number("plus");
  // The text's UTF-8 checked once, not on every match (a long paragraph
  // with many sizes would be checked again from each one).
  const prefilter::Screened screen = prefilter::unscreened(text);
  std::size_t from = 0;
  while (auto m = v.size->find(text, from, screen)) {
    from = m->end > from ? m->end : from + 1;
    auto number = to_double(group_text(text, *m, g_num));
    std::string_view unit = group_text(text, *m, g_unit);
    const SizeUnit* found = nullptr;
    for (const SizeUnit& u : v.units) {
      if (u.pattern.matches(unit)) {
        found = &u;
        break;
      }
    }
    if (!number || !found) continue;
    ParsedSize s;
    s.gb = *number * found->gb;
    s.begin = m->begin;
    s.end = m->end;
    s.qualifier = lower(group_text(text, *m, g_qual));
    s.plus = !group_text(text, *m, g_plus).empty();
    s.rate = v.rate_after && v.rate_after->matches(text.substr(m->end), screen);
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<ParsedSize> find_sizes(std::string_view text) { return find_sizes(text, Vocabulary::builtin().database()); }

std::optional<ParsedSize> parse_size(std::string_view text, const DatabaseVocab& v) {
  for (ParsedSize& s : find_sizes(text, v)) {
    if (!s.rate) return s;
  }
  return std::nullopt;
}

std::optional<ParsedSize> parse_size(std::string_view text) { return parse_size(text, Vocabulary::builtin().database()); }

std::optional<double> parse_number(std::string_view text, const DatabaseVocab& v) {
  if (!v.number) return std::nullopt;
  auto m = v.number->find(text);
  if (!m) return std::nullopt;
  auto n = to_double(group_text(text, *m, v.number->group_number("num")));
  if (n && !group_text(text, *m, v.number->group_number("k")).empty()) *n *= 1000;
  return n;
}

std::optional<double> parse_percent(std::string_view text, const DatabaseVocab& v) {
  if (!v.percent) return std::nullopt;
  auto m = v.percent->find(text);
  if (!m) return std::nullopt;
  return to_double(group_text(text, *m, v.percent->group_number("num")));
}

SizeRole size_role(std::string_view sentence, std::size_t begin, std::size_t end, const DatabaseVocab& v) {
  std::size_t b = begin > 90 ? begin - 90 : 0;
  std::string_view before = sentence.substr(b, begin - b);
  std::string_view after = sentence.substr(end, 70);
  auto any = [](const std::vector<Pattern>& ps, std::string_view s) {
    for (const Pattern& p : ps) {
      if (p.matches(s)) return true;
    }
    return false;
  };
  if (any(v.labelled_before, before)) return SizeRole::labelled;
  if (any(v.exclude_before, before) || any(v.exclude_after, after)) return SizeRole::excluded;
  if (any(v.database_before, before) || any(v.database_after, after)) return SizeRole::database;
  if (any(v.volume_before, before) || any(v.volume_after, after)) return SizeRole::volume;
  return SizeRole::other;
}

std::string format_gb(double gb) {
  char buf[64];
  double r = std::round(gb * 100) / 100;
  if (r == std::floor(r) && std::fabs(r) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", r);
  } else {
    std::snprintf(buf, sizeof buf, "%.2f", r);
    std::string s(buf);
    while (!s.empty() && s.back() == '0') s.pop_back();
    return s;
  }
  return buf;
}

}  // namespace caselint::extract
