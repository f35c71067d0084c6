#include "extract/dates.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "extract/vocab.h"

namespace caselint::extract {

namespace {

int month_number(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                               "jul", "aug", "sep", "oct", "nov", "dec"};
  if (name.size() < 3) return 0;
  std::string lower;
  for (char c : name.substr(0, 3)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (kMonths[i] == lower) return static_cast<int>(i) + 1;
  }
  return 0;
}

int to_int(std::string_view s) { return s.empty() ? 0 : std::atoi(std::string(s).c_str()); }

bool valid(int y, int m, int d) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1990 || y > 2100 || m < 1 || m > 12) return false;
  if (d == 0) return true;
  if (d < 1 || d > kDays[static_cast<std::size_t>(m - 1)]) return false;
  if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return false;
  return true;
}

constexpr const char* kMonthWord =
    "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

// One pattern, tried at every position; the alternatives are numbered groups.
const Pattern& date_pattern() {
  static const Pattern p(std::string("\\b(?:") +
                         "([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})" +                                   // 1-3 ISO date
                         "|([0-9]{4})-([0-9]{1,2})(?![0-9-])" +                                     // 4-5 ISO month
                         "|(" + kMonthWord + ")\\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\\s+([0-9]{4})" +  // 6-8 January 15, 2023
                         "|([0-9]{1,2})(?:st|nd|rd|th)?\\s+(" + kMonthWord + "),?\\s+([0-9]{4})" +  // 9-11 15 January 2023
                         "|(" + kMonthWord + "),?\\s+([0-9]{4})" +                                  // 12-13 Jan 2023
                         "|q([1-4])\\s+([0-9]{4})" +                                                // 14-15 Q1 2023
                         "|([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})" +                                  // 16-18 03/04/2023
                         "|([0-9]{1,2})\\.([0-9]{1,2})\\.([0-9]{4})" +                              // 19-21 15.01.2023
                         ")\\b");
  return p;
}

std::optional<ParsedDate> from_match(std::string_view text, const Pattern::Match& m) {
  auto g = [&](std::size_t i) { return m.group(text, i); };
  ParsedDate d;
  d.begin = m.begin;
  d.end = m.end;
  if (!g(1).empty()) {
    d.year = to_int(g(1)); d.month = to_int(g(2)); d.day = to_int(g(3));
  } else if (!g(4).empty()) {
    d.year = to_int(g(4)); d.month = to_int(g(5));
  } else if (!g(6).empty()) {
    d.month = month_number(g(6)); d.day = to_int(g(7)); d.year = to_int(g(8));
  } else if (!g(9).empty()) {
    d.day = to_int(g(9)); d.month = month_number(g(10)); d.year = to_int(g(11));
  } else if (!g(12).empty()) {
    d.month = month_number(g(12)); d.year = to_int(g(13));
  } else if (!g(14).empty()) {
    d.month = (to_int(g(14)) - 1) * 3 + 1; d.year = to_int(g(15)); d.months = 3;
  } else if (!g(16).empty() || !g(19).empty()) {
    bool slash = !g(16).empty();
    int a = to_int(slash ? g(16) : g(19)), b = to_int(slash ? g(17) : g(20));
    d.year = to_int(slash ? g(18) : g(21));
    if (a > 12 && b <= 12) {
      d.day = a; d.month = b; d.order = 'd';
    } else if (b > 12 && a <= 12) {
      d.month = a; d.day = b; d.order = 'm';
    } else {
      // Reads both ways: month first as in the US, flagged ambiguous.
      d.month = slash ? a : b;
      d.day = slash ? b : a;
      d.ambiguous = a != b;
    }
  }
  if (!valid(d.year, d.month, d.day)) return std::nullopt;
  return d;
}

}  // namespace

std::string ParsedDate::iso() const {
  char buf[16];
  if (day) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  }
  return buf;
}

std::string ParsedDate::iso_last() const {
  if (day || months <= 1) return iso();
  ParsedDate last = *this;
  last.month += months - 1;
  last.months = 1;
  return last.iso();
}

std::optional<ParsedDate> find_date(std::string_view text) {
  std::size_t from = 0;
  while (from < text.size()) {
    auto m = date_pattern().find(text, from);
    if (!m) return std::nullopt;
    if (auto d = from_match(text, *m)) return d;
    from = m->end > m->begin ? m->end : m->begin + 1;
  }
  return std::nullopt;
}

