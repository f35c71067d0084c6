#include "lsp/framing.h"

#include <algorithm>
#include <cctype>

namespace caselint::lsp {

std::optional<std::string> read_message(std::istream& in) {
  while (true) {
    std::size_t length = 0;
    bool has_length = false;
    bool any_header = false;
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) {
        if (any_header) break;
        continue;  // stray blank lines between messages
      }
      any_header = true;
      std::size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string name = line.substr(0, colon);
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (name != "content-length") continue;
      try {
        std::size_t pos = 0;
        std::string value = line.substr(colon + 1);
        unsigned long long n = std::stoull(value, &pos);
        if (value.find('-') != std::string::npos) return std::nullopt;
        length = static_cast<std::size_t>(n);
        has_length = true;
      } catch (...) {
        has_length = false;
      }
    }
    if (!in) return std::nullopt;
    if (!has_length) continue;  // a header block without a usable length: skip it
    if (length > kMaxMessage) return std::nullopt;
    // Grow the body as bytes arrive: a header promising 200 MB on a short
    // input must not allocate 200 MB first.
    constexpr std::size_t kChunk = 64u * 1024u;
    std::string body;
    while (body.size() < length) {
      std::size_t want = std::min(kChunk, length - body.size());
      std::size_t old = body.size();
      body.resize(old + want);
      in.read(body.data() + old, static_cast<std::streamsize>(want));
      if (static_cast<std::size_t>(in.gcount()) != want) return std::nullopt;
    }
    return body;
  }
}

}  // namespace caselint::lsp
