#include <iomanip>
#include <set>
#include <sstream>

#include "format/format.h"

namespace caselint::format {

void ExitStatus::add(const FileResult& r, std::ostream& err) {
  if (r.error) {
    err << r.path << ": error: " << *r.error << '\n';
    failed_ = true;
  }
  for (const rules::Diagnostic& d : r.diagnostics) errors_ = errors_ || d.severity == rules::Severity::error;
}

int exit_status(const std::vector<FileResult>& results, std::ostream& err) {
  ExitStatus status;
  for (const FileResult& r : results) status.add(r, err);
  return status.code();
}

void add_to(Summary& s, const FileResult& r) {
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

Summary summarize(const std::vector<FileResult>& results) {
  Summary s;
  for (const FileResult& r : results) add_to(s, r);
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

namespace {

// Text, file by file: each finding as a compiler line; at the end the
// "See:" lines and the summary, from what was counted on the way.
class TextStream final : public ResultStream {
 public:
  TextStream(std::ostream& out, const TextOptions& opts) : out_(out), opts_(opts) {}

  void file(const FileResult& r) override {
    const char* bold = opts_.color ? "\x1b[1m" : "";
    const char* reset = opts_.color ? "\x1b[0m" : "";
    const char* dim = opts_.color ? "\x1b[2m" : "";
    add_to(summary_, r);
    supporting_ += r.kind == "supporting";
    practice_ += r.kind == "practice";
    if (r.kind_inferred) {
      case_studies_ += r.kind == "case-study";
      landing_pages_ += r.kind == "landing-page";
      others_ += r.kind == "other";
    }
    // Why the file got the rules it got, when its content decided: before
    // its findings (a page of the kind `other` has CS001 for it).
    if (!opts_.quiet && opts_.kind_notes && r.kind_inferred && r.kind != "other" && !r.diagnostics.empty()) {
      out_ << r.path << ":1:1: note: read as " << (r.kind == "case-study" ? "a case study" : "a landing page") << ": "
           << r.kind_reason << " (front matter `program:` or --profile chooses otherwise)\n";
    }
    for (const rules::Diagnostic& d : r.diagnostics) {
      if (opts_.quiet && d.severity != rules::Severity::error) continue;
      codes_.insert(d.code);
      int col = d.range.start.column > 0 ? d.range.start.column : 1;
      out_ << bold << d.path << ':' << d.range.start.line << ':' << col << ':' << reset << ' '
           << (opts_.color ? color_of(d.severity) : "") << rules::severity_name(d.severity) << reset << ": " << d.message
           << ' ' << dim << '[' << d.code << ' ' << d.rule << ']' << reset << '\n';
      for (const rules::Note& n : d.notes) {
        int ncol = n.range.start.column > 0 ? n.range.start.column : 1;
        out_ << d.path << ':' << n.range.start.line << ':' << ncol << ": note: " << n.message << '\n';
      }
    }
  }

  void finish() override {
    if (opts_.quiet) return;
    const char* dim = opts_.color ? "\x1b[2m" : "";
    const char* reset = opts_.color ? "\x1b[0m" : "";
    if (!codes_.empty()) {
      out_ << '\n';
      for (const std::string& c : codes_) out_ << dim << "See: caselint explain " << c << reset << '\n';
    }
    const Summary& s = summary_;
    std::ostringstream line;
    line << plural(s.files, "file") << " checked: " << plural(s.errors, "error") << ", " << plural(s.warnings, "warning");
    if (s.infos) line << ", " << s.infos << " info";
    if (s.failed) line << ", " << s.failed << " not checked (see above)";
    if (case_studies_ + landing_pages_ + others_ > 0) {
      line << " (read as " << plural(case_studies_, "case study", "case studies") << ", "
           << plural(landing_pages_, "landing page") << ", " << others_ << " other)";
    }
    if (supporting_ > 0) line << " (" << plural(supporting_, "supporting document") << " read with their studies)";
    if (practice_ > 0) line << " (" << plural(practice_, "practice document") << " kept for the report)";
    double seconds = opts_.seconds;
    if (opts_.started) seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - *opts_.started).count();
    if (seconds >= 0) line << " in " << std::fixed << std::setprecision(2) << seconds << " s";
    out_ << (codes_.empty() ? "" : "\n") << line.str() << '\n';
  }

 private:
  std::ostream& out_;
  TextOptions opts_;
  Summary summary_;
  std::set<std::string> codes_;
  int case_studies_ = 0, landing_pages_ = 0, others_ = 0, supporting_ = 0, practice_ = 0;
};

}  // namespace

std::unique_ptr<ResultStream> text_stream(std::ostream& out, const TextOptions& opts) {
  return std::make_unique<TextStream>(out, opts);
}

void write_all(ResultStream& stream, const std::vector<FileResult>& results) {
  for (const FileResult& r : results) stream.file(r);
  stream.finish();
}

void write_text(std::ostream& out, const std::vector<FileResult>& results, const TextOptions& opts) {
  write_all(*text_stream(out, opts), results);
}

}  // namespace caselint::format
