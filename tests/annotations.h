// The inline expectations of corpus fixtures (see corpus/README.md), read by
// corpus_test (one file at a time) and site_test (every page of a site).
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "extract/text_util.h"
#include "extract/vocab.h"

namespace caselint::fixture {

using caselint::extract::Pattern;

struct Expectation {
  int line;
  std::string code;
  std::string substring;
  int source_line;
};

struct Header {
  std::string profile, as_of;
  std::set<std::string> rules;
  std::map<std::string, std::string> other;  // any other key=value (site options: practice-page, max-clicks)
};

// The header is the first caselint-fixture comment of the file: on the first
// line, in a YAML comment of the front matter, or in a notebook's Markdown cell.
inline Header read_header(const std::string& text) {
  Header h;
  static const Pattern header("<!--\\s*caselint-fixture:([^>]*?)-->");
  auto at = header.find(text);
  if (!at) return h;
  std::size_t line_start = text.rfind('\n', at->begin);
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  std::string first = text.substr(line_start, text.find('\n', at->begin) - line_start);
  auto m = header.find(first);
  if (!m) return h;
  std::istringstream in(std::string(m->group(first, 1)));
  std::string kv;
  while (in >> kv) {
    auto eq = kv.find('=');
    if (eq == std::string::npos) continue;
    std::string k = kv.substr(0, eq), v = kv.substr(eq + 1);
    if (k == "profile") h.profile = v;
    if (k == "as-of") h.as_of = v;
    if (k != "profile" && k != "as-of" && k != "rules") h.other[k] = v;
    if (k == "rules") {
      std::stringstream ss(v);
      std::string code;
      while (std::getline(ss, code, ',')) h.rules.insert(code);
    }
  }
  return h;
}

inline std::vector<Expectation> read_expectations(const std::string& text) {
  std::vector<Expectation> out;
  static const Pattern comment("<!--\\s*expect(?:@([+-]?\\d+))?:\\s*(.*?)\\s*-->");
  static const Pattern item("([A-Z]{2,3}\\d{3})(?:\\s+\"([^\"]*)\")?");
  int line_no = 0;
  for (const auto& line : caselint::extract::split_lines(text)) {
    ++line_no;
    std::size_t from = 0;
    while (auto m = comment.find(line.text, from)) {
      int target = line_no;
      std::string_view at = m->group(line.text, 1);
      if (!at.empty()) {
        int n = std::stoi(std::string(at));
        target = (at[0] == '+' || at[0] == '-') ? line_no + n : n;
      }
      std::string body(m->group(line.text, 2));
      std::size_t f = 0;
      while (auto im = item.find(body, f)) {
        out.push_back({target, std::string(im->group(body, 1)), std::string(im->group(body, 2)), line_no});
        f = im->end;
      }
      from = m->end;
    }
  }
  return out;
}

// A file's bytes, as the tests compare them.
inline std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs a shell command; its exit status and standard output.
inline std::pair<int, std::string> run(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return {-1, ""};
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  int status = pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

}  // namespace caselint::fixture
