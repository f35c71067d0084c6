// .caselint.yaml: parsing, validation, discovery and per-file settings.
//
// The schema walk is bounded: it visits the top-level mapping, the override
// list, each override's mapping, the `rules:` mapping and one level of
// per-rule mapping, and otherwise reads scalars only. It never recurses into
// arbitrary values, so aliases (billion laughs) cost no more than the text
// that names them; yaml-cpp itself rejects very deep nesting (DeepRecursion).
#define PCRE2_CODE_UNIT_WIDTH 8
#include "config/config.h"

#include <pcre2.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <set>
#include <utility>

#include "config/yaml_node.h"
#include "extract/dates.h"

namespace fs = std::filesystem;

namespace caselint::config {

// ---------------------------------------------------------------------------
// ConfigError

namespace {

std::string error_text(const std::string& file, int line, const std::string& message) {
  if (line > 0) return file + ":" + std::to_string(line) + ": " + message;
  return file + ": " + message;
}

}  // namespace

ConfigError::ConfigError(std::string file_, int line_, std::string message_)
    : std::runtime_error(error_text(file_, line_, message_)),
      file(std::move(file_)),
      line(line_),
      message(std::move(message_)) {}

// ---------------------------------------------------------------------------
// Sizes

std::optional<std::uint64_t> parse_byte_size(std::string_view text) {
  auto is_space = [](char c) { return c == ' ' || c == '\t'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0) return std::nullopt;
  std::uint64_t number = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + digits, number);
  if (ec != std::errc() || end != text.data() + digits) return std::nullopt;  // overflow
  std::string_view unit = text.substr(digits);
  while (!unit.empty() && is_space(unit.front())) unit.remove_prefix(1);
  std::string lowered;
  for (char c : unit) lowered.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);

  static const std::pair<const char*, std::uint64_t> kUnits[] = {
      {"", 1},
      {"b", 1},
      {"kb", 1000},
      {"kib", 1024},
      {"mb", 1000 * 1000},
      {"mib", 1024 * 1024},
      {"gb", 1000 * 1000 * 1000},
      {"gib", std::uint64_t{1024} * 1024 * 1024},
  };
  for (const auto& [name, factor] : kUnits) {
    if (lowered != name) continue;
    if (number > std::numeric_limits<std::uint64_t>::max() / factor) return std::nullopt;
    return number * factor;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Globs

struct Glob::Compiled {
  pcre2_code* code = nullptr;
  explicit Compiled(pcre2_code* c) : code(c) {}
  Compiled(const Compiled&) = delete;
  Compiled& operator=(const Compiled&) = delete;
  ~Compiled() { pcre2_code_free(code); }
};

namespace {

struct ConvertContextFree {
  void operator()(pcre2_convert_context* c) const { pcre2_convert_context_free(c); }
};
struct ConvertedFree {
  void operator()(PCRE2_UCHAR* p) const { pcre2_converted_pattern_free(p); }
};
struct MatchDataFree {
  void operator()(pcre2_match_data* m) const { pcre2_match_data_free(m); }
};

std::string pcre2_message(int code) {
  PCRE2_UCHAR buffer[256];
  int n = pcre2_get_error_message(code, buffer, sizeof buffer);
  if (n < 0) return "error " + std::to_string(code);
  return std::string(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
}

// How a glob as written maps to the pattern PCRE2 converts:
// - a leading "./" is dropped;
// - a glob without '/' ("*.html") matches the file name in any folder, as in
//   .gitignore: it becomes "**/*.html";
// - a leading '/' anchors at the config folder and is dropped ("/README.md");
// - a trailing '/' names a folder and everything below it ("legacy/").
std::string glob_pattern(std::string g) {
  while (g.starts_with("./")) g.erase(0, 2);
  if (g.find('/') == std::string::npos) return "**/" + g;
  if (g.ends_with('/')) g += "**";
  g.erase(0, g.find_first_not_of('/'));
  return g;
}

}  // namespace

Glob::Glob(std::string glob) : text_(std::move(glob)) {
  if (text_.empty()) throw std::invalid_argument("empty glob");
  const std::string pattern = glob_pattern(text_);

  std::unique_ptr<pcre2_convert_context, ConvertContextFree> context(pcre2_convert_context_create(nullptr));
  if (!context) throw std::bad_alloc();
  pcre2_set_glob_separator(context.get(), '/');

  PCRE2_UCHAR* raw = nullptr;
  PCRE2_SIZE length = 0;
  int rc = pcre2_pattern_convert(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                 PCRE2_CONVERT_GLOB | PCRE2_CONVERT_UTF, &raw, &length, context.get());
  std::unique_ptr<PCRE2_UCHAR, ConvertedFree> converted(raw);
  if (rc != 0) throw std::invalid_argument(pcre2_message(rc));

  int error = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* code = pcre2_compile(converted.get(), length, PCRE2_UTF, &error, &offset, nullptr);
  if (!code) throw std::invalid_argument(pcre2_message(error));
  code_ = std::make_shared<const Compiled>(code);
}

namespace {

// A glob is written by the user. PCRE2's glob conversion already keeps it
// from backtracking catastrophically ((*COMMIT), atomic groups), but a match
// still costs time in the length of the path: these limits bound it whatever
// the glob and the path, with an error instead of a stalled run.
constexpr uint32_t kGlobMatchLimit = 1'000'000;
constexpr uint32_t kGlobDepthLimit = 10'000;

struct MatchContextFree {
  void operator()(pcre2_match_context* c) const { pcre2_match_context_free(c); }
};

pcre2_match_context* glob_match_context() {
  static const std::unique_ptr<pcre2_match_context, MatchContextFree> context([] {
    pcre2_match_context* c = pcre2_match_context_create(nullptr);
    if (!c) throw std::bad_alloc();
    pcre2_set_match_limit(c, kGlobMatchLimit);
    pcre2_set_depth_limit(c, kGlobDepthLimit);
    return c;
  }());
  return context.get();
}

}  // namespace

bool Glob::matches(std::string_view relative_path) const {
  std::unique_ptr<pcre2_match_data, MatchDataFree> match(pcre2_match_data_create(1, nullptr));
  if (!match) throw std::bad_alloc();
  // Invalid UTF-8 in a path gives a negative code: no match.
  int rc = pcre2_match(code_->code, reinterpret_cast<PCRE2_SPTR>(relative_path.data()), relative_path.size(), 0, 0,
                       match.get(), glob_match_context());
  if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT) {
    throw GlobLimitError("glob \"" + text_ + "\" is too complex to match against \"" + std::string(relative_path) +
                         "\" (" + pcre2_message(rc) + ")");
  }
  return rc >= 0;
}

// ---------------------------------------------------------------------------
// Settings

void SettingsDelta::apply_to(rules::FileSettings& settings) const {
  // A severity from a later level turns the rule back on.
  for (const auto& [code, severity_value] : severity) {
    settings.severity[code] = severity_value;
    if (auto it = settings.disabled.find(code); it != settings.disabled.end()) settings.disabled.erase(it);
  }
  for (const auto& [code, values] : options) {
    auto& target = settings.options[code];
    for (const auto& [name, value] : values) target[name] = value;
  }
  for (const auto& code : disable) {
    settings.disabled.insert(code);
    if (auto it = settings.enabled.find(code); it != settings.enabled.end()) settings.enabled.erase(it);
  }
  for (const auto& code : enable) {
    settings.enabled.insert(code);
    if (auto it = settings.disabled.find(code); it != settings.disabled.end()) settings.disabled.erase(it);
  }
}

namespace {

// Absolute, with symlinks resolved where the path exists.
fs::path resolved(const fs::path& p) {
  std::error_code ec;
  fs::path absolute = fs::absolute(p, ec);
  if (ec) return p.lexically_normal();
  fs::path canonical = fs::weakly_canonical(absolute, ec);
  if (ec) return absolute.lexically_normal();
  return canonical;
}

}  // namespace

rules::FileSettings Config::settings_for(const std::string& file_path) const {
  rules::FileSettings settings = base;
  if ((overrides.empty() && waivers.empty()) || dir.empty()) return settings;
  const fs::path relative = resolved(file_path).lexically_relative(dir);
  // Outside the config's folder (or the folder itself): no override applies.
  if (relative.empty() || *relative.begin() == ".." || relative == ".") return settings;
  const std::string rel = relative.generic_string();
  for (const ConfigWaiver& w : waivers) {
    bool hit = false;
    try {
      hit = w.file.matches(rel);
    } catch (const GlobLimitError& e) {
      throw ConfigError(path, 0, std::string("waiver for ") + w.waiver.code + ": " + e.what());
    }
    if (hit) settings.waivers.push_back(w.waiver);
  }
  for (const Override& o : overrides) {
    bool hit = false;
    for (const Glob& g : o.matchers) {
      try {
        hit = g.matches(rel);
      } catch (const GlobLimitError& e) {
        throw ConfigError(path, o.line, e.what());
      }
      if (hit) break;
    }
    if (!hit) continue;
    if (o.profile) settings.profile = *o.profile;
    if (o.public_page) settings.public_page = *o.public_page;
    o.delta.apply_to(settings);
  }
  return settings;
}

// ---------------------------------------------------------------------------
// Parsing

namespace {

std::shared_ptr<const rules::RuleSet> builtin_rules() {
  // Aliases the process-wide builtin set: no copy, no ownership.
  return std::shared_ptr<const rules::RuleSet>(&rules::RuleSet::builtin(), [](const rules::RuleSet*) {});
}

const std::vector<std::string> kTopKeys = {"profile", "max_file_size", "rule_files", "disable", "enable",
                                           "rules",   "overrides",     "waivers",    "public",  "partner"};
const std::vector<std::string> kWaiverKeys = {"rule", "file", "reason", "expires"};
const std::vector<std::string> kOverrideKeys = {"files", "profile", "disable", "enable", "rules", "public"};
const char* const kSeverities = "off, error, warning, info";

// A user's text in a message, quoted and cut short when hostile-long.
std::string quote_text(std::string_view text) {
  constexpr std::size_t kMax = 80;
  if (text.size() > kMax) return "\"" + std::string(text.substr(0, kMax)) + "...\"";
  return "\"" + std::string(text) + "\"";
}


std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best = suggest(word, candidates);
  return best.empty() ? std::string() : "; did you mean " + quote_text(best) + "?";
}

class Parser {
 public:
  explicit Parser(const std::string& path) : path_(path) {}

  [[noreturn]] void fail(const YAML::Node& at, const std::string& message) const {
    throw ConfigError(path_, line_of(at), message);
  }

  // The (key, value) pairs of a mapping, keys checked against `allowed`.
  std::vector<std::pair<YAML::Node, YAML::Node>> entries(const YAML::Node& map, const std::vector<std::string>& allowed,
                                                         bool in_override) const {
    std::vector<std::pair<YAML::Node, YAML::Node>> out;
    std::map<std::string, int, std::less<>> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
      const YAML::Node key = it->first;
      if (!key.IsScalar()) fail(key, std::string("expected a key name, found ") + kind_of(key));
      const std::string& name = key.Scalar();
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
        if (in_override && std::find(kTopKeys.begin(), kTopKeys.end(), name) != kTopKeys.end())
          fail(key, "key " + quote_text(name) + " is not allowed in an override; allowed: " + joined(allowed));
        std::string hint = did_you_mean(name, allowed);
        fail(key, "unknown key " + quote_text(name) + (hint.empty() ? "; valid keys: " + joined(allowed) : hint));
      }
      if (auto [at, inserted] = seen.emplace(name, line_of(key)); !inserted)
        fail(key, "duplicate key " + quote_text(name) + " (first at line " + std::to_string(at->second) + ")");
      out.emplace_back(key, it->second);
    }
    return out;
  }

  // A string or a list of strings; returns the scalar nodes (for their lines).
  std::vector<YAML::Node> string_list(const YAML::Node& value, const std::string& key, const char* what) const {
    std::vector<YAML::Node> out;
    if (value.IsNull()) return out;
    if (value.IsScalar()) {
      out.push_back(value);
    } else if (value.IsSequence()) {
      for (const auto& item : value) {
        if (!item.IsScalar())
          fail(item, "\"" + key + "\" must be a list of " + what + ", found " + kind_of(item) + " in the list");
        out.push_back(item);
      }
    } else {
      fail(value, "\"" + key + "\" must be a list of " + what + ", found " + kind_of(value));
    }
    for (const auto& item : out)
      if (item.Scalar().empty()) fail(item, "\"" + key + "\" has an empty entry");
    return out;
  }

  std::string scalar(const YAML::Node& value, const std::string& key, const char* what) const {
    if (!value.IsScalar()) fail(value, "\"" + key + "\" must be " + what + ", found " + kind_of(value));
    return value.Scalar();
  }

  // `public: true` / `false` (YAML's yes/no/on/off too).
  bool boolean(const YAML::Node& value, const std::string& key) const {
    std::string text = scalar(value, key, "true or false");
    std::string v;
    for (char c : text) v += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (v == "true" || v == "yes" || v == "on") return true;
    if (v == "false" || v == "no" || v == "off") return false;
    fail(value, "invalid " + key + " " + quote_text(text) + "; expected true or false");
  }

  std::string profile(const YAML::Node& value, const rules::RuleSet& set) const {
    std::string id = scalar(value, "profile", "a profile id");
    if (set.profile(id)) return id;
    const std::vector<std::string> ids = set.profile_ids();
    std::string hint = did_you_mean(id, ids);
    fail(value, "unknown profile " + quote_text(id) + (hint.empty() ? ";" : hint) + " valid profiles: " + joined(ids));
  }

  std::string rule_code(const YAML::Node& name_node, const rules::RuleSet& set) {
    const std::string& name = name_node.Scalar();
    if (const rules::Rule* rule = set.find(name)) return rule->meta().code;
    if (rule_names_.empty()) {
      for (const rules::Rule* rule : set.rules()) {
        rule_names_.push_back(rule->meta().code);
        rule_names_.push_back(rule->meta().name);
      }
    }
    std::string hint = did_you_mean(name, rule_names_);
    fail(name_node, "unknown rule " + quote_text(name) + (hint.empty() ? "; \"caselint rules\" lists them" : hint));
  }

  // disable:, enable: and rules: of one level.
  void delta_entry(const std::string& key, const YAML::Node& value, const rules::RuleSet& set, SettingsDelta& delta) {
    if (key == "disable" || key == "enable") {
      auto& target = key == "disable" ? delta.disable : delta.enable;
      for (const auto& item : string_list(value, key, "rule codes or names")) target.push_back(rule_code(item, set));
    } else if (key == "rules") {
      rules_map(value, set, delta);
    }
  }

  void rules_map(const YAML::Node& value, const rules::RuleSet& set, SettingsDelta& delta) {
    if (value.IsNull()) return;
    if (!value.IsMap())
      fail(value, std::string("\"rules\" must be a mapping of rule code or name to settings, found ") + kind_of(value));
    std::map<std::string, int, std::less<>> seen;
    for (auto it = value.begin(); it != value.end(); ++it) {
      const YAML::Node key = it->first;
      const YAML::Node setting = it->second;
      if (!key.IsScalar()) fail(key, std::string("expected a rule code or name, found ") + kind_of(key));
      const rules::Rule& rule = *set.find(rule_code(key, set));
      const rules::RuleMeta& meta = rule.meta();
      if (auto [at, inserted] = seen.emplace(meta.code, line_of(key)); !inserted)
        fail(key, "rule " + meta.code + " (" + meta.name + ") is already configured at line " +
                      std::to_string(at->second));
      rule_setting(meta, setting, delta);
    }
  }

  // Returns false for "off".
  bool severity(const rules::RuleMeta& meta, const YAML::Node& value, SettingsDelta& delta) const {
    if (!value.IsScalar())
      fail(value, "severity of " + meta.code + " must be one of " + kSeverities + ", found " + kind_of(value));
    const std::string& text = value.Scalar();
    if (text == "off") return false;
    std::optional<rules::Severity> parsed = rules::parse_severity(text);
    if (!parsed) fail(value, "invalid severity " + quote_text(text) + " for " + meta.code + "; valid: " + kSeverities);
    delta.severity[meta.code] = *parsed;
    return true;
  }

  void rule_setting(const rules::RuleMeta& meta, const YAML::Node& value, SettingsDelta& delta) const {
    if (value.IsScalar()) {
      if (!severity(meta, value, delta)) delta.disable.push_back(meta.code);
      return;
    }
    if (!value.IsMap())
      fail(value, "settings of " + meta.code + " must be a severity (" + kSeverities +
                      ") or a mapping such as {severity: warning}, found " + kind_of(value));
    std::vector<std::string> option_names;
    for (const auto& option : meta.options) option_names.push_back(option.name);
    std::vector<std::string> keys = option_names;
    keys.insert(keys.begin(), {"severity", "enabled"});

    std::optional<bool> enabled;
    std::set<std::string, std::less<>> seen;
    for (auto it = value.begin(); it != value.end(); ++it) {
      const YAML::Node key = it->first;
      const YAML::Node setting = it->second;
      if (!key.IsScalar()) fail(key, std::string("expected an option name, found ") + kind_of(key));
      const std::string& name = key.Scalar();
      if (!seen.insert(name).second) fail(key, "duplicate key " + quote_text(name) + " for " + meta.code);
      if (name == "severity") {
        if (!severity(meta, setting, delta)) enabled = false;
      } else if (name == "enabled") {
        bool on = false;
        if (!setting.IsScalar() || !YAML::convert<bool>::decode(setting, on))
          fail(setting, "\"enabled\" of " + meta.code + " must be true or false");
        if (!on || !enabled.has_value()) enabled = on;
      } else if (std::find(option_names.begin(), option_names.end(), name) != option_names.end()) {
        delta.options[meta.code][name] = number(meta, name, setting);
      } else {
        std::string message = "unknown option " + quote_text(name) + " for " + meta.code + " (" + meta.name + ")";
        if (option_names.empty()) {
          message += "; the rule has no options (only \"severity\" and \"enabled\")";
        } else {
          std::string hint = did_you_mean(name, keys);
          message += (hint.empty() ? ";" : hint) + " options: " + joined(option_names);
        }
        fail(key, message);
      }
    }
    if (enabled == false)
      delta.disable.push_back(meta.code);
    else if (enabled == true)
      delta.enable.push_back(meta.code);
  }

  double number(const rules::RuleMeta& meta, const std::string& name, const YAML::Node& value) const {
    const std::string where = "option \"" + name + "\" of " + meta.code;
    if (!value.IsScalar()) fail(value, where + " must be a number, found " + kind_of(value));
    const std::string& text = value.Scalar();
    double result = 0;
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    if (begin != end && *begin == '+') ++begin;
    auto [stop, ec] = std::from_chars(begin, end, result);
    if (text.empty() || ec != std::errc() || stop != end || !std::isfinite(result))
      fail(value, where + " must be a number, found " + quote_text(text));
    return result;
  }

  std::vector<std::string> rule_file_paths(const YAML::Node& value, const fs::path& dir,
                                           std::vector<YAML::Node>& nodes) const {
    nodes = string_list(value, "rule_files", "rule file paths");
    std::vector<std::string> out;
    for (const auto& node : nodes) {
      fs::path p(node.Scalar());
      fs::path full = p.is_absolute() ? p.lexically_normal() : (dir / p).lexically_normal();
      std::error_code ec;
      if (!fs::is_regular_file(full, ec))
        fail(node, "rule file " + quote_text(node.Scalar()) + " not found (looked for " + full.string() + ")");
      out.push_back(full.string());
    }
    return out;
  }

  Override override_entry(const YAML::Node& item, const rules::RuleSet& set) {
    if (!item.IsMap())
      fail(item, std::string("each override must be a mapping with \"files\" and settings, found ") + kind_of(item));
    Override o;
    o.line = line_of(item);
    bool has_files = false;
    for (const auto& [key, value] : entries(item, kOverrideKeys, true)) {
      const std::string& name = key.Scalar();
      if (name == "files") {
        has_files = true;
        for (const auto& glob : string_list(value, "files", "globs")) {
          try {
            o.matchers.emplace_back(glob.Scalar());
          } catch (const std::invalid_argument& e) {
            fail(glob, "invalid glob " + quote_text(glob.Scalar()) + ": " + e.what());
          }
          o.files.push_back(glob.Scalar());
        }
        if (o.files.empty()) fail(value.IsNull() ? key : value, "\"files\" of an override is empty");
      } else if (name == "profile") {
        if (!value.IsNull()) o.profile = profile(value, set);
      } else if (name == "public") {
        if (!value.IsNull()) o.public_page = boolean(value, name);
      } else {
        delta_entry(name, value, set, o.delta);
      }
    }
    if (!has_files) fail(item, "override has no \"files\" key");
    return o;
  }

  ConfigWaiver waiver_entry(const YAML::Node& item, const rules::RuleSet& set) {
    if (!item.IsMap())
      fail(item, std::string("each waiver must be a mapping with rule, file, reason and expires, found ") + kind_of(item));
    std::optional<Glob> file;
    rules::Waiver w;
    w.origin = path_ + ":" + std::to_string(line_of(item));
    auto seen = entries(item, kWaiverKeys, false);
    for (const std::string& key : kWaiverKeys) {
      bool found = std::any_of(seen.begin(), seen.end(), [&](const auto& kv) { return kv.first.Scalar() == key; });
      if (!found) fail(item, "waiver has no \"" + key + "\"; a waiver needs rule, file, reason and expires");
    }
    for (const auto& [key, value] : seen) {
      const std::string& name = key.Scalar();
      if (name == "rule") {
        w.code = rule_code(value, set);
      } else if (name == "file") {
        std::string glob = scalar(value, name, "a file path or glob");
        try {
          file.emplace(glob);
        } catch (const std::invalid_argument& e) {
          fail(value, "invalid glob " + quote_text(glob) + ": " + e.what());
        }
      } else if (name == "reason") {
        w.reason = scalar(value, name, "why the finding is accepted");
        if (w.reason.find_first_not_of(" \t") == std::string::npos) fail(value, "a waiver needs a reason");
      } else if (name == "expires") {
        w.expires = scalar(value, name, "a date YYYY-MM-DD");
        auto date = extract::parse_iso_date(w.expires);
        if (!date || date->day == 0) fail(value, "invalid expires " + quote_text(w.expires) + "; expected a date YYYY-MM-DD");
      }
    }
    return ConfigWaiver{std::move(*file), std::move(w)};
  }

  Config parse(const YAML::Node& root) {
    Config config;
    config.path = path_;
    config.dir = resolved(fs::path(path_).parent_path().empty() ? fs::path(".") : fs::path(path_).parent_path())
                     .string();
    config.rules = builtin_rules();
    if (root.IsNull()) return config;
    if (!root.IsMap())
      fail(root, std::string("a config must be a mapping of keys such as profile: and rules:, found ") + kind_of(root));

    const auto top = entries(root, kTopKeys, false);
    auto value_of = [&](std::string_view key) -> const YAML::Node* {
      for (const auto& [k, v] : top)
        if (k.Scalar() == key) return &v;
      return nullptr;
    };

    // rule_files first: the rule names and profiles below may come from them.
    if (const YAML::Node* files = value_of("rule_files")) {
      std::vector<YAML::Node> nodes;
      config.rule_files = rule_file_paths(*files, config.dir, nodes);
      if (!config.rule_files.empty()) {
        try {
          config.rules = std::make_shared<const rules::RuleSet>(rules::RuleSet::with_rule_files(config.rule_files));
        } catch (const rules::RuleFileError& e) {
          // Keep the rule file's own position; strip the "file:line: " what() prefix.
          std::string message = e.what();
          const std::string prefix = e.file + ":" + std::to_string(e.line) + ": ";
          if (message.starts_with(prefix)) message.erase(0, prefix.size());
          throw ConfigError(e.file, e.line, message);
        } catch (const YAML::Exception& e) {
          fail(*files, "cannot load rule files: " + e.msg);
        } catch (const std::exception& e) {
          fail(*files, std::string("cannot load rule files: ") + e.what());
        }
      }
    }
    const rules::RuleSet& set = *config.rules;
    SettingsDelta top_delta;

    for (const auto& [key, value] : top) {
      const std::string& name = key.Scalar();
      if (value.IsNull()) continue;  // "key:" with no value is the same as no key
      if (name == "profile") {
        config.profile = profile(value, set);
      } else if (name == "max_file_size") {
        const std::string text = scalar(value, name, "a size such as 16MiB");
        std::optional<std::uint64_t> bytes = parse_byte_size(text);
        if (!bytes || *bytes > std::numeric_limits<std::size_t>::max())
          fail(value, "invalid max_file_size " + quote_text(text) +
                          "; expected an integer number of bytes with an optional unit B, KB, KiB, MB, MiB, GB or "
                          "GiB, such as 16MiB");
        if (*bytes == 0) fail(value, "max_file_size must be greater than 0");
        config.max_file_size = static_cast<std::size_t>(*bytes);
      } else if (name == "overrides") {
        if (!value.IsSequence())
          fail(value, std::string("\"overrides\" must be a list of mappings, found ") + kind_of(value));
        for (const auto& item : value) config.overrides.push_back(override_entry(item, set));
      } else if (name == "public") {
        config.base.public_page = boolean(value, name);
      } else if (name == "partner") {
        config.base.partner = scalar(value, name, "the partner's name");
      } else if (name == "waivers") {
        if (!value.IsSequence())
          fail(value, std::string("\"waivers\" must be a list of mappings, found ") + kind_of(value));
        for (const auto& item : value) config.waivers.push_back(waiver_entry(item, set));
      } else if (name != "rule_files") {
        delta_entry(name, value, set, top_delta);
      }
    }
    config.base.profile = config.profile.value_or("");
    top_delta.apply_to(config.base);
    return config;
  }

 private:
  const std::string& path_;
  std::vector<std::string> rule_names_;  // candidates for "did you mean", filled on first need
};

}  // namespace

