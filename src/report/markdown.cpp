// `caselint report --format md`: GitHub-flavoured Markdown. Every piece of
// document text is escaped, so a study's own Markdown or HTML never renders.
#include <string_view>

#include "report/report.h"
#include "report/text.h"

namespace caselint::report {

namespace {

// Backslash-escapes the characters that mean something inline (emphasis,
// code, links, HTML, table cells, strikethrough) and keeps text on one line.
// Escaped text never starts a line, so block markers (#, -, 1.) stay literal.
std::string esc(std::string_view s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|': case '~':
        out += '\\';
        out += ch;
        break;
      case '&': out += "&amp;"; break;
      case '\n': case '\r': case '\t': out += ' '; break;
      default: out += ch;
    }
  }
  return out;
}

const char* mark(Verdict v) {
  switch (v) {
    case Verdict::met: return "\xE2\x9C\x85";          // check mark
    case Verdict::not_met: return "\xE2\x9D\x8C";      // cross
    case Verdict::needs_review: return "\xF0\x9F\x94\x8D";  // magnifier
  }
  return "";
}

std::string badge(Verdict v) { return std::string(mark(v)) + " **" + verdict_label(v) + "**"; }

std::string badge(const ItemResult& it) {
  std::string out = badge(it.verdict);
  if (it.review != Review::none) out += std::string(": ") + review_label(it.review);
  return out;
}

// A matrix cell: a symbol a reader scans, then where to look.
std::string cell(const ItemResult& it, const Cell& c, const std::string& strip) {
  switch (c.state) {
    case CellState::met: return "\xE2\x9C\x85 met";
    case CellState::not_met: {
      const rules::Diagnostic& d = it.findings[static_cast<std::size_t>(c.finding)];
      return "\xE2\x9D\x8C " + esc(d.code) + " " + esc(detail::where(d.path, d.range.start.line, strip));
    }
    case CellState::evidence: {
      const Passage& p = it.passages[static_cast<std::size_t>(c.passage)];
      return "\xF0\x9F\x93\x84 " + esc(detail::where(p.path, p.line, strip));
    }
    case CellState::no_evidence: return "\xE2\x80\x94 none";
    case CellState::not_checked: return "";
  }
  return "";
}

}  // namespace

