// Fuzz target: the literal prefilter never hides a match, and the prepared
// service dictionary agrees with the alternation (fuzz/prefilter_check.h).
#include <cstdio>
#include <cstdlib>

#include "entry.h"
#include "prefilter_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string problem = caselint::fuzz::prefilter_violation(text);
  if (!problem.empty()) {
    std::fprintf(stderr, "prefilter: %s\n", problem.c_str());
    std::abort();
  }
  problem = caselint::fuzz::services_violation(text);
  if (!problem.empty()) {
    std::fprintf(stderr, "services: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
