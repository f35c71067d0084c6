// The items of a program's validation checklist (rules/checklists/<program>.yaml,
// embedded), and the mapping from a rule's citation to those items.
//
// A citation names one item as "PROGRAM [prerequisite] [N.N] Title[: detail]"
// ("aurora prerequisite 2.1 AWS Customer Case Studies: Name of the customer",
// "aurora 2.2 Solution Complexity"); several are joined with "; ". The word
// "prerequisite" picks the prerequisites, whose numbers the validation
// checklist reuses. A prerequisite without a number (ml-technology's) is named
// by its title, and a citation without a program ("prerequisite Partner
// Practice Landing Page", landing-page rules) names the item of that title in
// whichever program is being assessed.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace caselint::report {

enum class Section { prerequisites, checklist };
const char* section_name(Section s);  // "prerequisites", "checklist"

struct Item {
  Section section = Section::checklist;
  std::string group;    // the "2.0 ..." heading the item sits under, empty when none
  std::string number;   // "2.1"; empty for an unnumbered prerequisite
  std::string title;    // as in the checklist text
  std::string summary;  // one line: what is asked
  std::string note;     // what a reviewer still judges when the documents pass
  bool human_review = false;  // no document can prove it (tier, training, presentations, ...)
  // `evidence:`: what a passage of the partner's documents that addresses
  // the item says (PCRE2 patterns, case-insensitive, matched against each
  // heading, paragraph, list item and table cell), and how many references
  // must show it (0: any document, practice documents included).
  std::vector<std::string> cues;
  int references = 0;

  // "prerequisite 2.1 AWS Customer Case Studies", "2.2 Solution Complexity".
  std::string label() const;
};

struct Checklist {
  std::string program;  // profile id, e.g. "aurora"
  std::string title;
  std::string file;     // the checklist text it was copied from
  std::vector<Item> items;  // in the checklist's order
};

// Parses a checklist file; throws rules::RuleFileError naming `origin` and the
// line of the problem.
Checklist parse_checklist(std::string_view yaml, const std::string& origin);

// The built-in checklist of a program, or nullptr. The embedded files are
// parsed once; a malformed one throws RuleFileError (a build mistake the
// tests catch).
const Checklist* builtin_checklist(std::string_view program);
// The programs with a built-in checklist, sorted.
std::vector<std::string> checklist_programs();

struct Resolution {
  std::vector<std::size_t> items;        // indices into Checklist::items, in citation order
  std::vector<std::string> unresolved;   // parts naming this program that match no item
};

// The items of `c` a citation names. Parts naming another program, and text
// that is not a citation ("style: ..."), name nothing.
Resolution resolve_citation(const Checklist& c, std::string_view citation);

}  // namespace caselint::report
