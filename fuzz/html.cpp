// Fuzz target: an HTML page through the whole checking path.
#include "check_document.h"
#include "entry.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  caselint::fuzz::check_document(data, size, "/nonexistent-caselint-fuzz/page.html");
  return 0;
}
