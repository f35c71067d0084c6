// The command line: CLI11 wiring of check, extract, rules and explain.
#pragma once

namespace caselint::cli {

// Runs caselint with the given arguments; returns the exit code (0, 1 or 2,
// see DESIGN.md).
int run(int argc, char** argv);

}  // namespace caselint::cli
