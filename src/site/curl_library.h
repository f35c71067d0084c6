// libcurl, loaded with dlopen() the first time a URL is parsed or fetched
// instead of linked: linking it costs every run of caselint ~12 ms of start-up
// (it pulls in some thirty shared libraries: TLS, Kerberos, LDAP, ...) and
// only `caselint site` uses it. The curl headers still give the types and
// constants; the functions are the real ones, resolved at run time.
#pragma once

#include <curl/curl.h>

#include <string>

namespace caselint::site {

// The libcurl functions caselint calls. The members are not named like the
// functions: curl.h defines curl_easy_setopt and curl_easy_getinfo as
// type-checking macros.
struct CurlLibrary {
  decltype(&::curl_global_init) global_init = nullptr;
  decltype(&::curl_easy_init) easy_init = nullptr;
  decltype(&::curl_easy_cleanup) easy_cleanup = nullptr;
  decltype(&::curl_easy_reset) easy_reset = nullptr;
  decltype(&::curl_easy_setopt) easy_setopt = nullptr;
  decltype(&::curl_easy_perform) easy_perform = nullptr;
  decltype(&::curl_easy_getinfo) easy_getinfo = nullptr;
  decltype(&::curl_easy_strerror) easy_strerror = nullptr;
  decltype(&::curl_url) url = nullptr;
  decltype(&::curl_url_cleanup) url_cleanup = nullptr;
  decltype(&::curl_url_get) url_get = nullptr;
  decltype(&::curl_url_set) url_set = nullptr;
  decltype(&::curl_free) free = nullptr;
};

// libcurl.so.4, loaded and curl_global_init()ed by the first call (from any
// thread); nullptr when it could not be loaded, and then on every call.
const CurlLibrary* curl_library();

// Why curl_library() is nullptr: names the library and the Debian package
// that provides it. "" when it loaded.
const std::string& curl_library_error();

}  // namespace caselint::site
