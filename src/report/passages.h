// The passages of a partner's documents that address checklist items: each
// item's evidence cues (rules/checklists/*.yaml) matched against the
// headings, paragraphs, list items and table cells of the practice's and the
// references' documents (internal to src/report/; docs/evidence-map.md).
#pragma once

#include <string>
#include <vector>

#include "report/checklist.h"
#include "report/report.h"

namespace caselint::report::detail {

struct ScanDocument {
  std::string path;
  int reference = -1;  // index into the report's references; -1: a practice document
};

// At most this many passages per item from one document: the first in
// document order.
inline constexpr std::size_t kPassagesPerDocument = 3;

// passages[i] for Checklist::items[i] (empty for an item without cues), in
// the order of `docs` and then of each document. A document that cannot be
// read adds "path: reason" to `errors`. Each document is read once and each
// item's cues are one pattern run over each block, so the work is linear in
// the documents' text times the number of items with cues.
std::vector<std::vector<Passage>> find_passages(const Checklist& c, const std::vector<ScanDocument>& docs,
                                                std::vector<std::string>& errors);

}  // namespace caselint::report::detail
