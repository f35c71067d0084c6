// Sitemaps (sitemaps.org): the pages a site says it has. A sitemap is an XML
// `urlset` of page addresses or a `sitemapindex` of further sitemaps, plain
// or gzip-compressed; robots.txt names them in `Sitemap:` lines. Parsed with
// libxml2 (no network, no DTD, no entity expansion), inflated with zlib
// within a size bound.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace caselint::site {

struct Sitemap {
  std::vector<std::string> pages;     // <urlset><url><loc>, as written (trimmed)
  std::vector<std::string> sitemaps;  // <sitemapindex><sitemap><loc>
  std::string error;                  // why it could not be read; empty when it was
};

// Reads one sitemap file. `max_bytes` bounds the XML after decompression:
// a larger one is an error, never read whole.
Sitemap parse_sitemap(std::string_view bytes, std::size_t max_bytes);

// The `Sitemap:` lines of a robots.txt (any group; the key in any case).
std::vector<std::string> robots_sitemaps(std::string_view robots_txt);

}  // namespace caselint::site
