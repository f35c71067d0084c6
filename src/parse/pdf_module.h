// The C interface of caselint-pdf.so, the module that reads PDF text with
// poppler-cpp. caselint loads it with dlopen() the first time it reads a
// PDF (pdf.cpp) instead of linking poppler: linking it cost every run of
// caselint about 80 ms of start-up (libpoppler and some thirty libraries it
// pulls in), and most runs read no PDF. A C interface, because the module
// and caselint each have their own C++ runtime (caselint links libstdc++
// statically): only C types and callbacks cross it, and no exception.
#pragma once

#include <stddef.h>

extern "C" {

struct caselint_pdf_reader {
  void* context;
  // The document information: key "title" or "author", UTF-8.
  void (*meta)(void* context, const char* key, const char* value);
  // A new page (1-based), before its words.
  void (*page)(void* context, int page);
  // One word (a poppler text box) of the page, in reading order: UTF-8
  // text, its box in points from the page's top left, its font size (0 when
  // unknown) and whether its font is bold.
  void (*word)(void* context, const char* text, size_t length, double left, double top, double bottom,
               double font_size, int bold);
};

enum caselint_pdf_status {
  caselint_pdf_ok = 0,
  caselint_pdf_unreadable = 1,  // poppler could not open it
  caselint_pdf_locked = 2,      // encrypted with a password
  caselint_pdf_failed = 3,      // an error while reading the pages
};

// Reads the PDF in data[0, size) and calls the reader's functions.
typedef int (*caselint_pdf_read_function)(const char* data, size_t size, const struct caselint_pdf_reader* reader);
int caselint_pdf_read(const char* data, size_t size, const struct caselint_pdf_reader* reader);

}
