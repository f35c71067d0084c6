// A submission: the set of references a partner hands in for one program,
// and the portfolio check over it. Each document of the submission is
// checked with the normal per-document pipeline (check::check_source, fields
// kept); then the portfolio rules (PF001-PF099) run over the set.
//
// A submission is a folder. With a caselint-submission.yaml manifest the
// manifest says which documents are references; without one (check
// --submission) every document whose front matter names a `program:` is a
// reference, its customer and public flag from front matter.
//
// Ownership: Result owns the documents' results and the parsed documents the
// findings were computed from; nothing points outside it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "format/format.h"
#include "portfolio/manifest.h"
#include "rules/portfolio_rule.h"

namespace caselint::portfolio {

struct Submission {
  std::string dir;                 // the folder
  std::optional<Manifest> manifest;
  std::string program;             // the manifest's, or the most common front matter program:
  std::vector<ReferenceEntry> references;  // without a manifest: built from front matter (at = the document title)
  std::vector<std::string> practice;       // the partner's process documents (docs/evidence-map.md)
};

// Chooses the study of a folder or list reference whose manifest entry does
// not name it: the one document whose front matter names a program:, else
// the one that reads as a case study. The others become its supporting
// documents. Throws config::ConfigError at the entry's line when none or
// several qualify.
void choose_study(ReferenceEntry& r, const std::string& manifest_path);

// The result for a practice document of a submission: kind "practice",
// never checked as a case study; `caselint report` reads it.
format::FileResult practice_result(const std::string& path);

// Where a document stands in the submission whose manifest lies in its
// folder or a folder above: checking one file (the pre-commit hook, the
// editor) then reads the same documents as checking the submission.
struct Membership {
  enum class Role { none, study, supporting, practice } role = Role::none;
  std::string program;                  // the submission's
  std::string study;                    // supporting: the study it supports
  std::vector<std::string> supporting;  // study: the reference's other documents
};
// A manifest that cannot be read makes no member (checking the submission
// reports it). Manifests are read once per process and again when changed;
// safe to call from several threads.
Membership membership(const std::string& path);

// True when `path` is a folder holding caselint-submission.yaml.
bool has_manifest(const std::string& path);

// Reads the manifest, or without one the front matter of the folder's
// documents. Throws config::ConfigError naming the manifest (or the folder
// when no document names a program).
Submission load_submission(const std::string& dir);

struct Options {
  std::string config;              // --config, empty: search for .caselint.yaml
  rules::RunOptions run;
  bool keep_source = false;        // for --fix / --diff
  // How many clicks from the home page of the partner's site each public
  // reference is (PF009). The site crawler fills it from the manifest's
  // `site:`; empty: reachability is not checked.
  rules::ClicksFromHome clicks_from_home;
};

struct Result {
  Submission submission;
  std::vector<format::FileResult> documents;  // every document of the folder and every reference, checked
  std::vector<rules::Diagnostic> findings;    // the portfolio findings, sorted
};

// Loads and checks a submission. Throws config::ConfigError for a bad
// manifest; a document that cannot be read is a FileResult::error.
Result check_submission(const std::string& dir, const Options& opt);

// The documents' results with the portfolio findings merged in: a finding on
// a document joins its file, findings on the manifest form one more file.
std::vector<format::FileResult> merged_results(const Result& r);

}  // namespace caselint::portfolio
