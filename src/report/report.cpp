#include "report/report.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <tuple>

#include "extract/vocab.h"
#include "report/passages.h"
#include "report/text.h"

namespace caselint::report {

namespace {

std::string joined(const std::vector<std::string>& items, const char* sep = ", ") {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

// A field's value as a reader wants it: one line, and a topic's title rather
// than its id.
std::string shown_value(const extract::Field& f) {
  if (const extract::TopicSet* set = extract::Vocabulary::builtin().topic_set(f.name)) {
    for (const extract::TopicItem& t : set->items) {
      if (t.id == f.text) return t.title;
    }
  }
  return detail::one_line(f.text);
}

struct Collected {
  std::set<std::string> rules;
  std::vector<Evidence> evidence;
  std::vector<rules::Diagnostic> findings;
};

void add_evidence(Collected& c, const format::FileResult& doc, const std::string& field) {
  if (!doc.fields || field.empty()) return;
  for (const extract::Field* f : doc.fields->all(field)) {
    if (f->state != extract::FieldState::ok) continue;
    Evidence e{doc.path, f->range.start.line, f->name, shown_value(*f)};
    auto same = [&](const Evidence& x) {
      return x.path == e.path && x.line == e.line && x.field == e.field && x.text == e.text;
    };
    if (std::none_of(c.evidence.begin(), c.evidence.end(), same)) c.evidence.push_back(std::move(e));
  }
}

void add_finding(std::vector<Collected>& acc, const Checklist& c, const rules::Diagnostic& d) {
  for (std::size_t i : resolve_citation(c, d.checklist).items) acc[i].findings.push_back(d);
}

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string stem(const std::string& path) {
  std::string name = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  return name.substr(0, name.find('.'));
}

// The name a reference is shown by: its study's customer, else the study's
// file name.
std::string reference_name(const format::FileResult& study) {
  const extract::Field* customer = study.fields ? study.fields->get("customer_name") : nullptr;
  return customer && customer->state == extract::FieldState::ok ? shown_value(*customer) : stem(study.path);
}

// The references: the caller's, else every document checked as a case
// study. Each reads with the supporting documents its study read, and is
// named by its study when the caller gave no name.
std::vector<ReferenceColumn> references_of(const Input& in) {
  auto normal = [](const std::string& p) { return std::filesystem::path(p).lexically_normal().string(); };
  std::vector<ReferenceColumn> out;
  for (const ReferenceInput& r : in.references) out.push_back({r.name, r.study, r.documents});
  if (in.references.empty()) {
    for (const format::FileResult& doc : in.documents) {
      if (!doc.error && doc.kind == "case-study") out.push_back({"", doc.path, {doc.path}});
    }
  }
  for (ReferenceColumn& c : out) {
    if (c.documents.empty()) c.documents.push_back(c.study);
    const auto study = std::find_if(in.documents.begin(), in.documents.end(),
                                    [&](const format::FileResult& d) { return normal(d.path) == normal(c.study); });
    if (study == in.documents.end()) {
      if (c.name.empty()) c.name = stem(c.study);
      continue;
    }
    c.study = c.documents.front() = study->path;
    if (c.name.empty()) c.name = reference_name(*study);
    for (const std::string& s : study->supporting) {
      if (std::none_of(c.documents.begin(), c.documents.end(), [&](const std::string& d) { return normal(d) == normal(s); }))
        c.documents.push_back(s);
    }
  }
  return out;
}

// Keeps at most kMaxPassages, and always each reference's first, so that
// every cell of the matrix can point at its passage.
void cap_passages(std::vector<Passage>& all) {
  std::vector<Passage> kept;
  std::set<int> seen;
  for (std::size_t i = 0; i < all.size(); ++i) {
    bool first_of_reference = all[i].reference >= 0 && seen.insert(all[i].reference).second;
    if (i < kMaxPassages || first_of_reference) kept.push_back(std::move(all[i]));
  }
  all = std::move(kept);
}

}  // namespace

const char* cell_state_name(CellState s) {
  switch (s) {
    case CellState::met: return "met";
    case CellState::not_met: return "not-met";
    case CellState::evidence: return "evidence";
    case CellState::no_evidence: return "no-evidence";
    case CellState::not_checked: return "not-checked";
  }
  return "not-checked";
}

const char* review_name(Review r) {
  switch (r) {
    case Review::none: return "";
    case Review::evidence_found: return "evidence-found";
    case Review::too_few_references: return "too-few-references";
    case Review::no_evidence: return "no-evidence";
  }
  return "";
}

const char* review_label(Review r) {
  switch (r) {
    case Review::none: return "";
    case Review::evidence_found: return "evidence found, confirm it";
    case Review::too_few_references: return "evidence in too few references";
    case Review::no_evidence: return "no evidence in the documents";
  }
  return "";
}

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::met: return "met";
    case Verdict::not_met: return "not-met";
    case Verdict::needs_review: return "needs-review";
  }
  return "needs-review";
}

