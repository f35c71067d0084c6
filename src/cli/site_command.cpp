#include "cli/site_command.h"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "check/check.h"
#include "config/config.h"
#include "extract/dates.h"
#include "fix/fix.h"
#include "format/format.h"
#include "rules/registry.h"

namespace caselint::cli {

CLI::App* add_site_command(CLI::App& app, SiteArgs& a) {
  CLI::App* cmd = app.add_subcommand(
      "site", "check a public site: a local folder of built HTML or an http(s) URL (same host only)");
  cmd->add_option("root", a.root, "the site folder (its index.html is the home page) or the home page URL")->required();
  cmd->add_option("--format", a.format, "output format: text, json, sarif, junit, github or html (a page to look at)")
      ->check(CLI::IsMember({"text", "json", "sarif", "junit", "github", "html"}));
  cmd->add_option("-o,--output", a.output, "write the output to FILE (atomically) instead of standard output");
  cmd->add_option("--practice-page", a.options.practice_page,
                  "the AWS practice page (path under ROOT or URL); default: the page with AWS in its title or address");
  cmd->add_option("--max-clicks", a.options.max_clicks,
                  "clicks from the home page beyond which LP104 warns (default 3)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--max-pages", a.options.max_pages, "pages read at most (default 500)")->check(CLI::PositiveNumber);
  cmd->add_option("--max-depth", a.options.max_depth, "links followed from the home page at most (default 10)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--timeout", a.options.timeout, "seconds per HTTP request (default 10)")->check(CLI::PositiveNumber);
  cmd->add_option("--max-time", a.options.max_time, "seconds for the whole crawl (default 300)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--profile", a.options.profile, "check every page with this profile (program)");
  cmd->add_option("--config", a.options.config, "use this config file instead of searching for .caselint.yaml");
  cmd->add_option("--as-of", a.options.as_of, "the date recency rules count from, YYYY-MM-DD (default: today)");
  cmd->add_flag("-q,--quiet", a.quiet, "print only error-severity findings, no summary");
  cmd->add_flag("--no-color", a.no_color, "no colour, even on a terminal (also NO_COLOR=1)");
  return cmd;
}

int run_site(const SiteArgs& args) {
  const rules::RuleSet& set = rules::RuleSet::builtin();
  if (!args.options.profile.empty() && !set.profile(args.options.profile)) {
    std::cerr << "caselint: error: " << config::unknown_name("profile", args.options.profile, set.profile_ids()) << '\n';
    return 2;
  }
  if (!args.options.as_of.empty() && !extract::parse_iso_date(args.options.as_of)) {
    std::cerr << "caselint: error: --as-of \"" << args.options.as_of << "\" is not a date in the form YYYY-MM-DD\n";
    return 2;
  }
  site::Options opts = args.options;
  opts.progress = isatty(STDERR_FILENO) == 1;
  auto started = std::chrono::steady_clock::now();
  site::Graph graph;
  try {
    graph = site::crawl(args.root, opts);
  } catch (const std::exception& e) {
    std::cerr << "caselint: error: " << e.what() << '\n';
    return 2;
  }
  if (!opts.practice_page.empty() && !graph.remote && !site::practice_page(graph, opts)) {
    std::cerr << "caselint: error: --practice-page " << opts.practice_page << " is not a page of " << args.root << '\n';
    return 2;
  }
  std::vector<format::FileResult> results = site::site_results(graph, opts);
  int exit_code = format::exit_status(results, std::cerr);
  std::ostringstream buffer;
  std::ostream& out = args.output.empty() ? std::cout : buffer;
  if (args.format == "html") {
    site::write_html(out, graph, opts, results);
  } else if (args.format == "json") {
    format::write_json(out, results);
  } else if (args.format == "sarif") {
    format::write_sarif(out, results, std::filesystem::current_path().string());
  } else if (args.format == "junit") {
    format::write_junit(out, results);
  } else if (args.format == "github") {
    format::write_github(out, results);
  } else {
    format::TextOptions topts;
    topts.kind_notes = false;  // the overview lists each page as what it is
    const char* term = std::getenv("TERM");
    topts.color = !args.no_color && !std::getenv("NO_COLOR") && !(term && std::string(term) == "dumb") &&
                  isatty(STDOUT_FILENO) == 1 && args.output.empty();
    topts.quiet = args.quiet;
    topts.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    format::write_text(out, results, topts);
    if (!args.quiet) out << '\n' << site::overview(graph, opts);
  }
  if (!args.output.empty()) {
    if (auto err = fix::write_file(args.output, buffer.str())) {
      std::cerr << args.output << ": error: " << *err << '\n';
      return 2;
    }
  }
  return exit_code;
}

}  // namespace caselint::cli
