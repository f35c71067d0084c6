// The site crawler's parts: robots.txt groups and matching, link resolution
// through libcurl's URL API, and the click counts of a fixture site.
#include <doctest/doctest.h>

#include "parse/parse.h"
#include "site/robots.h"
#include "site/site.h"
#include "site/url.h"

using namespace caselint;

TEST_CASE("robots.txt: the crawler's own group, else *; the longest match wins, Allow on a tie") {
  const char* text =
      "# comment\n"
      "User-agent: *\n"
      "Disallow: /private/\n"
      "Allow: /private/press/\n"
      "Disallow: /*.pdf$\n"
      "\n"
      "User-agent: OtherBot\n"
      "Disallow: /\n";
  site::Robots r(text, "caselint");
  CHECK(r.allowed("/"));
  CHECK(r.allowed("/aws/"));
  CHECK_FALSE(r.allowed("/private/secret.html"));
  CHECK(r.allowed("/private/press/2024.html"));
  CHECK_FALSE(r.allowed("/files/brochure.pdf"));
  CHECK(r.allowed("/files/brochure.pdf?download=1"));  // $ anchors the end
  site::Robots own("User-agent: *\nDisallow: /\n\nUser-agent: caselint\nAllow: /\nDisallow: /drafts/\n", "caselint");
  CHECK(own.allowed("/aws/"));
  CHECK_FALSE(own.allowed("/drafts/x.html"));
  site::Robots tie("User-agent: *\nDisallow: /a\nAllow: /a\n", "caselint");
  CHECK(tie.allowed("/a"));
  site::Robots empty("User-agent: *\nDisallow:\n", "caselint");
  CHECK(empty.allowed("/anything"));
  CHECK(site::Robots().allowed("/x"));
}

TEST_CASE("links resolve against their page; fragments and queries go; other schemes are not links of the site") {
  auto u = site::resolve_url("http://example.com/aws/index.html", "../customers/a.html#results");
  REQUIRE(u);
  CHECK(u->full == "http://example.com/customers/a.html");
  CHECK(u->origin() == "http://example.com");
  u = site::resolve_url("http://example.com/aws/", "/stories/?page=2");
  REQUIRE(u);
  CHECK(u->path == "/stories/");
  CHECK(u->query == "page=2");
  CHECK(u->full == "http://example.com/stories/");
  u = site::resolve_url("http://example.com/a/", "harbor%20freight.html");
  REQUIRE(u);
  CHECK(u->decoded_path == "/a/harbor freight.html");
  CHECK_FALSE(site::resolve_url("http://example.com/", "mailto:hello@example.com"));
  CHECK_FALSE(site::resolve_url("http://example.com/", "tel:+15550100"));
  CHECK_FALSE(site::resolve_url("http://example.com/", "javascript:void(0)"));
  u = site::resolve_url("http://Example.COM:80/", "//cdn.example.net/x.png");
  REQUIRE(u);
  CHECK(u->host == "cdn.example.net");
  auto p = site::parse_url("http://EXAMPLE.com:80/x");
  REQUIRE(p);
  CHECK(p->origin() == "http://example.com");
  CHECK_FALSE(site::parse_url("ftp://example.com/"));
}

TEST_CASE("a fixture site: pages, clicks from home, the practice page") {
  site::Options o;
  o.as_of = "2024-06-30";
  site::Graph g = site::crawl(std::string(CASELINT_SOURCE_DIR) + "/corpus/sites/stratus", o);
  REQUIRE(g.home >= 0);
  CHECK(g.clicks_from_home("index.html") == 0);
  CHECK(g.clicks_from_home("aws/index.html") == 1);
  CHECK(g.clicks_from_home("aws/") == 1);
  CHECK(g.clicks_from_home("customers/brightpath.html") == 2);
  CHECK(g.clicks_from_home("stories/2022/harbor freight.html") == 4);
  CHECK_FALSE(g.clicks_from_home("customers/lost-lake.html"));  // no page links to it
  CHECK_FALSE(g.clicks_from_home("pricing.html"));              // a broken link, not a page
  CHECK(g.clicks_from_home(std::string(CASELINT_SOURCE_DIR) + "/corpus/sites/stratus/about/index.html") == 1);
  auto practice = site::practice_page(g, o);
  REQUIRE(practice);
  CHECK(g.nodes[static_cast<std::size_t>(*practice)].key == "aws/index.html");
  std::vector<int> path = g.path_from_home(*g.find("stories/2022/harbor freight.html"));
  REQUIRE(path.size() == 5);
  CHECK(g.nodes[static_cast<std::size_t>(path[1])].key == "aws/index.html");
  // Every page was checked as public with the per-document rules.
  for (const site::Node& n : g.nodes) {
    if (n.kind == site::NodeKind::page) CHECK_FALSE(n.profile.empty());
  }
  CHECK_THROWS(site::crawl(std::string(CASELINT_SOURCE_DIR) + "/corpus/sites/no-such-site", o));
}

TEST_CASE("HTML: links outside the main content are kept apart, for the site graph") {
  load::SourceFile f{"t.html",
                     "<html><body>\n<nav><a href=\"/aws/\">AWS</a> <img src=\"/logo.png\" alt=\"Logo\"></nav>\n"
                     "<main><h1>T</h1><p><a href=\"in.html\">in</a></p></main>\n"
                     "<footer><a href=\"/privacy\">Privacy</a><div hidden><a href=\"/secret\">x</a></div></footer>\n"
                     "</body></html>\n",
                     doc::Format::html};
  parse::ParseResult r = parse::parse(f);
  REQUIRE(r.document);
  const doc::Document& d = *r.document;
  REQUIRE(d.links.size() == 1);
  CHECK(d.links[0].target == "in.html");
  REQUIRE(d.outside_links.size() == 3);
  CHECK(d.outside_links[0].target == "/aws/");
  CHECK(d.outside_links[0].range.start.line == 2);
  CHECK(d.outside_links[1].target == "/logo.png");
  CHECK(d.outside_links[1].is_image);
  CHECK(d.outside_links[2].target == "/privacy");
  CHECK(d.outside_links[2].range.start.line == 4);
}
