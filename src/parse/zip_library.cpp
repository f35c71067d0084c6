#include "parse/zip_library.h"

#include <dlfcn.h>

namespace caselint::parse {

namespace {

constexpr const char* kLibrary = "libzip.so.4";

struct Loaded {
  ZipLibrary functions;
  bool ok = false;
  std::string error;
};

std::string failure(const char* what) {
  const char* why = dlerror();
  return std::string(what) + " " + kLibrary + ", which caselint uses to read Word documents (" +
         (why ? why : "unknown error") + "): install the Debian package libzip4";
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
  void* handle = dlopen(kLibrary, RTLD_NOW | RTLD_LOCAL);  // never closed
  if (!handle) {
    l.error = failure("cannot load");
    return l;
  }
  ZipLibrary& f = l.functions;
  l.ok = resolve(handle, "zip_error_init", f.error_init, l.error) &&
         resolve(handle, "zip_error_fini", f.error_fini, l.error) &&
         resolve(handle, "zip_error_strerror", f.error_strerror, l.error) &&
         resolve(handle, "zip_source_buffer_create", f.source_buffer_create, l.error) &&
         resolve(handle, "zip_source_free", f.source_free, l.error) &&
         resolve(handle, "zip_open_from_source", f.open_from_source, l.error) &&
         resolve(handle, "zip_discard", f.discard, l.error) && resolve(handle, "zip_stat_init", f.stat_init, l.error) &&
         resolve(handle, "zip_stat", f.stat, l.error) && resolve(handle, "zip_fopen", f.fopen, l.error) &&
         resolve(handle, "zip_fread", f.fread, l.error) && resolve(handle, "zip_fclose", f.fclose, l.error) &&
         resolve(handle, "zip_strerror", f.strerror, l.error) &&
         resolve(handle, "zip_file_strerror", f.file_strerror, l.error);
  return l;
}

const Loaded& loaded() {
  static const Loaded l = load();
  return l;
}

}  // namespace

const ZipLibrary* zip_library() { return loaded().ok ? &loaded().functions : nullptr; }

const std::string& zip_library_error() { return loaded().error; }

}  // namespace caselint::parse
