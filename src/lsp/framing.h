// The base protocol of the language server: messages framed by a
// Content-Length header block. Separate from the server so that the framing
// can be exercised on its own (fuzz/lsp_message.cpp).
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>

namespace caselint::lsp {

// A body larger than this is not a message an editor sends.
inline constexpr std::size_t kMaxMessage = 256u * 1024u * 1024u;

// One message body; nullopt at the end of input (also when a message is
// cut short: its Content-Length promised more than the input holds, or more
// than kMaxMessage). Header blocks without a usable Content-Length are
// skipped.
std::optional<std::string> read_message(std::istream& in);

}  // namespace caselint::lsp
