// Fuzz target: a Markdown file through the whole checking path.
#include "check_document.h"
#include "entry.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  caselint::fuzz::check_document(data, size, "/nonexistent-caselint-fuzz/study.md");
  return 0;
}
