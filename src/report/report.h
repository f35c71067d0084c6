// `caselint report`: the program's validation checklist as the self-assessment
// AWS asks partners to fill in. assess() decides a verdict per checklist item
// from the documents' check results; the writers only print a Report.
//
// Verdicts come from the rules' citations (RuleMeta::citation(profile), see
// report/checklist.h), not from a second mapping: an item is
//   not met  when a finding of error severity cites it,
//   met      when rules citing it ran over the documents and none failed,
//   needs human review  otherwise: no rule that ran can prove it, or the
//            item is marked human_review (those are never met).
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "format/format.h"
#include "report/checklist.h"
#include "rules/diagnostic.h"
#include "rules/registry.h"

namespace caselint::report {

// A customer reference: its study and the documents that support it
// (docs/references.md).
struct ReferenceInput {
  std::string name;                    // the customer, as the report shows it; empty: the study's customer
  std::string study;                   // the study's path
  // The study first, then its supporting documents; those the study read
  // (FileResult::supporting) are added.
  std::vector<std::string> documents;
};

// What a report is about: a partner's submission for one program.
struct Input {
  std::string program;   // profile id with a checklist: aurora, dms, ml-consulting, ml-technology
  std::string partner;   // the partner's name, when known
  // The documents as checked (check::Input::want_fields set, so each carries
  // its extracted fields and the rules that ran on it).
  std::vector<format::FileResult> documents;
  // Findings of rules over the whole submission (portfolio rules), with their
  // citations, and the codes of the portfolio rules that ran.
  std::vector<rules::Diagnostic> portfolio_findings;
  std::vector<std::string> portfolio_rules_run;
  std::string as_of;     // YYYY-MM-DD
  // The references; empty: each document checked as a case study, with the
  // supporting documents it read.
  std::vector<ReferenceInput> references;
  // The partner's process documents (a submission's practice:), read for
  // the passages that address the checklist's items (docs/evidence-map.md).
  std::vector<std::string> practice;
};

enum class Verdict { met, not_met, needs_review };
const char* verdict_name(Verdict v);   // "met", "not-met", "needs-review"
const char* verdict_label(Verdict v);  // "Met", "Not met", "Needs human review"

// One extracted value behind an item: where it is and what it says.
struct Evidence {
  std::string path;
  int line = 0;
  std::string field;  // vocabulary name
  std::string text;   // the value as written (a topic: its title)
};

// A passage of the partner's documents that addresses an item: a heading,
// paragraph, list item or table cell an evidence cue matched.
struct Passage {
  std::string path;
  int line = 0;
  std::string place;    // "paragraph 12" or "page 3, line 4" in a Word or PDF document; else empty
  std::string excerpt;  // the sentence (a heading: with the start of its section), clipped
  int reference = -1;   // index into Report::references; -1 for a practice document
};

// For an item that rules check or that asks for evidence per reference:
// what the item looks like in one reference's documents.
enum class CellState { met, not_met, evidence, no_evidence, not_checked };
const char* cell_state_name(CellState s);  // "met", "not-met", "evidence", "no-evidence", "not-checked"
struct Cell {
  CellState state = CellState::not_checked;
  int finding = -1;  // index into ItemResult::findings (not met)
  int passage = -1;  // index into ItemResult::passages (evidence)
};

// A needs-review item with evidence cues: did any document address it (for
// an item asked of N references: did the documents of N references).
enum class Review { none, evidence_found, too_few_references, no_evidence };
// "", "evidence-found", "too-few-references", "no-evidence"
const char* review_name(Review r);
// "", "evidence found, confirm it", "evidence in too few references", "no evidence in the documents"
const char* review_label(Review r);

struct ItemResult {
  Item item;
  Verdict verdict = Verdict::needs_review;
  std::string reason;               // one line: why this verdict
  std::vector<std::string> rules;   // codes of the rules that ran and cite the item
  std::vector<Evidence> evidence;
  std::vector<rules::Diagnostic> findings;  // every finding citing the item, errors first
  Review review = Review::none;
  std::vector<Passage> passages;    // document order, the practice's first; at most kMaxPassages
  std::size_t passages_found = 0;   // before the cap
  int references_with_evidence = 0;
  // One per Report::references when the item is read per reference (rules
  // citing it ran on a study, or it asks for evidence in N references);
  // empty otherwise.
  std::vector<Cell> cells;
};

inline constexpr std::size_t kMaxPassages = 12;

struct ReferenceColumn {
  std::string name;
  std::string study;
  std::vector<std::string> documents;
};

struct Report {
  std::string program;
  std::string checklist_title;
  std::string checklist_file;
  std::string partner;
  std::string as_of;
  std::vector<std::string> files;          // the documents assessed
  std::vector<std::string> file_errors;    // "path: reason" for documents that could not be checked
  std::vector<ItemResult> items;           // in checklist order
  std::vector<ReferenceColumn> references;
  std::vector<std::string> practice;       // the practice documents read
  int met = 0, not_met = 0, needs_review = 0;
  int evidence_found = 0, too_few_references = 0, no_evidence = 0;  // needs-review items with cues
};

// Throws std::invalid_argument when the program has no checklist.
Report assess(const Input& in, const rules::RuleSet& rules = rules::RuleSet::builtin());

// The program of a set of documents checked without --profile: the one
// program (profile with a checklist) their profiles name. Documents of other
// profiles (landing-page, case-study) do not count. Empty, with `problem`
// set, when there is none or more than one.
std::string infer_program(const std::vector<format::FileResult>& documents, std::string& problem);

// The writers. Markdown is GitHub-flavoured; HTML is one self-contained page
// (inline CSS, no scripts); JSON is the machine-readable verdicts.
void write_markdown(std::ostream& out, const Report& r);
void write_html(std::ostream& out, const Report& r);
void write_json(std::ostream& out, const Report& r);
// The report in `format`: md, html or json; throws std::invalid_argument otherwise.
std::string render(const Report& r, std::string_view format);

}  // namespace caselint::report
