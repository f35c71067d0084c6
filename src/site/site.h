// `caselint site ROOT`: the pages of a public site, the links between them,
// and the findings about the site as a whole (broken internal links, missing
// images, diagrams that do not resolve, and how many clicks the practice page
// and the case studies are from the home page).
//
// ROOT is a local folder of built HTML (a static site: every .html / .htm
// file is a page; Markdown sources are not pages, visitors never see them) or
// an http(s) URL, crawled on its own host only. Every page also goes through
// the normal per-document rules, as a public page.
//
// Page keys: for a folder, the path relative to ROOT with '/' separators
// ("index.html", "customers/acme/index.html"); for a URL, the absolute URL
// without its fragment. Findings name pages by their display path: ROOT
// joined with the key for a folder, the URL for a site.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "doc/document.h"
#include "format/format.h"
#include "rules/rule.h"

namespace caselint::site {

struct Options {
  int max_pages = 500;           // HTML pages read or fetched
  int max_depth = 10;            // link hops from the home page
  double timeout = 10;           // seconds per HTTP request
  double max_time = 300;         // seconds for the whole crawl
  int max_clicks = 3;            // LP104: deeper than this is "too many clicks"
  int max_redirects = 5;         // per request, same host only
  std::size_t max_page_size = 5u * 1024u * 1024u;  // bytes per response
  std::string practice_page;     // path under ROOT or URL; empty: recognised (see practice_page())
  std::string profile;           // --profile for every page
  std::string config;            // --config FILE
  std::string as_of;             // --as-of
  bool progress = false;         // a progress line on stderr
};

// What a link target turned out to be.
enum class NodeKind {
  page,        // an HTML page, read and checked
  resource,    // exists, not HTML (image, PDF, ...)
  missing,     // no such file, or an HTTP error status
  failed,      // could not be checked: timeout, too large, off-host redirect, connection error
  skipped,     // not fetched: robots.txt, not HTML, crawl limits
  unvisited,   // known from a link, never looked at (limits reached)
};

struct OutLink {
  int to = -1;                 // node index
  std::string target;          // as written in the page
  doc::SourceRange range;      // the link in the page
  bool is_image = false;
  bool is_diagram = false;     // the page's architecture_diagram field
};

struct Node {
  std::string key;
  std::string display;         // path or URL findings name
  NodeKind kind = NodeKind::unvisited;
  std::string reason;          // for missing / failed / skipped: what happened ("HTTP 404", "timed out after 2 s")
  int depth = -1;              // link hops from home when discovered
  int alias = -1;              // an address that redirects (on the same host) to this node
  std::vector<OutLink> links;  // for pages
  std::string profile;         // for pages: the profile it was checked with
  std::string title;
  doc::SourceRange title_range;
  std::shared_ptr<const doc::Document> document;  // for pages
  format::FileResult result;   // for pages: the per-document findings
  bool in_sitemap = false;     // a sitemap of the site lists it
};

// A page checked with a landing page profile (landing-page, landing-page-ml-...).
bool is_landing(const Node& n);
// A page read as a case study: not a landing page, and not a page of the
// kind `other` (home, about, news, ...), which no case-study rule checks.
bool is_case_study(const Node& n);

// The site: its nodes and the links between them.
struct Graph {
  std::string root;            // as given
  bool remote = false;
  int home = -1;               // node index of the home page, -1 when it could not be read
  std::string home_error;      // why not
  std::vector<Node> nodes;
  std::map<std::string, int> index;  // key -> node
  std::vector<std::string> limits_hit;  // "--max-pages 500", ...
  // Sitemaps: whether the site publishes one (robots.txt `Sitemap:` lines,
  // else /sitemap.xml; in a folder, its sitemap.xml), and each sitemap that
  // could not be read, with why.
  bool has_sitemap = false;
  std::vector<std::pair<std::string, std::string>> sitemap_errors;
  std::vector<int> clicks;     // per node: fewest clicks from home (-1: unreachable), pages only

  // The node of a page path (relative to ROOT, or ROOT-joined) or URL.
  std::optional<int> find(const std::string& path_or_url) const;
  // Fewest clicks from the home page to a page, nullopt when it is unknown or
  // cannot be reached. The home page itself is 0.
  std::optional<int> clicks_from_home(const std::string& path_or_url) const;
  // The shortest click path from home to a node (node indexes, home first).
  std::vector<int> path_from_home(int node) const;
};

// Reads or crawls ROOT and checks every page with the per-document rules.
// Throws std::runtime_error for a ROOT that is neither a folder nor an
// http(s) URL.
Graph crawl(const std::string& root, const Options& opts);

// The practice page: --practice-page, else the landing page (not the home
// page) whose title or path says AWS, fewest clicks first; else the home
// page when it says AWS; else none.
std::optional<int> practice_page(const Graph& g, const Options& opts);

// A few lines for people: the home page, the practice page and each case
// study with its clicks from home (text output prints it after the findings).
std::string overview(const Graph& g, const Options& opts);

// The site report as one self-contained HTML page: the tree of clicks from
// the home page to the practice page and the case studies (inline SVG), the
// site-wide findings once, and each page's findings (site/html.cpp).
void write_html(std::ostream& out, const Graph& g, const Options& opts, const std::vector<format::FileResult>& results);

// The per-page results with the site-level findings (CS302-CS399,
// LP101-LP199) added to the pages they point at, sorted, suppressions and
// config severities applied.
std::vector<format::FileResult> site_results(const Graph& g, const Options& opts);

}  // namespace caselint::site
