// The built-in rule files and profiles (rules/cs1, rules/lp, rules/profiles)
// as specs. Parsing their YAML with yaml-cpp took milliseconds of every
// run's start-up, so the build (prepare_gen) reads them once and writes this
// snapshot into the binary; RuleSet::builtin() builds the rules from it and
// checks them against the registry as before.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/kinds/kinds.h"
#include "rules/registry.h"

namespace caselint::rules {

struct BuiltinRules {
  std::vector<std::pair<std::string, kinds::RuleSpec>> rules;  // the file each came from, and its spec
  std::vector<Profile> profiles;
};

// Read from the embedded YAML; throws RuleFileError naming a bad file.
BuiltinRules builtin_rules_from_yaml();

std::string write_rules_snapshot(const BuiltinRules& b);
// Throws std::runtime_error when the bytes are not a whole snapshot.
BuiltinRules read_rules_snapshot(std::string_view bytes);

// The snapshot prepare_gen wrote (build/generated/prepared_data.cpp), or an
// empty span in a binary built without it (the generators).
std::span<const unsigned char> prepared_rules();

}  // namespace caselint::rules
