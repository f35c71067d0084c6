// PF008 customer-named-without-consent | doc: rules/doc/PF008.md
// Checklist: public references are "publicly endorsed by the customer"
// (ml-technology 1.2); a customer that has not agreed to be named publicly
// must not be named on a public page (ml-consulting 2.3, aurora and dms 2.1
// public versus non-public references).
#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

#include "rules/checks/checks.h"
#include "rules/portfolio_rule.h"

namespace caselint::rules::checks {

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The name as it would be written in running text: without a trailing legal
// suffix ("Northwind Freight Ltd" is "Northwind Freight" in the prose).
std::string core_name(const std::string& name) {
  std::vector<std::string> words;
  std::istringstream in(name);
  for (std::string w; in >> w;) words.push_back(w);
  while (words.size() > 1) {
    std::string last = words.back();
    while (!last.empty() && (last.back() == '.' || last.back() == ',')) last.pop_back();
    if (normalise_customer("x " + last) != "x") break;
    words.pop_back();
  }
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  while (!out.empty() && out.back() == ',') out.pop_back();
  return out;
}

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

class CustomerNamedWithoutConsent final : public PortfolioRule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check_portfolio(const PortfolioInput& in, PortfolioSink& sink) const override {
    if (!in.consenting) return;
    std::set<std::string> agreed;
    for (const std::string& c : *in.consenting) agreed.insert(normalise_customer(c));
    std::vector<std::string> not_agreed;  // core names, one per customer
    std::set<std::string> seen;
    for (const PortfolioReference& r : in.references) {
      std::string key = normalise_customer(r.customer);
      if (key.empty() || agreed.count(key) || !seen.insert(key).second) continue;
      not_agreed.push_back(core_name(r.customer));
    }
    for (const PortfolioReference& r : in.references) {
      if (!r.is_public || !r.doc) continue;
      const std::string plain = r.doc->plain_text();
      const std::string text = lower(plain);
      for (const std::string& name : not_agreed) {
        std::string needle = lower(name);
        if (needle.empty()) continue;
        for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
          bool starts = at == 0 || !word_char(text[at - 1]);
          bool ends = at + needle.size() >= text.size() || !word_char(text[at + needle.size()]);
          if (!starts || !ends) continue;
          sink.report(r.file, r.doc->range_of(at, needle.size()),
                      "public reference names \"" + plain.substr(at, needle.size()) +
                          "\", a customer missing from the manifest's public_consent list; expected only customers "
                          "who agreed to be named publicly");
          break;  // once per customer and document
        }
      }
    }
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "PF008";
    m.name = "customer-named-without-consent";
    m.severity = Severity::error;
    m.field = "customer_name";
    m.checklist = "public references: publicly endorsed by the customer";
    m.checklist_by_profile = {{"aurora", "aurora prerequisite 2.1 AWS Customer Case Studies"},
                              {"dms", "dms prerequisite 2.1 AWS Customer Case Studies"},
                              {"ml-consulting", "ml-consulting prerequisite 2.3 Publicly Available Case Studies"},
                              {"ml-technology", "ml-technology 1.2 Public References"}};
    m.summary = "a public reference names a customer who has not agreed to be named publicly";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_customer_named_without_consent() { return std::make_unique<CustomerNamedWithoutConsent>(); }

}  // namespace caselint::rules::checks
