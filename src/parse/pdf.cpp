// PDF through poppler-cpp: the text of each page in poppler's reading order,
// as text boxes (words) with their box, font size and font name
// (page::text_list with text_list_include_font, poppler 0.89 and later).
// Words on one baseline make a line; lines number from 1 on the first page
// on, and a position's line is that number (Document::page_first_lines
// gives each page's first line). A line whose font is larger than the
// body's is a heading (the largest size level 1, the next 2, ...); a line of
// bold words only is a bold paragraph, which the outline reads as a heading
// as in Markdown; leading bold words stay a bold label ("Customer:"); a line
// that opens with a bullet is a list item; lines close together make one
// paragraph. http(s) URLs in the text are links. The document information
// (Title, Author) is the metadata. poppler-cpp 22.12 gives no link
// annotations and no images: a figure's caption line ("Figure 1: ...")
// stands for the figure, an image whose alt text is the caption. poppler
// runs in the module caselint-pdf.so (pdf_module.h says why).
#include <dlfcn.h>
#include <limits.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "parse/parse.h"
#include "parse/pdf_module.h"
#include "parse/rendition.h"

namespace caselint::parse {

namespace {

struct Word {
  std::string text;
  bool bold = false;
};

struct Line {
  std::vector<Word> words;
  double top = 0, bottom = 0, left = 0;
  double size = 0;   // the largest font size of its words
  int number = 0;    // line number in the document
  int page = 0;
};

// caselint-pdf.so (pdf_module.h), loaded once by the first PDF: from
// $CASELINT_PDF_MODULE, beside the caselint executable, in ../lib/caselint
// from it, in the install's library folder, else in the build tree.
struct Module {
  caselint_pdf_read_function read = nullptr;
  std::string error;
};

const Module& module() {
  static const Module m = [] {
    Module out;
    std::vector<std::string> places;
    if (const char* env = std::getenv("CASELINT_PDF_MODULE"); env && *env) places.emplace_back(env);
    char exe[PATH_MAX];
    ssize_t n = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
      std::string dir(exe, static_cast<std::size_t>(n));
      dir.erase(dir.rfind('/') + 1);
      places.push_back(dir + "caselint-pdf.so");
      places.push_back(dir + "../lib/caselint/caselint-pdf.so");
    }
#ifdef CASELINT_PDF_INSTALLED_MODULE
    places.emplace_back(CASELINT_PDF_INSTALLED_MODULE);
#endif
#ifdef CASELINT_PDF_BUILD_MODULE
    places.emplace_back(CASELINT_PDF_BUILD_MODULE);
#endif
    std::string why;
    for (const std::string& place : places) {
      if (::access(place.c_str(), R_OK) != 0) continue;
      // Never closed: it stays loaded until the process exits.
      void* handle = dlopen(place.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (!handle) {
        const char* e = dlerror();
        why = place + ": " + (e ? e : "cannot load");
        continue;
      }
      out.read = reinterpret_cast<caselint_pdf_read_function>(dlsym(handle, "caselint_pdf_read"));
      if (out.read) return out;
      why = place + ": no caselint_pdf_read";
    }
    out.error = "cannot read PDF: caselint-pdf.so, which reads PDF text with poppler, " +
                (why.empty() ? std::string("was not found beside caselint") : "could not be loaded (" + why + ")") +
                "; install the Debian package libpoppler-cpp0v5 and caselint's caselint-pdf.so";
    return out;
  }();
  return m;
}

struct Collector {
  doc::Document& d;
  std::vector<Line>& lines;
  std::map<long, std::size_t>& chars_by_size;  // size in tenths of a point -> characters
  Line cur;
  bool open = false;
  int page = 0;

