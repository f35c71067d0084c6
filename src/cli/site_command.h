// `caselint site ROOT`: its options and its run (src/site/ does the work).
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "site/site.h"

namespace caselint::cli {

struct SiteArgs {
  std::string root;
  std::string format = "text";
  std::string output;  // -o: write the output to this file (atomically)
  bool quiet = false;
  bool no_color = false;
  site::Options options;
};

// Adds the `site` subcommand to `app`, filling `args` when it is parsed.
CLI::App* add_site_command(CLI::App& app, SiteArgs& args);

// Runs it; returns the exit code (0, 1 or 2 as for `check`).
int run_site(const SiteArgs& args);

}  // namespace caselint::cli
