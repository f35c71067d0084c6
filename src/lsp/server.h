// `caselint lsp`: a Language Server Protocol server on standard input and
// output (JSON-RPC 2.0 with Content-Length framing).
#pragma once

#include <istream>
#include <ostream>

namespace caselint::lsp {

struct ServerOptions {
  int debounce_ms = 200;  // a change is checked once typing pauses this long
};

// Serves until `exit` or the end of input. Returns the process exit code:
// 0 after shutdown then exit, 1 otherwise.
int serve(std::istream& in, std::ostream& out, const ServerOptions& opts = {});

}  // namespace caselint::lsp
