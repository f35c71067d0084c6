// Declarative rule kinds: C++ written once, instantiated by YAML files in
// rules/ (Vale's model). Each factory reads its own keys from the node and
// throws RuleFileError naming the file and line of a bad value.
#pragma once

#include <yaml-cpp/yaml.h>

#include <memory>
#include <string>

#include "rules/registry.h"
#include "rules/rule.h"

namespace caselint::rules::kinds {

// Keys every kind understands: code, name, kind, severity, checklist,
// checklist_by_profile, summary, status, since, field, message, options,
// applies_to ([page, notebook]; default [page]).
RuleMeta read_meta(const YAML::Node& n, const std::string& origin);

// kind: required-field — the field must be present with a usable value.
std::unique_ptr<Rule> make_required_field(const YAML::Node& n, const std::string& origin);

// kind: required-topics — a reference covers the topics of a topic set
// (every one, or at least `min` of them).
std::unique_ptr<Rule> make_required_topics(const YAML::Node& n, const std::string& origin);

// The kinds by name; nullptr for an unknown kind.
using KindFactory = std::unique_ptr<Rule> (*)(const YAML::Node&, const std::string&);
KindFactory find_kind(const std::string& name);
std::vector<std::string> kind_names();

}  // namespace caselint::rules::kinds
