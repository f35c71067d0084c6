// Formatters: the last stage. They print results; they decide nothing.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "extract/fields.h"
#include "rules/diagnostic.h"
#include "rules/registry.h"

namespace caselint::format {

// caselint's version (the CMake project version).
const char* version();
// Where the rule docs are published (-DCASELINT_DOCS_URL), and one rule's page.
const char* docs_url();
std::string rule_doc_url(std::string_view code);

// What checking one file produced.
struct FileResult {
  std::string path;
  doc::Format format = doc::Format::markdown;
  std::string profile;
  std::string kind;         // case-study, landing-page or other
  std::string kind_reason;  // why (the kind's cues, or what set the profile)
  bool kind_inferred = false;  // read from the content, not set by an option, key or config
  std::vector<rules::Diagnostic> diagnostics;
  std::optional<std::string> error;     // could not be read, parsed or configured
  std::optional<extract::Fields> fields;  // for `extract`
  std::shared_ptr<const std::string> source;  // the text as checked (for --fix and --diff), when it parsed
  std::vector<std::string> rules_run;  // codes of the rules that ran on it (for `report`), when it parsed
  // A case study: the supporting documents read with it (docs/references.md).
  // A supporting document of a submission's reference: kind "supporting",
  // and `supports` names its study.
  std::vector<std::string> supporting;
  std::string supports;
  // Word and PDF: what a line number means there (doc::Document's
  // paragraph_heads and page_first_lines, copied).
  std::vector<std::string> paragraph_heads;
  std::vector<int> page_first_lines;
};

// Where `line` of a Word or PDF file is, in words a reader can find:
// "page 2, line 5" (PDF), "paragraph 12" (DOCX); empty for other formats.
std::string place_of(const FileResult& r, int line);
// A DOCX paragraph's first words (empty when not a DOCX paragraph).
std::string paragraph_head(const FileResult& r, int line);
// A PDF line's page and its line on that page (0 when not a PDF line).
int page_of(const FileResult& r, int line);
int line_on_page(const FileResult& r, int line);

struct Summary {
  int files = 0, errors = 0, warnings = 0, infos = 0, failed = 0;
};
Summary summarize(const std::vector<FileResult>& results);
void add_to(Summary& s, const FileResult& r);

// The exit status DESIGN.md gives, file by file: each file that could not be
// checked is written to `err` ("path: error: why") as it comes.
class ExitStatus {
 public:
  void add(const FileResult& r, std::ostream& err);
  // 2 when a file could not be checked, else 1 when a finding has error
  // severity, else 0.
  int code() const { return failed_ ? 2 : errors_ ? 1 : 0; }

 private:
  bool failed_ = false, errors_ = false;
};

// Writes each file that could not be checked to `err` ("path: error: why")
// and returns the exit status DESIGN.md gives: 2 when a file could not be
// checked, else 1 when a finding has error severity, else 0.
int exit_status(const std::vector<FileResult>& results, std::ostream& err);

struct TextOptions {
  bool color = false;
  bool quiet = false;     // only error-severity findings, no footer
  double seconds = -1;    // elapsed time for the summary line; < 0 omits it
  bool kind_notes = true;  // "note: read as a case study: ..." before a file's findings (not for a site: its overview says it)
  // When set, the summary's time runs from here to the end of the output.
  std::optional<std::chrono::steady_clock::time_point> started;
};

// Output written file by file as results come, in their order: a run over
// thousands of files holds one file's results at a time, not all of them.
// file() writes one file's part; finish() what follows the last (a
// summary, closing brackets).
class ResultStream {
 public:
  virtual ~ResultStream() = default;
  virtual void file(const FileResult& r) = 0;
  virtual void finish() = 0;
};
std::unique_ptr<ResultStream> text_stream(std::ostream& out, const TextOptions& opts);
std::unique_ptr<ResultStream> json_stream(std::ostream& out);
std::unique_ptr<ResultStream> sarif_stream(std::ostream& out, const std::string& working_dir);
std::unique_ptr<ResultStream> github_stream(std::ostream& out);
// JUnit's totals open the document: each file's suite is kept as XML text
// (not its results) and the document written at finish().
std::unique_ptr<ResultStream> junit_stream(std::ostream& out);
// `text` (a JSON value dumped on its own) with every line but the first
// indented by `by` spaces: placed where the whole document would have it.
std::string nested_json(const std::string& text, int by);
// Every result through `stream`, then its finish().
void write_all(ResultStream& stream, const std::vector<FileResult>& results);

// path:line:column: severity: message [CODE rule-name]
void write_text(std::ostream& out, const std::vector<FileResult>& results, const TextOptions& opts);
// DESIGN.md's JSON format.
void write_json(std::ostream& out, const std::vector<FileResult>& results);
// `caselint extract`: the fields found, per file.
void write_extract_json(std::ostream& out, const std::vector<FileResult>& results);
void write_extract_text(std::ostream& out, const std::vector<FileResult>& results);
// SARIF 2.1.0; relative paths resolve against `working_dir` (%SRCROOT%).
void write_sarif(std::ostream& out, const std::vector<FileResult>& results, const std::string& working_dir);
// GitHub Actions workflow commands (::error file=...,line=...::message).
void write_github(std::ostream& out, const std::vector<FileResult>& results);
// JUnit XML: a suite per file, a case per rule.
void write_junit(std::ostream& out, const std::vector<FileResult>& results);

}  // namespace caselint::format
