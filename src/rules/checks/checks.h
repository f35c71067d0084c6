// Factories of the C++ rules; each lives in its own file, named after it.
#pragma once

#include <memory>

#include "rules/rule.h"

namespace caselint::rules::checks {

std::unique_ptr<Rule> make_empty_field();                  // CS111
std::unique_ptr<Rule> make_customer_not_named();           // CS112
std::unique_ptr<Rule> make_not_a_case_study();             // CS001
std::unique_ptr<Rule> make_supporting_document_unreadable();  // CS002
std::unique_ptr<Rule> make_field_in_prose();               // CS113
std::unique_ptr<Rule> make_missing_aurora_engine();        // CS120
std::unique_ptr<Rule> make_missing_rto_rpo_guidance();     // CS121
std::unique_ptr<Rule> make_missing_customer_enablement();  // CS122
std::unique_ptr<Rule> make_missing_sizing_guidance();      // CS123
std::unique_ptr<Rule> make_missing_deployment_pattern();   // CS134
std::unique_ptr<Rule> make_public_reference_missing_party(); // CS140
std::unique_ptr<Rule> make_credentials_instead_of_role();  // CS151
std::unique_ptr<Rule> make_ambiguous_date();               // CS201
std::unique_ptr<Rule> make_end_before_start();             // CS202
std::unique_ptr<Rule> make_end_date_after_as_of();         // CS203
std::unique_ptr<Rule> make_project_not_recent();           // CS204
std::unique_ptr<Rule> make_invalid_account_id();           // CS210
std::unique_ptr<Rule> make_placeholder_account_id();       // CS211
std::unique_ptr<Rule> make_not_in_production();            // CS212
std::unique_ptr<Rule> make_missing_database_size();        // CS220
std::unique_ptr<Rule> make_database_too_small();           // CS221
std::unique_ptr<Rule> make_missing_database_characteristic();  // CS222
std::unique_ptr<Rule> make_reference_documents_disagree();  // CS225
std::unique_ptr<Rule> make_percentage_out_of_range();      // CS223
std::unique_ptr<Rule> make_read_write_over_100();          // CS224
std::unique_ptr<Rule> make_missing_architecture_diagram(); // CS301
// Site rules (site_rules.cpp; logic in src/site/report.cpp).
std::unique_ptr<Rule> make_broken_internal_link();         // CS302
std::unique_ptr<Rule> make_missing_image();                // CS303
std::unique_ptr<Rule> make_unresolved_architecture_diagram(); // CS304
std::unique_ptr<Rule> make_page_not_checked();             // CS305
std::unique_ptr<Rule> make_page_not_read();                // CS306
std::unique_ptr<Rule> make_crawl_incomplete();             // CS307
std::unique_ptr<Rule> make_sitemap_entry_broken();         // CS308
std::unique_ptr<Rule> make_case_study_not_in_sitemap();    // CS309
std::unique_ptr<Rule> make_missing_anchor();               // CS310
std::unique_ptr<Rule> make_practice_page_is_home_page();   // LP101
std::unique_ptr<Rule> make_practice_page_unreachable();    // LP102
std::unique_ptr<Rule> make_case_study_unreachable();       // LP103
std::unique_ptr<Rule> make_too_many_clicks();              // LP104
std::unique_ptr<Rule> make_practice_page_not_found();      // LP105
std::unique_ptr<Rule> make_account_id_on_public_page();    // CS401
std::unique_ptr<Rule> make_aws_key_on_public_page();       // CS402
std::unique_ptr<Rule> make_internal_host_on_public_page(); // CS403
std::unique_ptr<Rule> make_internal_email_on_public_page(); // CS404
std::unique_ptr<Rule> make_draft_marker_on_public_page();  // CS405
std::unique_ptr<Rule> make_comment_on_public_page();       // CS406
std::unique_ptr<Rule> make_hidden_text_on_public_page();   // CS407
std::unique_ptr<Rule> make_comment_left_in_document();      // CS408
std::unique_ptr<Rule> make_tracked_change_left_in_document();  // CS409
std::unique_ptr<Rule> make_expired_waiver();               // CS900
std::unique_ptr<Rule> make_missing_practice_description();       // LP001
std::unique_ptr<Rule> make_partner_badge_without_alt();          // LP003
std::unique_ptr<Rule> make_missing_customer_references_link();   // LP004
std::unique_ptr<Rule> make_home_page_as_landing_page();          // LP005
std::unique_ptr<Rule> make_missing_recent_thought_leadership();  // LP012
std::unique_ptr<Rule> make_too_few_aws_regions();                // LP022
std::unique_ptr<Rule> make_too_few_references();          // PF001
std::unique_ptr<Rule> make_too_few_engine_references();   // PF002
std::unique_ptr<Rule> make_too_few_public_references();   // PF003
std::unique_ptr<Rule> make_duplicate_customer();          // PF004
std::unique_ptr<Rule> make_reference_program_mismatch();  // PF005
std::unique_ptr<Rule> make_shared_account_id();           // PF006
std::unique_ptr<Rule> make_customer_name_mismatch();      // PF007
std::unique_ptr<Rule> make_customer_named_without_consent();  // PF008
std::unique_ptr<Rule> make_public_reference_not_reachable();  // PF009
std::unique_ptr<Rule> make_aws_service_name();             // ST001
std::unique_ptr<Rule> make_absolute_claim();               // ST002
std::unique_ptr<Rule> make_acronym_not_spelled_out();      // ST003

}  // namespace caselint::rules::checks
