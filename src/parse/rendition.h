// Word and PDF documents are read as a Markdown rendition: each reader
// (docx.cpp, pdf.cpp) writes the document's headings, paragraphs, lists,
// tables, links and images as Markdown lines, each with the line it stands
// for in the document (a DOCX paragraph number, a PDF text line), and the
// rendition goes through parse_markdown like any Markdown file. Positions
// are then moved to those lines, with unknown columns (docs/reading.md,
// "Word documents and PDF"). Text from the document is escaped, so nothing
// in it is read as Markdown or HTML.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "doc/document.h"

namespace caselint::parse {

class Rendition {
 public:
  // Appends one Markdown line standing for document line `origin`.
  void line(std::string_view markdown, int origin);
  // Appends an empty line (ends a paragraph, a list or a table).
  void blank();
  // Parses the rendition into `d` and moves every position to its origin.
  void finish(doc::Document& d);
  bool empty() const { return origins_.empty(); }

 private:
  std::string text_;
  std::vector<int> origins_;  // origins_[k]: the document line of Markdown line k+1
};

// `text` with every character Markdown or HTML could read as markup
// backslash-escaped, and line breaks and tabs as spaces.
std::string escape_markdown(std::string_view text);
// A link or image destination as Markdown's <...> form allows it.
std::string markdown_destination(std::string_view url);
// Collapses runs of white space to one space and trims both ends.
std::string collapse_space(std::string_view text);

}  // namespace caselint::parse
