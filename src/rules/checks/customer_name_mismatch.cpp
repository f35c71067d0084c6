// PF007 customer-name-mismatch | doc: rules/doc/PF007.md
// Checklist: the landing page is the public reference to the practice
// (aurora 2.3, dms prerequisite 4.1 Partner Practice Landing Page, ml-consulting 3.1 APN
// Partner Practice Landing Page); it names each customer as its case study does.
#include <algorithm>
#include <filesystem>
#include <sstream>

#include "extract/text_util.h"
#include "rules/checks/checks.h"
#include "rules/portfolio_rule.h"

namespace caselint::rules::checks {

namespace {

namespace fs = std::filesystem;

// Does `target` (a link's href) point at reference `r`? Local links resolve
// against the landing page's folder; a page built from a Markdown study may be
// linked as .html, so the extension does not matter. Absolute URLs match the
// reference's manifest `url:`.
bool links_to(const std::string& target, const std::string& landing_path, const PortfolioReference& r) {
  std::string t = target.substr(0, target.find_first_of("?#"));
  if (t.empty()) return false;
  if (t.find("://") != std::string::npos) return !r.url.empty() && t == r.url;
  fs::path resolved = (fs::path(landing_path).parent_path() / t).lexically_normal();
  fs::path file = fs::path(r.file).lexically_normal();
  return resolved == file || (resolved.parent_path() == file.parent_path() && resolved.stem() == file.stem());
}

// The run of words in `text` closest to `wanted` (both normalised), with the
// same number of words give or take one.
std::pair<std::string, std::size_t> closest_words(const std::string& text, const std::string& wanted) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string w; in >> w;) words.push_back(w);
  std::size_t n = static_cast<std::size_t>(std::count(wanted.begin(), wanted.end(), ' ')) + 1;
  std::pair<std::string, std::size_t> best{"", std::string::npos};
  for (std::size_t len = n > 1 ? n - 1 : 1; len <= n + 1; ++len) {
    for (std::size_t i = 0; i + len <= words.size(); ++i) {
      std::string run;
      for (std::size_t k = i; k < i + len; ++k) run += (run.empty() ? "" : " ") + words[k];
      std::string norm = normalise_customer(run);
      std::size_t d = extract::edit_distance(norm, wanted);  // both lowercased
      if (d < best.second) best = {run, d};
    }
  }
  return best;
}

class CustomerNameMismatch final : public PortfolioRule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check_portfolio(const PortfolioInput& in, PortfolioSink& sink) const override {
    if (!in.landing) return;
    for (const doc::Link& link : in.landing->links) {
      if (link.is_image) continue;
      for (const PortfolioReference& r : in.references) {
        std::string wanted = normalise_customer(r.customer);
        if (wanted.empty() || !links_to(link.target, in.landing_path, r)) continue;
        // The link text, then the paragraph or list item around the link.
        std::vector<std::string> texts{link.text};
        for (const doc::Block& b : in.landing->blocks) {
          if (b.range.start.line <= link.range.start.line && link.range.start.line <= b.range.end.line)
            texts.push_back(b.text);
        }
        std::string spelled;
        bool same = false;
        for (const std::string& t : texts) {
          std::string norm = normalise_customer(t);
          if ((" " + norm + " ").find(" " + wanted + " ") != std::string::npos) {
            same = true;
            break;
          }
          auto [run, d] = closest_words(t, wanted);
          // Close enough to be the same name misspelled: a few letters off.
          if (d > 0 && d <= std::max<std::size_t>(2, wanted.size() / 5) && spelled.empty()) spelled = run;
        }
        if (same || spelled.empty()) continue;
        while (!spelled.empty() && std::ispunct(static_cast<unsigned char>(spelled.back()))) spelled.pop_back();
        sink.report(in.landing_path, link.range,
                    "landing page spells the customer of " + fs::path(r.file).filename().string() + " \"" + spelled +
                        "\", the case study \"" + r.customer + "\"; expected the same name in both");
      }
    }
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "PF007";
    m.name = "customer-name-mismatch";
    m.severity = Severity::warning;
    m.field = "customer_name";
    m.checklist = "prerequisite Partner Practice Landing Page";
    m.checklist_by_profile = {{"aurora", "aurora prerequisite 2.3 Partner Practice Landing Page"},
                              {"dms", "dms prerequisite 4.1 Partner Practice Landing Page"},
                              {"ml-consulting", "ml-consulting prerequisite 3.1 APN Partner Practice Landing Page"},
                              {"ml-technology", "ml-technology 1.2 Public References"}};
    m.summary = "the landing page spells a customer's name differently from the case study it links to";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_customer_name_mismatch() { return std::make_unique<CustomerNameMismatch>(); }

}  // namespace caselint::rules::checks
