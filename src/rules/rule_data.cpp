// Reading rule metadata from YAML, and the table of rule kinds.
#include <algorithm>

#include "rules/kinds/kinds.h"

namespace caselint::rules::kinds {

namespace {

const std::vector<std::string>& known_keys() {
  static const std::vector<std::string> keys = {"code", "name", "kind", "severity", "checklist", "checklist_by_profile",
                                                "summary", "status", "since", "field", "message", "options",
                                                "topics", "anchor", "applies_to", "private_only"};
  return keys;
}

std::string str(const YAML::Node& n, const char* key, const std::string& origin, bool required) {
  YAML::Node v = n[key];
  if (!v) {
    if (required) throw RuleFileError(origin, n.Mark().line + 1, std::string("missing `") + key + ":`");
    return {};
  }
  if (!v.IsScalar()) throw RuleFileError(origin, v.Mark().line + 1, std::string("`") + key + ":` must be a string");
  return v.Scalar();
}

}  // namespace

RuleMeta read_meta(const YAML::Node& n, const std::string& origin) {
  if (!n.IsMap()) throw RuleFileError(origin, n.Mark().line + 1, "a rule must be a mapping");
  for (const auto& kv : n) {
    std::string key = kv.first.Scalar();
    if (std::find(known_keys().begin(), known_keys().end(), key) == known_keys().end() && key != "min") {
      throw RuleFileError(origin, kv.first.Mark().line + 1, "unknown key \"" + key + "\" in rule");
    }
  }
  RuleMeta m;
  m.code = str(n, "code", origin, true);
  m.name = str(n, "name", origin, true);
  std::string sev = str(n, "severity", origin, false);
  if (!sev.empty()) {
    auto s = parse_severity(sev);
    if (!s) throw RuleFileError(origin, n["severity"].Mark().line + 1, "severity must be error, warning or info");
    m.severity = *s;
  }
  m.checklist = str(n, "checklist", origin, false);
  if (YAML::Node by = n["checklist_by_profile"]) {
    if (!by.IsMap()) throw RuleFileError(origin, by.Mark().line + 1, "`checklist_by_profile:` must map profile ids to citations");
    for (const auto& kv : by) m.checklist_by_profile[kv.first.Scalar()] = kv.second.as<std::string>();
  }
  m.summary = str(n, "summary", origin, false);
  if (YAML::Node opts = n["options"]) {
    // options: {min: {default: 25, doc: "..."}} or options: {min: 25}
    if (!opts.IsMap()) throw RuleFileError(origin, opts.Mark().line + 1, "`options:` must map option names to defaults");
    for (const auto& kv : opts) {
      OptionSpec o;
      o.name = kv.first.Scalar();
      try {
        if (kv.second.IsMap()) {
          o.default_value = kv.second["default"].as<double>();
          if (kv.second["doc"]) o.doc = kv.second["doc"].as<std::string>();
        } else {
          o.default_value = kv.second.as<double>();
        }
      } catch (const YAML::Exception&) {
        throw RuleFileError(origin, kv.second.Mark().line + 1, "option " + o.name + " needs a numeric default");
      }
      m.options.push_back(std::move(o));
    }
  }
  if (YAML::Node kinds = n["applies_to"]) {
    // applies_to: [page, notebook]; default: pages only.
    if (!kinds.IsSequence() || kinds.size() == 0) {
      throw RuleFileError(origin, kinds.Mark().line + 1, "`applies_to:` must list page and/or notebook");
    }
    m.applies_to = 0;
    for (const auto& k : kinds) {
      std::string v = k.IsScalar() ? k.Scalar() : "";
      if (v == "page") m.applies_to |= static_cast<unsigned>(DocKind::page);
      else if (v == "notebook") m.applies_to |= static_cast<unsigned>(DocKind::notebook);
      else throw RuleFileError(origin, k.Mark().line + 1, "`applies_to:` values are page and notebook, not \"" + v + "\"");
    }
  }
  m.field = str(n, "field", origin, false);
  m.since = str(n, "since", origin, false);
  if (m.since.empty()) m.since = "0.1";
  std::string status = str(n, "status", origin, false);
  if (status == "preview") m.status = Status::preview;
  else if (status == "deprecated") m.status = Status::deprecated;
  else if (status == "removed") m.status = Status::removed;
  else if (!status.empty() && status != "stable")
    throw RuleFileError(origin, n["status"].Mark().line + 1, "status must be preview, stable, deprecated or removed");
  return m;
}

namespace {

struct KindRow {
  const char* name;
  void (*read)(const YAML::Node&, const std::string&, RuleSpec&);
  std::unique_ptr<Rule> (*build)(const RuleSpec&);
};

const KindRow kKinds[] = {
    {"required-field", read_required_field, build_required_field},
    {"required-topics", read_required_topics, build_required_topics},
};

const KindRow* find_kind(std::string_view name) {
  for (const KindRow& k : kKinds) {
    if (name == k.name) return &k;
  }
  return nullptr;
}

}  // namespace

std::vector<RuleSpec> read_rule_file(std::string_view text, const std::string& origin) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    throw RuleFileError(origin, e.mark.line + 1, "not valid YAML: " + e.msg);
  }
  std::vector<YAML::Node> nodes;
  if (root.IsMap() && root["rules"]) {
    if (!root["rules"].IsSequence()) throw RuleFileError(origin, root["rules"].Mark().line + 1, "`rules:` must be a list");
    for (const auto& n : root["rules"]) nodes.push_back(n);
  } else if (root.IsMap()) {
    nodes.push_back(root);
  } else {
    throw RuleFileError(origin, 1, "a rule file holds one rule (a mapping) or `rules:` with a list of them");
  }
  std::vector<RuleSpec> out;
  for (const YAML::Node& n : nodes) {
    try {
      if (!n.IsMap()) throw RuleFileError(origin, n.Mark().line + 1, "a rule must be a mapping");
      RuleSpec spec;
      spec.kind = n["kind"] ? n["kind"].as<std::string>() : "";
      const KindRow* kind = find_kind(spec.kind);
      if (!kind) {
        std::string names;
        for (const std::string& k : kind_names()) names += (names.empty() ? "" : ", ") + k;
        throw RuleFileError(origin, (n["kind"] ? n["kind"] : n).Mark().line + 1,
                            "unknown rule kind \"" + spec.kind + "\"; kinds: " + names);
      }
      spec.meta = read_meta(n, origin);
      spec.line = (n["code"] ? n["code"] : n).Mark().line + 1;
      kind->read(n, origin, spec);
      out.push_back(std::move(spec));
    } catch (const YAML::Exception& e) {
      throw RuleFileError(origin, e.mark.line + 1, e.msg);
    }
  }
  return out;
}

std::unique_ptr<Rule> build(const RuleSpec& spec) {
  const KindRow* kind = find_kind(spec.kind);
  if (!kind) throw std::logic_error("rule " + spec.meta.code + " has the unknown kind " + spec.kind);
  return kind->build(spec);
}

std::vector<std::string> kind_names() {
  std::vector<std::string> out;
  for (const KindRow& k : kKinds) out.emplace_back(k.name);
  return out;
}

}  // namespace caselint::rules::kinds
