// The field vocabulary and the words documents use for each field: front
// matter keys, heading and label patterns (rules/vocab/*.yaml, compiled with
// PCRE2 once per process).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
  bool matches(std::string_view subject) const { return find(subject).has_value(); }
  const std::string& source() const { return source_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string source_;
};

enum class Anchor { title, end };

struct FieldVocab {
  std::string name;           // vocabulary name
  std::string title;          // checklist wording, e.g. "Lessons Learned"
  std::vector<std::string> keys;       // front matter keys (lowercase)
  std::vector<Pattern> headings;       // whole-heading patterns (normalised text)
  std::vector<Pattern> labels;         // label patterns ("Customer", "Start date")
  std::vector<Pattern> title_patterns; // patterns on the document title, group "value"
  std::vector<Pattern> text_patterns;  // patterns on any paragraph or list item, group "value"
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

class Vocabulary {
 public:
  // The built-in vocabulary (rules/vocab/fields.yaml, placeholders.yaml).
  static const Vocabulary& builtin();
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

  const FieldVocab* field(std::string_view name) const;
  const std::vector<FieldVocab>& fields() const { return fields_; }
  bool is_placeholder(std::string_view text) const;
  bool is_anonymous_customer(std::string_view text) const;
  // Lowercases, drops emoji/punctuation at the ends, numbering ("2.", "Step 3:") and collapses spaces.
  static std::string normalise_heading(std::string_view heading);

 private:
  std::vector<FieldVocab> fields_;
  std::vector<TopicSet> topics_;
  std::vector<Pattern> absolute_claims_;
  std::vector<Acronym> acronyms_;
  std::vector<Pattern> placeholders_;
  std::vector<Pattern> anonymous_;
};

}  // namespace caselint::extract
