// Small helpers for messages about YAML nodes, shared by the config loader
// and the submission manifest loader: a node's 1-based line and what kind of
// value it is, in words.
#pragma once

#include <yaml-cpp/yaml.h>

namespace caselint::config {

// 1-based line of a yaml-cpp mark (0-based), 0 when unknown.
inline int line_of(const YAML::Mark& mark) { return mark.line < 0 ? 0 : mark.line + 1; }
inline int line_of(const YAML::Node& node) { return line_of(node.Mark()); }

// "a string", "a list", "a mapping" or "nothing", for "expected X, found Y".
inline const char* kind_of(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      return "a string";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a mapping";
    default:
      return "nothing";
  }
}

}  // namespace caselint::config
