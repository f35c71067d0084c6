#include "site/curl_library.h"

#include <dlfcn.h>

namespace caselint::site {

namespace {

constexpr const char* kLibrary = "libcurl.so.4";

struct Loaded {
  CurlLibrary functions;
  bool ok = false;
  std::string error;
};

std::string failure(const char* what) {
  const char* why = dlerror();
  return std::string(what) + " " + kLibrary + ", which caselint uses for URLs (" + (why ? why : "unknown error") +
         "): install the Debian package libcurl4";
}

template <typename Function>
bool resolve(void* handle, const char* name, Function& out, std::string& error) {
  void* symbol = dlsym(handle, name);
  if (!symbol) {
    error = failure("cannot use");
    return false;
  }
  out = reinterpret_cast<Function>(symbol);
  return true;
}

Loaded load() {
  Loaded l;
  // Never closed: the library stays loaded until the process exits.
  void* handle = dlopen(kLibrary, RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    l.error = failure("cannot load");
    return l;
  }
  CurlLibrary& f = l.functions;
  l.ok = resolve(handle, "curl_global_init", f.global_init, l.error) &&
         resolve(handle, "curl_easy_init", f.easy_init, l.error) &&
         resolve(handle, "curl_easy_cleanup", f.easy_cleanup, l.error) &&
         resolve(handle, "curl_easy_reset", f.easy_reset, l.error) &&
         resolve(handle, "curl_easy_setopt", f.easy_setopt, l.error) &&
         resolve(handle, "curl_easy_perform", f.easy_perform, l.error) &&
         resolve(handle, "curl_easy_getinfo", f.easy_getinfo, l.error) &&
         resolve(handle, "curl_easy_strerror", f.easy_strerror, l.error) &&
         resolve(handle, "curl_url", f.url, l.error) && resolve(handle, "curl_url_cleanup", f.url_cleanup, l.error) &&
         resolve(handle, "curl_url_get", f.url_get, l.error) && resolve(handle, "curl_url_set", f.url_set, l.error) &&
         resolve(handle, "curl_free", f.free, l.error);
  if (!l.ok) return l;
  if (CURLcode rc = f.global_init(CURL_GLOBAL_DEFAULT); rc != CURLE_OK) {
    l.ok = false;
    l.error = std::string(kLibrary) + ": curl_global_init failed: " + f.easy_strerror(rc);
  }
  return l;
}

// Loaded by the first call, once, whatever the thread (a function-local static).
const Loaded& loaded() {
  static const Loaded l = load();
  return l;
}

}  // namespace

const CurlLibrary* curl_library() { return loaded().ok ? &loaded().functions : nullptr; }

const std::string& curl_library_error() { return loaded().error; }

}  // namespace caselint::site
