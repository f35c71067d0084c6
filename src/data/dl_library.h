// A shared library loaded with dlopen() the first time caselint needs it
// instead of linked, its functions resolved by name: libzip
// (parse/zip_library.h) and libcurl (site/curl_library.h). Each keeps its
// list of functions and its messages; the loading is here.
#pragma once

#include <dlfcn.h>

#include <string>

namespace caselint::data {

// A library as its messages name it.
struct DlLibrary {
  const char* file;     // "libzip.so.4"
  const char* use;      // what caselint uses it for: "to read Word documents"
  const char* package;  // the Debian package that provides it: "libzip4"
};

// Why the library cannot be used, with dlerror()'s reason: "cannot load
// libzip.so.4, which caselint uses to read Word documents (...): install
// the Debian package libzip4". Call it right after the failing dlopen or dlsym.
inline std::string dl_failure(const DlLibrary& library, const char* what) {
  const char* why = dlerror();
  return std::string(what) + " " + library.file + ", which caselint uses " + library.use + " (" +
         (why ? why : "unknown error") + "): install the Debian package " + library.package;
}

// What loading gave: the functions, or why they are missing.
template <class Functions>
struct DlLoaded {
  Functions functions;
  bool ok = false;
  std::string error;  // "" when ok

  const Functions* get() const { return ok ? &functions : nullptr; }
};

// Resolves an opened library's functions by name; the first one missing
// leaves its message in `error`.
class DlSymbols {
 public:
  DlSymbols(const DlLibrary& library, void* handle, std::string& error)
      : library_(library), handle_(handle), error_(error) {}

  template <typename Function>
  bool operator()(const char* name, Function& out) {
    void* symbol = dlsym(handle_, name);
    if (!symbol) {
      error_ = dl_failure(library_, "cannot use");
      return false;
    }
    out = reinterpret_cast<Function>(symbol);
    return true;
  }

 private:
  const DlLibrary& library_;
  void* handle_;
  std::string& error_;
};

// Opens `library` (never closed: it stays loaded until the process exits)
// and calls resolve(DlSymbols&, Functions&), which returns whether it found
// every function.
template <class Functions, class Resolve>
DlLoaded<Functions> dl_load(const DlLibrary& library, Resolve resolve) {
  DlLoaded<Functions> l;
  void* handle = dlopen(library.file, RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    l.error = dl_failure(library, "cannot load");
    return l;
  }
  DlSymbols symbols(library, handle, l.error);
  l.ok = resolve(symbols, l.functions);
  return l;
}

}  // namespace caselint::data
