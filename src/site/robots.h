// robots.txt: the groups of User-agent / Allow / Disallow lines (RFC 9309).
// Debian 12 packages no C or C++ robots.txt library, so this small parser
// reads the three fields the crawler needs and ignores the rest (Sitemap,
// Crawl-delay, ...).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace caselint::site {

class Robots {
 public:
  // Parses robots.txt text for the crawler whose product token is `agent`
  // ("caselint"): its own group when one names it, else the `*` group.
  Robots(std::string_view text, std::string_view agent);
  Robots() = default;  // allows everything

  // `path` is the URL path with its query ("/a/b?x=1").
  bool allowed(std::string_view path) const;

 private:
  struct Rule {
    std::string pattern;
    bool allow = false;
  };
  std::vector<Rule> rules_;
};

}  // namespace caselint::site
