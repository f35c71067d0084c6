// Dates as case studies write them: 2023-01-15, 2023-01, January 15, 2023,
// 15 January 2023, Jan 2023, Q1 2023, 03/04/2023, and ranges of these.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace caselint::extract {

struct ParsedDate {
  int year = 0, month = 0, day = 0;  // day 0: month precision
  bool ambiguous = false;            // a slash date that reads as d/m and m/d
  char order = 0;                    // numeric dates read one way: 'd' day first, 'm' month first
  int months = 1;                    // months a month-precision date covers: 3 for "Q1 2023"
  std::size_t begin = 0, end = 0;    // where in the text it was found
  std::string iso() const;           // YYYY-MM-DD or YYYY-MM (a quarter: its first month)
  std::string iso_last() const;      // as iso(), but a quarter gives its last month
  // Comparable key: a month-precision date counts as its first day for a
  // start and its last day (of its last month) for an end.
  int key_first() const { return year * 10000 + month * 100 + (day ? day : 1); }
  int key_last() const {
    return day ? key_first() : year * 10000 + (month + months - 1) * 100 + 31;
  }
};

// The first date in `text`, or nullopt.
std::optional<ParsedDate> find_date(std::string_view text);
// A date range "X - Y", "X to Y", "from X until Y", "March - June 2023",
// "Q1 - Q3 2023".
std::optional<std::pair<ParsedDate, ParsedDate>> find_date_range(std::string_view text);
// Parses YYYY-MM-DD (for --as-of); nullopt when malformed.
std::optional<ParsedDate> parse_iso_date(std::string_view text);
// Parses a field's ISO value, YYYY-MM-DD or YYYY-MM; nullopt when malformed.
std::optional<ParsedDate> parse_iso_value(std::string_view text);
// `d` moved back by `months` calendar months, the day clamped to the month's
// length (2024-02-29 minus 12 months is 2023-02-28).
ParsedDate months_before(const ParsedDate& d, int months);

}  // namespace caselint::extract
