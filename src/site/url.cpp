#include "site/url.h"

#include <memory>
#include <stdexcept>

#include "site/curl_library.h"

namespace caselint::site {

namespace {

// No URL can be read without libcurl: the crawl stops with the reason.
const CurlLibrary& curl() {
  const CurlLibrary* lib = curl_library();
  if (!lib) throw std::runtime_error(curl_library_error());
  return *lib;
}

struct UrlDeleter {
  void operator()(CURLU* u) const { curl().url_cleanup(u); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlDeleter>;

std::string part(CURLU* u, CURLUPart which, unsigned flags = 0) {
  char* s = nullptr;
  if (curl().url_get(u, which, &s, flags) != CURLUE_OK || !s) return "";
  std::string out(s);
  curl().free(s);
  return out;
}

std::optional<Url> from_handle(CURLU* u) {
  Url url;
  url.scheme = part(u, CURLUPART_SCHEME);
  if (url.scheme != "http" && url.scheme != "https") return std::nullopt;
  url.host = part(u, CURLUPART_HOST);
  for (char& c : url.host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  url.port = part(u, CURLUPART_PORT);  // without CURLU_DEFAULT_PORT: empty unless given
  if ((url.scheme == "http" && url.port == "80") || (url.scheme == "https" && url.port == "443")) url.port.clear();
  url.path = part(u, CURLUPART_PATH);
  if (url.path.empty()) url.path = "/";
  url.decoded_path = part(u, CURLUPART_PATH, CURLU_URLDECODE);
  if (url.decoded_path.empty()) url.decoded_path = "/";
  url.query = part(u, CURLUPART_QUERY);
  curl().url_set(u, CURLUPART_FRAGMENT, nullptr, 0);
  curl().url_set(u, CURLUPART_QUERY, nullptr, 0);
  url.full = part(u, CURLUPART_URL);
  return url;
}

std::string trimmed(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  std::size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

}  // namespace

std::optional<Url> parse_url(const std::string& text) {
  UrlHandle u(curl().url());
  if (!u || curl().url_set(u.get(), CURLUPART_URL, trimmed(text).c_str(), 0) != CURLUE_OK) return std::nullopt;
  return from_handle(u.get());
}

std::optional<Url> resolve_url(const std::string& base, const std::string& href) {
  UrlHandle u(curl().url());
  if (!u || curl().url_set(u.get(), CURLUPART_URL, base.c_str(), 0) != CURLUE_OK) return std::nullopt;
  std::string h = trimmed(href);
  // Setting a URL on a handle that holds one resolves it relative to that one;
  // spaces and other raw characters in hand-written links are encoded.
  if (curl().url_set(u.get(), CURLUPART_URL, h.c_str(), CURLU_URLENCODE) != CURLUE_OK) return std::nullopt;
  return from_handle(u.get());
}

}  // namespace caselint::site
