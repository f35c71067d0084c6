// The field vocabulary and the words documents use for each field: front
// matter keys, heading and label patterns (rules/vocab/*.yaml, compiled with
// PCRE2 once per process).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/prefilter.h"

namespace caselint::extract {

// A compiled PCRE2 pattern (case-insensitive, UTF). Matching is bounded by
// PCRE2 match and depth limits, so a hostile pattern cannot hang a run.
class Pattern {
 public:
  // Throws std::runtime_error with PCRE2's message when the pattern is bad.
  explicit Pattern(const std::string& source, bool anchored = false);
  ~Pattern();
  Pattern(Pattern&&) noexcept;
  Pattern& operator=(Pattern&&) noexcept;
  Pattern(const Pattern&) = delete;
  Pattern& operator=(const Pattern&) = delete;

  struct Match {
    std::size_t begin = 0, end = 0;        // whole match, byte offsets
    std::optional<std::pair<std::size_t, std::size_t>> value;  // group "value"
    // Every numbered group; an unset group is {npos, npos}.
    std::vector<std::pair<std::size_t, std::size_t>> groups;
    std::string mark;  // the name of the last (*MARK:name) passed, if any
    std::string_view group(std::string_view subject, std::size_t i) const {
      if (i >= groups.size() || groups[i].first == std::string_view::npos) return {};
      return subject.substr(groups[i].first, groups[i].second - groups[i].first);
    }
  };
  std::optional<Match> find(std::string_view subject, std::size_t from = 0) const;
  // The same, screened by `screen` (prefilter::screen_of(subject), taken
  // once): a loop over the matches in one long text does not look its screen
  // up again for each match.
  std::optional<Match> find(std::string_view subject, std::size_t from, const prefilter::Screened& screen) const;
  bool matches(std::string_view subject) const { return find(subject).has_value(); }
  bool matches(std::string_view subject, const prefilter::Screened& screen) const {
    return find(subject, 0, screen).has_value();
  }
  // False only when the prefilter shows this pattern cannot match the
  // subject `s` was taken of (prefilter::screen_of): a cheap test before find.
  bool may_match(const prefilter::Screened& s) const { return prefilter::may_match(entry_, s); }
  // The pattern as written: a built-in pattern's is the prefilter table's
  // copy in the binary, another's is kept with the pattern.
  std::string_view source() const;
  // The number of a named group ("num"), or 0 when the pattern has none.
  std::size_t group_number(std::string_view name) const;
  // Whether the pattern must match the whole subject.
  bool anchored() const;

