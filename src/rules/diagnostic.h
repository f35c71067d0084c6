// A diagnostic is data: code, severity, message, range, notes and an
// optional fix. Formatting happens last, in src/format/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "doc/document.h"

namespace caselint::rules {

enum class Severity { error, warning, info };
const char* severity_name(Severity s);
std::optional<Severity> parse_severity(std::string_view s);

// Replaces `original`, the file's exact text at `range`, with `text`. The
// original is checked before anything is written (fix::apply_fixes, the
// language server): an edit whose range does not hold it is never applied.
struct Edit {
  doc::SourceRange range;
  std::string text;
  std::string original;
};

struct Fix {
  std::string title;
  std::vector<Edit> edits;
  bool safe = true;
};

struct Note {
  doc::SourceRange range;
  std::string message;
};

struct Diagnostic {
  std::string code;
  std::string rule;        // kebab-case name
  Severity severity = Severity::error;
  std::string message;     // lowercase start, no final period
  std::string path;
  doc::SourceRange range;
  std::string field;       // vocabulary name, empty when not about one field
  std::string checklist;   // "aurora 2.2 Solution Complexity"
  std::vector<Note> notes;
  std::optional<Fix> fix;
  // The text the finding quotes, when `range` holds exactly it in the file;
  // empty otherwise.
  std::string quote;
};

// Sorts by (path, line, column, code) and drops exact duplicates.
void sort_and_dedupe(std::vector<Diagnostic>& diags);

}  // namespace caselint::rules