Config default_config() {
  Config config;
  config.rules = builtin_rules();
  return config;
}

Config parse_config(std::string_view yaml, const std::string& path) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::DeepRecursion& e) {  // yaml-cpp's own message for this is "bad file"
    throw ConfigError(path, line_of(e.mark),
                      "invalid YAML: lists or mappings nested too deeply inside each other");
  } catch (const YAML::Exception& e) {  // ParserException, ...
    throw ConfigError(path, line_of(e.mark), "invalid YAML: " + e.msg);
  }
  try {
    return Parser(path).parse(root);
  } catch (const YAML::Exception& e) {
    throw ConfigError(path, line_of(e.mark), e.msg);
  }
}

Config load_config(const std::string& path) {
  // A config is a few hundred bytes; refuse anything absurd before reading it.
  constexpr std::uintmax_t kMaxConfigSize = 4 * 1024 * 1024;
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw ConfigError(path, 0, "cannot read config: it is a folder");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path, 0, std::string("cannot read config: ") + std::strerror(errno));
  std::uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > kMaxConfigSize) throw ConfigError(path, 0, "config file is larger than 4 MiB");
  std::string text;
  text.reserve(ec ? 0 : static_cast<std::size_t>(size));
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxConfigSize) throw ConfigError(path, 0, "config file is larger than 4 MiB");
  }
  if (in.bad()) throw ConfigError(path, 0, "cannot read config: read error");
  return parse_config(text, path);
}

