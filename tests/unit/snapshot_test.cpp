// The snapshots prepared at build time: the vocabulary
// (src/extract/vocab_snapshot.h) and the built-in rules and profiles
// (src/rules/rule_snapshot.h).
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "extract/sizes.h"
#include "extract/vocab.h"
#include "extract/vocab_snapshot.h"
#include "rules/registry.h"
#include "rules/rule_snapshot.h"

namespace ex = caselint::extract;

TEST_CASE("the built-in vocabulary comes from the snapshot and equals the one read from the YAML") {
  REQUIRE(!ex::prepared_vocabulary().empty());
  std::string from_yaml = ex::write_snapshot(ex::Vocabulary::builtin_from_yaml());
  CHECK(ex::write_snapshot(ex::Vocabulary::builtin()) == from_yaml);
  // Not a trivially small snapshot: every part of the vocabulary is in it.
  const ex::Vocabulary& v = ex::Vocabulary::builtin();
  CHECK(v.fields().size() > 10);
  CHECK(v.topics().size() > 5);
  CHECK(!v.engines().empty());
  CHECK(!v.acronyms().empty());
  CHECK(!v.production().current.empty());
  CHECK(!v.account_ids().mentions.empty());
  CHECK(!v.database().units.empty());
  CHECK(v.database().size.has_value());
  CHECK(v.is_placeholder("TBD"));
  auto size = ex::parse_size("an initial database of 1.2 TiB");
  REQUIRE(size.has_value());
  CHECK(size->gb == doctest::Approx(1319.41).epsilon(0.001));
}

TEST_CASE("a damaged snapshot is refused, not half read") {
  std::string bytes = ex::write_snapshot(ex::Vocabulary::builtin());
  CHECK_THROWS_AS(ex::read_snapshot(bytes.substr(0, bytes.size() / 2)), std::runtime_error);
  CHECK_THROWS_AS(ex::read_snapshot(bytes + "x"), std::runtime_error);
  CHECK_THROWS_AS(ex::read_snapshot(""), std::runtime_error);
  std::string other = bytes;
  other[0] = static_cast<char>(other[0] ^ 0x55);
  CHECK_THROWS_AS(ex::read_snapshot(other), std::runtime_error);
  CHECK(ex::write_snapshot(ex::read_snapshot(bytes)) == bytes);
}

TEST_CASE("the built-in rules and profiles come from the snapshot and equal those read from the YAML") {
  namespace rules = caselint::rules;
  std::span<const unsigned char> snap = rules::prepared_rules();
  REQUIRE(!snap.empty());
  rules::BuiltinRules prepared =
      rules::read_rules_snapshot(std::string_view(reinterpret_cast<const char*>(snap.data()), snap.size()));
  rules::BuiltinRules from_yaml = rules::builtin_rules_from_yaml();
  CHECK(rules::write_rules_snapshot(prepared) == rules::write_rules_snapshot(from_yaml));
  CHECK(prepared.rules.size() > 20);
  CHECK(prepared.profiles.size() >= 8);
  // What the rule set built from it holds: a required-field rule with its
  // citations, a required-topics rule with its minimum, a profile's rules.
  const rules::RuleSet& set = rules::RuleSet::builtin();
  const rules::Rule* cs101 = set.find("CS101");
  REQUIRE(cs101 != nullptr);
  CHECK(cs101->meta().name == "missing-customer-name");
  CHECK(cs101->meta().requires_field);
  CHECK(cs101->meta().citation("aurora").find("Name of the customer") != std::string::npos);
  const rules::Profile* aurora = set.profile("aurora");
  REQUIRE(aurora != nullptr);
  CHECK(aurora->rules.front() == "CS002");
  CHECK(!aurora->human_review.empty());
  CHECK_THROWS_AS(rules::read_rules_snapshot(rules::write_rules_snapshot(prepared).substr(1)), std::runtime_error);
}
