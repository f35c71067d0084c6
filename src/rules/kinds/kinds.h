// Declarative rule kinds: C++ written once, instantiated by YAML files in
// rules/ (Vale's model). Reading a rule file gives one RuleSpec per rule,
// each kind reading its own keys and throwing RuleFileError naming the file
// and line of a bad value; build() makes the rule of a spec. The built-in
// specs are read at build time and kept as a snapshot (rules/rule_snapshot.h).
#pragma once

#include <yaml-cpp/yaml.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/vocab.h"
#include "rules/registry.h"
#include "rules/rule.h"

namespace caselint::rules::kinds {

// Keys every kind understands: code, name, kind, severity, checklist,
// checklist_by_profile, summary, status, since, field, message, options,
// applies_to ([page, notebook]; default [page]).
RuleMeta read_meta(const YAML::Node& n, const std::string& origin);

// What one rule of a rule file says: the keys every kind reads and each
// kind's own.
struct RuleSpec {
  std::string kind;
  int line = 0;  // of the rule in its file, for messages
  RuleMeta meta;
  std::string message;
  bool private_only = false;                      // required-field
  int min = 0;                                    // required-topics
  extract::Anchor anchor = extract::Anchor::end;  // required-topics
};

// The rules of a rule file: one rule (a mapping) or `rules:` with a list.
std::vector<RuleSpec> read_rule_file(std::string_view text, const std::string& origin);
// The rule a spec describes (its kind is one of kind_names()).
std::unique_ptr<Rule> build(const RuleSpec& spec);

// kind: required-field — the field must be present with a usable value.
void read_required_field(const YAML::Node& n, const std::string& origin, RuleSpec& spec);
std::unique_ptr<Rule> build_required_field(const RuleSpec& spec);

// kind: required-topics — a reference covers the topics of a topic set
// (every one, or at least `min` of them).
void read_required_topics(const YAML::Node& n, const std::string& origin, RuleSpec& spec);
std::unique_ptr<Rule> build_required_topics(const RuleSpec& spec);

std::vector<std::string> kind_names();

}  // namespace caselint::rules::kinds
