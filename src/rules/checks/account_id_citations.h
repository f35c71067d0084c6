// The checklist items the account ID rules (CS210, CS211) cite.
#pragma once

#include <map>
#include <string>

namespace caselint::rules::checks {

inline const char* kAccountIdCitation =
    "case study reference fields: AWS Account ID (Will be used to verify AWS service usage)";

inline std::map<std::string, std::string> account_id_citations() {
  return {{"aurora", "aurora prerequisite 2.1 AWS Customer Case Studies: AWS Account ID (Will be used to verify AWS "
                     "service usage)"},
          {"dms", "dms prerequisite 2.1 AWS Customer Case Studies: AWS Account ID (Will be used to verify AWS service "
                  "usage)"}};
}

}  // namespace caselint::rules::checks
