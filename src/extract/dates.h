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
  std::size_t begin = 0, end = 0;    // where in the text it was found
  std::string iso() const;           // YYYY-MM-DD or YYYY-MM
  // Comparable key: a month-precision date counts as its first day for a
  // start and its last day for an end.
  int key_first() const { return year * 10000 + month * 100 + (day ? day : 1); }
  int key_last() const { return year * 10000 + month * 100 + (day ? day : 31); }
};

// The first date in `text`, or nullopt.
std::optional<ParsedDate> find_date(std::string_view text);
// A date range "X - Y", "X to Y", "from X until Y", "March - June 2023".
std::optional<std::pair<ParsedDate, ParsedDate>> find_date_range(std::string_view text);
// Parses YYYY-MM-DD (for --as-of); nullopt when malformed.
std::optional<ParsedDate> parse_iso_date(std::string_view text);

}  // namespace caselint::extract
