#include "format/fingerprint.h"

#include <cstdint>
#include <cstdio>
#include <map>

namespace caselint::format {

namespace {

// 64-bit FNV-1a, printed as 16 hex digits: stable across runs and builds.
std::string fnv1a_hex(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

std::vector<std::string> fingerprints(const FileResult& r) {
  std::vector<std::string> out;
  std::map<std::string, int> seen;
  for (const rules::Diagnostic& d : r.diagnostics) {
    std::string key = d.path + '\x1f' + d.code + '\x1f' + d.field + '\x1f' + d.checklist + '\x1f' + d.message;
    int n = seen[key]++;
    out.push_back(fnv1a_hex(key + '\x1f' + std::to_string(n)));
  }
  return out;
}

}  // namespace caselint::format
