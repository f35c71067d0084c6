#include "report/checklist.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>

#include "data/embedded.h"
#include "extract/vocab.h"
#include "rules/registry.h"

namespace caselint::report {

namespace {

int line_of(const YAML::Node& n) { return n.Mark().line + 1; }

std::string scalar(const YAML::Node& item, const char* key, const std::string& origin, bool required) {
  const YAML::Node v = item[key];
  if (!v) {
    if (required) throw rules::RuleFileError(origin, line_of(item), std::string("an item needs `") + key + ":`");
    return {};
  }
  if (!v.IsScalar()) throw rules::RuleFileError(origin, line_of(v), std::string("`") + key + ":` must be text");
  return v.as<std::string>();
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

bool consume(std::string_view& s, std::string_view prefix) {
  if (s.substr(0, prefix.size()) != prefix) return false;
  s.remove_prefix(prefix.size());
  return true;
}

// "2.1 " or "2.10 " at the start of s: the number, consumed with its space.
std::string take_number(std::string_view& s) {
  std::size_t i = 0;
  bool dot = false;
  while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || (s[i] == '.' && i > 0 && s[i - 1] != '.'))) {
    dot = dot || s[i] == '.';
    ++i;
  }
  if (!dot || i >= s.size() || s[i] != ' ' || s[i - 1] == '.') return {};
  std::string n(s.substr(0, i));
  s.remove_prefix(i + 1);
  return n;
}

// The title is the whole rest, or the rest up to ": detail".
bool names_title(std::string_view rest, std::string_view title) {
  if (rest.substr(0, title.size()) != title) return false;
  return rest.size() == title.size() || rest[title.size()] == ':';
}

// `evidence: {cues: [...], references: N}`; every cue must compile.
void read_evidence(const YAML::Node& ev, Item& it, const std::string& origin) {
  if (!ev.IsMap()) throw rules::RuleFileError(origin, line_of(ev), "`evidence:` must be a mapping with `cues:`");
  for (const auto& kv : ev) {
    std::string key = kv.first.as<std::string>();
    if (key != "cues" && key != "references")
      throw rules::RuleFileError(origin, line_of(kv.first), "unknown evidence key `" + key + "`; expected cues or references");
  }
  const YAML::Node cues = ev["cues"];
  if (!cues || !cues.IsSequence() || cues.size() == 0)
    throw rules::RuleFileError(origin, line_of(ev), "`evidence:` needs `cues:`, a non-empty list of patterns");
  for (const YAML::Node& c : cues) {
    if (!c.IsScalar() || c.Scalar().empty())
      throw rules::RuleFileError(origin, line_of(c), "a cue must be a non-empty pattern");
    try {
      extract::Pattern(c.Scalar()).matches("");
    } catch (const std::runtime_error& e) {
      throw rules::RuleFileError(origin, line_of(c), std::string("cue does not compile: ") + e.what());
    }
    it.cues.push_back(c.Scalar());
  }
  if (const YAML::Node r = ev["references"]) {
    it.references = r.as<int>();
    if (it.references < 1) throw rules::RuleFileError(origin, line_of(r), "`references:` must be 1 or more");
  }
}

}  // namespace

const char* section_name(Section s) { return s == Section::prerequisites ? "prerequisites" : "checklist"; }

std::string Item::label() const {
  std::string out = section == Section::prerequisites ? "prerequisite " : "";
  if (!number.empty()) out += number + " ";
  return out + title;
}

