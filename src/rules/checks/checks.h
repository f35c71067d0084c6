// Factories of the C++ rules; each lives in its own file, named after it.
#pragma once

#include <memory>

#include "rules/rule.h"

namespace caselint::rules::checks {

std::unique_ptr<Rule> make_empty_field();                  // CS111
std::unique_ptr<Rule> make_customer_not_named();           // CS112
std::unique_ptr<Rule> make_public_reference_missing_party(); // CS140
std::unique_ptr<Rule> make_credentials_instead_of_role();  // CS151
std::unique_ptr<Rule> make_missing_architecture_diagram(); // CS301
std::unique_ptr<Rule> make_aws_service_name();             // ST001
std::unique_ptr<Rule> make_absolute_claim();               // ST002
std::unique_ptr<Rule> make_acronym_not_spelled_out();      // ST003

}  // namespace caselint::rules::checks
