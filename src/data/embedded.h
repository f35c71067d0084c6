// The files of rules/ compiled into the binary (see cmake/embed.cmake).
#pragma once

#include <span>
#include <string_view>

namespace caselint::data {

struct EmbeddedFile {
  std::string_view path;     // relative to rules/, e.g. "profiles/aurora.yaml"
  std::string_view content;
};

std::span<const EmbeddedFile> embedded_files();
// The content of one embedded file, or an empty view.
std::string_view embedded_file(std::string_view path);

}  // namespace caselint::data
