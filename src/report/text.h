// Text helpers shared by the report writers (internal to src/report/).
#pragma once

#include <string>
#include <string_view>

#include "report/report.h"

namespace caselint::report::detail {

// At most `max` code points of s, with "…" when cut; never splits a UTF-8 sequence.
std::string clip(std::string_view s, std::size_t max);
// s on one line: every run of white space one space, none at the ends.
std::string one_line(std::string_view s);
// "path:line".
std::string where(const std::string& path, int line);
// The folder prefix ("corpus/studies/") every assessed file shares, to leave
// out of file:line columns; empty when they share none.
std::string common_folder(const Report& r);
// The path without that prefix.
std::string shown_path(const std::string& path, const std::string& strip);
// "path:line" without that prefix.
std::string where(const std::string& path, int line, const std::string& strip);
// "3 Met, 1 Not met, 5 Needs human review".
std::string counts(const Report& r);

}  // namespace caselint::report::detail
