// The annotation runner: every corpus fixture carries its expected findings
// inline, as `<!-- expect: CODE "message substring" -->` at the end of the
// line the finding points at (or expect@+N / expect@-N relative, expect@N
// absolute). The first caselint-fixture comment (first line, a front matter
// YAML comment, or a notebook Markdown cell) may configure the run:
//   <!-- caselint-fixture: profile=aurora as-of=2024-06-30 rules=CS205,CS206 -->
// The check is an exact multiset of (document, line, code): a missing or an extra
// finding fails, and a file without expectations must be clean. A .docx or
// .pdf fixture's expectations are in NAME.docx.expect beside it. A study
// whose front matter names `supporting:` documents is checked with them (as
// caselint reads it); those documents are never checked as studies of their
// own, and they carry the expectations of the findings located in them.
// A submission's report.expect gives its `caselint report` item by item.
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "annotations.h"
#include "check/check.h"

namespace fs = std::filesystem;
using caselint::fixture::Expectation;
using caselint::fixture::Header;
using caselint::fixture::read_expectations;
using caselint::fixture::read_header;
using caselint::fixture::read;
using caselint::fixture::run;
using caselint::fixture::shell_quote;

namespace {

// A submission's report, item by item, as report.expect writes it:
// "SECTION NUMBER TITLE = VERDICT[ REVIEW][ [CELL ...]]: DOCUMENT, ... | none"
// (the documents whose passages address the item, relative to the folder).
std::vector<std::string> report_lines(const std::string& bin, const fs::path& dir, const std::string& as_of,
                                      std::vector<std::string>& problems) {
  std::string cmd = shell_quote(bin) + " report --format json" + (as_of.empty() ? "" : " --as-of " + as_of) + " " +
                    shell_quote(dir.string());
  auto [code, out] = run(cmd);
  std::vector<std::string> lines;
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(out);
  } catch (const std::exception&) {
    problems.push_back("caselint report did not print JSON (exit " + std::to_string(code) + ")");
    return lines;
  }
  for (const auto& item : j["items"]) {
    std::string line = item["section"].get<std::string>() + " " + item["number"].get<std::string>() + " " +
                       item["title"].get<std::string>() + " = " + item["verdict"].get<std::string>();
    if (!item["review"].is_null()) line += " " + item["review"].get<std::string>();
    if (!item["references"].empty()) {
      line += " [";
      bool first = true;
      for (const auto& c : item["references"]) {
        line += (first ? "" : " ") + c["state"].get<std::string>();
        first = false;
      }
      line += "]";
    }
    std::set<std::string> docs;
    for (const auto& p : item["passages"]) docs.insert(fs::path(p["path"].get<std::string>()).lexically_relative(dir).string());
    std::string list;
    for (const std::string& d : docs) list += (list.empty() ? "" : ", ") + d;
    lines.push_back(line + ": " + (list.empty() ? "none" : list));
  }
  return lines;
}

// The report.expect of a submission against its report: the same lines in
// the same order.
void check_report(const std::string& bin, const fs::path& dir, const std::string& as_of,
                  std::vector<std::string>& problems) {
  std::ifstream in(dir / "report.expect");
  std::vector<std::string> want;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] != '#') want.push_back(line);
  }
  std::vector<std::string> got = report_lines(bin, dir, as_of, problems);
  for (std::size_t i = 0; i < std::max(want.size(), got.size()); ++i) {
    std::string w = i < want.size() ? want[i] : "(nothing)", g = i < got.size() ? got[i] : "(nothing)";
    if (w != g) problems.push_back("report item " + std::to_string(i + 1) + ": expected \"" + w + "\", got \"" + g + "\"");
  }
}

// A fixture's expectations: in the file, or for a Word or PDF file in its
// sidecar NAME.docx.expect (none without one).
std::string expectation_text(const fs::path& f) {
  const bool binary = f.extension() == ".docx" || f.extension() == ".pdf";
  if (!binary) return read(f);
  fs::path sidecar = f;
  sidecar += ".expect";
  return fs::exists(sidecar) ? read(sidecar) : std::string();
}

