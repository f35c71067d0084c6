// The rule set: every rule (C++ checks from registry.cpp's sorted table, YAML
// instances of rule kinds from rules/), the profiles, and their lookup.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace caselint::rules {

namespace kinds {
struct RuleSpec;  // rules/kinds/kinds.h
}  // namespace kinds

// One row of registry.cpp's table.
struct RegistryRow {
  const char* code;
  const char* name;
  Status status;
  const char* since;
  // C++ rules: a factory; YAML rules: nullptr (the rule file supplies it).
  std::unique_ptr<Rule> (*make)();
};

struct Profile {
  std::string id;
  std::string title;
  std::string checklist;              // checklist file name, for docs
  std::vector<std::string> rules;     // codes, in order
  std::vector<std::string> human_review;  // items no document can prove
  std::string doc;
};

// A configuration problem in a rule or profile file.
struct RuleFileError : std::runtime_error {
  RuleFileError(std::string path, int at_line, const std::string& message)
      : std::runtime_error(path + ":" + std::to_string(at_line) + ": " + message), file(std::move(path)), line(at_line) {}
  std::string file;
  int line;
};

class RuleSet {
 public:
  // The built-in rules and profiles. Throws RuleFileError when the embedded
  // data disagrees with the registry (a build-time mistake, caught by tests).
  static const RuleSet& builtin();
  // A copy of the built-in set with the rules of extra rule files added.
  static RuleSet with_rule_files(const std::vector<std::string>& paths);

  const Rule* find(std::string_view code_or_name) const;
  const Profile* profile(std::string_view id) const;
  const std::vector<const Rule*>& rules() const { return ordered_; }
  std::vector<std::string> profile_ids() const;
  // The rule's doc page (rules/doc/CODE.md), empty when none.
  std::string_view doc(std::string_view code) const;
  static std::span<const RegistryRow> registry();

  RuleSet() = default;
  RuleSet(RuleSet&&) = default;
  RuleSet& operator=(RuleSet&&) = default;

 private:
  void add(std::shared_ptr<const Rule> rule);
  void add_yaml_rule(std::string_view text, const std::string& origin, bool builtin);
  void add_spec(const kinds::RuleSpec& spec, const std::string& origin, bool builtin);
  void finish();

  std::vector<std::shared_ptr<const Rule>> owned_;
  std::vector<const Rule*> ordered_;
  std::map<std::string, const Rule*, std::less<>> by_code_;
  std::map<std::string, const Rule*, std::less<>> by_name_;
  std::map<std::string, Profile, std::less<>> profiles_;
};

}  // namespace caselint::rules
