// GitHub Actions workflow commands: one `::error file=...,line=...::message`
// per finding, which the runner turns into annotations on the changed files.
#include "format/format.h"

namespace caselint::format {

namespace {

// The runner's escaping: data escapes %, CR and LF; property values also
// escape ':' and ','.
std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    switch (c) {
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

const char* command_of(rules::Severity s) {
  switch (s) {
    case rules::Severity::error: return "error";
    case rules::Severity::warning: return "warning";
    case rules::Severity::info: return "notice";
  }
  return "notice";
}

}  // namespace

namespace {

class GithubStream final : public ResultStream {
 public:
  explicit GithubStream(std::ostream& out) : out_(out) {}
  void file(const FileResult& r) override {
    if (r.error) {
      out_ << "::error file=" << escape_property(r.path) << ",title=" << escape_property("caselint: not checked")
           << "::" << escape_data(*r.error) << '\n';
    }
    for (const rules::Diagnostic& d : r.diagnostics) {
      const doc::SourceRange& g = d.range;
      out_ << "::" << command_of(d.severity) << " file=" << escape_property(d.path) << ",line=" << (g.start.line > 0 ? g.start.line : 1)
           << ",col=" << (g.start.column > 0 ? g.start.column : 1);
      if (g.end.line >= g.start.line && g.end.line > 0) {
        out_ << ",endLine=" << g.end.line;
        if (g.end.column > 0) out_ << ",endColumn=" << g.end.column;
      }
      out_ << ",title=" << escape_property(d.code + " " + d.rule) << "::"
           << escape_data(d.message + (d.checklist.empty() ? "" : " (" + d.checklist + ")")) << '\n';
    }
  }
  void finish() override {}

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<ResultStream> github_stream(std::ostream& out) { return std::make_unique<GithubStream>(out); }

void write_github(std::ostream& out, const std::vector<FileResult>& results) { write_all(*github_stream(out), results); }

}  // namespace caselint::format
