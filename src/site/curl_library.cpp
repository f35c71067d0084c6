#include "site/curl_library.h"

#include "data/dl_library.h"

namespace caselint::site {

namespace {

constexpr data::DlLibrary kLibrary{"libcurl.so.4", "for URLs", "libcurl4"};

data::DlLoaded<CurlLibrary> load() {
  data::DlLoaded<CurlLibrary> l = data::dl_load<CurlLibrary>(kLibrary, [](data::DlSymbols& resolve, CurlLibrary& f) {
    return resolve("curl_global_init", f.global_init) && resolve("curl_easy_init", f.easy_init) &&
           resolve("curl_easy_cleanup", f.easy_cleanup) && resolve("curl_easy_reset", f.easy_reset) &&
           resolve("curl_easy_setopt", f.easy_setopt) && resolve("curl_easy_perform", f.easy_perform) &&
           resolve("curl_easy_getinfo", f.easy_getinfo) && resolve("curl_easy_strerror", f.easy_strerror) &&
           resolve("curl_url", f.url) && resolve("curl_url_cleanup", f.url_cleanup) &&
           resolve("curl_url_get", f.url_get) && resolve("curl_url_set", f.url_set) && resolve("curl_free", f.free);
  });
  if (!l.ok) return l;
  if (CURLcode rc = l.functions.global_init(CURL_GLOBAL_DEFAULT); rc != CURLE_OK) {
    l.ok = false;
    l.error = std::string(kLibrary.file) + ": curl_global_init failed: " + l.functions.easy_strerror(rc);
  }
  return l;
}

// Loaded by the first call, once, whatever the thread (a function-local static).
const data::DlLoaded<CurlLibrary>& loaded() {
  static const data::DlLoaded<CurlLibrary> l = load();
  return l;
}

}  // namespace

const CurlLibrary* curl_library() { return loaded().get(); }

const std::string& curl_library_error() { return loaded().error; }

}  // namespace caselint::site
