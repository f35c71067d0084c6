// Portfolio rules: rules over the set of references of one submission
// (counts, public share, duplicate customers, names across documents). They
// sit in the registry like every rule (code, doc, profile membership) but
// never run on a single document: src/portfolio/ builds a PortfolioInput from
// a submission and calls check_portfolio on every PortfolioRule of the
// program's profile.
//
// Positions: each reference carries where findings about it go (`entry_path`
// and `entry`): its entry in caselint-submission.yaml when there is a
// manifest, else the document's title. Submission-level findings go to
// PortfolioInput::anchor_path / anchor (the manifest's `program:` line).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/rule.h"

namespace caselint::rules {

struct PortfolioReference {
  std::string file;                        // the document's path, as reported
  std::string entry_path;                  // where findings about this reference go
  doc::SourceRange entry;
  const doc::Document* doc = nullptr;      // null when the document could not be read or parsed
  const extract::Fields* fields = nullptr; // null likewise
  std::string customer;                    // manifest `customer:`, else the customer_name field
  std::string program;                     // the document's own `program:` front matter, empty when none
  std::string engine;                      // database_engine as extracted (aurora-mysql, ...)
  bool is_public = false;                  // manifest `public:`, else front matter `public:`
  bool in_production = true;               // false when the document has a CS212 not-in-production finding
  std::string url;                         // manifest `url:`: the public address of a public reference
  std::string site_target;                 // what the crawl knows it by: `url`, else the file relative to the site root
};

// Whether the crawler of the partner's site reached a page, and in how many
// clicks from the home page: nullopt when it is not reachable. The argument
// is PortfolioReference::site_target: the reference's `url:` from the
// manifest, else its file path relative to a local site root (else its path).
using ClicksFromHome = std::function<std::optional<int>(const std::string& target)>;

struct PortfolioInput {
  std::string program;                     // profile id: aurora, dms, ml-consulting, ml-technology
  std::string anchor_path;                 // where submission-level findings go
  doc::SourceRange anchor;
  std::vector<std::pair<std::string, doc::SourceRange>> engines;  // engines applied for (aurora), where named
  std::vector<PortfolioReference> references;
  std::optional<std::vector<std::string>> consenting;  // customers who agreed to be named publicly, when given
  std::string landing_path;                // the landing page, when it is a local document
  const doc::Document* landing = nullptr;
  ClicksFromHome clicks_from_home;         // empty: reachability is not known (no crawl)
};

// A reference counts toward the program's required number when it was read,
// is in production (no CS212 finding; a pilot or proof of concept does not
// count) and was not written for another program.
bool reference_qualifies(const PortfolioReference& r, const std::string& program);

// Customer names compared as a reviewer would: case, punctuation and legal
// suffixes (Inc, Ltd, GmbH, LLC, ...) do not make two customers different.
std::string normalise_customer(std::string_view name);

// The number of distinct customers among the qualifying references that
// `keep` accepts (a reference without a customer name counts on its own).
int count_distinct_customers(const PortfolioInput& in, const std::function<bool(const PortfolioReference&)>& keep);

// "counted: a.md, b.md; not counted: c.md (not in production)": which of the
// references that `keep` accepts count, and why the others do not.
std::string count_detail(const PortfolioInput& in, const std::function<bool(const PortfolioReference&)>& keep);

// The number of references a program asks for in all (ml: four) and the
// number of them that must be public (ml: two; 0 when none is required).
int required_references(const std::string& program);
int required_public_references(const std::string& program);

class PortfolioSink {
 public:
  PortfolioSink(const RuleMeta& meta, const std::string& program, Severity severity)
      : meta_(meta), program_(program), severity_(severity) {}
  Diagnostic& report(const std::string& path, doc::SourceRange range, std::string message);
  std::vector<Diagnostic>& diagnostics() { return out_; }

 private:
  const RuleMeta& meta_;
  const std::string& program_;
  Severity severity_;
  std::vector<Diagnostic> out_;
};

class PortfolioRule : public Rule {
 public:
  // A portfolio rule has nothing to say about one document on its own.
  void check(const RuleContext&, DiagnosticSink&) const override {}
  virtual void check_portfolio(const PortfolioInput& in, PortfolioSink& sink) const = 0;
};

}  // namespace caselint::rules
