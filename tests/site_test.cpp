// Fixture sites: every folder of corpus/sites/ is a built static site whose
// pages carry their expected findings inline (corpus/README.md's syntax). The
// test runs `caselint site FOLDER --format json` and compares the findings of
// every page with its annotations as an exact multiset of (page, line, code):
// a missing or an extra finding fails, and a page without expectations must
// be clean. The home page's caselint-fixture header may set as-of and the site
// options practice-page and max-clicks.
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "annotations.h"

namespace fs = std::filesystem;
using caselint::fixture::Expectation;
using caselint::fixture::Header;
using caselint::fixture::read;
using caselint::fixture::run;
using caselint::fixture::shell_quote;

namespace {

// Problems with one site; empty when it passes.
std::vector<std::string> check_site(const std::string& bin, const fs::path& dir) {
  std::vector<std::string> problems;
  Header h = caselint::fixture::read_header(read(dir / "index.html"));
  // (page path as caselint prints it, line, code) -> expectation
  std::vector<std::pair<std::string, Expectation>> expected;
  std::vector<fs::path> pages;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    std::string ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".html" || ext == ".htm")) pages.push_back(e.path());
  }
  std::sort(pages.begin(), pages.end());
  for (const fs::path& p : pages) {
    std::string shown = (dir / p.lexically_relative(dir)).generic_string();
    for (const Expectation& e : caselint::fixture::read_expectations(read(p))) expected.emplace_back(shown, e);
  }
  std::string cmd = shell_quote(bin) + " site --format json " + shell_quote(dir.generic_string());
  if (!h.as_of.empty()) cmd += " --as-of " + h.as_of;
  for (const auto& [k, v] : h.other) cmd += " --" + k + " " + shell_quote(v);
  auto [code, out] = run(cmd + " 2>&1");
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(out);
  } catch (const std::exception&) {
    return {"caselint did not print JSON (exit " + std::to_string(code) + "): " + out.substr(0, 400)};
  }
  std::multimap<std::tuple<std::string, int, std::string>, std::string> actual;
  bool any_error = false;
  for (const auto& file : j["files"]) {
    if (file.contains("error")) problems.push_back(file["path"].get<std::string>() + ": file error: " + file["error"].get<std::string>());
    for (const auto& d : file["diagnostics"]) {
      if (d["severity"] == "error") any_error = true;
      actual.emplace(std::make_tuple(file["path"].get<std::string>(), d["range"]["start"]["line"].get<int>(),
                                     d["code"].get<std::string>()),
                     d["message"].get<std::string>());
    }
  }
  int want_exit = !problems.empty() ? 2 : (any_error ? 1 : 0);
  if (code != want_exit) problems.push_back("exit code " + std::to_string(code) + ", expected " + std::to_string(want_exit));
  for (const auto& [page, e] : expected) {
    auto range = actual.equal_range({page, e.line, e.code});
    auto hit = std::find_if(range.first, range.second, [&](const auto& kv) {
      return e.substring.empty() || kv.second.find(e.substring) != std::string::npos;
    });
    if (hit == range.second) {
      std::string msgs;
      for (auto it = range.first; it != range.second; ++it) msgs += " [" + it->second + "]";
      problems.push_back("missing: " + page + ":" + std::to_string(e.line) + " " + e.code +
                         (e.substring.empty() ? "" : " \"" + e.substring + "\"") + (msgs.empty() ? "" : "; got" + msgs));
    } else {
      actual.erase(hit);
    }
  }
  for (const auto& [key, msg] : actual) {
    problems.push_back("unexpected: " + std::get<0>(key) + ":" + std::to_string(std::get<1>(key)) + " " +
                       std::get<2>(key) + ": " + msg);
  }
  return problems;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: site_test CASELINT SITES_DIR\n";
    return 2;
  }
  std::vector<fs::path> sites;
  for (const auto& e : fs::directory_iterator(argv[2])) {
    if (e.is_directory()) sites.push_back(e.path());
  }
  std::sort(sites.begin(), sites.end());
  int passed = 0, failed = 0;
  for (const fs::path& s : sites) {
    std::vector<std::string> problems = check_site(argv[1], s);
    if (problems.empty()) {
      ++passed;
      continue;
    }
    ++failed;
    std::cout << "FAIL " << s.string() << '\n';
    for (const std::string& p : problems) std::cout << "  " << p << '\n';
  }
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed == 0 && passed > 0 ? 0 : 1;
}
