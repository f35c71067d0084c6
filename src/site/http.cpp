#include "site/http.h"

#include <algorithm>

#include "site/curl_library.h"

namespace caselint::site {

namespace {

struct Transfer {
  const CurlLibrary* lib = nullptr;
  CURL* curl = nullptr;
  std::string* body = nullptr;
  std::size_t max = 0;
  bool any_body = false;
  bool too_large = false;
  bool not_html = false;
  bool checked_type = false;
};

std::string clean_type(const char* ct) {
  std::string t = ct ? ct : "";
  t = t.substr(0, t.find(';'));
  t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
  for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return t;
}

bool is_html_type(const std::string& t) { return t.empty() || t == "text/html" || t == "application/xhtml+xml"; }

std::size_t on_data(char* data, std::size_t size, std::size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  if (!t->checked_type && !t->any_body) {
    // Stop before downloading a PDF or a video: only HTML bodies are read.
    t->checked_type = true;
    char* ct = nullptr;
    t->lib->easy_getinfo(t->curl, CURLINFO_CONTENT_TYPE, &ct);
    if (!is_html_type(clean_type(ct))) {
      t->not_html = true;
      return 0;
    }
  }
  if (t->body->size() + size * n > t->max) {
    t->too_large = true;
    return 0;  // aborts the transfer (CURLE_WRITE_ERROR)
  }
  t->body->append(data, size * n);
  return size * n;
}

}  // namespace

struct Http::Impl {
  const CurlLibrary* lib = nullptr;  // nullptr when libcurl could not be loaded
  CURL* curl = nullptr;
  double timeout = 10;
  std::size_t max = 0;
  std::string agent;

  Response perform(const std::string& url, bool head, bool any_body) {
    Response r;
    if (!lib) {
      r.error = curl_library_error();  // reported for the page like any failed request
      return r;
    }
    lib->easy_reset(curl);
    Transfer t;
    t.lib = lib;
    t.curl = curl;
    t.body = &r.body;
    t.max = max;
    t.any_body = any_body;
    lib->easy_setopt(curl, CURLOPT_URL, url.c_str());
    lib->easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    lib->easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    lib->easy_setopt(curl, CURLOPT_USERAGENT, agent.c_str());
    lib->easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout * 1000));
    lib->easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(timeout * 1000));
    lib->easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    lib->easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
    lib->easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(max));
    lib->easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_data);
    lib->easy_setopt(curl, CURLOPT_WRITEDATA, &t);
    if (head) lib->easy_setopt(curl, CURLOPT_NOBODY, 1L);
    CURLcode rc = lib->easy_perform(curl);
    lib->easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &r.status);
    char* ct = nullptr;
    lib->easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &ct);
    r.content_type = clean_type(ct);
    char* location = nullptr;
    if (lib->easy_getinfo(curl, CURLINFO_REDIRECT_URL, &location) == CURLE_OK && location) r.redirect = location;
    r.not_html = t.not_html || (!any_body && !is_html_type(r.content_type));
    r.too_large = t.too_large || rc == CURLE_FILESIZE_EXCEEDED;
    if (rc == CURLE_OPERATION_TIMEDOUT) {
      r.timed_out = true;
      r.error = "timed out";
    } else if (rc != CURLE_OK && !(rc == CURLE_WRITE_ERROR && (t.not_html || t.too_large)) && !r.too_large) {
      r.error = lib->easy_strerror(rc);
    }
    if (r.not_html || r.too_large) r.body.clear();
    return r;
  }
};

Http::Http(double timeout_seconds, std::size_t max_size, std::string user_agent) : impl_(std::make_unique<Impl>()) {
  impl_->lib = curl_library();
  if (impl_->lib) impl_->curl = impl_->lib->easy_init();
  impl_->timeout = timeout_seconds;
  impl_->max = max_size;
  impl_->agent = std::move(user_agent);
}

Http::~Http() {
  if (impl_->curl) impl_->lib->easy_cleanup(impl_->curl);
}

Response Http::get(const std::string& url, bool any_body) { return impl_->perform(url, false, any_body); }

Response Http::head(const std::string& url) {
  Response r = impl_->perform(url, true, false);
  if (r.status == 405 || r.status == 501) r = impl_->perform(url, false, true);
  r.body.clear();
  return r;
}

}  // namespace caselint::site
