// CS302-CS310, LP101-LP105: the site rules | docs: rules/doc/CS302.md ... LP105.md
// These rules read the link graph of a whole site, not one document: their
// logic is in src/site/report.cpp (`caselint site`). Here they are registry
// entries only, so that they have a code, a severity, citations, a doc page
// and config control like every rule. They apply to no document kind, so the
// per-document engine never runs them.
#include "rules/checks/checks.h"

namespace caselint::rules::checks {

namespace {

const std::map<std::string, std::string> kPracticePage = {
    {"aurora", "aurora prerequisite 2.3 Partner Practice Landing Page"},
    {"dms", "dms prerequisite 4.1 Partner Practice Landing Page"},
    {"ml-consulting", "ml-consulting prerequisite 3.1 APN Partner Practice Landing Page"},
    {"ml-technology", "ml-technology prerequisite AWS Machine Learning Product or Solution"},
};

const std::map<std::string, std::string> kPublicCaseStudy = {
    {"aurora", "aurora prerequisite 2.1 AWS Customer Case Studies"},
    {"dms", "dms prerequisite 2.1 AWS Customer Case Studies"},
    {"ml-consulting", "ml-consulting prerequisite 2.3 Publicly Available Case Studies"},
    {"ml-technology", "ml-technology 1.2 Public References"},
};

class SiteRule final : public Rule {
 public:
  SiteRule(const char* code, const char* name, Severity severity, const char* checklist,
           const std::map<std::string, std::string>& by_profile, const char* summary, const char* field = "") {
    meta_.code = code;
    meta_.name = name;
    meta_.severity = severity;
    meta_.checklist = checklist;
    meta_.checklist_by_profile = by_profile;
    meta_.summary = summary;
    meta_.field = field;
    meta_.applies_to = 0;  // site rules: `caselint site` runs them over the link graph
  }
  const RuleMeta& meta() const override { return meta_; }
  void check(const RuleContext&, DiagnosticSink&) const override {}

 private:
  RuleMeta meta_;
};

}  // namespace

std::unique_ptr<Rule> make_broken_internal_link() {
  return std::make_unique<SiteRule>("CS302", "broken-internal-link", Severity::error,
                                    "ml-consulting prerequisite 2.3 Publicly Available Case Studies", kPublicCaseStudy,
                                    "a link to a page of the same site leads nowhere (missing file, HTTP error)");
}
std::unique_ptr<Rule> make_missing_image() {
  return std::make_unique<SiteRule>("CS303", "missing-image", Severity::error,
                                    "ml-consulting prerequisite 2.3 Publicly Available Case Studies", kPublicCaseStudy,
                                    "an image of the page is not on the site");
}
std::unique_ptr<Rule> make_unresolved_architecture_diagram() {
  return std::make_unique<SiteRule>("CS304", "unresolved-architecture-diagram", Severity::error,
                                    "Architectural Diagrams",
                                    std::map<std::string, std::string>{
                                        {"aurora", "aurora prerequisite 2.2 Architectural Diagrams"},
                                        {"dms", "dms prerequisite 3.1 Architectural Diagrams"}},
                                    "the page's architecture diagram image or link does not resolve",
                                    "architecture_diagram");
}
std::unique_ptr<Rule> make_page_not_checked() {
  return std::make_unique<SiteRule>("CS305", "page-not-checked", Severity::warning,
                                    "ml-consulting prerequisite 2.3 Publicly Available Case Studies", kPublicCaseStudy,
                                    "a linked page could not be checked (timeout, too large, off-host redirect)");
}
std::unique_ptr<Rule> make_page_not_read() {
  return std::make_unique<SiteRule>("CS306", "page-not-read", Severity::info,
                                    "ml-consulting prerequisite 2.3 Publicly Available Case Studies", kPublicCaseStudy,
                                    "a linked page was not read: robots.txt disallows it or it is not HTML");
}
std::unique_ptr<Rule> make_crawl_incomplete() {
  return std::make_unique<SiteRule>("CS307", "crawl-incomplete", Severity::warning,
                                    "ml-consulting prerequisite 2.3 Publicly Available Case Studies", kPublicCaseStudy,
                                    "the crawl stopped at a page, depth or time limit");
}
std::unique_ptr<Rule> make_sitemap_entry_broken() {
  return std::make_unique<SiteRule>("CS308", "sitemap-entry-broken", Severity::warning,
                                    "ml-consulting prerequisite 2.3 Publicly Available Case Studies", kPublicCaseStudy,
                                    "the site's sitemap lists an address that does not load, or cannot be read");
}
std::unique_ptr<Rule> make_case_study_not_in_sitemap() {
  return std::make_unique<SiteRule>("CS309", "case-study-not-in-sitemap", Severity::warning,
                                    "ml-consulting prerequisite 2.3 Publicly Available Case Studies", kPublicCaseStudy,
                                    "a case study the site links to is missing from its sitemap");
}
std::unique_ptr<Rule> make_missing_anchor() {
  return std::make_unique<SiteRule>("CS310", "missing-anchor", Severity::warning,
                                    "ml-consulting prerequisite 2.3 Publicly Available Case Studies", kPublicCaseStudy,
                                    "a link's #fragment names no element of the page it leads to");
}
std::unique_ptr<Rule> make_practice_page_is_home_page() {
  return std::make_unique<SiteRule>("LP101", "practice-page-is-home-page", Severity::error,
                                    "aurora prerequisite 2.3 Partner Practice Landing Page", kPracticePage,
                                    "the AWS practice page is the home page");
}
std::unique_ptr<Rule> make_practice_page_unreachable() {
  return std::make_unique<SiteRule>("LP102", "practice-page-unreachable", Severity::error,
                                    "aurora prerequisite 2.3 Partner Practice Landing Page", kPracticePage,
                                    "the practice page cannot be reached from the home page");
}
std::unique_ptr<Rule> make_case_study_unreachable() {
  return std::make_unique<SiteRule>("LP103", "case-study-unreachable", Severity::error,
                                    "ml-consulting prerequisite 2.3 Publicly Available Case Studies", kPublicCaseStudy,
                                    "a public case study cannot be reached from the home page");
}
std::unique_ptr<Rule> make_too_many_clicks() {
  return std::make_unique<SiteRule>("LP104", "too-many-clicks", Severity::warning,
                                    "ml-consulting prerequisite 2.3 Publicly Available Case Studies", kPublicCaseStudy,
                                    "the practice page or a case study is more clicks from the home page than allowed");
}
std::unique_ptr<Rule> make_practice_page_not_found() {
  return std::make_unique<SiteRule>("LP105", "practice-page-not-found", Severity::warning,
                                    "aurora prerequisite 2.3 Partner Practice Landing Page", kPracticePage,
                                    "the site has no page recognised as the AWS practice page");
}

}  // namespace caselint::rules::checks
