#include "parse/zip_library.h"

#include "data/dl_library.h"

namespace caselint::parse {

namespace {

constexpr data::DlLibrary kLibrary{"libzip.so.4", "to read Word documents", "libzip4"};

data::DlLoaded<ZipLibrary> load() {
  return data::dl_load<ZipLibrary>(kLibrary, [](data::DlSymbols& resolve, ZipLibrary& f) {
    return resolve("zip_error_init", f.error_init) && resolve("zip_error_fini", f.error_fini) &&
           resolve("zip_error_strerror", f.error_strerror) &&
           resolve("zip_source_buffer_create", f.source_buffer_create) &&
           resolve("zip_source_free", f.source_free) && resolve("zip_open_from_source", f.open_from_source) &&
           resolve("zip_discard", f.discard) && resolve("zip_stat_init", f.stat_init) &&
           resolve("zip_stat", f.stat) && resolve("zip_fopen", f.fopen) && resolve("zip_fread", f.fread) &&
           resolve("zip_fclose", f.fclose) && resolve("zip_strerror", f.strerror) &&
           resolve("zip_file_strerror", f.file_strerror);
  });
}

// Loaded by the first call, once, whatever the thread (a function-local static).
const data::DlLoaded<ZipLibrary>& loaded() {
  static const data::DlLoaded<ZipLibrary> l = load();
  return l;
}

}  // namespace

const ZipLibrary* zip_library() { return loaded().get(); }

const std::string& zip_library_error() { return loaded().error; }

}  // namespace caselint::parse
