#include "parse/parse.h"

namespace caselint::parse {

ParseResult parse(const load::SourceFile& file) {
  ParseResult r;
  doc::Document d;
  d.path = file.path;
  d.format = file.format;
  std::optional<ParseError> error;
  if (file.format == doc::Format::ipynb) {
    // A notebook has no front matter; its title is its first h1.
    if (auto e = parse_notebook(file.bytes, d)) {
      r.error = std::move(e);
      return r;
    }
    r.document = std::move(d);
    return r;
  }
  if (file.format == doc::Format::docx || file.format == doc::Format::pdf) {
    // No front matter: the document's properties (title, author) are its metadata.
    if (auto e = file.format == doc::Format::docx ? parse_docx(file.bytes, d) : parse_pdf(file.bytes, d)) {
      r.error = std::move(e);
      return r;
    }
    if (const doc::MetaValue* title = d.meta("title"); title && d.title.empty()) d.title = title->text;
    r.document = std::move(d);
    return r;
  }
  std::size_t fm_len = parse_front_matter(file.bytes, d, error);
  if (error) {
    r.error = std::move(error);
    return r;
  }
  switch (file.format) {
    case doc::Format::markdown:
    case doc::Format::ipynb:  // handled above
    case doc::Format::docx:
    case doc::Format::pdf:
      parse_markdown(file.bytes, d, fm_len);
      break;
    case doc::Format::html: {
      std::string_view body = file.bytes;
      std::string blanked;
      if (fm_len > 0) {
        blanked = front_matter_as_blank_lines(file.bytes, fm_len);
        blanked.append(file.bytes, fm_len, std::string::npos);
        body = blanked;
      }
      parse_html(body, d);
      break;
    }
  }
  if (const doc::MetaValue* title = d.meta("title"); title && !title->text.empty()) {
    d.title = title->text;
    d.title_range = title->value_range;
  }
  if (const doc::MetaValue* desc = d.meta("description"); desc && !desc->text.empty()) {
    d.description = desc->text;
  }
  r.document = std::move(d);
  return r;
}

}  // namespace caselint::parse
