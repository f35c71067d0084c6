// Data of the landing page rules (LP003, LP004, LP005, LP012, LP022): the
// patterns of rules/vocab/landing-page.yaml, compiled once per process.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/vocab.h"
#include "rules/rule.h"

namespace caselint::rules::checks {

struct AwsRegion {
  std::string code;                       // us-east-1
  std::vector<extract::Pattern> written;  // the code and the names, as whole words
};

struct LandingPageVocab {
  std::vector<extract::Pattern> badge_images, customer_reference_links, thought_leadership_links;
  std::vector<extract::Pattern> home_page_paths, thought_leadership_headings;  // anchored
  std::vector<AwsRegion> regions;
};
// Throws std::runtime_error naming rules/vocab/landing-page.yaml when the built-in file is bad.
const LandingPageVocab& landing_page_vocab();

bool any_match(const std::vector<extract::Pattern>& patterns, std::string_view text);

// The program a landing-page profile is written for: "ml-consulting" for
// landing-page-ml-consulting, "" for the generic landing-page profile.
std::string landing_program(std::string_view profile);

// The citation of a landing page rule for each landing profile.
void cite_landing_page(RuleMeta& m);

}  // namespace caselint::rules::checks