const char* verdict_label(Verdict v) {
  switch (v) {
    case Verdict::met: return "Met";
    case Verdict::not_met: return "Not met";
    case Verdict::needs_review: return "Needs human review";
  }
  return "Needs human review";
}

Report assess(const Input& in, const rules::RuleSet& rules) {
  const Checklist* c = builtin_checklist(in.program);
  if (!c) {
    throw std::invalid_argument("program \"" + in.program + "\" has no checklist; programs with one: " +
                                joined(checklist_programs()));
  }
  Report r;
  r.program = c->program;
  r.checklist_title = c->title;
  r.checklist_file = c->file;
  r.partner = in.partner;
  r.as_of = in.as_of;

  r.references = references_of(in);
  r.practice = in.practice;
  std::map<std::string, int> reference_of;  // a reference's document -> its index
  auto normal = [](const std::string& p) { return std::filesystem::path(p).lexically_normal().string(); };
  for (std::size_t k = 0; k < r.references.size(); ++k) {
    for (const std::string& p : r.references[k].documents) reference_of.emplace(normal(p), static_cast<int>(k));
  }
  auto reference_at = [&](const std::string& path) {
    auto it = reference_of.find(normal(path));
    return it == reference_of.end() ? -1 : it->second;
  };

  std::vector<Collected> acc(c->items.size());
  std::vector<std::set<int>> ran_on(c->items.size());  // the references whose study a rule citing the item checked
  for (const format::FileResult& doc : in.documents) {
    if (doc.error) {
      r.file_errors.push_back(doc.path + ": " + *doc.error);
      continue;
    }
    r.files.push_back(doc.path);
    const int ref = reference_at(doc.path);
    for (const std::string& code : doc.rules_run) {
      const rules::Rule* rule = rules.find(code);
      if (!rule) continue;
      const rules::RuleMeta& m = rule->meta();
      for (std::size_t i : resolve_citation(*c, m.citation(doc.profile)).items) {
        acc[i].rules.insert(m.code);
        add_evidence(acc[i], doc, m.field);
        if (ref >= 0) ran_on[i].insert(ref);
      }
    }
    for (const rules::Diagnostic& d : doc.diagnostics) add_finding(acc, *c, d);
  }

  // The passages of the practice's and the references' documents.
  std::vector<detail::ScanDocument> scan;
  for (const std::string& p : in.practice) scan.push_back({p, -1});
  for (std::size_t k = 0; k < r.references.size(); ++k) {
    for (const std::string& p : r.references[k].documents) scan.push_back({p, static_cast<int>(k)});
  }
  std::vector<std::string> unread;
  std::vector<std::vector<Passage>> passages = detail::find_passages(*c, scan, unread);
  for (const std::string& e : unread) {
    if (std::find(r.file_errors.begin(), r.file_errors.end(), e) == r.file_errors.end()) r.file_errors.push_back(e);
  }
  for (const std::string& code : in.portfolio_rules_run) {
    if (const rules::Rule* rule = rules.find(code)) {
      for (std::size_t i : resolve_citation(*c, rule->meta().citation(c->program)).items) acc[i].rules.insert(code);
    }
  }
  for (const rules::Diagnostic& d : in.portfolio_findings) add_finding(acc, *c, d);

  for (std::size_t i = 0; i < c->items.size(); ++i) {
    Collected& a = acc[i];
    ItemResult out;
    out.item = c->items[i];
    out.rules.assign(a.rules.begin(), a.rules.end());
    std::stable_sort(a.evidence.begin(), a.evidence.end(), [](const Evidence& x, const Evidence& y) {
      return std::tie(x.path, x.line) < std::tie(y.path, y.line);
    });
    out.evidence = std::move(a.evidence);
    std::stable_sort(a.findings.begin(), a.findings.end(), [](const rules::Diagnostic& x, const rules::Diagnostic& y) {
      return std::tuple(x.severity, x.path, x.range.start.line, x.code) <
             std::tuple(y.severity, y.path, y.range.start.line, y.code);
    });
    out.findings = std::move(a.findings);

    // Evidence per reference is read from the references' documents only.
    std::vector<Passage>& found = passages[i];
    if (out.item.references > 0) {
      found.erase(std::remove_if(found.begin(), found.end(), [](const Passage& p) { return p.reference < 0; }),
                  found.end());
    }
    out.passages_found = found.size();
    std::set<int> with_evidence;
    for (const Passage& p : found) {
      if (p.reference >= 0) with_evidence.insert(p.reference);
    }
    out.references_with_evidence = static_cast<int>(with_evidence.size());
    cap_passages(found);
    out.passages = std::move(found);

    std::vector<std::string> failing;
    std::size_t errors = 0;
    for (const rules::Diagnostic& d : out.findings) {
      if (d.severity != rules::Severity::error) continue;
      ++errors;
      if (std::find(failing.begin(), failing.end(), d.code) == failing.end()) failing.push_back(d.code);
    }
    if (errors > 0) {
      out.verdict = Verdict::not_met;
      out.reason = plural(errors, "error finding") + " (" + joined(failing) + ")";
    } else if (out.item.human_review) {
      out.verdict = Verdict::needs_review;
      out.reason = "documents cannot prove this item; a reviewer checks it";
    } else if (out.rules.empty()) {
      out.verdict = Verdict::needs_review;
      out.reason = r.files.empty() ? "no document could be checked" : "no rule that ran checks this item";
    } else {
      out.verdict = Verdict::met;
      out.reason = "no error finding from the " + plural(out.rules.size(), "rule") + " citing it";
    }
    // Items a document can show: did one?
    if (out.verdict == Verdict::needs_review && !out.item.cues.empty()) {
      const std::size_t docs = scan.size();
      if (out.item.references > 0) {
        bool enough = out.references_with_evidence >= out.item.references;
        out.review = enough ? Review::evidence_found
                     : out.references_with_evidence > 0 ? Review::too_few_references
                                                        : Review::no_evidence;
        out.reason = "evidence in " + std::to_string(out.references_with_evidence) + " of " +
                     plural(r.references.size(), "reference") + " (the checklist asks for " +
                     std::to_string(out.item.references) + ")" +
                     (enough ? "; a reviewer confirms it" : "; a reviewer asks for the rest");
      } else if (!out.passages.empty()) {
        std::set<std::string> in_docs;
        for (const Passage& p : out.passages) in_docs.insert(p.path);
        out.review = Review::evidence_found;
        out.reason = plural(out.passages_found, "passage") + " in " + plural(in_docs.size(), "document") +
                     (out.passages_found == 1 ? " addresses it; a reviewer confirms it" : " address it; a reviewer confirms them");
      } else {
        out.review = Review::no_evidence;
        out.reason = docs == 0 ? "no document was read for its evidence"
                               : "no passage in the " + plural(docs, "document") + " read addresses it";
      }
      ++(out.review == Review::evidence_found       ? r.evidence_found
         : out.review == Review::too_few_references ? r.too_few_references
                                                    : r.no_evidence);
    }
    // The item per reference: its findings, the rules that ran, its passages.
    bool per_reference = out.item.references > 0 || !ran_on[i].empty();
    if (per_reference) {
      out.cells.resize(r.references.size());
      for (std::size_t k = 0; k < r.references.size(); ++k) {
        Cell& cell = out.cells[k];
        for (std::size_t f = 0; f < out.findings.size(); ++f) {
          if (out.findings[f].severity == rules::Severity::error && reference_at(out.findings[f].path) == static_cast<int>(k)) {
            cell.finding = static_cast<int>(f);
            break;
          }
        }
        for (std::size_t p = 0; p < out.passages.size(); ++p) {
          if (out.passages[p].reference == static_cast<int>(k)) {
            cell.passage = static_cast<int>(p);
            break;
          }
        }
        if (cell.finding >= 0) {
          cell.state = CellState::not_met;
        } else if (ran_on[i].count(static_cast<int>(k)) && !out.item.human_review) {
          cell.state = CellState::met;
        } else if (cell.passage >= 0) {
          cell.state = CellState::evidence;
        } else if (out.item.references > 0 || !out.item.cues.empty()) {
          cell.state = CellState::no_evidence;
        }
      }
    }
    switch (out.verdict) {
      case Verdict::met: ++r.met; break;
      case Verdict::not_met: ++r.not_met; break;
      case Verdict::needs_review: ++r.needs_review; break;
    }
    r.items.push_back(std::move(out));
  }
  return r;
}

std::string render(const Report& r, std::string_view format) {
  std::ostringstream out;
  if (format == "md") {
    write_markdown(out, r);
  } else if (format == "html") {
    write_html(out, r);
  } else if (format == "json") {
    write_json(out, r);
  } else {
    throw std::invalid_argument("report format \"" + std::string(format) + "\" is not md, html or json");
  }
  return out.str();
}

std::string infer_program(const std::vector<format::FileResult>& documents, std::string& problem) {
  std::vector<std::string> named;
  for (const format::FileResult& d : documents) {
    if (d.error || !builtin_checklist(d.profile)) continue;
    if (std::find(named.begin(), named.end(), d.profile) == named.end()) named.push_back(d.profile);
  }
  if (named.size() == 1) return named.front();
  if (named.empty()) {
    problem = "no document names a program (front matter `program:`); pass --profile with one of: " +
              joined(checklist_programs());
  } else {
    problem = "the documents name several programs (" + joined(named) + "); pass --profile to choose one";
  }
  return {};
}

}  // namespace caselint::report
