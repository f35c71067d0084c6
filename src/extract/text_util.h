// Small text helpers shared by the extractors.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caselint::extract {

std::string_view trim(std::string_view s);
std::string lower(std::string_view s);
// Whether `s` holds `needle` (lower case) with its ASCII letters in any case,
// as lower(s).find(needle) would say, without copying `s`.
bool contains_lower(std::string_view s, std::string_view needle);
// Splits on '\n', keeping each line's byte offset in `s`.
struct Line {
  std::string_view text;
  std::size_t offset;
};
std::vector<Line> split_lines(std::string_view s);
// Splits a list written inline ("A, B and C; D") into trimmed items.
std::vector<std::string> split_list(std::string_view s);
// How far the sentence or line around a match is looked for, each way from
// it: a paragraph with no full stop is not read again for every match.
constexpr std::size_t kAround = 1024;
// [begin, end) of `text` with each end moved off the middle of a character
// (the start forward, the end past it).
std::pair<std::size_t, std::size_t> char_bounds(std::string_view text, std::size_t begin, std::size_t end);
// Levenshtein distance, ASCII letters compared case-insensitively.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace caselint::extract