// ---------------------------------------------------------------------------
// Discovery

namespace {

const char* const kConfigNames[] = {".caselint.yaml", ".caselint.yml"};

std::optional<std::string> config_in(const fs::path& dir) {
  for (const char* name : kConfigNames) {
    std::error_code ec;
    fs::path candidate = dir / name;
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
  }
  return std::nullopt;
}

fs::path absolute_dir(const std::string& dir) {
  std::error_code ec;
  fs::path p = fs::absolute(dir.empty() ? "." : dir, ec);
  if (ec) p = fs::path(dir);
  p = p.lexically_normal();
  if (!p.has_filename() && p.has_relative_path()) p = p.parent_path();  // "/a/b/" -> "/a/b"
  return p;
}

}  // namespace

std::optional<std::string> find_config(const std::string& start_dir) {
  fs::path dir = absolute_dir(start_dir);
  while (true) {
    if (auto found = config_in(dir)) return found;
    fs::path parent = dir.parent_path();
    if (parent.empty() || parent == dir) return std::nullopt;
    dir = parent;
  }
}

ConfigCache::ConfigCache(std::optional<std::string> forced_path) : forced_(std::move(forced_path)) {}

std::optional<std::string> ConfigCache::locate(const std::string& start_dir) {
  // Walk up as find_config does, stopping at the first folder already known,
  // and remember the answer for every folder passed on the way.
  std::vector<std::string> visited;
  std::optional<std::string> found;
  fs::path dir = absolute_dir(start_dir);
  while (true) {
    std::string key = dir.string();
    if (auto it = dirs_.find(key); it != dirs_.end()) {
      found = it->second;
      break;
    }
    visited.push_back(std::move(key));
    if ((found = config_in(dir))) break;
    fs::path parent = dir.parent_path();
    if (parent.empty() || parent == dir) break;
    dir = parent;
  }
  for (auto& folder : visited) dirs_.emplace(std::move(folder), found);
  return found;
}

const Config& ConfigCache::get(const std::string& config_path) {
  auto [it, inserted] = configs_.try_emplace(config_path);
  Entry& entry = it->second;
  if (inserted) {
    try {
      entry.config = load_config(config_path);
    } catch (const ConfigError& e) {
      entry.error = e;
    } catch (...) {
      configs_.erase(it);  // not a config problem (say, bad_alloc): retry next time
      throw;
    }
  }
  if (entry.error) throw *entry.error;
  return *entry.config;
}

const Config& ConfigCache::for_file(const std::string& file_path) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (forced_) return get(*forced_);
  std::error_code ec;
  fs::path file = fs::absolute(file_path, ec);
  if (ec) file = fs::path(file_path);
  file = file.lexically_normal();
  if (auto found = locate(file.parent_path().string())) return get(*found);
  if (!default_) default_ = default_config();
  return *default_;
}

}  // namespace caselint::config
