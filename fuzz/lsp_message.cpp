// Fuzz target: the language server's message reader (Content-Length framed
// JSON-RPC) and the JSON parse of each body.
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "entry.h"
#include "lsp/framing.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::size_t total = 0;
  while (std::optional<std::string> body = caselint::lsp::read_message(in)) {
    total += body->size();
    if (total > size) __builtin_trap();  // a body can only hold bytes of the input
    nlohmann::json msg = nlohmann::json::parse(*body, nullptr, false);
    (void)msg.is_discarded();
  }
  return 0;
}
