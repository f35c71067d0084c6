// The submission manifest, caselint-submission.yaml: which program the
// submission is for and which documents are its references. Validated as
// strictly as .caselint.yaml: unknown keys, wrong types and unknown values
// are errors naming file:line, with a "did you mean" when a name is close.
//
// Positions: every SourceRange here is 1-based and points at the manifest
// line of the value (a reference at its `- file:` entry).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "config/config.h"
#include "doc/document.h"

namespace caselint::portfolio {

inline constexpr const char* kManifestName = "caselint-submission.yaml";

// One customer reference. In the manifest it is a study (`file:`), a folder
// of documents (`folder:`) or a list of them (`files:`); its study is the
// document that reads as a case study (or `study:`), the rest are its
// supporting documents (docs/references.md).
struct ReferenceEntry {
  std::string file;                 // the study as written (relative to the manifest's folder); for a folder or list, its study's path relative to it
  std::string path;                 // the study's path: the manifest's folder joined with `file`
  std::string folder;               // `folder:` as written, empty otherwise
  std::vector<std::string> documents;  // folder or list: every document of the reference, study included
  bool study_named = false;         // `file:` or `study:` named the study; else it is chosen by reading the documents
  std::vector<std::string> supporting;  // the reference's other documents (paths), read with its study
  std::optional<bool> is_public;    // `public:`; unset: the document's front matter decides
  std::string customer;             // `customer:` override of the document's customer_name
  std::string url;                  // `url:` where the public reference is published
  doc::SourceRange at;              // the entry
};

struct Manifest {
  std::string path;                 // the manifest file
  std::string program;              // profile id
  doc::SourceRange program_at;
  std::string partner;              // partner name
  std::vector<std::pair<std::string, doc::SourceRange>> engines;  // aurora-mysql / aurora-postgresql
  std::vector<ReferenceEntry> references;
  std::string landing_page;         // path (relative to the manifest's folder) or http(s) URL; empty: none
  doc::SourceRange landing_page_at;
  std::string site;                 // root of the partner's site: folder or http(s) URL; empty: none
  doc::SourceRange site_at;
  std::optional<std::vector<std::string>> public_consent;  // customers who agreed to be named publicly
  // The partner's process documents (`practice:` files and folders, else a
  // practice/ folder beside the manifest), as paths: evidence for the
  // checklist items about the practice (docs/evidence-map.md).
  std::vector<std::string> practice;
  doc::SourceRange practice_at;
};

// The programs a submission can be for.
const std::vector<std::string>& programs();

// Parses manifest text; `path` names the file in errors and anchors relative
// paths. Referenced files must exist. Throws config::ConfigError.
Manifest parse_manifest(const std::string& text, const std::string& path);

// Reads and parses a manifest file (at most 1 MiB, UTF-8 text). Throws
// config::ConfigError naming the file.
Manifest load_manifest(const std::string& path);

}  // namespace caselint::portfolio
