#include "site/sitemap.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zlib.h>

#include <memory>

namespace caselint::site {

namespace {

struct XmlDocFree {
  void operator()(xmlDoc* p) const { xmlFreeDoc(p); }
};

std::string_view local_name(const xmlNode* n) {
  return n && n->name ? std::string_view(reinterpret_cast<const char*>(n->name)) : std::string_view();
}

std::string text_of(const xmlNode* n) {
  xmlChar* t = xmlNodeGetContent(n);
  if (!t) return {};
  std::string s(reinterpret_cast<const char*>(t));
  xmlFree(t);
  const std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// gzip (or zlib) data inflated, at most `max_bytes` of it; false when it is
// not valid or is larger.
bool inflate_bounded(std::string_view in, std::size_t max_bytes, std::string& out, std::string& error) {
  z_stream z{};
  if (inflateInit2(&z, 15 + 32) != Z_OK) {  // 15 + 32: gzip or zlib header, detected
    error = "cannot start decompression";
    return false;
  }
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  char buf[16384];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      error = "not valid gzip data";
      break;
    }
    out.append(buf, sizeof buf - z.avail_out);
    if (out.size() > max_bytes) {
      error = "larger than " + std::to_string(max_bytes) + " bytes once decompressed";
      break;
    }
    if (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0) {
      error = "gzip data cut short";
      break;
    }
  }
  inflateEnd(&z);
  return error.empty();
}

}  // namespace

Sitemap parse_sitemap(std::string_view bytes, std::size_t max_bytes) {
  Sitemap out;
  std::string inflated;
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f && static_cast<unsigned char>(bytes[1]) == 0x8b) {
    if (!inflate_bounded(bytes, max_bytes, inflated, out.error)) return out;
    bytes = inflated;
  } else if (bytes.size() > max_bytes) {
    out.error = "larger than " + std::to_string(max_bytes) + " bytes";
    return out;
  }
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) {
    out.error = "too large";
    return out;
  }
  // No network, no DTD, no entity substitution: an entity in a sitemap stays
  // unexpanded text.
  std::unique_ptr<xmlDoc, XmlDocFree> doc(xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), "sitemap.xml",
                                                         nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc) {
    out.error = "not well-formed XML";
    return out;
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  const std::string_view kind = local_name(root);
  if (kind != "urlset" && kind != "sitemapindex") {
    out.error = "not a sitemap (its root element is <" + std::string(kind) + ">, expected <urlset> or <sitemapindex>)";
    return out;
  }
  const bool index = kind == "sitemapindex";
  for (const xmlNode* entry = root->children; entry; entry = entry->next) {
    if (entry->type != XML_ELEMENT_NODE || local_name(entry) != (index ? "sitemap" : "url")) continue;
    for (const xmlNode* c = entry->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE || local_name(c) != "loc") continue;
      std::string loc = text_of(c);
      if (!loc.empty()) (index ? out.sitemaps : out.pages).push_back(std::move(loc));
      break;
    }
  }
  return out;
}

std::vector<std::string> robots_sitemaps(std::string_view text) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (from < text.size()) {
    std::size_t end = text.find('\n', from);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(from, end - from);
    from = end + 1;
    if (std::size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string key(line.substr(0, colon));
    std::string lowered;
    for (char c : key) {
      if (c != ' ' && c != '\t') lowered += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    if (lowered != "sitemap") continue;
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t' || value.back() == '\r')) value.remove_suffix(1);
    if (!value.empty()) out.emplace_back(value);
  }
  return out;
}

}  // namespace caselint::site
