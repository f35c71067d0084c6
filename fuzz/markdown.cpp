// Fuzz target: a Markdown file through the whole checking path, and the
// parser's promise that reading in parts changes nothing.
#include "check_document.h"
#include "entry.h"
#include "parts_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  caselint::fuzz::check_document(data, size, "/nonexistent-caselint-fuzz/study.md");
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const caselint::fuzz::PartsResult parts = caselint::fuzz::read_both_ways(bytes, 1);
  if (parts.in_parts != parts.whole) __builtin_trap();
  return 0;
}
