// The engine runs a profile's rules on one document and applies severity
// overrides, inline suppression and ordering.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "extract/fields.h"
#include "rules/registry.h"

namespace caselint::rules {

// The settings in force for one file, after config files and overrides.
struct FileSettings {
  std::string profile;                          // empty: decide from the document
  std::set<std::string, std::less<>> disabled;  // codes
  std::set<std::string, std::less<>> enabled;   // codes added beyond the profile
  std::map<std::string, Severity, std::less<>> severity;  // code -> severity
  std::map<std::string, std::map<std::string, double>, std::less<>> options;  // code -> option -> value
  std::vector<Waiver> waivers;  // config waivers whose files match this file
  bool public_page = false;     // config `public: true`: the file is published (public-safety rules apply)
  std::string partner;          // config `partner:`: the partner's name (never taken for the customer)
};

// The profile a document is checked with: --profile, else front matter
// `program:`, else the config's, else ml-consulting for a Jupyter notebook,
// else the profile of its kind (kind::classify): case-study, landing-page
// or other.
struct ProfileChoice {
  std::string profile;
  std::string kind;     // "case-study", "landing-page" or "other"
  std::string reason;   // why: the option or key that set it, or the kind's reason
  bool inferred = false;  // the kind was read from the content
};
ProfileChoice choose_profile(const doc::Document& d, const extract::Fields& f, const std::string& configured,
                             const std::string& forced);
std::string document_profile(const doc::Document& d, const extract::Fields& f, const std::string& configured,
                             const std::string& forced);
// The profiles document_profile can return before the fields are known: the
// one it will return, or both case-study and landing-page for an HTML page
// that only its fields tell apart.
std::vector<std::string> possible_profiles(const doc::Document& d, const std::string& configured,
                                           const std::string& forced);

// The rules check_document runs on a document of this kind: the profile's,
// plus those the settings enable, less those they disable, in that order.
std::vector<const Rule*> active_rules(const RuleSet& rules, DocKind kind, const std::string& profile,
                                      const FileSettings& settings);

// The topic sets (RuleMeta::topics) the rules active under any of `profiles`
// read: all extraction needs to look for. Sorted, each once.
std::vector<std::string> topics_read(const RuleSet& rules, DocKind kind, const std::vector<std::string>& profiles,
                                     const FileSettings& settings);
// The same for rule lists already worked out (active_rules of each profile).
std::vector<std::string> topics_read(const std::vector<std::vector<const Rule*>>& active);

std::vector<Diagnostic> check_document(const RuleSet& rules, const doc::Document& d, const extract::Fields& fields,
                                       const std::string& profile, const FileSettings& settings,
                                       const RunOptions& run);
// The same with the rules active_rules gives for this document, profile and
// settings, when the caller has them already.
// `supporting`: the reference's other documents, read with this one.
std::vector<Diagnostic> check_document(const std::vector<const Rule*>& active, const doc::Document& d,
                                       const extract::Fields& fields, const std::string& profile,
                                       const FileSettings& settings, const RunOptions& run,
                                       const std::vector<SupportingDocument>& supporting = {});

// Drops findings silenced by caselint-disable / -enable / -disable-next-line
// comments and by front matter `caselint: {disable: [...]}`.
void apply_suppressions(const doc::Document& d, std::vector<Diagnostic>& diags);

}  // namespace caselint::rules
