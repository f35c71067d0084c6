// LP005 home-page-as-landing-page | doc: rules/doc/LP005.md
// Checklist: aurora prerequisite 2.3 / dms prerequisite 4.1 ("Home page is not
// acceptable as a microsite"), ml-consulting 3.1 ("Home page is not
// acceptable as a practice page unless ... a dedicated ML consulting
// company"). A single page knows it is the home page only from its own URL:
// front matter `url:` / `permalink:`, <link rel="canonical"> or og:url.
// Whether the page is reachable from the home page is a site question.
#include "extract/text_util.h"
#include "rules/checks/checks.h"
#include "rules/checks/landing_page.h"

namespace caselint::rules::checks {

namespace {

// The path of a URL without scheme, host, query and fragment ("/" for "https://acme.com").
std::string url_path(std::string_view url) {
  url = extract::trim(url);
  if (std::size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    std::size_t slash = url.find('/', scheme + 3);
    url = slash == std::string_view::npos ? std::string_view("/") : url.substr(slash);
  } else if (url.starts_with("//")) {
    std::size_t slash = url.find('/', 2);
    url = slash == std::string_view::npos ? std::string_view("/") : url.substr(slash);
  }
  std::size_t cut = url.find_first_of("?#");
  return std::string(url.substr(0, cut));
}

class HomePageAsLandingPage final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    for (const char* key : {"url", "permalink", "canonical", "og:url"}) {
      const doc::MetaValue* m = ctx.doc.meta(key);
      if (!m || m->text.empty()) continue;
      if (!any_match(landing_page_vocab().home_page_paths, url_path(m->text))) return;  // the first URL given decides
      std::string how = std::string(key) == "canonical" ? "its canonical URL"
                        : std::string(key) == "og:url"  ? "its og:url"
                                                        : "front matter " + std::string(key) + ":";
      sink.report(m->range, "the page is the site's home page (" + how + " is " + m->text +
                                "); expected a practice page of its own that the home page links to")
          .field = "landing_page_url";
      return;
    }
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "LP005";
    m.name = "home-page-as-landing-page";
    m.severity = Severity::error;
    m.field = "landing_page_url";
    cite_landing_page(m);
    m.summary = "the home page is not accepted as the practice landing page";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_home_page_as_landing_page() { return std::make_unique<HomePageAsLandingPage>(); }

}  // namespace caselint::rules::checks
