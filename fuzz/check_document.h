// Shared by the Markdown, HTML, Word and PDF targets: the whole in-memory path a file
// takes (byte checks, front matter, parser, extraction, every rule), as the
// command line and the language server run it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "check/check.h"
#include "doc/line_index.h"
#include "load/source.h"
#include "outline/outline.h"
#include "parse/parse.h"

namespace caselint::fuzz {

// What every parser promises of the model: blocks in order of their place in
// the plain-text view, with the "\n\n" between them, and every span inside
// one block's text, so that positions are counted in that text alone.
inline bool model_holds(const doc::Document& d) {
  std::size_t size = 0;
  for (const doc::Block& b : d.blocks) {
    if (size > 0) size += 2;
    if (b.text_offset != size) return false;
    size += b.text.size();
  }
  if (size != d.text_size || d.plain_text().size() != size) return false;
  for (std::size_t i = 0; i < d.spans.size(); ++i) {
    const doc::TextSpan& s = d.spans[i];
    if (d.text_at(s.offset, s.length).size() != s.length) return false;
    if (i > 0 && d.spans[i - 1].offset + d.spans[i - 1].length > s.offset) return false;
  }
  return true;
}

// What every verbatim span promises: the file holds exactly its text at
// its place. Empty when that holds; else the first span that breaks it.
inline std::string verbatim_violation(const doc::Document& d, std::string_view source) {
  const doc::LineIndex index(source);
  for (const doc::TextSpan& s : d.spans) {
    if (!s.verbatim() || s.start.column == 0) continue;
    const std::string_view text = d.text_at(s.offset, s.length);
    const std::optional<std::size_t> at = index.offset_at(s.start);
    const std::string_view found = at ? source.substr(*at, text.size()) : std::string_view();
    if (found != text) {
      return "the span at " + doc::to_string(s.start) + " reads \"" + std::string(text) + "\" where the file has \"" +
             std::string(found) + "\"";
    }
  }
  return {};
}

// What every finding promises of the text it was checked as: a quote is the
// text at its range, and a fix's original text is what its range holds.
inline bool findings_hold(std::string_view source, const std::vector<rules::Diagnostic>& diags) {
  const doc::LineIndex index(source);
  for (const rules::Diagnostic& d : diags) {
    if (!d.quote.empty() && index.slice(d.range) != std::optional<std::string_view>(d.quote)) return false;
    if (!d.fix) continue;
    for (const rules::Edit& e : d.fix->edits) {
      if (index.slice(e.range) != std::optional<std::string_view>(e.original)) return false;
    }
  }
  return true;
}

inline void check_model(const std::uint8_t* data, std::size_t size, const char* path) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  const doc::Format format = load::format_for_path(path).value_or(doc::Format::markdown);
  if (load::is_binary_format(format) ? load::check_size(bytes, load::kDefaultMaxFileSize).has_value()
                                     : load::check_bytes(bytes, load::kDefaultMaxFileSize).has_value()) {
    return;  // refused before parsing
  }
  load::SourceFile file{path, std::move(bytes), format};
  parse::ParseResult parsed = outline::read(file);
  if (parsed.document && !model_holds(*parsed.document)) __builtin_trap();
  if (parsed.document && !verbatim_violation(*parsed.document, file.bytes).empty()) __builtin_trap();
}

inline void check_document(const std::uint8_t* data, std::size_t size, const char* path) {
  // No config file above this folder: the default config, found once.
  static config::ConfigCache configs(std::nullopt);
  check::Input in;
  in.config_path = path;
  in.settings_path = path;
  in.keep_source = true;
  rules::RunOptions run;
  run.as_of = "2026-01-01";
  format::FileResult r =
      check::check_text(path, std::string(reinterpret_cast<const char*>(data), size), in, configs, run);
  // An internal error is a bug: the checker caught an exception it did not expect.
  if (r.error && r.error->starts_with("internal error")) __builtin_trap();
  if (r.source && !findings_hold(*r.source, r.diagnostics)) __builtin_trap();
  check_model(data, size, path);
}

}  // namespace caselint::fuzz