Checklist parse_checklist(std::string_view yaml, const std::string& origin) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    throw rules::RuleFileError(origin, e.mark.line + 1, "not valid YAML: " + e.msg);
  }
  if (!root.IsMap()) throw rules::RuleFileError(origin, 1, "a checklist file is a mapping with `program:` and `items:`");
  try {
    Checklist c;
    c.program = scalar(root, "program", origin, true);
    c.title = scalar(root, "title", origin, true);
    c.file = scalar(root, "checklist", origin, false);
    const YAML::Node items = root["items"];
    if (!items || !items.IsSequence() || items.size() == 0) {
      throw rules::RuleFileError(origin, line_of(root), "`items:` must be a non-empty list");
    }
    static const std::set<std::string> kKeys = {"section", "group", "number", "title", "summary", "note", "human_review", "evidence"};
    for (const YAML::Node& n : items) {
      if (!n.IsMap()) throw rules::RuleFileError(origin, line_of(n), "an item must be a mapping");
      for (const auto& kv : n) {
        std::string key = kv.first.as<std::string>();
        if (!kKeys.count(key)) throw rules::RuleFileError(origin, line_of(kv.first), "unknown item key `" + key + "`");
      }
      Item it;
      std::string section = scalar(n, "section", origin, true);
      if (section == "prerequisites") {
        it.section = Section::prerequisites;
      } else if (section == "checklist") {
        it.section = Section::checklist;
      } else {
        throw rules::RuleFileError(origin, line_of(n["section"]),
                                   "`section:` is \"" + section + "\"; expected prerequisites or checklist");
      }
      it.group = scalar(n, "group", origin, false);
      it.number = scalar(n, "number", origin, true);
      std::string spaced = it.number + " ";
      std::string_view num = spaced;
      if (!it.number.empty() && (take_number(num) != it.number || !num.empty())) {
        throw rules::RuleFileError(origin, line_of(n["number"]), "`number:` \"" + it.number + "\" is not like 2.1");
      }
      it.title = scalar(n, "title", origin, true);
      it.summary = scalar(n, "summary", origin, true);
      it.note = scalar(n, "note", origin, false);
      if (it.title.empty() || it.summary.empty()) {
        throw rules::RuleFileError(origin, line_of(n), "an item needs a non-empty `title:` and `summary:`");
      }
      if (n["human_review"]) it.human_review = n["human_review"].as<bool>();
      if (const YAML::Node ev = n["evidence"]) read_evidence(ev, it, origin);
      c.items.push_back(std::move(it));
    }
    return c;
  } catch (const YAML::Exception& e) {
    throw rules::RuleFileError(origin, e.mark.line + 1, e.msg);
  }
}

namespace {

const std::map<std::string, Checklist, std::less<>>& builtin_checklists() {
  static const std::map<std::string, Checklist, std::less<>> all = [] {
    std::map<std::string, Checklist, std::less<>> m;
    for (const data::EmbeddedFile& f : data::embedded_files()) {
      if (f.path.rfind("checklists/", 0) != 0) continue;
      std::string origin = "rules/" + std::string(f.path);
      Checklist c = parse_checklist(f.content, origin);
      std::string expected = std::string(f.path.substr(11, f.path.size() - 11 - 5));
      if (c.program != expected) {
        throw rules::RuleFileError(origin, 1, "`program: " + c.program + "` does not match the file name");
      }
      m.emplace(c.program, std::move(c));
    }
    return m;
  }();
  return all;
}

}  // namespace

const Checklist* builtin_checklist(std::string_view program) {
  const auto& all = builtin_checklists();
  auto it = all.find(program);
  return it == all.end() ? nullptr : &it->second;
}

std::vector<std::string> checklist_programs() {
  std::vector<std::string> out;
  for (const auto& [id, c] : builtin_checklists()) out.push_back(id);
  return out;
}

Resolution resolve_citation(const Checklist& c, std::string_view citation) {
  Resolution r;
  std::size_t start = 0;
  while (start <= citation.size()) {
    std::size_t end = citation.find(';', start);
    if (end == std::string_view::npos) end = citation.size();
    std::string_view part = trim(citation.substr(start, end - start));
    start = end + 1;
    std::string_view s = part;
    bool named = consume(s, c.program + " ");
    // Not this program: another program's part, a detail after "; ", or not a citation.
    if (!named && s.substr(0, 13) != "prerequisite ") continue;
    Section section = consume(s, "prerequisite ") ? Section::prerequisites : Section::checklist;
    std::string number = take_number(s);
    bool found = false;
    for (std::size_t i = 0; i < c.items.size(); ++i) {
      const Item& it = c.items[i];
      if (it.section != section || (!number.empty() && it.number != number) || !names_title(s, it.title)) continue;
      if (std::find(r.items.begin(), r.items.end(), i) == r.items.end()) r.items.push_back(i);
      found = true;
    }
    if (!found && named) r.unresolved.emplace_back(part);
  }
  return r;
}

}  // namespace caselint::report