 private:
  struct Impl;
  const Impl& compiled() const;  // compiles on first use; throws on a bad pattern
  // Unscreened; `valid_utf8`: the caller knows the subject is valid UTF-8 and
  // `from` starts a character, so PCRE2 does not check.
  std::optional<Match> run(std::string_view subject, std::size_t from, bool valid_utf8 = false) const;
  std::unique_ptr<Impl> impl_;
  std::uint32_t entry_ = prefilter::kNoEntry;  // its place in the prefilter's table
};

enum class Anchor { title, end };

struct DatabaseVocab;  // extract/sizes.h

struct FieldVocab {
  std::string name;           // vocabulary name
  std::string title;          // checklist wording, e.g. "Lessons Learned"
  std::vector<std::string> keys;       // front matter keys (lowercase)
  std::vector<Pattern> headings;       // whole-heading patterns (normalised text)
  std::vector<Pattern> labels;         // label patterns ("Customer", "Start date")
  std::vector<Pattern> title_patterns; // patterns on the document title, group "value"
  std::vector<Pattern> text_patterns;  // patterns on any paragraph or list item, group "value"
  // Sentences that state the field in prose (a problem the customer had,
  // what was built, a result): evidence that it is there, read where no
  // labelled section gives it.
  std::vector<Pattern> prose_patterns;
  std::vector<Pattern> body_headings;  // sections whose first paragraph starts with the value
  std::vector<Pattern> body_patterns;  // ... matched by one of these, group "value"
  bool accepts_none = false;           // "None" / "N/A" is a real answer (no third-party tools)
  bool date = false;                   // the value must hold a date
  Anchor anchor = Anchor::title;       // where a missing-field finding points
  bool list = false;                   // a list-valued field (aws_services)
  std::string skeleton;                // text to insert for a missing section
};

// A set of topics a program asks a reference to cover (the four parts of
// Aurora's RTO/RPO guidance, DMS's deployment patterns, ...). Each topic is
// found when one of its patterns matches a heading, paragraph, list item or
// table cell; found topics become a list-valued field named after the set.
struct TopicItem {
  std::string id;      // snake_case, e.g. point_in_time_restore
  std::string title;   // for messages, e.g. "point-in-time restore"
  std::vector<Pattern> patterns;
  // A match does not count when one of these matches the same sentence
  // ("never asks for access keys" does not ask for access keys).
  std::vector<Pattern> except;
};

struct TopicSet {
  std::string id;      // the field name, e.g. rto_rpo
  std::string title;   // e.g. "RTO/RPO guidance"
  std::vector<TopicItem> items;
  bool code = false;   // code blocks count too (a notebook's code cells)
};

// Wording about the project's stage (rules/vocab/production.yaml). Stages are
// production, pilot, proof-of-concept and development.
struct StagePattern {
  std::string stage;
  Pattern pattern;
};

struct ProductionVocab {
  std::vector<StagePattern> values;    // a labelled value as a whole ("Status: Pilot")
  std::vector<StagePattern> current;   // prose placing the project in a stage now ("still in pilot")
  std::vector<StagePattern> mentions;  // prose naming a stage, current only when nothing says production
  std::vector<Pattern> production;     // prose saying the project is in production ("went live")
  std::vector<Pattern> transitions;    // a sentence with one of these left the stage behind
  std::vector<Pattern> planned;        // an end date that is a plan ("planned", "expected", "ongoing")
};

// AWS account IDs (rules/vocab/account-ids.yaml).
struct AccountIdVocab {
  std::vector<Pattern> placeholders;  // whole patterns on the ID without separators ("123456789012")
  std::vector<Pattern> mentions;      // an account ID in any text (ARNs, "1234-5678-9012"), group "value"
  std::vector<std::string> aws_owned;  // accounts AWS itself publishes from (SageMaker image registries): no leak
};

// A database engine of the `database_engine` field (rules/vocab/engines.yaml).
struct Engine {
  std::string id;      // e.g. aurora-postgresql
  std::string title;   // e.g. "Amazon Aurora PostgreSQL"
  std::vector<Pattern> patterns;
};

class Vocabulary {
 public:
  // The built-in vocabulary (rules/vocab/fields.yaml, placeholders.yaml):
  // the snapshot prepared at build time (vocab_snapshot.h), or, in a binary
  // built without one, read from the YAML.
  static const Vocabulary& builtin();
  // The built-in vocabulary read from its YAML files.
  static Vocabulary builtin_from_yaml();
  // Parses vocabulary YAML; throws std::runtime_error naming `origin`.
  static Vocabulary from_yaml(std::string_view fields_yaml, std::string_view placeholders_yaml,
                              const std::string& origin);
  // Adds topic sets from rules/vocab/topics/*.yaml.
  void add_topics(std::string_view yaml, const std::string& origin);
  const std::vector<TopicSet>& topics() const { return topics_; }
  // Wording to avoid (rules/vocab/wording.yaml).
  void add_wording(std::string_view yaml, const std::string& origin);
  struct Acronym {
    std::string acronym, expansion;
    std::unique_ptr<Pattern> use;        // the acronym as a whole word, case-sensitive
    std::unique_ptr<Pattern> spelled;    // the expansion, case-insensitive
  };
  const std::vector<Pattern>& absolute_claims() const { return absolute_claims_; }
  const std::vector<Acronym>& acronyms() const { return acronyms_; }
  const TopicSet* topic_set(std::string_view id) const;
  // Production status wording (rules/vocab/production.yaml).
  void add_production(std::string_view yaml, const std::string& origin);
  const ProductionVocab& production() const { return production_; }
  // Account ID placeholders and mentions (rules/vocab/account-ids.yaml).
  void add_account_ids(std::string_view yaml, const std::string& origin);
  const AccountIdVocab& account_ids() const { return account_ids_; }
  // Database engines, most specific first (rules/vocab/engines.yaml).
  void add_engines(std::string_view yaml, const std::string& origin);
  const std::vector<Engine>& engines() const { return engines_; }
  const Engine* engine(std::string_view id) const;
  // Adds fields from another file with the schema of fields.yaml (`fields:`).
  void add_fields(std::string_view yaml, const std::string& origin);
  // Database size and characteristics patterns (rules/vocab/database.yaml);
  // defined in sizes.cpp. database() is empty until they are added.
  void add_database(std::string_view yaml, const std::string& origin);
  const DatabaseVocab& database() const;

  const FieldVocab* field(std::string_view name) const;
  const std::vector<FieldVocab>& fields() const { return fields_; }
  bool is_placeholder(std::string_view text) const;
  bool is_anonymous_customer(std::string_view text) const;
  // Lowercases, drops emoji/punctuation at the ends, numbering ("2.", "Step 3:") and collapses spaces.
  static std::string normalise_heading(std::string_view heading);

 private:
  friend struct VocabularySnapshot;  // vocab_snapshot.cpp
  std::vector<FieldVocab> fields_;
  std::vector<TopicSet> topics_;
  std::vector<Engine> engines_;
  std::vector<Pattern> absolute_claims_;
  std::vector<Acronym> acronyms_;
  ProductionVocab production_;
  AccountIdVocab account_ids_;
  std::vector<Pattern> placeholders_;
  std::vector<Pattern> anonymous_;
  std::shared_ptr<const DatabaseVocab> database_;
};

}  // namespace caselint::extract
