// Factories of the C++ rules; each lives in its own file, named after it.
#pragma once

#include <memory>

#include "rules/rule.h"

namespace caselint::rules::checks {

std::unique_ptr<Rule> make_empty_field();                  // CS111
std::unique_ptr<Rule> make_customer_not_named();           // CS112
std::unique_ptr<Rule> make_missing_database_size();        // CS220
std::unique_ptr<Rule> make_database_too_small();           // CS221
std::unique_ptr<Rule> make_missing_database_characteristic();  // CS222
std::unique_ptr<Rule> make_percentage_out_of_range();      // CS223
std::unique_ptr<Rule> make_read_write_over_100();          // CS224
std::unique_ptr<Rule> make_missing_architecture_diagram(); // CS301
std::unique_ptr<Rule> make_aws_service_name();             // ST001
std::unique_ptr<Rule> make_absolute_claim();               // ST002
std::unique_ptr<Rule> make_acronym_not_spelled_out();      // ST003

}  // namespace caselint::rules::checks
