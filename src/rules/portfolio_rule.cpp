#include "rules/portfolio_rule.h"

#include <cctype>
#include <filesystem>
#include <set>
#include <sstream>

namespace caselint::rules {

bool reference_qualifies(const PortfolioReference& r, const std::string& program) {
  return r.fields != nullptr && r.in_production && (r.program.empty() || r.program == program);
}

std::string normalise_customer(std::string_view name) {
  std::string flat;
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      flat += static_cast<char>(std::tolower(u));
    } else if (c == '&') {
      flat += " and ";
    } else if (c != '\'' && c != '.') {  // "O'Neil", "Acme Co." keep their words whole
      flat += ' ';
    }
  }
  static const std::set<std::string, std::less<>> kSuffixes = {
      "inc", "incorporated", "ltd", "limited", "llc", "llp", "gmbh", "ag", "corp", "corporation", "co", "company",
      "plc", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "pty", "kk", "oy", "ab"};
  std::vector<std::string> words;
  std::istringstream in(flat);
  for (std::string w; in >> w;) words.push_back(w);
  while (words.size() > 1 && kSuffixes.count(words.back())) words.pop_back();
  if (words.size() > 1 && words.front() == "the") words.erase(words.begin());
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

int count_distinct_customers(const PortfolioInput& in, const std::function<bool(const PortfolioReference&)>& keep) {
  std::set<std::string> customers;
  int unnamed = 0;
  for (const PortfolioReference& r : in.references) {
    if (!reference_qualifies(r, in.program) || !keep(r)) continue;
    std::string key = normalise_customer(r.customer);
    if (key.empty()) {
      ++unnamed;
    } else {
      customers.insert(key);
    }
  }
  return static_cast<int>(customers.size()) + unnamed;
}

std::string count_detail(const PortfolioInput& in, const std::function<bool(const PortfolioReference&)>& keep) {
  std::string counted, skipped;
  std::set<std::string> seen;
  for (const PortfolioReference& r : in.references) {
    if (!keep(r)) continue;
    std::string name = std::filesystem::path(r.file).filename().string();
    std::string why;
    if (!r.fields) {
      why = "could not be read";
    } else if (!r.in_production) {
      why = "not in production";
    } else if (!r.program.empty() && r.program != in.program) {
      why = "written for " + r.program;
    } else if (std::string key = normalise_customer(r.customer); !key.empty() && !seen.insert(key).second) {
      why = "same customer as another reference";
    }
    if (why.empty()) {
      counted += (counted.empty() ? "" : ", ") + name;
    } else {
      skipped += (skipped.empty() ? "" : ", ") + name + " (" + why + ")";
    }
  }
  std::string out = counted.empty() ? "none counted" : "counted: " + counted;
  if (!skipped.empty()) out += "; not counted: " + skipped;
  return out;
}

int required_references(const std::string& program) {
  if (program == "aurora" || program == "dms") return 2;             // prerequisite 2.1: two (2) case studies
  if (program == "ml-consulting" || program == "ml-technology") return 4;  // 2.1 / 1.1: four (4) references
  return 0;
}

int required_public_references(const std::string& program) {
  return program == "ml-consulting" || program == "ml-technology" ? 2 : 0;  // 2.3 / 1.2: two of the four
}

Diagnostic& PortfolioSink::report(const std::string& path, doc::SourceRange range, std::string message) {
  out_.push_back(meta_.diagnostic(severity_, program_, path, range, std::move(message)));
  return out_.back();
}

}  // namespace caselint::rules