  void close() {
    if (open) lines.push_back(std::move(cur));
    cur = Line{};
    open = false;
  }
};

void on_meta(void* c, const char* key, const char* value) {
  auto& col = *static_cast<Collector*>(c);
  std::string v = collapse_space(value ? value : "");
  if (v.empty()) return;
  doc::MetaValue m;
  m.text = std::move(v);
  m.range = m.value_range = {{1, 0}, {1, 0}};
  col.d.metadata[key] = std::move(m);
}

void on_page(void* c, int page) {
  auto& col = *static_cast<Collector*>(c);
  col.close();
  col.page = page;
  col.d.page_first_lines.push_back(static_cast<int>(col.lines.size()) + 1);
}

void on_word(void* c, const char* text, size_t length, double left, double top, double bottom, double font_size,
             int bold) {
  auto& col = *static_cast<Collector*>(c);
  Word w;
  w.text = collapse_space(std::string_view(text, length));
  if (w.text.empty()) return;
  w.bold = bold != 0;
  const double h = std::max(1.0, bottom - top);
  const double size = font_size > 0 ? font_size : h;
  const bool same_line = col.open && std::abs(bottom - col.cur.bottom) < 0.5 * h && left >= col.cur.left;
  if (!same_line) {
    col.close();
    col.cur.top = top;
    col.cur.bottom = bottom;
    col.cur.left = left;
    col.cur.page = col.page;
    col.open = true;
  }
  col.cur.top = std::min(col.cur.top, top);
  col.cur.bottom = std::max(col.cur.bottom, bottom);
  col.cur.size = std::max(col.cur.size, size);
  col.chars_by_size[std::lround(size * 10)] += w.text.size();
  col.cur.words.push_back(std::move(w));
}

// Bullets a list item opens with, as UTF-8.
bool bullet(const std::string& w) {
  return w == "\xE2\x80\xA2" || w == "\xE2\x97\xA6" || w == "\xE2\x96\xAA" || w == "\xE2\x80\x93" || w == "-" ||
         w == "*" || w == "\xE2\x97\x8F" || w == "\xE2\x96\xA0";
}

bool is_url(const std::string& w) { return w.rfind("http://", 0) == 0 || w.rfind("https://", 0) == 0; }

// The words of a line as Markdown: runs of bold words in ** **, URLs as
// autolinks, the rest escaped.
std::string render(const std::vector<Word>& words, std::size_t from) {
  std::string md;
  std::size_t i = from;
  while (i < words.size()) {
    if (i > from) md += ' ';
    if (words[i].bold) {
      std::string run;
      std::size_t j = i;
      for (; j < words.size() && words[j].bold; ++j) {
        if (j > i) run += ' ';
        run += escape_markdown(words[j].text);
      }
      md += "**" + run + "**";
      i = j;
      continue;
    }
    md += is_url(words[i].text) ? markdown_destination(words[i].text) : escape_markdown(words[i].text);
    ++i;
  }
  return md;
}

// A figure's caption ("Figure 1: ...", "Fig. 2 ...", "Diagram 3."): the
// only trace of a figure in a PDF's text that poppler-cpp gives.
bool caption(const std::vector<Word>& words) {
  if (words.size() < 2) return false;
  std::string first = words[0].text;
  std::transform(first.begin(), first.end(), first.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (first != "figure" && first != "fig." && first != "diagram" && first != "exhibit") return false;
  return words[1].text[0] >= '0' && words[1].text[0] <= '9';
}

std::string plain(const std::vector<Word>& words) {
  std::string s;
  for (const Word& w : words) s += (s.empty() ? "" : " ") + w.text;
  return s;
}

}  // namespace

std::optional<ParseError> parse_pdf(std::string_view bytes, doc::Document& d) {
  if (bytes.substr(0, std::min<std::size_t>(bytes.size(), 1024)).find("%PDF-") == std::string_view::npos) {
    return ParseError{"not a PDF: no %PDF- header", 0};
  }
  // Every PDF writer ends the file with %%EOF (an update appends another):
  // without it the file was cut short, and poppler would read what it could.
  if (bytes.substr(bytes.size() - std::min<std::size_t>(bytes.size(), 2048)).find("%%EOF") == std::string_view::npos) {
    return ParseError{"the PDF is truncated or damaged: it does not end with %%EOF", 0};
  }
  const Module& m = module();
  if (!m.read) return ParseError{m.error, 0};
  std::vector<Line> lines;
  std::map<long, std::size_t> chars_by_size;
  Collector col{d, lines, chars_by_size, Line{}, false, 0};
  const caselint_pdf_reader reader{&col, on_meta, on_page, on_word};
  switch (m.read(bytes.data(), bytes.size(), &reader)) {
    case caselint_pdf_ok: break;
    case caselint_pdf_locked:
      return ParseError{"the PDF is encrypted with a password; caselint reads PDFs that open without one", 0};
    case caselint_pdf_failed:
      return ParseError{"cannot read the PDF's pages (a damaged file?)", 0};
    default:
      return ParseError{"cannot read the PDF (poppler could not open it: a damaged or truncated file?)", 0};
  }
  col.close();
  const int pages = static_cast<int>(d.page_first_lines.size());
  if (lines.empty()) {
    return ParseError{pages == 0 ? "the PDF has no pages"
                                 : "the PDF has no text layer (a scanned document?); caselint reads a PDF's text "
                                   "and does no OCR: export it from the editor, or run OCR first",
                      0};
  }
  for (std::size_t i = 0; i < lines.size(); ++i) lines[i].number = static_cast<int>(i) + 1;

  // The body's size: the size most characters have. Larger sizes, largest
  // first, are heading levels.
  long body = 0;
  std::size_t most = 0;
  for (auto [size, n] : chars_by_size) {
    if (n > most) most = n, body = size;
  }
  std::vector<long> heading_sizes;
  for (auto [size, n] : chars_by_size) {
    if (size * 100 >= body * 115) heading_sizes.push_back(size);
  }
  std::sort(heading_sizes.rbegin(), heading_sizes.rend());
  auto level_of = [&](const Line& l) {
    const long size = std::lround(l.size * 10);
    if (size * 100 < body * 115) return 0;
    auto it = std::find(heading_sizes.begin(), heading_sizes.end(), size);
    return std::min(6, static_cast<int>(it - heading_sizes.begin()) + 1);
  };

  Rendition out;
  const Line* prev = nullptr;
  int prev_level = -1;
  std::string heading;
  int heading_line = 0;
  constexpr int kCaption = -2;
  std::string figure;  // a figure's caption, while it goes on
  int figure_line = 0, figure_page = 0;
  auto flush_figure = [&] {
    if (figure.empty()) return;
    // The figure, as an image whose alt text is its caption.
    out.blank();
    out.line("![" + escape_markdown(figure) + "](" + markdown_destination("#page=" + std::to_string(figure_page)) + ")",
             figure_line);
    out.blank();
    figure.clear();
  };
  auto flush_heading = [&] {
    if (heading.empty()) return;
    out.blank();
    out.line(std::string(static_cast<std::size_t>(prev_level), '#') + " " + escape_markdown(heading), heading_line);
    out.blank();
    heading.clear();
  };
  for (const Line& l : lines) {
    const int level = level_of(l);
    const bool new_page = !prev || prev->page != l.page;
    const double gap = prev && !new_page ? l.top - prev->bottom : 1e9;
    const bool close = gap < 0.6 * std::max(l.size, prev ? prev->size : l.size);
    if (level > 0) {
      flush_figure();
      if (!(prev_level == level && close && !heading.empty())) {
        flush_heading();
        heading_line = l.number;
      }
      heading += (heading.empty() ? "" : " ") + plain(l.words);
      prev = &l;
      prev_level = level;
      continue;
    }
    flush_heading();
    const bool item = bullet(l.words.front().text) && l.words.size() > 1;
    if (prev_level == kCaption && close) {  // the caption goes on
      figure += " " + plain(l.words);
      prev = &l;
      continue;
    }
    flush_figure();
    if (caption(l.words)) {
      figure = plain(l.words);
      figure_line = l.number;
      figure_page = l.page;
      prev = &l;
      prev_level = kCaption;
      continue;
    }
    if (item) {
      out.blank();
      out.line("- " + render(l.words, 1), l.number);
    } else {
      if (!close || prev_level != 0) out.blank();
      out.line(render(l.words, 0), l.number);
    }
    prev = &l;
    prev_level = 0;
  }
  flush_heading();
  flush_figure();
  out.finish(d);
  return std::nullopt;
}

}  // namespace caselint::parse
