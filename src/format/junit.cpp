// JUnit XML, written with libxml2's text writer: a test suite per file, a
// test case per rule of the file's profile. Error-severity findings fail
// their case; warnings and notes are kept in the case's system-out; a file
// that could not be checked is one case with an <error>.
#include <libxml/xmlwriter.h>

#include <algorithm>
#include <memory>
#include <set>
#include <stdexcept>
#include <string_view>

#include "format/format.h"

namespace caselint::format {

namespace {

struct BufferFree {
  void operator()(xmlBuffer* b) const { xmlBufferFree(b); }
};
struct WriterFree {
  void operator()(xmlTextWriter* w) const { xmlFreeTextWriter(w); }
};

class Writer {
 public:
  explicit Writer(xmlBuffer* buf) : w_(xmlNewTextWriterMemory(buf, 0)) {
    if (!w_) throw std::runtime_error("cannot create the XML writer");
    xmlTextWriterSetIndent(w_.get(), 1);
    xmlTextWriterSetIndentString(w_.get(), BAD_CAST "  ");
    check(xmlTextWriterStartDocument(w_.get(), nullptr, "UTF-8", nullptr));
  }
  void start(const char* name) { check(xmlTextWriterStartElement(w_.get(), BAD_CAST name)); }
  void attr(const char* name, const std::string& value) {
    check(xmlTextWriterWriteAttribute(w_.get(), BAD_CAST name, BAD_CAST value.c_str()));
  }
  void text(const std::string& value) { check(xmlTextWriterWriteString(w_.get(), BAD_CAST value.c_str())); }
  void end() { check(xmlTextWriterEndElement(w_.get())); }
  void finish() {
    check(xmlTextWriterEndDocument(w_.get()));
    xmlTextWriterFlush(w_.get());
  }
  void flush() { check(xmlTextWriterFlush(w_.get())); }

 private:
  static void check(int rc) {
    if (rc < 0) throw std::runtime_error("cannot write the JUnit XML");
  }
  std::unique_ptr<xmlTextWriter, WriterFree> w_;
};

std::string location(const rules::Diagnostic& d) {
  return d.path + ":" + std::to_string(d.range.start.line) + ":" +
         std::to_string(d.range.start.column > 0 ? d.range.start.column : 1);
}

}  // namespace

namespace {

// One file's suite: its test cases (the profile's rules, plus any other rule
// that reported) and the rules with an error-severity finding.
struct Suite {
  std::vector<std::string> codes;
  std::set<std::string> failed;
};

Suite suite_of(const rules::RuleSet& set, const FileResult& r) {
  Suite suite;
  if (!r.error) {
    if (const rules::Profile* p = set.profile(r.profile)) suite.codes = p->rules;
    for (const rules::Diagnostic& d : r.diagnostics) {
      if (std::find(suite.codes.begin(), suite.codes.end(), d.code) == suite.codes.end()) suite.codes.push_back(d.code);
      if (d.severity == rules::Severity::error) suite.failed.insert(d.code);
    }
  }
  return suite;
}

void write_suite(Writer& w, const rules::RuleSet& set, const FileResult& r, const Suite& suite) {
  const std::vector<std::string>& codes = suite.codes;
  w.start("testsuite");
  w.attr("name", r.path);
  w.attr("tests", std::to_string(r.error ? 1 : codes.size()));
  w.attr("failures", std::to_string(suite.failed.size()));
  w.attr("errors", r.error ? "1" : "0");
  if (!r.profile.empty()) {
    w.start("properties");
    w.start("property");
    w.attr("name", "profile");
    w.attr("value", r.profile);
    w.end();
    w.end();
  }
  if (r.error) {
    w.start("testcase");
    w.attr("name", "read and parse");
    w.attr("classname", r.path);
    w.start("error");
    w.attr("message", *r.error);
    w.end();
    w.end();
  }
  for (const std::string& code : codes) {
    const rules::Rule* rule = set.find(code);
    w.start("testcase");
    w.attr("name", rule ? code + " " + rule->meta().name : code);
    w.attr("classname", r.path);
    std::string failed_text, other_text, first_message;
    for (const rules::Diagnostic& d : r.diagnostics) {
      if (d.code != code) continue;
      std::string line = location(d) + ": " + rules::severity_name(d.severity) + ": " + d.message + "\n";
      if (d.severity == rules::Severity::error) {
        if (first_message.empty()) first_message = d.message;
        failed_text += line;
      } else {
        other_text += line;
      }
    }
    if (!failed_text.empty()) {
      w.start("failure");
      w.attr("message", first_message);
      w.attr("type", code);
      w.text(failed_text);
      w.end();
    }
    if (!other_text.empty()) {
      w.start("system-out");
      w.text(other_text);
      w.end();
    }
    w.end();
  }
  w.end();
}

// The totals open the document, so the suites cannot go out as they come:
// each file's suite is kept as its XML text, written as the whole document
// would have it (inside a <testsuites> opened for it alone), which is a
// fraction of the file's results. The document is written at finish().
class JunitStream : public ResultStream {
 public:
  explicit JunitStream(std::ostream& out) : out_(out), set_(rules::RuleSet::builtin()) {}

  void file(const FileResult& r) override {
    const Suite suite = suite_of(set_, r);
    cases_ += r.error ? 1 : static_cast<int>(suite.codes.size());
    failures_ += static_cast<int>(suite.failed.size());
    add_to(summary_, r);
    std::unique_ptr<xmlBuffer, BufferFree> buf(xmlBufferCreate());
    if (!buf) throw std::runtime_error("cannot create the XML buffer");
    {
      Writer w(buf.get());
      w.start("testsuites");
      write_suite(w, set_, r, suite);
      w.flush();
    }
    // "<?xml ...?>\n<testsuites>\n  <testsuite ...>...</testsuite>\n": the
    // part after "<testsuites>" is this suite as the document holds it.
    std::string_view text(reinterpret_cast<const char*>(xmlBufferContent(buf.get())),
                          static_cast<std::size_t>(xmlBufferLength(buf.get())));
    const std::size_t at = text.find("<testsuites>");
    if (at == std::string_view::npos) throw std::runtime_error("cannot write the JUnit XML");
    text.remove_prefix(at + std::string_view("<testsuites>").size());
    if (text.ends_with('\n')) text.remove_suffix(1);  // the line break the next suite or the end writes
    suites_ += text;
    any_ = true;
  }

  void finish() override {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"caselint\" tests=\"" << cases_
         << "\" failures=\"" << failures_ << "\" errors=\"" << summary_.failed << '"';
    if (!any_) {
      out_ << "/>\n";
      return;
    }
    out_ << '>' << suites_ << "\n</testsuites>\n";
    suites_.clear();
  }

 private:
  std::ostream& out_;
  const rules::RuleSet& set_;
  Summary summary_;
  int cases_ = 0, failures_ = 0;
  bool any_ = false;
  std::string suites_;
};

}  // namespace

std::unique_ptr<ResultStream> junit_stream(std::ostream& out) { return std::make_unique<JunitStream>(out); }

void write_junit(std::ostream& out, const std::vector<FileResult>& results) {
  std::unique_ptr<ResultStream> stream = junit_stream(out);
  write_all(*stream, results);
}

}  // namespace caselint::format
