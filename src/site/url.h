// URLs through libcurl's URL API (CURLU): parsing, resolving a link against
// the page it is on, and comparing origins. Nothing here does network I/O.
// Each function throws std::runtime_error when libcurl cannot be loaded
// (site/curl_library.h).
#pragma once

#include <optional>
#include <string>

namespace caselint::site {

struct Url {
  std::string scheme, host, port, path, query;  // port: "" when the scheme's default
  std::string decoded_path;                     // path with %XX decoded (for files)
  std::string full;                             // normalised, without fragment or query
  std::string origin() const { return scheme + "://" + host + (port.empty() ? "" : ":" + port); }
};

// An absolute http(s) URL, or nullopt.
std::optional<Url> parse_url(const std::string& text);

// `href` resolved against `base` (absolute), without its fragment. nullopt
// when it is not an http(s) URL (mailto:, tel:, javascript:, ...) or does not
// parse.
std::optional<Url> resolve_url(const std::string& base, const std::string& href);

// The host a local folder's pages are given, so that links in a folder
// resolve with the same URL rules as on a server.
inline constexpr const char* kLocalHost = "caselint.invalid";

}  // namespace caselint::site
