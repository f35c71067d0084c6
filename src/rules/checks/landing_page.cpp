#include "rules/checks/landing_page.h"

#include <yaml-cpp/yaml.h>

#include <stdexcept>

#include "data/embedded.h"

namespace caselint::rules::checks {

namespace {

constexpr const char* kOrigin = "rules/vocab/landing-page.yaml";

[[noreturn]] void fail(const YAML::Node& n, const std::string& message) {
  throw std::runtime_error(std::string(kOrigin) + ":" + std::to_string(n.Mark().line + 1) + ": " + message);
}

extract::Pattern compile(const YAML::Node& n, const std::string& source, bool anchored) {
  try {
    return extract::Pattern(source, anchored);
  } catch (const std::exception& e) {
    fail(n, e.what());
  }
}

std::vector<extract::Pattern> load_list(const YAML::Node& root, const char* key, bool anchored) {
  std::vector<extract::Pattern> out;
  const YAML::Node n = root[key];
  if (!n || !n.IsSequence()) fail(root, std::string("`") + key + "` must be a list of patterns");
  for (const auto& item : n) out.push_back(compile(item, item.as<std::string>(), anchored));
  return out;
}

}  // namespace

const LandingPageVocab& landing_page_vocab() {
  static const LandingPageVocab v = [] {
    YAML::Node root = YAML::Load(std::string(data::embedded_file("vocab/landing-page.yaml")));
    LandingPageVocab l;
    l.badge_images = load_list(root, "badge_images", false);
    l.customer_reference_links = load_list(root, "customer_reference_links", false);
    l.thought_leadership_links = load_list(root, "thought_leadership_links", false);
    l.home_page_paths = load_list(root, "home_page_paths", true);
    l.thought_leadership_headings = load_list(root, "thought_leadership_headings", true);
    const YAML::Node regions = root["regions"];
    if (!regions || !regions.IsSequence()) fail(root, "`regions` must be a list of {code, names}");
    for (const auto& r : regions) {
      if (!r.IsMap() || !r["code"]) fail(r, "a region needs `code:`");
      AwsRegion region;
      region.code = r["code"].as<std::string>();
      // The code as a whole word, so us-east-1 is not found in us-east-10.
      region.written.push_back(compile(r, "(?<![\\w-])" + region.code + "(?![\\w-])", false));
      if (r["names"]) {
        for (const auto& name : r["names"]) region.written.push_back(compile(name, name.as<std::string>(), false));
      }
      l.regions.push_back(std::move(region));
    }
    return l;
  }();
  return v;
}

bool any_match(const std::vector<extract::Pattern>& patterns, std::string_view text) {
  for (const extract::Pattern& p : patterns) {
    if (p.matches(text)) return true;
  }
  return false;
}

std::string landing_program(std::string_view profile) {
  constexpr std::string_view prefix = "landing-page-";
  return profile.starts_with(prefix) ? std::string(profile.substr(prefix.size())) : std::string();
}

void cite_landing_page(RuleMeta& m) {
  m.checklist = "prerequisite Partner Practice Landing Page (aurora 2.3, dms 4.1)";
  m.checklist_by_profile = {
      {"landing-page", "aurora prerequisite 2.3 Partner Practice Landing Page; dms prerequisite 4.1 Partner Practice "
                       "Landing Page"},
      {"landing-page-ml-consulting", "ml-consulting prerequisite 3.1 APN Partner Practice Landing Page"},
      {"landing-page-ml-technology",
       "ml-technology prerequisite AWS Machine Learning Product or Solution: public support statement"}};
}

}  // namespace caselint::rules::checks
