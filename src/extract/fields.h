// Fields: the values of DESIGN.md's field vocabulary found in a Document,
// each with where it was found. Extractors read only the Document.
#pragma once

#include <algorithm>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doc/document.h"
#include "extract/vocab.h"

namespace caselint::extract {

enum class FieldSource { front_matter, section, label, table, title, image, link, text };
const char* source_name(FieldSource s);
// The kind of evidence (DESIGN.md "Reading real documents"): front_matter,
// label (a labelled line, fact table row or <dt>), heading, title, image (a
// diagram) or prose.
const char* evidence_name(FieldSource s);

// ok: a usable value. empty: the section/label/key is there but says nothing.
// placeholder: it holds only TBD, TODO, lorem ipsum, N/A and the like.
enum class FieldState { ok, empty, placeholder };

struct Field {
  std::string name;          // vocabulary name, e.g. "start_date"
  std::string text;          // the value as written (a section's body text)
  doc::SourceRange range;    // where the value (or the empty section's heading) is
  FieldSource source = FieldSource::text;
  FieldState state = FieldState::ok;
  std::string label;         // the heading, label or key that named it
  int section = -1;          // the section it came from, when source == section
  std::optional<std::string> iso;  // dates: YYYY-MM-DD or YYYY-MM
  bool ambiguous_date = false;     // a slash date that reads both ways
  bool verbatim = false;           // `range` covers exactly `text` in the source
  // A rewrite a fix may make: `original`, the source's exact text at
  // `range`, becomes `text`. Set only where an edit is safe and reads well.
  struct Rewrite {
    doc::SourceRange range;
    std::string original, text;
  };
  std::optional<Rewrite> rewrite;
  std::optional<double> number;    // database_size: GB (10^9 bytes); counts and percentages: the number
  std::string note;                // how the value was read, when a reader should know ("unlabelled ...")
};

class Fields {
 public:
  void add(Field f) { fields_.push_back(std::move(f)); }
  // Topic sets whose topics were not looked for (TopicSets). Reading one
  // through get() or all() is a rule reading a set it did not declare
  // (RuleMeta::topics): std::logic_error, never a silent "not found".
  void skip_topics(std::vector<std::string> sets) { skipped_ = std::move(sets); }
  // The first usable (state ok) value of a field, or nullptr.
  const Field* get(std::string_view name) const;
  // Every occurrence of a field, usable or not, in document order of finding.
  std::vector<const Field*> all(std::string_view name) const;
  // A deque, not a vector: a document may give a field per line (a size in
  // every sentence, a label on every line), and a vector's growth held the
  // old and the new array at once, three times the fields' own size.
  const std::deque<Field>& items() const { return fields_; }
  std::deque<Field>& mutable_items() { return fields_; }

 private:
  void check_read(std::string_view name) const;
  std::deque<Field> fields_;
  std::vector<std::string> skipped_;
};

// Which topic sets (rules/vocab/topics/) extraction looks for: every one
// unless `only` is set. Finding topics is much of extraction's work, and a
// program's rules read only its own sets.
struct TopicSets {
  const std::vector<std::string>* only = nullptr;  // sorted; null: every set
  bool wants(std::string_view set) const {
    return !only || std::binary_search(only->begin(), only->end(), set);
  }
};

Fields extract_fields(const doc::Document& d, const Vocabulary& vocab, TopicSets topics = {});

// The config's `partner:`: the partner's name when the document gives none,
// and never the customer (a customer name read from a heading, the title or
// the text that is the partner's is dropped).
void add_configured_partner(Fields& f, const std::string& partner);

// True when the document is marked as a public reference: front matter
// `public: true` (or yes / on / 1). Other values, or none, are not public.
bool is_public_reference(const Fields& f);

}  // namespace caselint::extract
