// Safe fixes: applying the edits that rules carry, showing them as a unified
// diff, and writing the result atomically.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/diagnostic.h"

namespace caselint::fix {

// A fix whose range does not hold the text it means to replace.
struct Mismatch {
  std::string code;       // the finding's rule
  doc::Position at;       // where the edit starts
  std::string expected;   // the edit's original text
  std::string found;      // what the source holds at its range
};

struct Applied {
  std::string text;   // the source with the fixes applied; the source itself after a mismatch
  int applied = 0;    // findings fixed
  int skipped = 0;    // fixes left out: unsafe, overlapping another, or out of range
  std::vector<Mismatch> mismatches;  // when not empty, nothing was applied
};

// Applies the safe fixes of `diags` to `source` (the text as linted). When two
// fixes overlap, the first in document order wins; the next run picks up the
// other if it still applies. Every edit is checked first: the source's bytes
// at its range must be its original text. One that is not means a position is
// wrong, so no fix of the file is applied (`mismatches` says which).
Applied apply_fixes(std::string_view source, const std::vector<rules::Diagnostic>& diags);

// "path:12:5: fix for ST003 skipped: expected \"PHI\" there, found \"HI \"".
std::string describe(const std::string& path, const Mismatch& m);


// A unified diff (3 lines of context) from `before` to `after`, with
// `a/PATH` and `b/PATH` headers; empty when they are equal.
std::string unified_diff(const std::string& path, std::string_view before, std::string_view after);

// Replaces the file at `path` with `replacement`, atomically: a temporary file
// in the same folder, written and flushed, given the original's mode, then
// renamed over it. Refuses, leaving the file untouched, when the file is not
// writable or no longer holds `expected` (the text that was linted; a UTF-8
// byte order mark on disk is kept). Returns the reason on refusal or failure.
std::optional<std::string> write_atomically(const std::string& path, std::string_view expected,
                                            std::string_view replacement);

// Creates or replaces the file at `path` with `bytes` the same atomic way,
// with no check of what it held: for files caselint owns (a baseline, a
// config it was asked to write). A new file gets 0666 less the umask; a
// read-only file is refused.
std::optional<std::string> write_file(const std::string& path, std::string_view bytes);

}  // namespace caselint::fix
