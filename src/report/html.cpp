// `caselint report --format html`: one self-contained page (inline CSS, no
// scripts, no external assets), built as a libxml2 tree so that every piece
// of document text is a text node or attribute value and is escaped when the
// tree is serialised.
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

#include <memory>
#include <stdexcept>

#include "report/html_tree.h"
#include "report/report.h"
#include "report/text.h"

namespace caselint::report {

namespace {

// Verdict colours pass WCAG AA contrast on their backgrounds; the badge text
// and symbol say the verdict, so it never rests on colour alone.
const char* kStyle = R"css(
:root { --ink: #1d2430; --muted: #5b6473; --line: #d9dee6; --met: #116329; --met-bg: #dafbe1;
  --not: #a40e26; --not-bg: #ffebe9; --rev: #7d4e00; --rev-bg: #fff8c5; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: #f6f8fa; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; background: #fff; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.2rem 0 1rem; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 0.75rem; padding-bottom: 0.3rem; border-bottom: 2px solid var(--ink); }
h3.group { font-size: 1rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em;
  margin: 1.75rem 0 0.5rem; }
.kicker { margin: 0; color: var(--muted); font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.06em; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; margin: 0 0 1.25rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
dl.facts ul { margin: 0; padding: 0; list-style: none; }
.muted { color: var(--muted); }
code, .path { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.88em; }
.counts { display: flex; gap: 0.75rem; flex-wrap: wrap; margin: 0 0 1rem; }
.count { flex: 1 1 10rem; border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px;
  padding: 0.6rem 0.9rem; }
.count .split { display: block; font-size: 0.8rem; }
.count .n { display: block; font-size: 1.8rem; font-weight: 700; line-height: 1.1; }
.count.met { border-left-color: var(--met); } .count.met .n { color: var(--met); }
.count.not-met { border-left-color: var(--not); } .count.not-met .n { color: var(--not); }
.count.needs-review { border-left-color: var(--rev); } .count.needs-review .n { color: var(--rev); }
.legend { color: var(--muted); font-size: 0.9rem; }
.errors { border: 1px solid var(--not); background: var(--not-bg); border-radius: 6px; padding: 0.5rem 1rem; }
table { width: 100%; border-collapse: collapse; margin: 0.5rem 0 0.75rem; font-size: 0.9rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--line); }
th { background: #f0f3f6; font-weight: 600; }
td.where { white-space: nowrap; width: 1%; }
.rule { font-size: 0.85em; }
td.text { overflow-wrap: anywhere; }
table.overview td:first-child a { color: inherit; }
.badge { display: inline-block; white-space: nowrap; font-weight: 600; font-size: 0.85rem; border-radius: 999px;
  padding: 0.1rem 0.65rem; border: 1px solid currentColor; }
.badge.met { color: var(--met); background: var(--met-bg); }
.badge.not-met { color: var(--not); background: var(--not-bg); }
.badge.needs-review { color: var(--rev); background: var(--rev-bg); }
article.item { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: 0.75rem 1rem;
  margin: 0.75rem 0; }
article.item.met { border-left-color: var(--met); }
article.item.not-met { border-left-color: var(--not); }
article.item.needs-review { border-left-color: var(--rev); }
.item-head { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; }
.item-head h4 { margin: 0; font-size: 1.05rem; }
.item-head .num { color: var(--muted); margin-right: 0.35rem; }
article p { margin: 0.4rem 0; }
.reason { font-weight: 600; }
.sev-error { color: var(--not); font-weight: 600; }
.sev-warning { color: var(--rev); font-weight: 600; }
.review { font-size: 0.8rem; color: var(--muted); margin-left: 0.4rem; white-space: nowrap; }
table.matrix th, table.matrix td { text-align: center; }
table.matrix th:first-child, table.matrix td:first-child { text-align: left; }
table.matrix td.cell a { text-decoration: none; }
td.cell.met { color: var(--met); background: var(--met-bg); }
td.cell.not-met { color: var(--not); background: var(--not-bg); font-weight: 600; }
td.cell.evidence { background: #eef4ff; }
td.cell.no-evidence { color: var(--muted); }
tr:target { outline: 2px solid #0969da; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: 0.85rem; }
@media print {
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  article.item, .count, tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
)css";

const char* symbol(Verdict v) {
  switch (v) {
    case Verdict::met: return "\xE2\x9C\x93 ";           // check mark
    case Verdict::not_met: return "\xE2\x9C\x97 ";       // ballot x
    case Verdict::needs_review: return "? ";
  }
  return "";
}

void badge(Tree& t, xmlNode* parent, Verdict v) {
  xmlNode* b = t.el(parent, "span", std::string(symbol(v)) + verdict_label(v));
  t.attr(b, "class", std::string("badge ") + verdict_name(v));
}

void review(Tree& t, xmlNode* parent, const ItemResult& it) {
  if (it.review == Review::none) return;
  xmlNode* span = t.el(parent, "span", std::string(review_label(it.review)), "review");
  t.attr(span, "data-review", review_name(it.review));
}

std::string finding_id(std::size_t item, int f) { return "item-" + std::to_string(item + 1) + "-finding-" + std::to_string(f + 1); }
std::string passage_id(std::size_t item, int p) { return "item-" + std::to_string(item + 1) + "-passage-" + std::to_string(p + 1); }

// The evidence map: a row per item read per reference, a column per
// reference; each cell links to the finding or passage behind it.
void matrix(Tree& t, xmlNode* main, const Report& r, const std::string& strip) {
  bool any = false;
  for (const ItemResult& it : r.items) any = any || !it.cells.empty();
  if (!any || r.references.empty()) return;
  xmlNode* sec = t.el(main, "section", "evidence-map");
  t.attr(sec, "id", "evidence-map");
  t.el(sec, "h2", std::string("Evidence by reference"));
  xmlNode* table = t.el(sec, "table", "matrix");
  xmlNode* tr = t.el(t.el(table, "thead"), "tr");
  t.el(tr, "th", std::string("Item"));
  for (const ReferenceColumn& c : r.references) {
    xmlNode* th = t.el(tr, "th", c.name);
    t.attr(th, "title", detail::shown_path(c.study, strip));
  }
  xmlNode* body = t.el(table, "tbody");
  for (std::size_t i = 0; i < r.items.size(); ++i) {
    const ItemResult& it = r.items[i];
    if (it.cells.empty()) continue;
    xmlNode* row = t.el(body, "tr");
    xmlNode* name = t.el(t.el(row, "td"), "a", it.item.label());
    t.attr(name, "href", "#item-" + std::to_string(i + 1));
    for (std::size_t k = 0; k < it.cells.size(); ++k) {
      const Cell& c = it.cells[k];
      xmlNode* td = t.el(row, "td");
      t.attr(td, "class", std::string("cell ") + cell_state_name(c.state));
      t.attr(td, "data-reference", r.references[k].name);
      t.attr(td, "data-state", cell_state_name(c.state));
      switch (c.state) {
        case CellState::met: t.add_text(td, "\xE2\x9C\x93 met"); break;
        case CellState::not_met: {
          const rules::Diagnostic& d = it.findings[static_cast<std::size_t>(c.finding)];
          xmlNode* a = t.el(td, "a", "\xE2\x9C\x97 " + d.code);
          t.attr(a, "href", "#" + finding_id(i, c.finding));
          t.attr(a, "title", d.message);
          break;
        }
        case CellState::evidence: {
          const Passage& p = it.passages[static_cast<std::size_t>(c.passage)];
          // The column names the reference: the file's name and line say the rest.
          xmlNode* a = t.el(td, "a", detail::where(p.path.substr(p.path.rfind('/') + 1), p.line));
          t.attr(a, "href", "#" + passage_id(i, c.passage));
          t.attr(a, "title", p.excerpt);
          break;
        }
        case CellState::no_evidence: t.add_text(td, "none"); break;
        case CellState::not_checked: t.add_text(td, "\xE2\x80\x94"); break;
      }
    }
  }
}

void item(Tree& t, xmlNode* parent, const ItemResult& it, std::size_t index, const std::string& strip) {
  xmlNode* a = t.el(parent, "article");
  t.attr(a, "class", std::string("item ") + verdict_name(it.verdict));
  t.attr(a, "id", "item-" + std::to_string(index + 1));
  t.attr(a, "data-section", section_name(it.item.section));
  t.attr(a, "data-number", it.item.number);
  t.attr(a, "data-title", it.item.title);
  t.attr(a, "data-verdict", verdict_name(it.verdict));
  if (it.review != Review::none) t.attr(a, "data-review", review_name(it.review));
  xmlNode* head = t.el(a, "div", "item-head");
  xmlNode* h = t.el(head, "h4");
  if (!it.item.number.empty()) t.el(h, "span", it.item.number, "num");
  t.add_text(h, it.item.title);
  xmlNode* verdict = t.el(head, "span");
  badge(t, verdict, it.verdict);
  review(t, verdict, it);
  t.el(a, "p", it.reason, "reason");
  xmlNode* asked = t.el(a, "p", "asked");
  t.el(asked, "strong", std::string("Asked: "));
  t.add_text(asked, it.item.summary);
  if (!it.item.note.empty()) {
    xmlNode* note = t.el(a, "p", "note");
    t.el(note, "strong", std::string("A reviewer still checks: "));
    t.add_text(note, it.item.note);
  }
  if (!it.rules.empty()) {
    xmlNode* p = t.el(a, "p", "rules muted");
    t.add_text(p, "Rules: ");
    for (std::size_t i = 0; i < it.rules.size(); ++i) {
      if (i) t.add_text(p, ", ");
      t.el(p, "code", it.rules[i]);
    }
  }
  if (!it.findings.empty()) {
    xmlNode* table = t.el(a, "table", "findings");
    xmlNode* tr = t.el(t.el(table, "thead"), "tr");
    for (const char* th : {"Where", "Finding"}) t.el(tr, "th", std::string(th));
    xmlNode* body = t.el(table, "tbody");
    for (std::size_t f = 0; f < it.findings.size(); ++f) {
      const rules::Diagnostic& d = it.findings[f];
      xmlNode* row = t.el(body, "tr");
      t.attr(row, "id", finding_id(index, static_cast<int>(f)));
      t.el(row, "td", detail::where(d.path, d.range.start.line, strip), "where path");
      xmlNode* what = t.el(row, "td", "text");
      t.el(what, "span", std::string(rules::severity_name(d.severity)),
           d.severity == rules::Severity::error ? "sev-error" : "sev-warning");
      t.add_text(what, " ");
      t.el(what, "code", d.code);
      t.add_text(what, " " + d.message + " ");
      t.el(what, "span", "(" + d.rule + ")", "muted rule");
    }
  }
  if (!it.passages.empty()) {
    xmlNode* table = t.el(a, "table", "passages");
    xmlNode* tr = t.el(t.el(table, "thead"), "tr");
    for (const char* th : {"Where", "Passage"}) t.el(tr, "th", std::string(th));
    xmlNode* body = t.el(table, "tbody");
    for (std::size_t p = 0; p < it.passages.size(); ++p) {
      const Passage& ps = it.passages[p];
      xmlNode* row = t.el(body, "tr");
      t.attr(row, "id", passage_id(index, static_cast<int>(p)));
      t.el(row, "td", detail::where(ps.path, ps.line, strip) + (ps.place.empty() ? "" : " (" + ps.place + ")"), "where path");
      t.el(row, "td", ps.excerpt, "text");
    }
    if (it.passages_found > it.passages.size())
      t.el(a, "p", std::to_string(it.passages_found - it.passages.size()) + " more passages not shown.", "muted");
  }
  if (!it.evidence.empty()) {
    xmlNode* table = t.el(a, "table", "evidence");
    xmlNode* tr = t.el(t.el(table, "thead"), "tr");
    for (const char* th : {"Where", "Field", "Value"}) t.el(tr, "th", std::string(th));
    xmlNode* body = t.el(table, "tbody");
    for (const Evidence& e : it.evidence) {
      xmlNode* row = t.el(body, "tr");
      t.el(row, "td", detail::where(e.path, e.line, strip), "where path");
      t.el(t.el(row, "td"), "code", e.field);
      t.el(row, "td", detail::clip(e.text, 200), "text");
    }
  }
}

}  // namespace

void write_html(std::ostream& out, const Report& r) {
  const std::string strip = detail::common_folder(r);
  Tree t;
  xmlNode* main = t.page("Self-assessment: " + r.checklist_title, kStyle);
  xmlNode* header = t.el(main, "header");
  t.el(header, "p", std::string("caselint self-assessment"), "kicker");
  t.el(header, "h1", r.checklist_title);
  xmlNode* facts = t.el(header, "dl", "facts");
  t.el(facts, "dt", std::string("Program"));
  xmlNode* program = t.el(facts, "dd");
  t.el(program, "code", r.program);
  if (!r.checklist_file.empty()) t.el(program, "span", " (" + r.checklist_file + ")", "muted");
  if (!r.partner.empty()) {
    t.el(facts, "dt", std::string("Partner"));
    t.el(facts, "dd", r.partner);
  }
  t.el(facts, "dt", std::string("As of"));
  t.el(facts, "dd", r.as_of);
  if (!r.references.empty()) {
    t.el(facts, "dt", std::string("References"));
    xmlNode* refs = t.el(t.el(facts, "dd"), "ul");
    for (const ReferenceColumn& c : r.references) {
      xmlNode* li = t.el(refs, "li", c.name + ": ");
      for (std::size_t i = 0; i < c.documents.size(); ++i) {
        if (i) t.add_text(li, ", ");
        t.el(li, "span", detail::shown_path(c.documents[i], strip), "path");
      }
    }
  }
  if (!r.practice.empty()) {
    t.el(facts, "dt", std::string("Practice documents"));
    xmlNode* docs = t.el(t.el(facts, "dd"), "ul");
    for (const std::string& p : r.practice) t.el(docs, "li", detail::shown_path(p, strip), "path");
  }
  t.el(facts, "dt", std::string("Files"));
  xmlNode* files = t.el(t.el(facts, "dd"), "ul");
  for (const std::string& f : r.files) t.el(files, "li", f, "path");
  if (r.files.empty()) t.el(files, "li", std::string("none"));

  xmlNode* counts = t.el(header, "div", "counts");
  t.attr(counts, "aria-label", detail::counts(r));
  for (auto [v, n] : {std::pair{Verdict::met, r.met}, std::pair{Verdict::not_met, r.not_met},
                      std::pair{Verdict::needs_review, r.needs_review}}) {
    xmlNode* c = t.el(counts, "div");
    t.attr(c, "class", std::string("count ") + verdict_name(v));
    t.attr(c, "data-verdict", verdict_name(v));
    t.el(c, "span", std::to_string(n), "n");
    t.add_text(c, std::string(symbol(v)) + verdict_label(v));
    if (v == Verdict::needs_review && r.evidence_found + r.too_few_references + r.no_evidence > 0) {
      t.el(c, "span",
           std::to_string(r.evidence_found) + " with evidence to confirm, " + std::to_string(r.too_few_references) +
               " with evidence in too few references, " + std::to_string(r.no_evidence) + " with none",
           "muted split");
    }
  }
  if (!r.file_errors.empty()) {
    xmlNode* box = t.el(header, "div", "errors");
    t.el(box, "strong", std::string("Could not be checked:"));
    xmlNode* ul = t.el(box, "ul");
    for (const std::string& e : r.file_errors) t.el(ul, "li", e, "path");
  }
  t.el(header, "p",
       std::string("Met: the rules citing the item ran over these files and found no error. Not met: a finding of "
                   "error severity cites it. Needs human review: no rule can prove it from documents; where documents can "
                   "show it, the passages that address it are listed for the reviewer to confirm, or none was found."),
       "legend");

  xmlNode* overview = t.el(main, "section", "overview");
  t.el(overview, "h2", std::string("Overview"));
  xmlNode* table = t.el(overview, "table", "overview");
  xmlNode* tr = t.el(t.el(table, "thead"), "tr");
  t.el(tr, "th", std::string("Item"));
  t.el(tr, "th", std::string("Verdict"));
  xmlNode* body = t.el(table, "tbody");
  for (std::size_t i = 0; i < r.items.size(); ++i) {
    xmlNode* row = t.el(body, "tr");
    xmlNode* link = t.el(t.el(row, "td"), "a", r.items[i].item.label());
    t.attr(link, "href", "#item-" + std::to_string(i + 1));
    xmlNode* v = t.el(row, "td");
    badge(t, v, r.items[i].verdict);
    review(t, v, r.items[i]);
  }
  matrix(t, main, r, strip);

  for (Section s : {Section::prerequisites, Section::checklist}) {
    xmlNode* sec = t.el(main, "section", section_name(s));
    t.el(sec, "h2", std::string(s == Section::prerequisites ? "Prerequisites" : "Validation checklist"));
    std::string group;
    for (std::size_t i = 0; i < r.items.size(); ++i) {
      const ItemResult& it = r.items[i];
      if (it.item.section != s) continue;
      if (it.item.group != group) {
        group = it.item.group;
        if (!group.empty()) t.el(sec, "h3", group, "group");
      }
      item(t, sec, it, i, strip);
    }
  }
  t.el(main, "footer", std::string("Written by caselint ") + format::version() + " from the documents listed above.");

  t.write(out);
}

}  // namespace caselint::report
