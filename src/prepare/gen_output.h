// What the build-time generators (prefilter_gen, prepare_gen) share: C++
// literals for strings and serialized Hyperscan databases, compiling a
// database for a generic x86-64 CPU, and writing the output atomically.
#pragma once

#include <hs/hs.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace caselint::gen {

inline void c_string(std::ostream& os, std::string_view s) {
  os << '"';
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      os << '\\' << c;
    } else if (c >= 0x20 && c < 0x7f && c != '?') {
      os << c;
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", c);
      os << buf;
    }
  }
  os << '"';
}

// `alignas(64) const unsigned char NAME[] = {...};`
inline void byte_array(std::ostream& os, std::string_view name, std::string_view bytes) {
  os << "alignas(64) const unsigned char " << name << "[] = {";
  for (std::size_t k = 0; k < bytes.size(); ++k) {
    if (k % 24 == 0) os << "\n ";
    os << ' ' << static_cast<unsigned>(static_cast<unsigned char>(bytes[k])) << ',';
  }
  if (bytes.empty()) os << "0";
  os << "\n};\n";
}

// The serialized database, built for any x86-64 CPU the runtime supports
// (the build machine's own features are not assumed). Throws with the
// compiler's message.
inline std::string compile_and_serialize(const std::vector<std::string>& exprs, const std::vector<unsigned>& flags,
                                         bool literal) {
  if (exprs.empty()) return {};
  std::vector<const char*> ptrs;
  std::vector<std::size_t> lens;
  std::vector<unsigned> ids;
  for (unsigned k = 0; k < exprs.size(); ++k) {
    ptrs.push_back(exprs[k].c_str());
    lens.push_back(exprs[k].size());
    ids.push_back(k);
  }
  hs_platform_info_t generic{};
  generic.tune = HS_TUNE_FAMILY_GENERIC;
  generic.cpu_features = 0;
  hs_database_t* db = nullptr;
  hs_compile_error_t* err = nullptr;
  auto n = static_cast<unsigned>(exprs.size());
  hs_error_t rc = literal ? hs_compile_lit_multi(ptrs.data(), flags.data(), ids.data(), lens.data(), n, HS_MODE_BLOCK,
                                                 &generic, &db, &err)
                          : hs_compile_multi(ptrs.data(), flags.data(), ids.data(), n, HS_MODE_BLOCK, &generic, &db,
                                             &err);
  if (rc != HS_SUCCESS) {
    std::string msg = err ? err->message : "hs_compile failed";
    if (err && err->expression >= 0) msg += " (expression " + exprs[static_cast<std::size_t>(err->expression)] + ")";
    hs_free_compile_error(err);
    throw std::runtime_error(msg);
  }
  char* bytes = nullptr;
  std::size_t length = 0;
  if (hs_serialize_database(db, &bytes, &length) != HS_SUCCESS) {
    hs_free_database(db);
    throw std::runtime_error("hs_serialize_database failed");
  }
  std::string out(bytes, length);
  std::free(bytes);
  hs_free_database(db);
  return out;
}

// The database as it lies in memory once deserialized. The binary holds this
// image and scans it in place: deserializing copies and checks every byte,
// which took milliseconds of each run's start-up. The image holds offsets,
// not addresses, so it may lie anywhere suitably aligned.
inline std::string in_memory_image(const std::string& serialized) {
  if (serialized.empty()) return {};
  std::size_t size = 0;
  if (hs_serialized_database_size(serialized.data(), serialized.size(), &size) != HS_SUCCESS) {
    throw std::runtime_error("hs_serialized_database_size failed");
  }
  void* at = std::aligned_alloc(64, (size + 63) / 64 * 64);
  if (!at) throw std::bad_alloc();
  hs_error_t rc = hs_deserialize_database_at(serialized.data(), serialized.size(), static_cast<hs_database_t*>(at));
  std::string out = rc == HS_SUCCESS ? std::string(static_cast<const char*>(at), size) : std::string();
  std::free(at);
  if (rc != HS_SUCCESS) throw std::runtime_error("hs_deserialize_database_at failed");
  return out;
}

// Writes `text` to `path` through a temporary file and a rename.
inline bool write_atomically(const std::string& path, const std::string& text) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    out << text;
    if (!out) return false;
  }
  return std::rename(tmp.c_str(), path.c_str()) == 0;
}

}  // namespace caselint::gen
