// Fuzz target: a PDF through the whole checking path: poppler-cpp (in
// caselint-pdf.so), the lines and headings read from its words, the
// Markdown rendition and every rule.
#include "check_document.h"
#include "entry.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  caselint::fuzz::check_document(data, size, "/nonexistent-caselint-fuzz/study.pdf");
  return 0;
}
