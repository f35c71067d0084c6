// Sizes, numbers and percentages as case studies write them ("25GB",
// "0.5 TB", "1.2 TiB", "30,000 MB", "25GB+", "over 2 TB", "70%", "140+"),
// and the patterns that tell a database's initial size from other sizes
// (rules/vocab/database.yaml, loaded by Vocabulary::add_database).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/vocab.h"

namespace caselint::extract {

struct SizeUnit {
  Pattern pattern;   // whole-unit pattern ("gib|gibibytes?")
  double gb = 0;     // the unit in GB (10^9 bytes)
};

struct ReadWritePattern {
  Pattern pattern;
  std::size_t read = 1, write = 2;  // group numbers of the two shares
};

struct ProsePatterns {
  std::optional<Pattern> context;  // the sentence must match it, when given
  std::vector<Pattern> patterns;   // group "value" is the value
};

struct DatabaseVocab {
  std::optional<Pattern> size, rate_after, number, percent;
  std::vector<SizeUnit> units;
  std::vector<Pattern> labelled_before, database_before, database_after, volume_before, volume_after,
      exclude_before, exclude_after;
  std::vector<Pattern> sections;                               // whole normalised headings
  std::map<std::string, std::vector<Pattern>> section_labels;  // field -> whole labels
  std::vector<Pattern> fact_labels;                            // whole labels
  std::map<std::string, ProsePatterns> prose;                  // field -> patterns
  std::vector<ReadWritePattern> read_write;        // in prose
  std::vector<ReadWritePattern> read_write_value;  // in the value of a read/write label
};

// One size found in a text.
struct ParsedSize {
  double gb = 0;                  // normalised to GB (10^9 bytes)
  std::size_t begin = 0, end = 0; // the whole match, qualifier and "+" included
  std::string qualifier;          // "over", "up to", ... (lowercase), or empty
  bool plus = false;              // written "25GB+"
  bool rate = false;              // followed by "per second", "/day", "a month", ...
};

// Every size in `text`, in order, rates included (flagged).
std::vector<ParsedSize> find_sizes(std::string_view text, const DatabaseVocab& v);
std::vector<ParsedSize> find_sizes(std::string_view text);  // with the built-in vocabulary
// The first size in `text` that is not a rate.
std::optional<ParsedSize> parse_size(std::string_view text, const DatabaseVocab& v);
std::optional<ParsedSize> parse_size(std::string_view text);
// The first number ("1,200", "4.5k", "140+"), or the first percentage.
std::optional<double> parse_number(std::string_view text, const DatabaseVocab& v);
std::optional<double> parse_percent(std::string_view text, const DatabaseVocab& v);

// How a size in prose relates to the database, from the words around it.
enum class SizeRole { labelled, database, volume, excluded, other };
// `sentence` is the text the size lies in; [begin, end) is the size in it.
SizeRole size_role(std::string_view sentence, std::size_t begin, std::size_t end, const DatabaseVocab& v);

// Formats a GB value for messages: "20", "1200", "0.5", "26.8".
std::string format_gb(double gb);

}  // namespace caselint::extract
