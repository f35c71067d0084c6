// libzip, loaded with dlopen() the first time a Word document is read
// instead of linked: linking it cost every run of caselint about 18 ms of
// start-up (libzip pulls in GnuTLS, Nettle, bzip2 and zstd), and Debian
// ships no static libzip.a to link instead. zip.h still gives the types;
// the functions are the real ones, resolved at run time by
// data/dl_library.h (which loads libcurl for src/site/curl_library.h too).
#pragma once

#include <zip.h>

#include <string>

namespace caselint::parse {

struct ZipLibrary {
  decltype(&::zip_error_init) error_init = nullptr;
  decltype(&::zip_error_fini) error_fini = nullptr;
  decltype(&::zip_error_strerror) error_strerror = nullptr;
  decltype(&::zip_source_buffer_create) source_buffer_create = nullptr;
  decltype(&::zip_source_free) source_free = nullptr;
  decltype(&::zip_open_from_source) open_from_source = nullptr;
  decltype(&::zip_discard) discard = nullptr;
  decltype(&::zip_stat_init) stat_init = nullptr;
  decltype(&::zip_stat) stat = nullptr;
  decltype(&::zip_fopen) fopen = nullptr;
  decltype(&::zip_fread) fread = nullptr;
  decltype(&::zip_fclose) fclose = nullptr;
  decltype(&::zip_strerror) strerror = nullptr;
  decltype(&::zip_file_strerror) file_strerror = nullptr;
};

// libzip.so.4, loaded by the first call (from any thread); nullptr when it
// could not be loaded, and then on every call.
const ZipLibrary* zip_library();
// Why zip_library() is nullptr: names the library and its Debian package.
const std::string& zip_library_error();

}  // namespace caselint::parse
