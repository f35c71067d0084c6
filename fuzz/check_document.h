// Shared by the Markdown and HTML targets: the whole in-memory path a file
// takes (byte checks, front matter, parser, extraction, every rule), as the
// command line and the language server run it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "check/check.h"

namespace caselint::fuzz {

inline void check_document(const std::uint8_t* data, std::size_t size, const char* path) {
  // No config file above this folder: the default config, found once.
  static config::ConfigCache configs(std::nullopt);
  check::Input in;
  in.config_path = path;
  in.settings_path = path;
  rules::RunOptions run;
  run.as_of = "2026-01-01";
  format::FileResult r =
      check::check_text(path, std::string(reinterpret_cast<const char*>(data), size), in, configs, run);
  // An internal error is a bug: the checker caught an exception it did not expect.
  if (r.error && r.error->starts_with("internal error")) __builtin_trap();
}

}  // namespace caselint::fuzz
