// Unit tests of the config stage: parsing, validation messages and lines,
// globs and overrides, discovery and the cache.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "config/config.h"

namespace fs = std::filesystem;
using namespace caselint;
using config::ConfigError;

namespace {

// A fresh folder under the system temp folder, removed at scope exit.
struct TempDir {
  fs::path path;
  TempDir() {
    std::random_device rd;
    path = fs::temp_directory_path() / ("caselint-config-test-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(path);
    path = fs::canonical(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string write(const std::string& relative, const std::string& text) const {
    fs::path p = path / relative;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::string at(const std::string& relative) const { return (path / relative).string(); }
};

ConfigError parse_error(const std::string& yaml, const std::string& path = "cfg.yaml") {
  try {
    config::parse_config(yaml, path);
  } catch (const ConfigError& e) {
    return e;
  }
  FAIL_CHECK("expected a ConfigError for:\n" << yaml);
  return ConfigError(path, -1, "no error");
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

const rules::Rule* rule_with_options() {
  for (const rules::Rule* r : rules::RuleSet::builtin().rules())
    if (!r->meta().options.empty()) return r;
  return nullptr;
}

}  // namespace

TEST_CASE("suggest picks the closest candidate, case-insensitively, or nothing") {
  const std::vector<std::string> keys = {"profile", "max_file_size", "rule_files", "disable", "enable", "rules",
                                         "overrides"};
  CHECK(config::suggest("profle", keys) == "profile");
  CHECK(config::suggest("PROFILE", keys) == "profile");
  CHECK(config::suggest("overide", keys) == "overrides");
  CHECK(config::suggest("max_filesize", keys) == "max_file_size");
  CHECK(config::suggest("colour", keys).empty());
  CHECK(config::suggest("", keys).empty());
  CHECK(config::suggest("x", {}).empty());
  CHECK(config::suggest("CS1O4", {"CS101", "CS104", "missing-lessons-learned"}) == "CS104");
  CHECK(config::suggest("CS10", {"CS101", "CS104"}) == "CS101");  // tie: the earlier candidate
  // Limit: max(2, size / 3).
  CHECK(config::suggest("abcdefghijkl", {"abcdefghiXYZ"}) == "abcdefghiXYZ");   // 3 <= 4
  CHECK(config::suggest("abcdefghijkl", {"abcdefghVXYZ"}) == "abcdefghVXYZ");   // 4 <= 4
  CHECK(config::suggest("abcdefghijkl", {"abcdefgUVXYZ"}).empty());              // 5 > 4
}

TEST_CASE("parse_byte_size: integers with optional units") {
  CHECK(config::parse_byte_size("1048576") == 1048576u);
  CHECK(config::parse_byte_size("16MiB") == 16u * 1024 * 1024);
  CHECK(config::parse_byte_size("16 MiB") == 16u * 1024 * 1024);
  CHECK(config::parse_byte_size("2KB") == 2000u);
  CHECK(config::parse_byte_size("2kib") == 2048u);
  CHECK(config::parse_byte_size("3MB") == 3000000u);
  CHECK(config::parse_byte_size("1GB") == 1000000000u);
  CHECK(config::parse_byte_size("1GiB") == 1073741824u);
  CHECK(config::parse_byte_size("7B") == 7u);
  CHECK_FALSE(config::parse_byte_size("1.5MiB"));
  CHECK_FALSE(config::parse_byte_size("MiB"));
  CHECK_FALSE(config::parse_byte_size("-1"));
  CHECK_FALSE(config::parse_byte_size("16TB"));
  CHECK_FALSE(config::parse_byte_size(""));
  CHECK_FALSE(config::parse_byte_size("99999999999999999999"));
  CHECK_FALSE(config::parse_byte_size("99999999999GiB"));
}

TEST_CASE("globs: segments, double star, basename globs, anchors and folders") {
  config::Glob md("*.md");  // no '/': any folder
  CHECK(md.matches("a.md"));
  CHECK(md.matches("x/y/a.md"));
  CHECK_FALSE(md.matches("a.html"));

  config::Glob dms("dms/**/*.md");
  CHECK(dms.matches("dms/a.md"));
  CHECK(dms.matches("dms/x/y/a.md"));
  CHECK_FALSE(dms.matches("other/dms/a.md"));
  CHECK_FALSE(dms.matches("dmsx/a.md"));

  config::Glob legacy("legacy/*.html");
  CHECK(legacy.matches("legacy/a.html"));
  CHECK_FALSE(legacy.matches("legacy/x/a.html"));

  config::Glob folder("legacy/");
  CHECK(folder.matches("legacy/x/a.html"));

  config::Glob anchored("/README.md");
  CHECK(anchored.matches("README.md"));
  CHECK_FALSE(anchored.matches("docs/README.md"));

  config::Glob dotted("./studies/?.md");
  CHECK(dotted.matches("studies/a.md"));
  CHECK_FALSE(dotted.matches("studies/ab.md"));

  config::Glob cls("case-[!x]*.md");
  CHECK(cls.matches("case-a1.md"));
  CHECK_FALSE(cls.matches("case-x1.md"));

  CHECK_THROWS_AS(config::Glob("[ab"), std::invalid_argument);
  CHECK_THROWS_AS(config::Glob(""), std::invalid_argument);
}

TEST_CASE("default and empty configs use the builtin rules and empty settings") {
  config::Config d = config::default_config();
  CHECK(d.path.empty());
  CHECK(d.rules.get() == &rules::RuleSet::builtin());
  CHECK(d.base.disabled.empty());
  CHECK(d.settings_for("anything.md").profile.empty());

  for (const char* text : {"", "# only a comment\n", "---\n"}) {
    config::Config c = config::parse_config(text, "empty.yaml");
    CHECK(c.path == "empty.yaml");
    CHECK(c.rules.get() == &rules::RuleSet::builtin());
    CHECK_FALSE(c.profile);
    CHECK(c.overrides.empty());
  }
}

TEST_CASE("a valid config with overrides, and settings_for") {
  TempDir tmp;
  const std::string yaml =
      "profile: aurora\n"
      "max_file_size: 16MiB\n"
      "disable: [CS107, missing-end-date]\n"
      "enable: [CS110]\n"
      "rules:\n"
      "  CS104: off\n"
      "  missing-customer-name: warning\n"
      "  CS103: {severity: info}\n"
      "  CS105: {enabled: false}\n"
      "overrides:\n"
      "  - files: [\"dms/**/*.md\", \"legacy/*.html\"]\n"
      "    profile: dms\n"
      "    enable: [CS107]\n"
      "    rules: {CS101: error}\n"
      "  - files: \"*.html\"\n"
      "    disable: [CS101]\n"
      "    rules:\n"
      "      CS104: warning\n";
  const std::string path = tmp.write(".caselint.yaml", yaml);
  config::Config c = config::load_config(path);

  CHECK(c.path == path);
  CHECK(c.dir == tmp.path.string());
  REQUIRE(c.profile);
  CHECK(*c.profile == "aurora");
  CHECK(c.max_file_size == std::size_t{16} * 1024 * 1024);
  CHECK(c.rules.get() == &rules::RuleSet::builtin());
  CHECK(c.base.profile == "aurora");
  CHECK(c.base.disabled == std::set<std::string, std::less<>>{"CS104", "CS105", "CS107", "CS109"});
  CHECK(c.base.enabled == std::set<std::string, std::less<>>{"CS110"});
  CHECK(c.base.severity.at("CS101") == rules::Severity::warning);
  CHECK(c.base.severity.at("CS103") == rules::Severity::info);
  REQUIRE(c.overrides.size() == 2);
  CHECK(c.overrides[0].line == 11);
  CHECK(c.overrides[0].files == std::vector<std::string>{"dms/**/*.md", "legacy/*.html"});
  CHECK(c.overrides[1].files == std::vector<std::string>{"*.html"});

  SUBCASE("a file matching the first override only") {
    rules::FileSettings s = c.settings_for(tmp.at("dms/2024/acme.md"));
    CHECK(s.profile == "dms");
    CHECK(s.enabled.count("CS107") == 1);
    CHECK(s.disabled.count("CS107") == 0);
    CHECK(s.disabled.count("CS104") == 1);
    CHECK(s.severity.at("CS101") == rules::Severity::error);
  }
  SUBCASE("a file matching both overrides: later wins") {
    rules::FileSettings s = c.settings_for(tmp.at("legacy/old.html"));
    CHECK(s.profile == "dms");
    CHECK(s.disabled.count("CS101") == 1);
    // A severity in a later override turns a disabled rule back on.
    CHECK(s.disabled.count("CS104") == 0);
    CHECK(s.severity.at("CS104") == rules::Severity::warning);
  }
  SUBCASE("a basename glob matches in any folder") {
    rules::FileSettings s = c.settings_for(tmp.at("site/deep/page.html"));
    CHECK(s.profile == "aurora");
    CHECK(s.disabled.count("CS101") == 1);
  }
  SUBCASE("a relative path to a matching file") {
    fs::path old = fs::current_path();
    fs::current_path(tmp.path);
    rules::FileSettings s = c.settings_for("dms/x.md");
    fs::current_path(old);
    CHECK(s.profile == "dms");
  }
  SUBCASE("non-matching files get the base settings") {
    for (const std::string& p : {tmp.at("notes.md"), tmp.at("dms.md"), tmp.at("legacy/sub/old.md")}) {
      rules::FileSettings s = c.settings_for(p);
      CHECK(s.profile == "aurora");
      CHECK(s.disabled == c.base.disabled);
      CHECK(s.severity.at("CS101") == rules::Severity::warning);
    }
  }
  SUBCASE("files outside the config's folder match no override") {
    rules::FileSettings s = c.settings_for((tmp.path.parent_path() / "dms" / "a.md").string());
    CHECK(s.profile == "aurora");
    CHECK(s.disabled.count("CS101") == 0);
  }
}

TEST_CASE("null values are the same as absent keys") {
  config::Config c = config::parse_config("profile:\ndisable:\nrules:\noverrides:\n", "cfg.yaml");
  CHECK_FALSE(c.profile);
  CHECK(c.base.disabled.empty());
  CHECK(c.overrides.empty());
}

TEST_CASE("unknown keys: line and suggestion") {
  ConfigError e = parse_error("profile: aurora\nprofle: dms\n");
  CHECK(e.file == "cfg.yaml");
  CHECK(e.line == 2);
  CHECK(e.message == "unknown key \"profle\"; did you mean \"profile\"?");
  CHECK(std::string(e.what()) == "cfg.yaml:2: unknown key \"profle\"; did you mean \"profile\"?");

  e = parse_error("colour: blue\n");
  CHECK(e.line == 1);
  CHECK(contains(e.message, "unknown key \"colour\"; valid keys: profile, max_file_size"));

  e = parse_error("overrides:\n  - files: a.md\n    fils: b.md\n");
  CHECK(e.line == 3);
  CHECK(e.message == "unknown key \"fils\"; did you mean \"files\"?");

  e = parse_error("overrides:\n  - files: a.md\n    max_file_size: 1KB\n");
  CHECK(e.line == 3);
  CHECK(contains(e.message, "not allowed in an override"));

  e = parse_error("profile: aurora\nprofile: dms\n");
  CHECK(e.line == 2);
  CHECK(contains(e.message, "duplicate key \"profile\" (first at line 1)"));
}

TEST_CASE("unknown rules: line and suggestion") {
  ConfigError e = parse_error("disable:\n  - CS101\n  - CS1O4\n");
  CHECK(e.line == 3);
  CHECK(e.message == "unknown rule \"CS1O4\"; did you mean \"CS104\"?");

  e = parse_error("rules:\n  missing-lesons-learned: off\n");
  CHECK(e.line == 2);
  CHECK(e.message == "unknown rule \"missing-lesons-learned\"; did you mean \"missing-lessons-learned\"?");

  e = parse_error("enable: [ZZ999999]\n");
  CHECK(e.line == 1);
  CHECK(contains(e.message, "unknown rule \"ZZ999999\""));
  CHECK_FALSE(contains(e.message, "did you mean"));

  e = parse_error("overrides:\n  - files: a.md\n    rules:\n      CS1O7: off\n");
  CHECK(e.line == 4);
  CHECK(contains(e.message, "did you mean \"CS107\"?"));

  e = parse_error("rules:\n  CS104: off\n  missing-lessons-learned: warning\n");
  CHECK(e.line == 3);
  CHECK(contains(e.message, "already configured at line 2"));
}

TEST_CASE("unknown profiles: suggestion and the valid list") {
  ConfigError e = parse_error("# comment\nprofile: auora\n");
  CHECK(e.line == 2);
  CHECK(e.message.rfind("unknown profile \"auora\"; did you mean \"aurora\"? valid profiles: ", 0) == 0);
  for (const char* id : {"aurora", "case-study", "dms", "landing-page", "ml-consulting", "ml-technology"})
    CHECK(contains(e.message, id));

  e = parse_error("profile: zzz\n");
  CHECK(e.message.rfind("unknown profile \"zzz\"; valid profiles: aurora, ", 0) == 0);

  e = parse_error("overrides:\n  - files: a.md\n    profile: case-studies\n");
  CHECK(e.line == 3);
  CHECK(contains(e.message, "did you mean \"case-study\"?"));
}

TEST_CASE("severities and rule options") {
  ConfigError e = parse_error("rules:\n  CS104: fatal\n");
  CHECK(e.line == 2);
  CHECK(contains(e.message, "invalid severity \"fatal\" for CS104; valid: off, error, warning, info"));

  e = parse_error("rules:\n  CS104:\n    severity: loud\n");
  CHECK(e.line == 3);
  CHECK(contains(e.message, "valid: off, error, warning, info"));

  e = parse_error("rules:\n  CS104: {min: 3}\n");
  CHECK(e.line == 2);
  CHECK(contains(e.message, "unknown option \"min\" for CS104 (missing-lessons-learned)"));
  CHECK(contains(e.message, "has no options"));

  e = parse_error("rules:\n  CS104: [error]\n");
  CHECK(e.line == 2);
  CHECK(contains(e.message, "found a list"));

  e = parse_error("rules:\n  CS104: {enabled: maybe}\n");
  CHECK(contains(e.message, "must be true or false"));

  config::Config c = config::parse_config("rules:\n  CS104: {severity: off}\n  CS107: {enabled: true}\n", "cfg.yaml");
  CHECK(c.base.disabled.count("CS104") == 1);
  CHECK(c.base.enabled.count("CS107") == 1);

  if (const rules::Rule* r = rule_with_options()) {
    const std::string code = r->meta().code;
    const std::string option = r->meta().options.front().name;
    c = config::parse_config("rules:\n  " + code + ": {severity: warning, " + option + ": 30}\n", "cfg.yaml");
    CHECK(c.base.options.at(code).at(option) == doctest::Approx(30));
    CHECK(c.base.severity.at(code) == rules::Severity::warning);

    e = parse_error("rules:\n  " + code + ":\n    " + option + ": thirty\n");
    CHECK(e.line == 3);
    CHECK(contains(e.message, "must be a number"));

    e = parse_error("rules:\n  " + code + ":\n    " + option + "x: 1\n");
    CHECK(e.line == 3);
    CHECK(contains(e.message, "options: " + option));
  } else {
    MESSAGE("no builtin rule has options yet: option value checks skipped");
  }
}

TEST_CASE("wrong YAML types give clear errors") {
  ConfigError e = parse_error("disable: {CS104: yes}\n");
  CHECK(e.line == 1);
  CHECK(contains(e.message, "\"disable\" must be a list of rule codes or names, found a mapping"));

  e = parse_error("disable:\n  - [CS104]\n");
  CHECK(e.line == 2);
  CHECK(contains(e.message, "found a list in the list"));

  e = parse_error("rules: [CS104]\n");
  CHECK(contains(e.message, "\"rules\" must be a mapping"));

  e = parse_error("profile: [aurora]\n");
  CHECK(contains(e.message, "\"profile\" must be a profile id, found a list"));

  e = parse_error("overrides:\n  files: a.md\n");
  CHECK(e.line == 2);
  CHECK(contains(e.message, "\"overrides\" must be a list of mappings, found a mapping"));

  e = parse_error("overrides:\n  - a.md\n");
  CHECK(e.line == 2);
  CHECK(contains(e.message, "each override must be a mapping"));

  e = parse_error("overrides:\n  - profile: dms\n");
  CHECK(e.line == 2);
  CHECK(contains(e.message, "override has no \"files\" key"));

  e = parse_error("overrides:\n  - files: []\n");
  CHECK(contains(e.message, "\"files\" of an override is empty"));

  e = parse_error("- profile: aurora\n");
  CHECK(e.line == 1);
  CHECK(contains(e.message, "a config must be a mapping"));

  e = parse_error("just a string\n");
  CHECK(contains(e.message, "a config must be a mapping"));
}

TEST_CASE("max_file_size values") {
  CHECK(config::parse_config("max_file_size: 1048576\n", "c").max_file_size == 1048576u);
  CHECK(config::parse_config("max_file_size: 512KiB\n", "c").max_file_size == 524288u);
  CHECK(config::parse_config("max_file_size: 2 MB\n", "c").max_file_size == 2000000u);
  CHECK(config::parse_config("max_file_size: 1GiB\n", "c").max_file_size == 1073741824u);

  ConfigError e = parse_error("profile: dms\nmax_file_size: 16 megs\n");
  CHECK(e.line == 2);
  CHECK(contains(e.message, "invalid max_file_size \"16 megs\""));
  CHECK(contains(e.message, "MiB"));

  e = parse_error("max_file_size: 0\n");
  CHECK(contains(e.message, "greater than 0"));
}

TEST_CASE("bad globs are errors at their line") {
  ConfigError e = parse_error("overrides:\n  - files:\n      - ok/*.md\n      - \"bad[glob\"\n");
  CHECK(e.line == 4);
  CHECK(contains(e.message, "invalid glob \"bad[glob\""));
}

TEST_CASE("invalid and hostile YAML") {
  ConfigError e = parse_error("profile: aurora\nrules: {CS104: off\n");
  CHECK(e.line >= 2);
  CHECK(contains(e.message, "invalid YAML"));

  e = parse_error("profile: aurora\n- item\n");
  CHECK(e.line == 2);
  CHECK(contains(e.message, "invalid YAML"));

  // Very deep nesting: yaml-cpp's DeepRecursion, not a crash.
  e = parse_error("disable: " + std::string(100000, '[') + "\n");
  CHECK(contains(e.message, "invalid YAML"));

  // Billion laughs: aliases are never expanded by the schema walk.
  std::string laughs = "disable:\n  - &a [l, l, l, l, l, l, l, l, l, l]\n";
  for (char c = 'b'; c <= 'z'; ++c) {
    std::string prev = std::string("*") + static_cast<char>(c - 1);
    laughs += std::string("  - &") + c + " [" + prev;
    for (int i = 0; i < 9; ++i) laughs += ", " + prev;
    laughs += "]\n";
  }
  auto start = std::chrono::steady_clock::now();
  e = parse_error(laughs);
  CHECK(e.line == 2);
  CHECK(contains(e.message, "found a list in the list"));
  e = parse_error("disable: &a [CS104]\nrules: {CS104: *a}\n");
  CHECK(e.line == 1);  // an alias reports where its anchor was defined
  CHECK(contains(e.message, "found a list"));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));

  // A hostile-long key is cut short in the message.
  e = parse_error(std::string(5000, 'k') + ": 1\n");
  CHECK(e.message.size() < 400);
}

TEST_CASE("rule_files add rules; errors keep the rule file's position") {
  TempDir tmp;
  tmp.write("rules/extra.yaml",
            "code: XT001\n"
            "name: missing-partner-name\n"
            "kind: required-field\n"
            "field: partner_name\n"
            "severity: warning\n"
            "message: \"no partner name\"\n");
  const std::string path = tmp.write(".caselint.yaml",
                                     "rule_files: [rules/extra.yaml]\n"
                                     "disable: [missing-partner-name]\n");
  config::Config c = config::load_config(path);
  CHECK(c.rules.get() != &rules::RuleSet::builtin());
  CHECK(c.rule_files == std::vector<std::string>{tmp.at("rules/extra.yaml")});
  CHECK(c.rules->find("XT001") != nullptr);
  CHECK(c.rules->find("CS104") != nullptr);
  CHECK(c.base.disabled.count("XT001") == 1);

  // Suggestions include the rule files' rules.
  const std::string typo = tmp.write("typo/.caselint.yaml",
                                     "rule_files: [../rules/extra.yaml]\n"
                                     "disable: [XT00l]\n");
  ConfigError e("", 0, "");
  try {
    config::load_config(typo);
    FAIL_CHECK("expected a ConfigError");
  } catch (const ConfigError& err) {
    e = err;
  }
  CHECK(e.line == 2);
  CHECK(e.message == "unknown rule \"XT00l\"; did you mean \"XT001\"?");

  // Missing rule file: the config's line.
  const std::string missing = tmp.write("missing/.caselint.yaml", "profile: dms\nrule_files:\n  - nope.yaml\n");
  try {
    config::load_config(missing);
    FAIL_CHECK("expected a ConfigError");
  } catch (const ConfigError& err) {
    CHECK(err.file == missing);
    CHECK(err.line == 3);
    CHECK(contains(err.message, "rule file \"nope.yaml\" not found"));
  }

  // A bad rule file: its own file and line.
  const std::string bad_rule = tmp.write("bad/rules/bad.yaml", "code: XT002\nname: x\nkind: no-such-kind\n");
  const std::string bad = tmp.write("bad/.caselint.yaml", "rule_files: rules/bad.yaml\n");
  try {
    config::load_config(bad);
    FAIL_CHECK("expected a ConfigError");
  } catch (const ConfigError& err) {
    CHECK(err.file == bad_rule);
    CHECK(err.line == 3);
    CHECK(contains(err.message, "no-such-kind"));
    CHECK(std::string(err.what()).rfind(bad_rule + ":3: ", 0) == 0);
  }
}

TEST_CASE("load_config: unreadable files") {
  TempDir tmp;
  const std::string missing = tmp.at("nope.yaml");
  try {
    config::load_config(missing);
    FAIL_CHECK("expected a ConfigError");
  } catch (const ConfigError& e) {
    CHECK(e.file == missing);
    CHECK(e.line == 0);
    CHECK(contains(e.what(), missing + ": cannot read config"));
  }
  CHECK_THROWS_AS(config::load_config(tmp.path.string()), ConfigError);
}

TEST_CASE("find_config walks up from the start folder") {
  TempDir tmp;
  fs::create_directories(tmp.path / "a" / "b" / "c");
  auto outside_tmp = [&](const std::optional<std::string>& found) {
    return !found || found->rfind(tmp.path.string(), 0) != 0;
  };
  CHECK(outside_tmp(config::find_config(tmp.at("a/b/c"))));

  const std::string yml = tmp.write("a/.caselint.yml", "profile: dms\n");
  CHECK(config::find_config(tmp.at("a/b/c")) == yml);
  CHECK(config::find_config(tmp.at("a/b/c/")) == yml);
  CHECK(config::find_config(tmp.at("a")) == yml);  // inclusive
  CHECK(outside_tmp(config::find_config(tmp.path.string())));

  const std::string yaml = tmp.write("a/.caselint.yaml", "profile: aurora\n");
  CHECK(config::find_config(tmp.at("a/b")) == yaml);  // .yaml before .yml

  const std::string nearer = tmp.write("a/b/.caselint.yaml", "");
  CHECK(config::find_config(tmp.at("a/b/c")) == nearer);

  fs::path old = fs::current_path();
  fs::current_path(tmp.path / "a" / "b" / "c");
  std::optional<std::string> relative = config::find_config(".");
  fs::current_path(old);
  CHECK(relative == nearer);
}

TEST_CASE("ConfigCache: discovery, sharing, forced path and errors") {
  TempDir tmp;
  const std::string top = tmp.write(".caselint.yaml", "profile: aurora\n");
  const std::string nested = tmp.write("dms/.caselint.yaml", "profile: dms\n");
  const std::string broken = tmp.write("broken/.caselint.yaml", "profle: dms\n");
  tmp.write("dms/deep/x.md", "");

  SUBCASE("each folder finds its nearest config, parsed once") {
    config::ConfigCache cache(std::nullopt);
    const config::Config& a = cache.for_file(tmp.at("one.md"));
    const config::Config& b = cache.for_file(tmp.at("studies/two.md"));
    CHECK(&a == &b);
    CHECK(a.path == top);
    const config::Config& d = cache.for_file(tmp.at("dms/deep/x.md"));
    CHECK(d.path == nested);
    CHECK(*d.profile == "dms");
    CHECK(&cache.for_file(tmp.at("dms/y.md")) == &d);

    // Edits after the first load are not seen: one parse per run.
    tmp.write(".caselint.yaml", "profile: dms\n");
    CHECK(*cache.for_file(tmp.at("three.md")).profile == "aurora");

    for (int i = 0; i < 2; ++i) {
      try {
        cache.for_file(tmp.at("broken/z.md"));
        FAIL_CHECK("expected a ConfigError");
      } catch (const ConfigError& e) {
        CHECK(e.file == broken);
        CHECK(e.line == 1);
        CHECK(contains(e.message, "did you mean \"profile\"?"));
      }
    }
  }
  SUBCASE("--config wins for every file") {
    const std::string forced = tmp.write("elsewhere/forced.yaml", "profile: ml-consulting\n");
    config::ConfigCache cache(forced);
    const config::Config& a = cache.for_file(tmp.at("dms/deep/x.md"));
    const config::Config& b = cache.for_file("/some/other/place.md");
    CHECK(&a == &b);
    CHECK(a.path == forced);
    CHECK(*a.profile == "ml-consulting");
  }
  SUBCASE("a missing forced config is an error") {
    config::ConfigCache cache(tmp.at("nope.yaml"));
    CHECK_THROWS_AS(cache.for_file(tmp.at("a.md")), ConfigError);
  }
  SUBCASE("concurrent use") {
    config::ConfigCache cache(std::nullopt);
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < 200; ++i) {
          const std::string file = tmp.at((i + t) % 2 ? "dms/f" + std::to_string(i) + ".md" : "s/f.md");
          const config::Config& c = cache.for_file(file);
          if (c.path != ((i + t) % 2 ? nested : top)) ++mismatches;
        }
      });
    }
    for (auto& th : threads) th.join();
    CHECK(mismatches == 0);
  }
}

