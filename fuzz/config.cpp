// Fuzz target: the .caselint.yaml loader (YAML, schema, globs, waivers).
// The config sits in a folder that does not exist, so rule_files: names
// nothing that can be read.
#include <string>
#include <string_view>

#include "config/config.h"
#include "entry.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view yaml(reinterpret_cast<const char*>(data), size);
  try {
    caselint::config::Config c = caselint::config::parse_config(yaml, "/nonexistent-caselint-fuzz/.caselint.yaml");
    // Exercise what a run does with a config: per-file settings through the overrides' globs.
    (void)c.settings_for("/nonexistent-caselint-fuzz/docs/a/b/study.md");
  } catch (const caselint::config::ConfigError& e) {
    if (e.message.empty()) __builtin_trap();
  }
  return 0;
}
