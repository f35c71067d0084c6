// Rule, RuleMeta and the context a rule checks. A rule reads the Document and
// the Fields; it never parses text itself.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "doc/document.h"
#include "extract/fields.h"
#include "rules/diagnostic.h"

namespace caselint::rules {

enum class Status { preview, stable, deprecated, removed };
const char* status_name(Status s);

// A named numeric option of a rule ("min" for a threshold), with its default.
struct OptionSpec {
  std::string name;
  double default_value = 0;
  std::string doc;
};

// The kinds of document a rule reads. A page is a Markdown or HTML document
// (a case study or a landing page); a notebook is a Jupyter .ipynb file (the
// ML notebook use case). The engine runs a rule only on the kinds it names,
// so a notebook never gets the case-study field rules and a case study never
// gets the notebook rules, whatever the profile.
enum class DocKind : unsigned { page = 1u, notebook = 2u };
inline constexpr unsigned kPagesOnly = static_cast<unsigned>(DocKind::page);
inline constexpr unsigned kAllDocuments = static_cast<unsigned>(DocKind::page) | static_cast<unsigned>(DocKind::notebook);
DocKind doc_kind(const doc::Document& d);
const char* doc_kind_name(DocKind k);

struct RuleMeta {
  std::string code;            // "CS104"
  std::string name;            // "missing-lessons-learned"
  Severity severity = Severity::error;
  std::string checklist;       // default citation
  std::map<std::string, std::string> checklist_by_profile;  // profile id -> citation
  std::string summary;         // one line: what it checks
  Status status = Status::stable;
  std::string since = "0.1";
  std::string field;           // the vocabulary field the rule is about, if one
  // The topic sets (rules/vocab/topics/) the rule reads. Extraction looks
  // only for the sets the active rules name; reading another is an error.
  std::vector<std::string> topics;
  std::vector<OptionSpec> options;
  bool requires_field = false; // a required-field rule: `field` must be present
  unsigned applies_to = kPagesOnly;  // DocKind bits; YAML `applies_to: [page, notebook]`

  bool applies(DocKind k) const { return (applies_to & static_cast<unsigned>(k)) != 0; }

  const std::string& citation(const std::string& profile) const;
  // A finding of this rule at severity `as`, cited for `profile` (a profile or program id).
  Diagnostic diagnostic(Severity as, const std::string& profile, const std::string& path,
                        doc::SourceRange range, std::string message) const;
};

// Run-wide options from the command line.
struct RunOptions {
  std::string as_of;           // YYYY-MM-DD, the "today" of recency rules
  bool treat_as_public = false;  // every document is public (`caselint site` reads public pages)
  bool site_pages = false;       // the documents are pages of a site (`caselint site`)
};

// A config waiver: silences one rule's findings in the files it names until
// it expires (expires < as-of), when CS900 reports it instead.
struct Waiver {
  std::string code;     // rule code
  std::string reason;
  std::string expires;  // YYYY-MM-DD, the last day it holds
  std::string origin;   // "path:line" of the waiver in its config
};

// A document that supports a case study: the runbook, design notes,
// statement of work or training material a partner hands in with it
// (docs/references.md). Its fields are evidence for the study's reference;
// it is never checked as a case study itself.
struct SupportingDocument {
  std::string path;                         // the file (a front matter name joined to the study's folder)
  std::string name;                         // as the study or the submission names it
  const doc::Document* doc = nullptr;       // null when it could not be read
  const extract::Fields* fields = nullptr;  // null when it could not be read
  std::string error;                        // why it could not be read
  doc::SourceRange named_at;                // where the study names it (front matter), else {}
};

// What the engine hands a rule: the document, its fields, the profile and
// the option values in force for this file.
struct RuleContext {
  const doc::Document& doc;
  const extract::Fields& fields;
  const extract::Vocabulary& vocab;
  const std::string& profile;
  const RunOptions& run;
  const std::map<std::string, double>& options;  // this rule's options
  const std::set<std::string, std::less<>>& required_fields;  // fields the active required-field rules ask for
  const std::vector<Waiver>& waivers;  // the config waivers for this file
  // The reference's other documents: a rule about evidence the checklist
  // asks of the reference reads them with the study (evidence.h).
  const std::vector<SupportingDocument>& supporting;
  double option(const std::string& name, double fallback) const {
    auto it = options.find(name);
    return it == options.end() ? fallback : it->second;
  }
};

class DiagnosticSink {
 public:
  DiagnosticSink(const RuleMeta& meta, const std::string& profile, Severity severity, const std::string& path)
      : meta_(meta), profile_(profile), severity_(severity), path_(path) {}
  // Adds a finding of this rule; returns it for .field / notes / fix.
  Diagnostic& report(doc::SourceRange range, std::string message);
  std::vector<Diagnostic>& diagnostics() { return out_; }

 private:
  const RuleMeta& meta_;
  const std::string& profile_;
  Severity severity_;
  const std::string& path_;
  std::vector<Diagnostic> out_;
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleMeta& meta() const = 0;
  virtual void check(const RuleContext& ctx, DiagnosticSink& sink) const = 0;
};

// The position a finding about a missing field points at: the title for
// facts a reader expects at the top, the end of the document otherwise.
doc::SourceRange anchor_range(const doc::Document& d, extract::Anchor anchor);

}  // namespace caselint::rules