void write_markdown(std::ostream& out, const Report& r) {
  const std::string strip = detail::common_folder(r);
  out << "# Self-assessment: " << esc(r.checklist_title) << "\n\n";
  out << "| | |\n|---|---|\n";
  out << "| **Program** | " << esc(r.program) << (r.checklist_file.empty() ? "" : " (" + esc(r.checklist_file) + ")")
      << " |\n";
  if (!r.partner.empty()) out << "| **Partner** | " << esc(r.partner) << " |\n";
  out << "| **As of** | " << esc(r.as_of) << " |\n";
  out << "| **Files** | ";
  for (std::size_t i = 0; i < r.files.size(); ++i) out << (i ? "<br>" : "") << esc(r.files[i]);
  if (r.files.empty()) out << "none";
  out << " |\n";
  if (!r.references.empty()) {
    out << "| **References** | ";
    for (std::size_t k = 0; k < r.references.size(); ++k) {
      const ReferenceColumn& c = r.references[k];
      out << (k ? "<br>" : "") << esc(c.name) << ": ";
      for (std::size_t i = 0; i < c.documents.size(); ++i)
        out << (i ? ", " : "") << esc(detail::shown_path(c.documents[i], strip));
    }
    out << " |\n";
  }
  if (!r.practice.empty()) {
    out << "| **Practice documents** | ";
    for (std::size_t i = 0; i < r.practice.size(); ++i) out << (i ? "<br>" : "") << esc(detail::shown_path(r.practice[i], strip));
    out << " |\n";
  }
  out << "| **Verdicts** | " << detail::counts(r) << " |\n\n";
  if (!r.file_errors.empty()) {
    out << "**Could not be checked:**\n\n";
    for (const std::string& e : r.file_errors) out << "- " << esc(e) << '\n';
    out << '\n';
  }
  out << "*Met*: the rules citing the item ran over these files and found no error. *Not met*: a finding of error "
         "severity cites it. *Needs human review*: no rule can prove it from documents; where documents can show it, "
         "the passages that address it are listed for the reviewer to confirm, or none was found.\n\n";

  out << "| Item | Verdict |\n|---|---|\n";
  for (const ItemResult& it : r.items) out << "| " << esc(it.item.label()) << " | " << badge(it) << " |\n";
  out << '\n';

  // The evidence map: the items read per reference, by reference.
  bool matrix = false;
  for (const ItemResult& it : r.items) matrix = matrix || !it.cells.empty();
  if (matrix && !r.references.empty()) {
    out << "## Evidence by reference\n\n| Item |";
    for (const ReferenceColumn& c : r.references) out << " " << esc(c.name) << " |";
    out << "\n|---|";
    for (std::size_t k = 0; k < r.references.size(); ++k) out << "---|";
    out << '\n';
    for (const ItemResult& it : r.items) {
      if (it.cells.empty()) continue;
      out << "| " << esc(it.item.label()) << " |";
      for (const Cell& c : it.cells) out << " " << cell(it, c, strip) << " |";
      out << '\n';
    }
    out << '\n';
  }

  const Section sections[] = {Section::prerequisites, Section::checklist};
  for (Section s : sections) {
    out << "## " << (s == Section::prerequisites ? "Prerequisites" : "Validation checklist") << "\n\n";
    std::string group;
    for (const ItemResult& it : r.items) {
      if (it.item.section != s) continue;
      if (it.item.group != group) {
        group = it.item.group;
        if (!group.empty()) out << "**" << esc(group) << "**\n\n";
      }
      out << "### " << esc(it.item.number.empty() ? it.item.title : it.item.number + " " + it.item.title) << "\n\n";
      out << "Verdict: " << badge(it) << " \xE2\x80\x94 " << esc(it.reason) << "\n\n";
      out << "Asked: " << esc(it.item.summary) << "\n\n";
      if (!it.item.note.empty()) out << "A reviewer still checks: " << esc(it.item.note) << "\n\n";
      if (!it.rules.empty()) {
        out << "Rules: ";
        for (std::size_t i = 0; i < it.rules.size(); ++i) out << (i ? ", " : "") << esc(it.rules[i]);
        out << "\n\n";
      }
      if (!it.findings.empty()) {
        out << "| Where | Finding |\n|---|---|\n";
        for (const rules::Diagnostic& d : it.findings) {
          out << "| " << esc(detail::where(d.path, d.range.start.line, strip)) << " | **"
              << rules::severity_name(d.severity) << "** " << esc(d.code) << " " << esc(d.message) << " ("
              << esc(d.rule) << ") |\n";
        }
        out << '\n';
      }
      if (!it.passages.empty()) {
        out << "| Where | Passage |\n|---|---|\n";
        for (const Passage& p : it.passages) {
          out << "| " << esc(detail::where(p.path, p.line, strip)) << (p.place.empty() ? "" : " (" + esc(p.place) + ")")
              << " | " << esc(p.excerpt) << " |\n";
        }
        if (it.passages_found > it.passages.size())
          out << "\n" << (it.passages_found - it.passages.size()) << " more passages not shown.\n";
        out << '\n';
      }
      if (!it.evidence.empty()) {
        out << "| Where | Field | Value |\n|---|---|---|\n";
        for (const Evidence& e : it.evidence) {
          out << "| " << esc(detail::where(e.path, e.line, strip)) << " | " << esc(e.field) << " | "
              << esc(detail::clip(e.text, 160)) << " |\n";
        }
        out << '\n';
      }
    }
  }
}

}  // namespace caselint::report
