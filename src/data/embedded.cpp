#include "data/embedded.h"

namespace caselint::data {

std::string_view embedded_file(std::string_view path) {
  for (const EmbeddedFile& f : embedded_files()) {
    if (f.path == path) return f.content;
  }
  return {};
}

}  // namespace caselint::data
