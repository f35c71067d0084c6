#include "report/text.h"

#include "doc/line_index.h"

namespace caselint::report::detail {

std::string clip(std::string_view s, std::size_t max) {
  std::size_t at = 0, points = 0;
  while (at < s.size() && points < max) {
    at += std::max<std::size_t>(1, doc::utf8_sequence_length(static_cast<unsigned char>(s[at])));
    ++points;
  }
  if (at >= s.size()) return std::string(s);
  return std::string(s.substr(0, at)) + "\xE2\x80\xA6";
}

std::string one_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char ch : s) {
    if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  return out;
}

std::string where(const std::string& path, int line) { return path + ":" + std::to_string(line > 0 ? line : 1); }

std::string common_folder(const Report& r) {
  if (r.files.empty()) return {};
  std::string prefix = r.files.front().substr(0, r.files.front().rfind('/') + 1);
  for (const std::string& f : r.files) {
    while (!prefix.empty() && f.compare(0, prefix.size(), prefix) != 0) {
      prefix.pop_back();
      prefix.erase(prefix.rfind('/') == std::string::npos ? 0 : prefix.rfind('/') + 1);
    }
  }
  return prefix;
}

std::string shown_path(const std::string& path, const std::string& strip) {
  bool under = !strip.empty() && path.compare(0, strip.size(), strip) == 0 && path.size() > strip.size();
  return under ? path.substr(strip.size()) : path;
}

std::string where(const std::string& path, int line, const std::string& strip) {
  return where(shown_path(path, strip), line);
}

std::string counts(const Report& r) {
  return std::to_string(r.met) + " " + verdict_label(Verdict::met) + ", " + std::to_string(r.not_met) + " " +
         verdict_label(Verdict::not_met) + ", " + std::to_string(r.needs_review) + " " +
         verdict_label(Verdict::needs_review) +
         (r.evidence_found + r.too_few_references + r.no_evidence == 0
              ? std::string()
              : " (" + std::to_string(r.evidence_found) + " with evidence to confirm, " +
                    std::to_string(r.too_few_references) + " with evidence in too few references, " +
                    std::to_string(r.no_evidence) + " with no evidence in the documents)");
}

}  // namespace caselint::report::detail