TEST_CASE("waivers: parsed with their config line, matched by file, and strictly checked") {
  config::Config c = config::parse_config(
      "waivers:\n  - rule: missing-third-party-tools\n    file: studies/*.md\n    reason: none used\n    expires: 2025-01-31\n",
      "/repo/.caselint.yaml");
  REQUIRE(c.waivers.size() == 1);
  rules::FileSettings s = c.settings_for("/repo/studies/a.md");
  REQUIRE(s.waivers.size() == 1);
  CHECK(s.waivers[0].code == "CS107");
  CHECK(s.waivers[0].expires == "2025-01-31");
  CHECK(s.waivers[0].origin == "/repo/.caselint.yaml:2");
  CHECK(c.settings_for("/repo/other/a.md").waivers.empty());

  auto w = [](const std::string& body) { return "waivers:\n  - " + body + "\n"; };
  CHECK(std::string(parse_error(w("rule: CS107\n    file: a.md\n    expires: 2025-01-31")).what()).find("no \"reason\"") !=
        std::string::npos);
  CHECK(std::string(parse_error(w("rule: CS107\n    file: a.md\n    reason: x\n    expires: 31/01/2025")).what())
            .find("invalid expires") != std::string::npos);
  ConfigError e = parse_error(w("rule: CS170\n    file: a.md\n    reason: x\n    expires: 2025-01-31"));
  CHECK(std::string(e.what()).find("did you mean") != std::string::npos);
  CHECK(e.line == 2);
  CHECK(std::string(parse_error(w("rule: CS107\n    file: a.md\n    reason: x\n    expires: 2025-01-31\n    until: 2026-01-01"))
                        .what())
            .find("unknown key \"until\"") != std::string::npos);
}
