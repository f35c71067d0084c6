#include "extract/services.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <stdexcept>

#include "data/embedded.h"

namespace caselint::extract {

namespace {

std::string escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\^$.|?*+()[]{}/#- ").find(c) != std::string_view::npos) {
      out += c == ' ' ? "\\s+" : std::string("\\") + c;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::unique_ptr<Pattern> ServiceDictionary::build(const std::vector<Form>& forms) {
  if (forms.empty()) return nullptr;
  // Longest first, so "Amazon Aurora PostgreSQL" wins over "Amazon Aurora";
  // each alternative leaves a (*MARK) with its index, naming the form matched.
  std::string src = "(?-i)(?<![\\w-])(?:";
  for (std::size_t i = 0; i < forms.size(); ++i) {
    if (i) src += '|';
    src += escape(forms[i].text) + "(*MARK:" + std::to_string(i) + ")";
  }
  src += ")(?![\\w-]|\\.\\w)";
  return std::make_unique<Pattern>(src);
}

ServiceDictionary ServiceDictionary::from_yaml(std::string_view yaml, const std::string& origin) {
  ServiceDictionary d;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(origin + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
  std::map<std::string, Form> forms;
  auto add = [&](const std::string& text, const std::string& canonical) {
    if (!text.empty()) forms.emplace(text, Form{text, canonical, ""});
  };
  for (const auto& s : root["services"]) {
    std::string name = s["name"].as<std::string>();
    d.names_.push_back(name);
    add(name, name);
    if (s["short"]) add(s["short"].as<std::string>(), name);
    if (s["aliases"]) {
      for (const auto& a : s["aliases"]) add(a.as<std::string>(), name);
    }
  }
  for (const auto& [text, f] : forms) d.accepted_.push_back(f);
  for (const auto& m : root["misspellings"]) {
    std::string wrong = m["wrong"].as<std::string>();
    std::string right = m["right"].as<std::string>();
    auto it = forms.find(right);
    if (it == forms.end()) throw std::runtime_error(origin + ": misspelling \"" + wrong + "\" points at unknown \"" + right + "\"");
    d.wrong_.push_back(Form{wrong, it->second.canonical, right});
  }
  auto longest_first = [](const Form& a, const Form& b) {
    return a.text.size() != b.text.size() ? a.text.size() > b.text.size() : a.text < b.text;
  };
  std::sort(d.accepted_.begin(), d.accepted_.end(), longest_first);
  std::sort(d.wrong_.begin(), d.wrong_.end(), longest_first);
  d.accepted_pattern_ = build(d.accepted_);
  d.wrong_pattern_ = build(d.wrong_);
  return d;
}

const ServiceDictionary& ServiceDictionary::builtin() {
  static const ServiceDictionary d = from_yaml(data::embedded_file("vocab/aws-services.yaml"), "rules/vocab/aws-services.yaml");
  return d;
}

std::vector<ServiceDictionary::Hit> ServiceDictionary::scan(std::string_view text, const Pattern* p,
                                                            const std::vector<Form>& forms) const {
  std::vector<Hit> out;
  if (!p) return out;
  std::size_t from = 0;
  while (from < text.size()) {
    auto m = p->find(text, from);
    if (!m) break;
    std::size_t index = m->mark.empty() ? forms.size() : std::stoul(m->mark);
    if (index < forms.size()) out.push_back(Hit{m->begin, m->end, forms[index].canonical, forms[index].right});
    from = m->end > m->begin ? m->end : m->begin + 1;
  }
  return out;
}

std::vector<ServiceDictionary::Hit> ServiceDictionary::find_services(std::string_view text) const {
  return scan(text, accepted_pattern_.get(), accepted_);
}

std::vector<ServiceDictionary::Hit> ServiceDictionary::find_misspellings(std::string_view text) const {
  return scan(text, wrong_pattern_.get(), wrong_);
}

std::string ServiceDictionary::canonical(std::string_view form) const {
  for (const Form& f : accepted_) {
    if (f.text == form) return f.canonical;
  }
  return {};
}

}  // namespace caselint::extract
