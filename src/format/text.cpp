#include <iomanip>
#include <set>
#include <sstream>

#include "format/format.h"

namespace caselint::format {

int exit_status(const std::vector<FileResult>& results, std::ostream& err) {
  int status = 0;
  for (const FileResult& r : results) {
    if (r.error) {
      err << r.path << ": error: " << *r.error << '\n';
      status = 2;
    }
  }
  if (status == 2) return status;
  for (const FileResult& r : results) {
    for (const rules::Diagnostic& d : r.diagnostics) {
      if (d.severity == rules::Severity::error) return 1;
    }
  }
  return 0;
}

Summary summarize(const std::vector<FileResult>& results) {
  Summary s;
  for (const FileResult& r : results) {
    ++s.files;
    if (r.error) ++s.failed;
    for (const rules::Diagnostic& d : r.diagnostics) {
      switch (d.severity) {
        case rules::Severity::error: ++s.errors; break;
        case rules::Severity::warning: ++s.warnings; break;
        case rules::Severity::info: ++s.infos; break;
      }
    }
  }
  return s;
}

namespace {

const char* color_of(rules::Severity s) {
  switch (s) {
    case rules::Severity::error: return "\x1b[1;31m";
    case rules::Severity::warning: return "\x1b[1;33m";
    case rules::Severity::info: return "\x1b[1;36m";
  }
  return "";
}

std::string plural(int n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string plural(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

}  // namespace

void write_text(std::ostream& out, const std::vector<FileResult>& results, const TextOptions& opts) {
  const char* bold = opts.color ? "\x1b[1m" : "";
  const char* reset = opts.color ? "\x1b[0m" : "";
  const char* dim = opts.color ? "\x1b[2m" : "";
  std::set<std::string> codes;
  int case_studies = 0, landing_pages = 0, others = 0;
  for (const FileResult& r : results) {
    if (r.kind_inferred) {
      case_studies += r.kind == "case-study";
      landing_pages += r.kind == "landing-page";
      others += r.kind == "other";
    }
    // Why the file got the rules it got, when its content decided: before
    // its findings (a page of the kind `other` has CS001 for it).
    if (!opts.quiet && opts.kind_notes && r.kind_inferred && r.kind != "other" && !r.diagnostics.empty()) {
      out << r.path << ":1:1: note: read as " << (r.kind == "case-study" ? "a case study" : "a landing page") << ": "
          << r.kind_reason << " (front matter `program:` or --profile chooses otherwise)\n";
    }
    for (const rules::Diagnostic& d : r.diagnostics) {
      if (opts.quiet && d.severity != rules::Severity::error) continue;
      codes.insert(d.code);
      int col = d.range.start.column > 0 ? d.range.start.column : 1;
      out << bold << d.path << ':' << d.range.start.line << ':' << col << ':' << reset << ' '
          << (opts.color ? color_of(d.severity) : "") << rules::severity_name(d.severity) << reset << ": " << d.message
          << ' ' << dim << '[' << d.code << ' ' << d.rule << ']' << reset << '\n';
      for (const rules::Note& n : d.notes) {
        int ncol = n.range.start.column > 0 ? n.range.start.column : 1;
        out << d.path << ':' << n.range.start.line << ':' << ncol << ": note: " << n.message << '\n';
      }
    }
  }
  if (opts.quiet) return;
  if (!codes.empty()) {
    out << '\n';
    for (const std::string& c : codes) out << dim << "See: caselint explain " << c << reset << '\n';
  }
  Summary s = summarize(results);
  std::ostringstream line;
  line << plural(s.files, "file") << " checked: " << plural(s.errors, "error") << ", " << plural(s.warnings, "warning");
  if (s.infos) line << ", " << s.infos << " info";
  if (s.failed) line << ", " << s.failed << " not checked (see above)";
  if (case_studies + landing_pages + others > 0) {
    line << " (read as " << plural(case_studies, "case study", "case studies") << ", "
         << plural(landing_pages, "landing page") << ", " << others << " other)";
  }
  if (opts.seconds >= 0) line << " in " << std::fixed << std::setprecision(2) << opts.seconds << " s";
  out << (codes.empty() ? "" : "\n") << line.str() << '\n';
}

}  // namespace caselint::format
