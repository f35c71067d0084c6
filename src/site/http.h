// One HTTP request at a time through libcurl, with the crawler's limits:
// per-request timeout, response size cap, http(s) only, no automatic
// redirects (the crawler follows them itself, on its own host only).
#pragma once

#include <cstddef>
#include <memory>
#include <string>

namespace caselint::site {

struct Response {
  long status = 0;            // HTTP status, 0 when there was no answer
  std::string content_type;   // lowercased, without parameters
  std::string body;           // HTML pages only
  std::string redirect;       // Location of a 3xx, resolved
  std::string error;          // transport error, "" when the request completed
  bool timed_out = false;
  bool too_large = false;
  bool not_html = false;      // the body was not read: the content type is not HTML
};

class Http {
 public:
  Http(double timeout_seconds, std::size_t max_size, std::string user_agent);
  ~Http();
  Http(const Http&) = delete;
  Http& operator=(const Http&) = delete;

  // GET, reading the body only when it is HTML (or `any_body`, for robots.txt).
  Response get(const std::string& url, bool any_body = false);
  // HEAD, falling back to GET when the server does not allow HEAD.
  Response head(const std::string& url);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace caselint::site
