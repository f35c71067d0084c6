// The config stage: .caselint.yaml files, their discovery, validation and the
// per-file settings they produce.
//
// Ownership: a Config owns its overrides and compiled globs and shares its
// RuleSet (the builtin set is aliased, never copied). ConfigCache owns every
// Config it loads; the references it hands out stay valid for its lifetime.
//
// Positions: ConfigError::line is 1-based (yaml-cpp marks are 0-based and are
// converted here); 0 means the problem has no line (an unreadable file).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "rules/engine.h"
#include "rules/registry.h"

namespace caselint::config {

// A problem in a config file. what() is "file:line: message", or
// "file: message" when line is 0.
struct ConfigError : std::runtime_error {
  ConfigError(std::string file, int line, std::string message);
  std::string file;
  int line;
  std::string message;  // without the "file:line: " prefix
};

// "Did you mean": the candidate closest to `word` by edit distance, compared
// case-insensitively, or "" when none is close enough (distance greater than
// max(2, word.size() / 3)). Ties go to the earlier candidate.
std::string suggest(std::string_view word, const std::vector<std::string>& candidates);

// "a, b, c".
std::string joined(const std::vector<std::string>& items);

// `unknown profile "auror"; did you mean "aurora"? valid profiles: aurora, dms`
// (`kind` is "profile" or "program").
std::string unknown_name(std::string_view kind, std::string_view name, const std::vector<std::string>& valid);

// "16MiB", "1048576", "2 KB": an integer with an optional unit B, KB, KiB,
// MB, MiB, GB or GiB (case-insensitive). nullopt when malformed or too large.
std::optional<std::uint64_t> parse_byte_size(std::string_view text);

// A glob whose match ran into PCRE2's match or depth limit (see config.cpp).
// settings_for turns it into a ConfigError naming the config and the line of
// the override.
struct GlobLimitError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// One compiled file glob (PCRE2 glob conversion, '/' separator). `*`, `?` and
// `[...]` stay inside one path segment; `**` crosses segments. Copies share the
// compiled pattern; matching is thread-safe.
class Glob {
 public:
  // Throws std::invalid_argument with PCRE2's message when the glob is bad.
  explicit Glob(std::string glob);
  const std::string& text() const { return text_; }
  // `relative_path` uses '/' separators and is relative to the config folder.
  // Throws GlobLimitError when the match hits PCRE2's match or depth limit.
  bool matches(std::string_view relative_path) const;

 private:
  struct Compiled;  // the pcre2_code, defined in config.cpp (no <pcre2.h> here)
  std::string text_;
  std::shared_ptr<const Compiled> code_;
};

// What one level of a config (the top level or one override) changes.
// Applied in this order, so within one level `enable` wins over `disable`:
// rules: entries, then disable:, then enable:.
struct SettingsDelta {
  std::vector<std::string> disable;  // codes
  std::vector<std::string> enable;   // codes
  std::map<std::string, rules::Severity, std::less<>> severity;
  std::map<std::string, std::map<std::string, double>, std::less<>> options;
  void apply_to(rules::FileSettings& settings) const;
};

struct Override {
  std::vector<std::string> files;  // the globs as written
  std::vector<Glob> matchers;      // compiled from `files` (see config.cpp for the rules)
  int line = 0;                    // 1-based line of the override in the config
  std::optional<std::string> profile;
  std::optional<bool> public_page;  // `public:` of the override
  SettingsDelta delta;
};

// A waiver: rule, the files it covers (a glob relative to the config's
// folder), why, and the last day it holds.
struct ConfigWaiver {
  Glob file;
  rules::Waiver waiver;
};

struct Config {
  std::string path;  // config file path as given ("" for the default config)
  std::string dir;   // its folder, absolute ("" for the default config)
  std::optional<std::string> profile;
  std::optional<std::size_t> max_file_size;  // bytes
  std::vector<std::string> rule_files;       // resolved against dir
  std::shared_ptr<const rules::RuleSet> rules;  // builtin, or builtin + rule_files
  rules::FileSettings base;
  std::vector<Override> overrides;
  std::vector<ConfigWaiver> waivers;

  // The settings for one file: base, then each override whose globs match the
  // file's path relative to dir, in order (later wins). Files outside dir
  // match no override.
  rules::FileSettings settings_for(const std::string& file_path) const;
};

// No config file: builtin rules, empty settings.
Config default_config();
// Throws ConfigError. An empty (or comment-only) document is the default config.
Config parse_config(std::string_view yaml, const std::string& path);
// Reads the file; unreadable -> ConfigError(path, 0, reason).
Config load_config(const std::string& path);

// Walks up from start_dir (inclusive) to the filesystem root looking for
// .caselint.yaml, then .caselint.yml, in each folder; returns the first found.
std::optional<std::string> find_config(const std::string& start_dir);

// Finds and parses each config once, however many files share it. A config
// that fails to load is remembered too: every file under it gets the same
// ConfigError without a re-parse. Thread-safe.
class ConfigCache {
 public:
  // forced_path (--config FILE) is used for every file, with no search.
  explicit ConfigCache(std::optional<std::string> forced_path);
  // The config in force for a file (the default config when none is found).
  // Throws ConfigError.
  const Config& for_file(const std::string& file_path);

 private:
  struct Entry {
    std::optional<Config> config;
    std::optional<ConfigError> error;
  };
  const Config& get(const std::string& config_path);  // caller holds mutex_
  std::optional<std::string> locate(const std::string& dir);  // caller holds mutex_

  std::optional<std::string> forced_;
  std::mutex mutex_;
  std::map<std::string, std::optional<std::string>, std::less<>> dirs_;  // folder -> config found
  std::map<std::string, Entry, std::less<>> configs_;                 // path -> loaded config
  std::optional<Config> default_;
};

}  // namespace caselint::config
