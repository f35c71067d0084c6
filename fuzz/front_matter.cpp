// Fuzz target: YAML front matter. The input is the YAML between the `---`
// lines unless it brings its own opening line, so that every input reaches
// yaml-cpp and the metadata walk.
#include <optional>
#include <string>

#include "entry.h"
#include "parse/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  if (!text.starts_with("---")) text = "---\n" + text + "\n---\n";
  caselint::doc::Document d;
  std::optional<caselint::parse::ParseError> error;
  std::size_t length = caselint::parse::parse_front_matter(text, d, error);
  if (length > text.size()) __builtin_trap();
  if (error && error->message.empty()) __builtin_trap();
  return 0;
}
