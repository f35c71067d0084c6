// Fuzz target: a Word document (.docx) through the whole checking path: the
// zip package (libzip), its XML parts (libxml2), the Markdown rendition and
// every rule.
#include "check_document.h"
#include "entry.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  caselint::fuzz::check_document(data, size, "/nonexistent-caselint-fuzz/study.docx");
  return 0;
}
