// The in-memory part of checking one file: parse -> extract -> profile ->
// rules. The command line (files, standard input) and the language server
// (editor buffers) both check through here.
#pragma once

#include <string>
#include <vector>

#include "config/config.h"
#include "format/format.h"
#include "load/source.h"
#include "rules/engine.h"

namespace caselint::check {

// Today's date in UTC, YYYY-MM-DD: the default --as-of.
std::string today();

struct Input {
  std::string config_path;    // where the config search starts and overrides match
  std::string settings_path;  // the path config overrides (files: globs) are matched against
  std::string profile;        // --profile: forces the profile of every file; empty: config or document
  bool want_fields = false;   // keep the extracted fields (for `extract`)
  bool keep_source = false;   // keep the text as checked (for --fix, --diff and editors)
  // The reference's supporting documents (a submission's reference folder
  // or `files:` list): read with the study, whose evidence they give
  // (docs/references.md). The study's front matter `supporting:` adds more.
  std::vector<std::string> supporting;
};

// The supporting documents a Markdown study's front matter names
// (`supporting:`, relative to the study's folder), as lexically normal paths;
// empty for any other file. Reads only the front matter (at most 64 KiB),
// so that a folder walk can tell supporting documents from studies before
// checking them.
std::vector<std::string> named_supporting(const std::string& path);

// The result for a supporting document met on its own (a folder walk, a
// submission): never checked as a case study; its study reads it
// (docs/references.md).
format::FileResult supporting_result(const std::string& path, const std::string& study);

// Checks a loaded file; the result's path is file.path. Never throws:
// configuration and parse problems become FileResult::error.
format::FileResult check_source(const load::SourceFile& file, const Input& in, config::ConfigCache& configs,
                                const rules::RunOptions& run);
// The same for a file the caller no longer needs: its bytes are freed once
// parsed (or become the result's source, for keep_source), so that a large
// file's text is not held beside its document while the rules run.
format::FileResult check_source(load::SourceFile&& file, const Input& in, config::ConfigCache& configs,
                                const rules::RunOptions& run);

// Checks text that is not on disk (an editor's buffer): validates it as a
// file would be (size limit of the config in force, NUL bytes, UTF-8), then
// checks it as `path`.
format::FileResult check_text(const std::string& path, std::string text, const Input& in,
                              config::ConfigCache& configs, const rules::RunOptions& run);

}  // namespace caselint::check
