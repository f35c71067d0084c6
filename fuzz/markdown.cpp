// Fuzz target: a Markdown file through the whole checking path, and the
// parser's promise that reading in parts changes nothing: in parts as small
// as they come, and in parts of a size the input picks.
#include "check_document.h"
#include "entry.h"
#include "parts_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  caselint::fuzz::check_document(data, size, "/nonexistent-caselint-fuzz/study.md");
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (std::size_t part : {std::size_t{1}, size / 3 + (size > 0 ? data[0] : 0)}) {
    const caselint::fuzz::PartsResult parts = caselint::fuzz::read_both_ways(bytes, part);
    if (parts.in_parts != parts.whole) __builtin_trap();
  }
  return 0;
}
