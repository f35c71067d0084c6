// The registry: one table of every rule code, sorted, never renumbered.
// YAML rules (make == nullptr) get their definition from rules/<family>/;
// startup checks that the YAML files and this table agree.
#include "rules/registry.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "data/embedded.h"
#include "rules/checks/checks.h"
#include "rules/kinds/kinds.h"
#include "rules/rule_snapshot.h"

namespace caselint::rules {

namespace {

template <auto Factory>
std::unique_ptr<Rule> make() {
  return Factory();
}

// clang-format off
const RegistryRow kRegistry[] = {
  // code     name                            status          since  factory
  {"CS001", "not-a-case-study",               Status::stable, "0.2", make<checks::make_not_a_case_study>},
  {"CS002", "supporting-document-unreadable", Status::stable, "0.2", make<checks::make_supporting_document_unreadable>},
  {"CS101", "missing-customer-name",          Status::stable, "0.1", nullptr},
  {"CS102", "missing-aws-account-id",         Status::stable, "0.1", nullptr},
  {"CS103", "missing-problem-statement",      Status::stable, "0.1", nullptr},
  {"CS104", "missing-lessons-learned",        Status::stable, "0.1", nullptr},
  {"CS105", "missing-proposed-solution",      Status::stable, "0.1", nullptr},
  {"CS106", "missing-aws-services",           Status::stable, "0.1", nullptr},
  {"CS107", "missing-third-party-tools",      Status::stable, "0.1", nullptr},
  {"CS108", "missing-start-date",             Status::stable, "0.1", nullptr},
  {"CS109", "missing-end-date",               Status::stable, "0.1", nullptr},
  {"CS110", "missing-outcomes",               Status::stable, "0.1", nullptr},
  {"CS111", "empty-field",                    Status::stable, "0.1", make<checks::make_empty_field>},
  {"CS112", "customer-not-named",             Status::stable, "0.1", make<checks::make_customer_not_named>},
  {"CS113", "field-only-in-prose",            Status::stable, "0.2", make<checks::make_field_in_prose>},
  {"CS120", "missing-aurora-engine",          Status::stable, "0.1", make<checks::make_missing_aurora_engine>},
  {"CS121", "missing-rto-rpo-guidance",       Status::stable, "0.1", make<checks::make_missing_rto_rpo_guidance>},
  {"CS122", "missing-customer-enablement",    Status::stable, "0.1", make<checks::make_missing_customer_enablement>},
  {"CS123", "missing-sizing-guidance",        Status::stable, "0.1", make<checks::make_missing_sizing_guidance>},
  {"CS124", "missing-security-guidance",      Status::stable, "0.1", nullptr},
  {"CS125", "missing-application-changes",    Status::stable, "0.1", nullptr},
  {"CS126", "missing-solution-characteristic", Status::stable, "0.1", nullptr},
  {"CS130", "missing-environment-summary",    Status::stable, "0.1", nullptr},
  {"CS131", "missing-dms-architecture-practices", Status::stable, "0.1", nullptr},
  {"CS132", "missing-migration-practices",    Status::stable, "0.1", nullptr},
  {"CS133", "missing-dms-security-practices", Status::stable, "0.1", nullptr},
  {"CS134", "missing-deployment-pattern",     Status::stable, "0.1", make<checks::make_missing_deployment_pattern>},
  {"CS135", "missing-workload-pattern",       Status::stable, "0.1", nullptr},
  {"CS140", "public-reference-missing-party", Status::stable, "0.1", make<checks::make_public_reference_missing_party>},
  {"CS142", "missing-ml-lifecycle",           Status::stable, "0.1", nullptr},
  {"CS143", "missing-notebook-step",          Status::stable, "0.1", nullptr},
  {"CS151", "credentials-instead-of-role",    Status::stable, "0.1", make<checks::make_credentials_instead_of_role>},
  {"CS152", "missing-governance",             Status::stable, "0.1", nullptr},
  {"CS201", "ambiguous-date",                 Status::stable, "0.1", make<checks::make_ambiguous_date>},
  {"CS202", "end-before-start",               Status::stable, "0.1", make<checks::make_end_before_start>},
  {"CS203", "end-date-after-as-of",           Status::stable, "0.1", make<checks::make_end_date_after_as_of>},
  {"CS204", "project-not-recent",             Status::stable, "0.1", make<checks::make_project_not_recent>},
  {"CS210", "invalid-account-id",             Status::stable, "0.1", make<checks::make_invalid_account_id>},
  {"CS211", "placeholder-account-id",         Status::stable, "0.1", make<checks::make_placeholder_account_id>},
  {"CS212", "not-in-production",              Status::stable, "0.1", make<checks::make_not_in_production>},
  {"CS220", "missing-database-size",          Status::stable, "0.1", make<checks::make_missing_database_size>},
  {"CS221", "database-too-small",             Status::stable, "0.1", make<checks::make_database_too_small>},
  {"CS222", "missing-database-characteristic", Status::stable, "0.1", make<checks::make_missing_database_characteristic>},
  {"CS223", "percentage-out-of-range",        Status::stable, "0.1", make<checks::make_percentage_out_of_range>},
  {"CS224", "read-write-over-100",            Status::stable, "0.1", make<checks::make_read_write_over_100>},
  {"CS225", "reference-documents-disagree",   Status::stable, "0.2", make<checks::make_reference_documents_disagree>},
  {"CS301", "missing-architecture-diagram",   Status::stable, "0.1", make<checks::make_missing_architecture_diagram>},
  {"CS302", "broken-internal-link",           Status::stable, "0.1", make<checks::make_broken_internal_link>},
  {"CS303", "missing-image",                  Status::stable, "0.1", make<checks::make_missing_image>},
  {"CS304", "unresolved-architecture-diagram", Status::stable, "0.1", make<checks::make_unresolved_architecture_diagram>},
  {"CS305", "page-not-checked",               Status::stable, "0.1", make<checks::make_page_not_checked>},
  {"CS306", "page-not-read",                  Status::stable, "0.1", make<checks::make_page_not_read>},
  {"CS307", "crawl-incomplete",               Status::stable, "0.1", make<checks::make_crawl_incomplete>},
  {"CS308", "sitemap-entry-broken",           Status::stable, "0.2", make<checks::make_sitemap_entry_broken>},
  {"CS309", "case-study-not-in-sitemap",      Status::stable, "0.2", make<checks::make_case_study_not_in_sitemap>},
  {"CS310", "missing-anchor",                 Status::stable, "0.2", make<checks::make_missing_anchor>},
  {"CS401", "account-id-on-public-page",      Status::stable, "0.1", make<checks::make_account_id_on_public_page>},
  {"CS402", "aws-key-on-public-page",         Status::preview, "0.1", make<checks::make_aws_key_on_public_page>},
  {"CS403", "internal-host-on-public-page",   Status::preview, "0.1", make<checks::make_internal_host_on_public_page>},
  {"CS404", "internal-email-on-public-page",  Status::preview, "0.1", make<checks::make_internal_email_on_public_page>},
  {"CS405", "draft-marker-on-public-page",    Status::preview, "0.1", make<checks::make_draft_marker_on_public_page>},
  {"CS406", "comment-on-public-page",         Status::preview, "0.1", make<checks::make_comment_on_public_page>},
  {"CS407", "hidden-text-on-public-page",     Status::preview, "0.1", make<checks::make_hidden_text_on_public_page>},
  {"CS408", "comment-left-in-document",       Status::preview, "0.1", make<checks::make_comment_left_in_document>},
  {"CS409", "tracked-change-left-in-document", Status::preview, "0.1", make<checks::make_tracked_change_left_in_document>},
  {"CS900", "expired-waiver",                 Status::stable, "0.1", make<checks::make_expired_waiver>},
  {"LP001", "missing-practice-description",   Status::preview, "0.1", make<checks::make_missing_practice_description>},
  {"LP002", "missing-aws-partnership",        Status::preview, "0.1", nullptr},
  {"LP003", "partner-badge-without-alt",      Status::preview, "0.1", make<checks::make_partner_badge_without_alt>},
  {"LP004", "missing-customer-references-link", Status::preview, "0.1", make<checks::make_missing_customer_references_link>},
  {"LP005", "home-page-as-landing-page",      Status::preview, "0.1", make<checks::make_home_page_as_landing_page>},
  {"LP010", "missing-competency-use-cases",   Status::preview, "0.1", nullptr},
  {"LP011", "missing-technology-partnerships", Status::preview, "0.1", nullptr},
  {"LP012", "missing-recent-thought-leadership", Status::preview, "0.1", make<checks::make_missing_recent_thought_leadership>},
  {"LP020", "missing-reference-architecture", Status::preview, "0.1", nullptr},
  {"LP021", "missing-tco-pricing",            Status::preview, "0.1", nullptr},
  {"LP022", "too-few-aws-regions",            Status::preview, "0.1", make<checks::make_too_few_aws_regions>},
  {"LP101", "practice-page-is-home-page",     Status::stable, "0.1", make<checks::make_practice_page_is_home_page>},
  {"LP102", "practice-page-unreachable",      Status::stable, "0.1", make<checks::make_practice_page_unreachable>},
  {"LP103", "case-study-unreachable",         Status::stable, "0.1", make<checks::make_case_study_unreachable>},
  {"LP104", "too-many-clicks",                Status::stable, "0.1", make<checks::make_too_many_clicks>},
  {"LP105", "practice-page-not-found",        Status::stable, "0.1", make<checks::make_practice_page_not_found>},
  {"PF001", "too-few-references",             Status::stable, "0.1", make<checks::make_too_few_references>},
  {"PF002", "too-few-engine-references",      Status::stable, "0.1", make<checks::make_too_few_engine_references>},
  {"PF003", "too-few-public-references",      Status::stable, "0.1", make<checks::make_too_few_public_references>},
  {"PF004", "duplicate-customer",             Status::stable, "0.1", make<checks::make_duplicate_customer>},
  {"PF005", "reference-program-mismatch",     Status::stable, "0.1", make<checks::make_reference_program_mismatch>},
  {"PF006", "shared-account-id",              Status::stable, "0.1", make<checks::make_shared_account_id>},
  {"PF007", "customer-name-mismatch",         Status::stable, "0.1", make<checks::make_customer_name_mismatch>},
  {"PF008", "customer-named-without-consent", Status::stable, "0.1", make<checks::make_customer_named_without_consent>},
  {"PF009", "public-reference-not-reachable", Status::stable, "0.1", make<checks::make_public_reference_not_reachable>},
  {"ST001", "aws-service-name",               Status::stable, "0.1", make<checks::make_aws_service_name>},
  {"ST002", "absolute-claim",                 Status::stable, "0.1", make<checks::make_absolute_claim>},
  {"ST003", "acronym-not-spelled-out",        Status::stable, "0.1", make<checks::make_acronym_not_spelled_out>},
};
// clang-format on

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw RuleFileError(path, 0, "cannot read rule file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

std::span<const RegistryRow> RuleSet::registry() { return kRegistry; }

void RuleSet::add(std::shared_ptr<const Rule> rule) {
  const RuleMeta& m = rule->meta();
  by_code_[m.code] = rule.get();
  by_name_[m.name] = rule.get();
  owned_.push_back(std::move(rule));
}

void RuleSet::add_yaml_rule(std::string_view text, const std::string& origin, bool builtin) {
  for (const kinds::RuleSpec& spec : kinds::read_rule_file(text, origin)) add_spec(spec, origin, builtin);
}

void RuleSet::add_spec(const kinds::RuleSpec& spec, const std::string& origin, bool builtin) {
  const RuleMeta& m = spec.meta;
  auto row = std::find_if(std::begin(kRegistry), std::end(kRegistry), [&](const RegistryRow& r) { return m.code == r.code; });
  if (builtin) {
    if (row == std::end(kRegistry) || m.name != row->name || row->make != nullptr) {
      throw RuleFileError(origin, spec.line, "rule " + m.code + " " + m.name + " does not match a YAML row of registry.cpp");
    }
  } else if (by_code_.count(m.code) || by_name_.count(m.name)) {
    throw RuleFileError(origin, spec.line, "rule code or name " + m.code + " / " + m.name + " is already taken");
  }
  add(std::shared_ptr<const Rule>(kinds::build(spec)));
}

void RuleSet::finish() {
  ordered_.clear();
  for (const auto& r : owned_) ordered_.push_back(r.get());
  std::sort(ordered_.begin(), ordered_.end(), [](const Rule* a, const Rule* b) { return a->meta().code < b->meta().code; });
}

const RuleSet& RuleSet::builtin() {
  // Never destroyed: freeing it at exit only made every run longer.
  static const RuleSet& set = *new RuleSet([] {
    RuleSet s;
    for (const RegistryRow& row : kRegistry) {
      if (row.make) s.add(std::shared_ptr<const Rule>(row.make()));
    }
    BuiltinRules prepared;
    std::span<const unsigned char> snap = prepared_rules();
    if (!snap.empty()) {
      prepared = read_rules_snapshot(std::string_view(reinterpret_cast<const char*>(snap.data()), snap.size()));
    } else {
      prepared = builtin_rules_from_yaml();
    }
    for (const auto& [origin, spec] : prepared.rules) s.add_spec(spec, origin, true);
    for (const RegistryRow& row : kRegistry) {
      if (!s.by_code_.count(row.code)) {
        throw RuleFileError("rules/", 0, std::string("registry row ") + row.code + " has no rule file");
      }
    }
    for (Profile& p : prepared.profiles) {
      for (const std::string& code : p.rules) {
        if (!s.by_code_.count(code)) throw RuleFileError("rules/profiles/" + p.id + ".yaml", 0, "unknown rule " + code);
      }
      std::string id = p.id;
      s.profiles_[id] = std::move(p);
    }
    s.finish();
    return s;
  }());
  return set;
}

RuleSet RuleSet::with_rule_files(const std::vector<std::string>& paths) {
  const RuleSet& base = builtin();
  RuleSet s;
  s.owned_ = base.owned_;
  s.by_code_ = base.by_code_;
  s.by_name_ = base.by_name_;
  s.profiles_ = base.profiles_;
  for (const std::string& p : paths) s.add_yaml_rule(read_file(p), p, false);
  s.finish();
  return s;
}

const Rule* RuleSet::find(std::string_view code_or_name) const {
  if (auto it = by_code_.find(code_or_name); it != by_code_.end()) return it->second;
  if (auto it = by_name_.find(code_or_name); it != by_name_.end()) return it->second;
  return nullptr;
}

const Profile* RuleSet::profile(std::string_view id) const {
  auto it = profiles_.find(id);
  return it == profiles_.end() ? nullptr : &it->second;
}

std::vector<std::string> RuleSet::profile_ids() const {
  std::vector<std::string> out;
  for (const auto& [id, p] : profiles_) out.push_back(id);
  return out;
}

std::string_view RuleSet::doc(std::string_view code) const {
  return data::embedded_file("doc/" + std::string(code) + ".md");
}

}  // namespace caselint::rules
