#include "report/report.h"

#include <algorithm>
#include <set>
#include <sstream>
#include <stdexcept>
#include <tuple>

#include "extract/vocab.h"

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
  std::string out;
  bool space = false;
  for (char ch : f.text) {
    if (ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  return out;
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

}  // namespace

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

  std::vector<Collected> acc(c->items.size());
  for (const format::FileResult& doc : in.documents) {
    if (doc.error) {
      r.file_errors.push_back(doc.path + ": " + *doc.error);
      continue;
    }
    r.files.push_back(doc.path);
    for (const std::string& code : doc.rules_run) {
      const rules::Rule* rule = rules.find(code);
      if (!rule) continue;
      const rules::RuleMeta& m = rule->meta();
      for (std::size_t i : resolve_citation(*c, m.citation(doc.profile)).items) {
        acc[i].rules.insert(m.code);
        add_evidence(acc[i], doc, m.field);
      }
    }
    for (const rules::Diagnostic& d : doc.diagnostics) add_finding(acc, *c, d);
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
