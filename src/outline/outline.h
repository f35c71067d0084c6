// The outline: the sections a reader sees, whatever the markup. After
// parsing, it takes out the template tags that Hugo and Jekyll sources carry
// ({{< ... >}}, {{% ... %}}, {% ... %}, {{ ... }}) so that no rule reads them,
// keeps what a tag shows (a heading parameter, a quote, an image), and adds
// sections for the headings that are not Markdown or HTML headings: a
// shortcode or include that carries one, a paragraph that is only bold text,
// and an HTML element whose class or id names a section.
//
// Cue words (rules/vocab/outline.yaml) tie a heading in any wording to the
// field it holds.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doc/document.h"
#include "load/source.h"
#include "parse/parse.h"

namespace caselint::outline {

// parse::parse, then the outline: what every command reads.
parse::ParseResult read(const load::SourceFile& file);

// Rebuilds `d`'s sections and texts as described above. Linear in the
// document; a document with no template tag, bold line or section hint is
// left as it is.
void build(doc::Document& d);

// A template tag found in a text: its byte range and what it says.
struct Tag {
  std::size_t begin = 0, end = 0;
  std::string name;      // "section_title", "study/results", "include"; empty for {{ output }}
  bool closing = false;  // {{< /name >}}
  struct Param {
    std::string key;     // empty for a positional parameter
    std::string value;
    std::size_t value_begin = 0;  // offset of the value in the text
  };
  std::vector<Param> params;
  const Param* param(std::string_view key) const;
};
// Every tag in `text`, in order, none overlapping. One pass: a tag closes
// within kMaxTagBytes of its start and holds no other opener.
std::vector<Tag> find_tags(std::string_view text);
constexpr std::size_t kMaxTagBytes = 2048;

// The field a heading (or a shortcode name or class, as words) is about,
// by its cue words; nullopt when none clearly wins or it is not a section.
std::optional<std::string> field_of_heading(std::string_view heading);

// "study/results" -> "Results", "about_client" -> "About client".
std::string humanise(std::string_view name);

}  // namespace caselint::outline
