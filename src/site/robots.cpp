#include "site/robots.h"

#include <algorithm>
#include <cctype>

namespace caselint::site {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// RFC 9309 matching: `*` matches any run of characters, a final `$` anchors
// the end; otherwise the pattern is a prefix of the path.
bool matches(std::string_view pattern, std::string_view path) {
  bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  // Iterative wildcard match with backtracking to the last '*'.
  std::size_t p = 0, s = 0, star = std::string_view::npos, mark = 0;
  while (s < path.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = s;
    } else if (p < pattern.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
    } else if (p == pattern.size() && !anchored) {
      return true;  // the pattern is a prefix
    } else if (star != std::string_view::npos) {
      p = star + 1;
      s = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace

Robots::Robots(std::string_view text, std::string_view agent) {
  std::string me = lower(agent);
  // Each group: its agents, its rules. Consecutive User-agent lines share a group.
  struct Group {
    std::vector<std::string> agents;
    std::vector<Rule> rules;
  };
  std::vector<Group> groups;
  bool in_agents = false;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    start = end == std::string_view::npos ? text.size() + 1 : end + 1;
    if (auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string field = lower(trim(line.substr(0, colon)));
    std::string value(trim(line.substr(colon + 1)));
    if (field == "user-agent") {
      if (!in_agents) groups.emplace_back();
      groups.back().agents.push_back(lower(value));
      in_agents = true;
    } else if (field == "allow" || field == "disallow") {
      in_agents = false;
      if (groups.empty()) continue;  // rules before any User-agent belong to no group
      if (value.empty()) continue;   // "Disallow:" with no path allows everything
      groups.back().rules.push_back({value, field == "allow"});
    } else {
      in_agents = false;
    }
  }
  const Group* chosen = nullptr;
  for (const Group& g : groups) {
    for (const std::string& a : g.agents) {
      if (a != "*" && !a.empty() && me.find(a) != std::string::npos) chosen = &g;
    }
    if (chosen) break;
  }
  if (!chosen) {
    for (const Group& g : groups) {
      if (std::find(g.agents.begin(), g.agents.end(), "*") != g.agents.end()) {
        chosen = &g;
        break;
      }
    }
  }
  if (chosen) rules_ = chosen->rules;
}

bool Robots::allowed(std::string_view path) const {
  // The longest matching pattern wins; Allow wins a tie.
  std::size_t best = 0;
  bool allow = true, any = false;
  for (const Rule& r : rules_) {
    if (!matches(r.pattern, path)) continue;
    if (!any || r.pattern.size() > best || (r.pattern.size() == best && r.allow)) {
      best = r.pattern.size();
      allow = r.allow;
      any = true;
    }
  }
  return allow;
}

}  // namespace caselint::site