// One fixture submission: the exact multiset of (file, line, code) over the
// manifest and every document of the folder, and the exit code.
std::vector<std::string> check_submission(const std::string& bin, const fs::path& dir) {
  std::vector<std::string> problems;
  fs::path manifest = dir / "caselint-submission.yaml";
  bool has_manifest = fs::exists(manifest);
  std::map<std::string, std::vector<Expectation>> expected;  // file name -> expectations
  Header h;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::string text = read(e.path());
    std::string rel = fs::relative(e.path(), dir).string();
    if (e.path() == manifest || h.as_of.empty()) {
      Header here = read_header(text);
      if (!here.as_of.empty()) h = here;
    }
    expected[rel] = read_expectations(text);
  }
  std::string cmd = shell_quote(bin) + " check --format json --jobs 1" + (has_manifest ? "" : " --submission");
  if (!h.as_of.empty()) cmd += " --as-of " + h.as_of;
  cmd += " " + shell_quote(dir.string()) + " 2>&1";
  auto [code, out] = run(cmd);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(out);
  } catch (const std::exception&) {
    return {"caselint did not print JSON (exit " + std::to_string(code) + "): " + out.substr(0, 400)};
  }
  std::multimap<std::tuple<std::string, int, std::string>, std::string> actual;
  bool any_error = false;
  for (const auto& file : j["files"]) {
    if (file.contains("error")) problems.push_back("file error: " + file["error"].get<std::string>());
    std::string rel = fs::path(file["path"].get<std::string>()).lexically_relative(dir).string();
    for (const auto& d : file["diagnostics"]) {
      if (d["severity"] == "error") any_error = true;
      // A finding in a supporting document names it.
      std::string at = d.contains("path") ? fs::path(d["path"].get<std::string>()).lexically_relative(dir).string() : rel;
      actual.emplace(std::make_tuple(at, d["range"]["start"]["line"].get<int>(), d["code"].get<std::string>()),
                     d["message"].get<std::string>());
    }
  }
  int want_exit = !problems.empty() ? 2 : (any_error ? 1 : 0);
  if (code != want_exit) problems.push_back("exit code " + std::to_string(code) + ", expected " + std::to_string(want_exit));
  for (const auto& [rel, list] : expected) {
    for (const Expectation& e : list) {
      auto range = actual.equal_range({rel, e.line, e.code});
      auto hit = std::find_if(range.first, range.second, [&](const auto& kv) {
        return e.substring.empty() || kv.second.find(e.substring) != std::string::npos;
      });
      if (hit == range.second) {
        problems.push_back("missing: " + rel + ":" + std::to_string(e.line) + " " + e.code +
                           (e.substring.empty() ? "" : " \"" + e.substring + "\""));
      } else {
        actual.erase(hit);
      }
    }
  }
  for (const auto& [key, msg] : actual) {
    problems.push_back("unexpected: " + std::get<0>(key) + ":" + std::to_string(std::get<1>(key)) + " " +
                       std::get<2>(key) + ": " + msg);
  }
  // A submission with report.expect: its self-assessment, item by item.
  if (fs::exists(dir / "report.expect") && has_manifest) check_report(bin, dir, h.as_of, problems);
  return problems;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: corpus_test CASELINT CORPUS_DIR\n";
    return 2;
  }
  std::string bin = argv[1];
  fs::path corpus = argv[2];
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(corpus)) {
    if (!e.is_regular_file()) continue;
    std::string ext = e.path().extension().string();
    if (e.path().lexically_relative(corpus).string().rfind("sites/", 0) == 0) continue;  // whole sites: site_test
    if (e.path().string().find("/submissions/") != std::string::npos) continue;  // checked as folders below
    // The realistic set carries labels, not inline expectations: tools/score.py.
    if (e.path().lexically_relative(corpus).string().rfind("realistic/", 0) == 0) continue;
    if ((ext == ".md" || ext == ".html" || ext == ".htm" || ext == ".ipynb" || ext == ".docx" || ext == ".pdf") &&
        e.path().filename() != "README.md") {
      files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  // The documents a study names as supporting are read with it, as a folder
  // walk does (docs/references.md): never checked on their own.
  std::map<std::string, std::vector<std::string>> supporting;  // study -> its supporting documents
  std::set<std::string> supports;
  for (const fs::path& f : files) {
    for (const std::string& s : caselint::check::named_supporting(f.string())) {
      supporting[f.lexically_normal().string()].push_back(s);
      supports.insert(s);
    }
  }
  int passed = 0, failed = 0;
  for (const fs::path& f : files) {
    const std::string study = f.lexically_normal().string();
    if (supports.count(study)) continue;
    // A Word or PDF fixture carries its expectations in a sidecar file,
    // NAME.docx.expect (docs/reading.md); without one it must be clean.
    std::string text = expectation_text(f);
    // A notebook's annotations sit in its JSON strings, where quotes are
    // escaped: unescape them (line by line, so line numbers stay).
    if (f.extension() == ".ipynb") {
      for (std::size_t p = text.find("\\\""); p != std::string::npos; p = text.find("\\\"", p + 1)) text.erase(p, 1);
    }
    Header h = read_header(text);
    // (document, expectation): the study's, then its supporting documents'.
    std::vector<std::pair<std::string, Expectation>> expected;
    for (const Expectation& e : read_expectations(text)) expected.emplace_back(study, e);
    for (const std::string& s : supporting[study]) {
      if (!fs::exists(s)) continue;  // missing: a CS002 finding in the study
      for (const Expectation& e : read_expectations(expectation_text(s))) expected.emplace_back(s, e);
    }
    // How a problem names a document: nothing for the study itself.
    auto in_document = [&](const std::string& doc) {
      return doc == study ? std::string() : fs::path(doc).filename().string() + " ";
    };
    std::string cmd = shell_quote(bin) + " check --format json --jobs 1";
    if (!h.profile.empty()) cmd += " --profile " + h.profile;
    if (!h.as_of.empty()) cmd += " --as-of " + h.as_of;
    cmd += " " + shell_quote(f.string()) + " 2>&1";
    auto [code, out] = run(cmd);
    std::vector<std::string> problems;
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(out);
    } catch (const std::exception& e) {
      problems.push_back("caselint did not print JSON (exit " + std::to_string(code) + "): " + out.substr(0, 400));
    }
    // (document, line, code) -> message; a finding in a supporting document
    // names it ("path").
    std::multimap<std::tuple<std::string, int, std::string>, std::string> actual;
    bool any_error = false;
    if (problems.empty()) {
      for (const auto& file : j["files"]) {
        if (file.contains("error")) problems.push_back("file error: " + file["error"].get<std::string>());
        for (const auto& d : file["diagnostics"]) {
          std::string c = d["code"];
          if (!h.rules.empty() && !h.rules.count(c)) continue;
          if (d["severity"] == "error") any_error = true;
          const std::string path = d.contains("path") ? d["path"].get<std::string>() : file["path"].get<std::string>();
          actual.emplace(std::make_tuple(fs::path(path).lexically_normal().string(),
                                         d["range"]["start"]["line"].get<int>(), c),
                         d["message"].get<std::string>());
        }
      }
      int want_exit = !problems.empty() ? 2 : (any_error ? 1 : 0);
      if (h.rules.empty() && code != want_exit) {
        problems.push_back("exit code " + std::to_string(code) + ", expected " + std::to_string(want_exit));
      }
    }
    for (const auto& [doc, e] : expected) {
      auto range = actual.equal_range({doc, e.line, e.code});
      auto hit = std::find_if(range.first, range.second, [&](const auto& kv) {
        return e.substring.empty() || kv.second.find(e.substring) != std::string::npos;
      });
      if (hit == range.second) {
        std::string msgs;
        for (auto it = range.first; it != range.second; ++it) msgs += " [" + it->second + "]";
        problems.push_back("missing: " + in_document(doc) + "line " + std::to_string(e.line) + " " + e.code +
                           (e.substring.empty() ? "" : " \"" + e.substring + "\"") + " (annotation on line " +
                           std::to_string(e.source_line) + ")" + (msgs.empty() ? "" : "; got" + msgs));
      } else {
        actual.erase(hit);
      }
    }
    for (const auto& [key, msg] : actual) {
      problems.push_back("unexpected: " + in_document(std::get<0>(key)) + "line " + std::to_string(std::get<1>(key)) +
                         " " + std::get<2>(key) + ": " + msg);
    }
    if (problems.empty()) {
      ++passed;
    } else {
      ++failed;
      std::cout << "FAIL " << f.string() << '\n';
      for (const std::string& p : problems) std::cout << "  " << p << '\n';
    }
  }
  // Submissions: each folder under corpus/submissions/ is checked as one
  // submission; its manifest and its documents carry the expectations.
  fs::path submissions = corpus / "submissions";
  std::vector<fs::path> folders;
  if (fs::is_directory(submissions)) {
    for (const auto& e : fs::directory_iterator(submissions))
      if (e.is_directory()) folders.push_back(e.path());
  }
  std::sort(folders.begin(), folders.end());
  for (const fs::path& dir : folders) {
    std::vector<std::string> problems = check_submission(bin, dir);
    if (problems.empty()) {
      ++passed;
    } else {
      ++failed;
      std::cout << "FAIL " << dir.string() << '\n';
      for (const std::string& p : problems) std::cout << "  " << p << '\n';
    }
  }
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed == 0 && passed > 0 ? 0 : 1;
}
