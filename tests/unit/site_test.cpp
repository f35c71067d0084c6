// The site crawler's parts: robots.txt groups and matching, link resolution
// through libcurl's URL API, the click counts of a fixture site, and sitemaps.
#include <zlib.h>

#include <doctest/doctest.h>

#include "parse/parse.h"
#include "site/robots.h"
#include "site/site.h"
#include "site/sitemap.h"
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

TEST_CASE("sitemaps: urlset and index, gzip within a bound, and what is not a sitemap") {
  const site::Sitemap set = site::parse_sitemap(
      "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
      "<url><loc> https://a.example/ </loc><lastmod>2024-01-01</lastmod></url><url><loc>https://a.example/b/</loc></url>"
      "</urlset>",
      1 << 20);
  CHECK(set.error.empty());
  CHECK(set.pages == std::vector<std::string>{"https://a.example/", "https://a.example/b/"});
  const site::Sitemap index = site::parse_sitemap(
      "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>https://a.example/s1.xml</loc>"
      "</sitemap></sitemapindex>",
      1 << 20);
  CHECK(index.sitemaps == std::vector<std::string>{"https://a.example/s1.xml"});
  CHECK(index.pages.empty());
  // gzip: read, and a bomb stops at the bound instead of filling memory.
  auto gzip = [](const std::string& text) {
    z_stream z{};
    REQUIRE(deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&z, static_cast<uLong>(text.size())) + 64, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    z.avail_in = static_cast<uInt>(text.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
  };
  const site::Sitemap zipped = site::parse_sitemap(gzip("<urlset><url><loc>https://a.example/z/</loc></url></urlset>"), 1 << 20);
  CHECK(zipped.pages == std::vector<std::string>{"https://a.example/z/"});
  const site::Sitemap bomb = site::parse_sitemap(gzip("<urlset>" + std::string(50u << 20, ' ') + "</urlset>"), 1 << 20);
  CHECK(bomb.error.find("once decompressed") != std::string::npos);
  CHECK(site::parse_sitemap(gzip("<urlset>").substr(0, 12), 1 << 20).error == "gzip data cut short");
  CHECK(site::parse_sitemap("<html><body>not a sitemap</body></html>", 1 << 20).error.find("<html>") != std::string::npos);
  CHECK(site::parse_sitemap("<urlset><url><loc>", 1 << 20).error == "not well-formed XML");
  // An entity is not expanded, and no external file is read.
  const site::Sitemap entity = site::parse_sitemap(
      "<!DOCTYPE urlset [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><urlset><url><loc>&x;</loc></url></urlset>", 1 << 20);
  for (const std::string& p : entity.pages) CHECK(p.find("root:") == std::string::npos);
  CHECK(site::robots_sitemaps("User-agent: *\nDisallow: /x\nsitemap:  https://a.example/s.xml \r\n# Sitemap: no\nSITEMAP: https://a.example/t.xml\n") ==
        std::vector<std::string>{"https://a.example/s.xml", "https://a.example/t.xml"});
}
