// caselint-pdf.so: poppler-cpp behind the C interface of pdf_module.h.
// Words come from page::text_list with text_list_include_font (poppler 0.89
// and later: font size and name per text box).
#include "parse/pdf_module.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <memory>
#include <string>

namespace {

std::string utf8(const poppler::ustring& s) {
  poppler::byte_array b = s.to_utf8();
  return std::string(b.begin(), b.end());
}

bool bold_font(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* w : {"bold", "black", "heavy", "semibold", "demi"}) {
    if (name.find(w) != std::string::npos) return true;
  }
  return false;
}

void quiet(const std::string&, void*) {}

}  // namespace

extern "C" __attribute__((visibility("default"))) int caselint_pdf_read(const char* data, size_t size,
                                                                        const caselint_pdf_reader* reader) {
  try {
    static const bool silenced = [] {
      poppler::set_debug_error_function(quiet, nullptr);  // poppler's complaints are not caselint's output
      return true;
    }();
    (void)silenced;
    if (size > static_cast<size_t>(0x7fffffff)) return caselint_pdf_unreadable;
    std::unique_ptr<poppler::document> pdf(poppler::document::load_from_raw_data(data, static_cast<int>(size)));
    if (!pdf) return caselint_pdf_unreadable;
    if (pdf->is_locked()) return caselint_pdf_locked;
    reader->meta(reader->context, "title", utf8(pdf->get_title()).c_str());
    reader->meta(reader->context, "author", utf8(pdf->get_author()).c_str());
    const int pages = pdf->pages();
    for (int p = 0; p < pages; ++p) {
      reader->page(reader->context, p + 1);
      std::unique_ptr<poppler::page> page(pdf->create_page(p));
      if (!page) continue;
      for (const poppler::text_box& box : page->text_list(poppler::page::text_list_include_font)) {
        const std::string text = utf8(box.text());
        const poppler::rectf r = box.bbox();
        const bool font = box.has_font_info();
        reader->word(reader->context, text.data(), text.size(), r.left(), r.top(), r.bottom(),
                     font ? box.get_font_size() : 0.0, font && bold_font(box.get_font_name()) ? 1 : 0);
      }
    }
    return caselint_pdf_ok;
  } catch (...) {
    return caselint_pdf_failed;
  }
}
