#include "rules/rule_snapshot.h"

#include <yaml-cpp/yaml.h>

#include "data/embedded.h"
#include "data/snapshot_io.h"

namespace caselint::rules {

// The generators link no snapshot; every other binary links the definition
// in build/generated/prepared_data.cpp, which takes precedence.
__attribute__((weak)) std::span<const unsigned char> prepared_rules() { return {}; }

namespace {

bool is_rule_file(std::string_view path) {
  return path.size() > 5 && path.substr(path.size() - 5) == ".yaml" && path.rfind("profiles/", 0) != 0 &&
         path.rfind("vocab/", 0) != 0 && path.rfind("checklists/", 0) != 0;
}

Profile read_profile(std::string_view text, const std::string& origin) {
  try {
    YAML::Node n = YAML::Load(std::string(text));
    Profile p;
    p.id = n["id"].as<std::string>();
    p.title = n["title"] ? n["title"].as<std::string>() : p.id;
    p.checklist = n["checklist"] ? n["checklist"].as<std::string>() : "";
    p.doc = n["doc"] ? n["doc"].as<std::string>() : "";
    if (n["rules"]) {
      for (const auto& r : n["rules"]) p.rules.push_back(r.as<std::string>());
    }
    if (n["human_review"]) {
      for (const auto& r : n["human_review"]) p.human_review.push_back(r.as<std::string>());
    }
    return p;
  } catch (const YAML::Exception& e) {
    throw RuleFileError(origin, e.mark.line + 1, e.msg);
  }
}

constexpr std::uint32_t kMagic = 0x43525331;  // the rule snapshot's format, version 1

}  // namespace

BuiltinRules builtin_rules_from_yaml() {
  BuiltinRules b;
  for (const data::EmbeddedFile& f : data::embedded_files()) {
    std::string origin = "rules/" + std::string(f.path);
    if (is_rule_file(f.path)) {
      for (kinds::RuleSpec& spec : kinds::read_rule_file(f.content, origin)) b.rules.emplace_back(origin, std::move(spec));
    } else if (f.path.rfind("profiles/", 0) == 0) {
      b.profiles.push_back(read_profile(f.content, origin));
    }
  }
  return b;
}

}  // namespace caselint::rules

namespace caselint::snapshot {

using namespace caselint::rules;

template <class A, class T>
void members_of_option(A& a, T& o) {
  io(a, o.name), io(a, o.default_value), io(a, o.doc);
}
template <class A, class T>
void members_of_meta(A& a, T& m) {
  io(a, m.code), io(a, m.name), io(a, m.severity), io(a, m.checklist), io(a, m.checklist_by_profile);
  io(a, m.summary), io(a, m.status), io(a, m.since), io(a, m.field), io(a, m.options), io(a, m.requires_field);
  io(a, m.applies_to), io(a, m.topics);
}
template <class A, class T>
void members_of_spec(A& a, T& s) {
  io(a, s.kind), io(a, s.line), io(a, s.meta), io(a, s.message), io(a, s.private_only);
  io(a, s.min), io(a, s.anchor);
}
template <class A, class T>
void members_of_profile(A& a, T& p) {
  io(a, p.id), io(a, p.title), io(a, p.checklist), io(a, p.rules), io(a, p.human_review), io(a, p.doc);
}
template <class A, class T>
void members_of_file_spec(A& a, T& f) {
  io(a, f.first), io(a, f.second);
}

#define CASELINT_SNAPSHOT_STRUCT(T, MEMBERS)     \
  void io(Out& o, const T& x) { MEMBERS(o, x); } \
  void io(In& i, T& x) { MEMBERS(i, x); }
CASELINT_SNAPSHOT_STRUCT(OptionSpec, members_of_option)
CASELINT_SNAPSHOT_STRUCT(RuleMeta, members_of_meta)
CASELINT_SNAPSHOT_STRUCT(kinds::RuleSpec, members_of_spec)
CASELINT_SNAPSHOT_STRUCT(Profile, members_of_profile)
using FileSpec = std::pair<std::string, kinds::RuleSpec>;
CASELINT_SNAPSHOT_STRUCT(FileSpec, members_of_file_spec)
#undef CASELINT_SNAPSHOT_STRUCT

// A member added to one of these structures must be added to its members_of
// function above too, or the snapshot would drop it: these sizes (libstdc++,
// x86-64) fail the build until then.
static_assert(sizeof(OptionSpec) == 72 && sizeof(RuleMeta) == 312 && sizeof(kinds::RuleSpec) == 400 &&
                  sizeof(Profile) == 176,
              "update the snapshot's member lists");

}  // namespace caselint::snapshot

namespace caselint::rules {

std::string write_rules_snapshot(const BuiltinRules& b) {
  snapshot::Out o;
  snapshot::magic(o, kMagic);
  snapshot::io(o, b.rules);
  snapshot::io(o, b.profiles);
  return std::move(o.bytes);
}

BuiltinRules read_rules_snapshot(std::string_view bytes) {
  snapshot::In i{bytes};
  snapshot::magic(i, kMagic);
  BuiltinRules b;
  snapshot::io(i, b.rules);
  snapshot::io(i, b.profiles);
  i.finish();
  return b;
}

}  // namespace caselint::rules