std::optional<std::pair<ParsedDate, ParsedDate>> find_date_range(std::string_view text) {
  // "March - June 2023": a bare month, then a dash, then a dated end.
  static const Pattern month_only(std::string("\\b(") + kMonthWord + ")\\s*(?:-|–|—|to|through|until)\\s*(" +
                                  kMonthWord + ")\\s+([0-9]{4})\\b");
  if (auto m = month_only.find(text)) {
    ParsedDate a, b;
    a.month = month_number(m->group(text, 1));
    b.month = month_number(m->group(text, 2));
    a.year = b.year = to_int(m->group(text, 3));
    if (a.month > b.month) a.year -= 1;  // "November - February 2023"
    a.begin = m->begin;
    a.end = m->groups[1].second;
    b.begin = m->groups[2].first;
    b.end = m->end;
    if (valid(a.year, a.month, 0) && valid(b.year, b.month, 0)) return std::make_pair(a, b);
  }
  // "Q1 - Q3 2023": a bare quarter, then a dash, then a dated quarter.
  static const Pattern quarter_only(
      "\\bq([1-4])\\s*(?:-|–|—|to|through|until)\\s*q([1-4])\\s+([0-9]{4})\\b");
  if (auto m = quarter_only.find(text)) {
    ParsedDate a, b;
    a.month = (to_int(m->group(text, 1)) - 1) * 3 + 1;
    b.month = (to_int(m->group(text, 2)) - 1) * 3 + 1;
    a.months = b.months = 3;
    a.year = b.year = to_int(m->group(text, 3));
    if (a.month > b.month) a.year -= 1;  // "Q4 - Q1 2023"
    a.begin = m->begin;
    a.end = m->groups[1].second;
    b.begin = m->groups[2].first - 1;  // the "Q"
    b.end = m->end;
    if (valid(a.year, a.month, 0) && valid(b.year, b.month, 0)) return std::make_pair(a, b);
  }
  auto first = find_date(text);
  if (!first) return std::nullopt;
  std::string_view rest = text.substr(first->end);
  static const Pattern sep("^\\s*(?:-|–|—|to|through|until|till|and)\\s*");
  auto s = sep.find(rest);
  if (!s) return std::nullopt;
  auto second = find_date(rest.substr(s->end));
  if (!second || second->begin != 0) return std::nullopt;
  second->begin += first->end + s->end;
  second->end += first->end + s->end;
  return std::make_pair(*first, *second);
}

std::optional<ParsedDate> parse_iso_date(std::string_view text) {
  static const Pattern iso("^([0-9]{4})-([0-9]{2})-([0-9]{2})$");
  auto m = iso.find(text);
  if (!m) return std::nullopt;
  ParsedDate d;
  d.year = to_int(m->group(text, 1));
  d.month = to_int(m->group(text, 2));
  d.day = to_int(m->group(text, 3));
  if (!valid(d.year, d.month, d.day)) return std::nullopt;
  d.end = text.size();
  return d;
}

std::optional<ParsedDate> parse_iso_value(std::string_view text) {
  if (text.size() == 10) return parse_iso_date(text);
  static const Pattern iso_month("^([0-9]{4})-([0-9]{2})$");
  auto m = iso_month.find(text);
  if (!m) return std::nullopt;
  ParsedDate d;
  d.year = to_int(m->group(text, 1));
  d.month = to_int(m->group(text, 2));
  if (!valid(d.year, d.month, 0)) return std::nullopt;
  d.end = text.size();
  return d;
}

ParsedDate months_before(const ParsedDate& d, int months) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  ParsedDate out = d;
  int index = d.year * 12 + (d.month - 1) - months;
  out.year = index / 12;
  out.month = index % 12 + 1;
  if (out.day) {
    int last = kDays[static_cast<std::size_t>(out.month - 1)];
    if (out.month == 2 && ((out.year % 4 == 0 && out.year % 100 != 0) || out.year % 400 == 0)) last = 29;
    out.day = std::min(out.day, last);
  }
  return out;
}

}  // namespace caselint::extract
