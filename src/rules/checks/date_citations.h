// The checklist items the date rules (CS201-CS203) cite: every program's
// "Start and end dates of project".
#pragma once

#include <map>
#include <string>

namespace caselint::rules::checks {

inline const char* kDatesCitation = "case study reference fields: Start and end dates of project";

inline std::map<std::string, std::string> dates_citations() {
  return {{"aurora", "aurora prerequisite 2.1 AWS Customer Case Studies: Start and end dates of project"},
          {"dms", "dms prerequisite 2.1 AWS Customer Case Studies: Start and end dates of project"},
          {"ml-consulting",
           "ml-consulting prerequisite 2.1 ML-Specific Customer References: Start and end dates of project"},
          {"ml-technology", "ml-technology 1.1 Customer References: Start and end dates of project"}};
}

}  // namespace caselint::rules::checks
