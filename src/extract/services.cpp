#define PCRE2_CODE_UNIT_WIDTH 8
#include "extract/services.h"

#include <hs/hs_runtime.h>
#include <pcre2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <map>
#include <stdexcept>

#include "data/embedded.h"
#include "doc/line_index.h"

namespace caselint::extract {

// The generator links no generated data; every other binary links the
// definition in build/generated/prepared_data.cpp, which takes precedence.
__attribute__((weak)) const PreparedServices* prepared_services() { return nullptr; }

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

// The whole-word conditions of the PCRE2 alternation, checked at a hit's
// start and end: no word character or hyphen before it, none after it and
// no "." followed by one (so "Amazon S3.Bucket" is not "Amazon S3").
class Boundaries {
 public:
  Boundaries() : before_(compile("(?<![\\w-])")), after_(compile("(?![\\w-]|\\.\\w)")) {}
  ~Boundaries() {
    pcre2_code_free(before_);
    pcre2_code_free(after_);
  }
  Boundaries(const Boundaries&) = delete;
  Boundaries& operator=(const Boundaries&) = delete;
  // The boundaries look one character back and two ahead: each is matched
  // in a window of those characters around its point, so that PCRE2 checks
  // a few bytes of UTF-8 per hit, not the rest of a long paragraph.
  bool hold(std::string_view text, std::size_t begin, std::size_t end) const {
    return holds_at(before_, text, begin) && holds_at(after_, text, end);
  }
  static bool holds_at(const pcre2_code* code, std::string_view text, std::size_t at) {
    std::size_t first = std::min(at, text.size());
    if (first > 0) --first;
    while (first > 0 && doc::is_continuation(text[first])) --first;
    std::size_t last = std::min(at, text.size());
    for (int chars = 0; chars < 2 && last < text.size(); ++chars) {
      last += std::min(doc::utf8_sequence_length(static_cast<unsigned char>(text[last])), text.size() - last);
    }
    while (last < text.size() && doc::is_continuation(text[last])) ++last;
    return match_at(code, text.substr(first, last - first), at - first);
  }

 private:
  static pcre2_code* compile(std::string_view src) {
    int err = 0;
    PCRE2_SIZE off = 0;
    pcre2_code* c = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(src.data()), src.size(), PCRE2_UTF | PCRE2_UCP, &err,
                                  &off, nullptr);
    if (!c) throw std::logic_error("services: boundary pattern does not compile");
    return c;
  }
  static bool match_at(const pcre2_code* code, std::string_view text, std::size_t at) {
    struct Deleter {
      void operator()(pcre2_match_data* m) const { pcre2_match_data_free(m); }
    };
    thread_local std::unique_ptr<pcre2_match_data, Deleter> md(pcre2_match_data_create(1, nullptr));
    return pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), at, PCRE2_ANCHORED, md.get(),
                       nullptr) >= 0;
  }
  pcre2_code* before_;
  pcre2_code* after_;
};

const Boundaries& boundaries() {
  static const Boundaries b;
  return b;
}

std::atomic<std::uint64_t> g_next_database{1};

}  // namespace

struct ServiceDictionary::Database {
  const hs_database_t* db = nullptr;  // an image in the binary's read-only data
  std::uint64_t id = g_next_database.fetch_add(1);  // which databases a thread's scratch is sized for

  // The image scanned in place, or nullptr when this library cannot scan it
  // (a CPU without SSSE3, another library version).
  static std::unique_ptr<Database> load(std::span<const unsigned char> image) {
    if (image.empty() || reinterpret_cast<std::uintptr_t>(image.data()) % 64 != 0) return nullptr;
    auto d = std::make_unique<Database>();
    d->db = reinterpret_cast<const hs_database_t*>(image.data());
    try {
      (void)d->scratch();
    } catch (const std::bad_alloc&) {
      return nullptr;
    }
    return d;
  }

  // This thread's scratch space, grown to fit every database it has scanned.
  hs_scratch_t* scratch() const {
    struct Scratch {
      hs_scratch_t* s = nullptr;
      std::vector<std::uint64_t> fits;
      ~Scratch() { hs_free_scratch(s); }
    };
    thread_local Scratch t;
    if (std::find(t.fits.begin(), t.fits.end(), id) == t.fits.end()) {
      if (hs_alloc_scratch(db, &t.s) != HS_SUCCESS) throw std::bad_alloc();
      t.fits.push_back(id);
    }
    return t.s;
  }
};

struct ServiceDictionary::Owned {
  std::string strings;
  std::vector<PreparedText> names;
  std::vector<PreparedForm> accepted, wrong;
  std::map<std::string, PreparedText, std::less<>> placed;  // while building: each string is stored once
  PreparedText add(std::string_view s) {
    if (auto it = placed.find(s); it != placed.end()) return it->second;
    PreparedText t{static_cast<std::uint32_t>(strings.size()), static_cast<std::uint32_t>(s.size())};
    strings += s;
    placed.emplace(std::string(s), t);
    return t;
  }
};

ServiceDictionary::ServiceDictionary() = default;
ServiceDictionary::~ServiceDictionary() = default;
ServiceDictionary::ServiceDictionary(ServiceDictionary&&) noexcept = default;
ServiceDictionary& ServiceDictionary::operator=(ServiceDictionary&&) noexcept = default;

std::vector<ServiceDictionary::Form> ServiceDictionary::forms(std::span<const PreparedForm> from) const {
  std::vector<Form> out;
  out.reserve(from.size());
  for (const PreparedForm& f : from) out.push_back(form(f));
  return out;
}

std::vector<std::string_view> ServiceDictionary::names() const {
  std::vector<std::string_view> out;
  out.reserve(data_.names.size());
  for (PreparedText t : data_.names) out.push_back(text(t));
  return out;
}

std::string ServiceDictionary::form_expression(std::string_view form, std::string_view whitespace) {
  std::string out;
  for (unsigned char c : form) {
    if (c == ' ') {
      out += "(?:";
      out += whitespace;
      out += ")+";
    } else if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
  return out;
}

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
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(origin + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
  struct Entry {
    std::string text, canonical, right;
  };
  std::vector<std::string> names;
  std::map<std::string, Entry> forms;
  auto add = [&](const std::string& text, const std::string& canonical) {
    if (!text.empty()) forms.emplace(text, Entry{text, canonical, ""});
  };
  for (const auto& s : root["services"]) {
    std::string name = s["name"].as<std::string>();
    names.push_back(name);
    add(name, name);
    if (s["short"]) add(s["short"].as<std::string>(), name);
    if (s["aliases"]) {
      for (const auto& a : s["aliases"]) add(a.as<std::string>(), name);
    }
  }
  std::vector<Entry> accepted, wrong;
  for (const auto& [text, f] : forms) accepted.push_back(f);
  for (const auto& m : root["misspellings"]) {
    std::string w = m["wrong"].as<std::string>();
    std::string right = m["right"].as<std::string>();
    auto it = forms.find(right);
    if (it == forms.end()) throw std::runtime_error(origin + ": misspelling \"" + w + "\" points at unknown \"" + right + "\"");
    wrong.push_back(Entry{w, it->second.canonical, right});
  }
  auto longest_first = [](const Entry& a, const Entry& b) {
    return a.text.size() != b.text.size() ? a.text.size() > b.text.size() : a.text < b.text;
  };
  std::sort(accepted.begin(), accepted.end(), longest_first);
  std::sort(wrong.begin(), wrong.end(), longest_first);

  ServiceDictionary d;
  d.owned_ = std::make_unique<Owned>();
  Owned& o = *d.owned_;
  for (const std::string& n : names) o.names.push_back(o.add(n));
  for (const Entry& e : accepted) o.accepted.push_back({o.add(e.text), o.add(e.canonical), o.add(e.right)});
  for (const Entry& e : wrong) o.wrong.push_back({o.add(e.text), o.add(e.canonical), o.add(e.right)});
  o.placed.clear();
  d.data_ = PreparedServices{o.strings, o.names, o.accepted, o.wrong, {}};
  d.accepted_pattern_ = build(d.accepted());
  d.wrong_pattern_ = build(d.wrong());
  return d;
}

std::unique_ptr<ServiceDictionary> ServiceDictionary::from_prepared(const PreparedServices& p) {
  auto d = std::make_unique<ServiceDictionary>();
  d->forms_db_ = Database::load(p.forms_db);
  if (!d->forms_db_) return nullptr;
  d->data_ = p;
  return d;
}

const ServiceDictionary& ServiceDictionary::builtin() {
  // Never destroyed: freeing it at exit only made every run longer.
  static const ServiceDictionary* d = [] {
    if (const PreparedServices* p = prepared_services()) {
      if (auto prepared = from_prepared(*p)) return prepared.release();
    }
    return new ServiceDictionary(
        from_yaml(data::embedded_file("vocab/aws-services.yaml"), "rules/vocab/aws-services.yaml"));
  }();
  return *d;
}

std::vector<ServiceDictionary::Hit> ServiceDictionary::scan(std::string_view text, const Pattern* p,
                                                            std::span<const PreparedForm> forms) const {
  std::vector<Hit> out;
  if (!p) return out;
  std::size_t from = 0;
  while (from < text.size()) {
    auto m = p->find(text, from);
    if (!m) break;
    std::size_t index = m->mark.empty() ? forms.size() : std::stoul(m->mark);
    if (index < forms.size()) out.push_back(Hit{m->begin, m->end, this->text(forms[index].canonical), this->text(forms[index].right)});
    from = m->end > m->begin ? m->end : m->begin + 1;
  }
  return out;
}

// The same hits as the alternations: Hyperscan reports every occurrence of
// every form of both lists; taken by start and then by form (longest first,
// as an alternation tries them), the first whose boundaries hold at each
// point wins and that list's search goes on after it.
ServiceDictionary::Found ServiceDictionary::scan(std::string_view text, const Database& db) const {
  struct Candidate {
    std::size_t begin, end;
    unsigned index;
  };
  std::vector<Candidate> found;
  auto on_match = [](unsigned int id, unsigned long long from, unsigned long long to, unsigned int,
                     void* ctx) -> int {
    static_cast<std::vector<Candidate>*>(ctx)->push_back(Candidate{from, to, id});
    return 0;
  };
  if (hs_scan(db.db, text.data(), static_cast<unsigned int>(text.size()), 0, db.scratch(), on_match, &found) !=
      HS_SUCCESS) {
    throw std::runtime_error("the service dictionary could not scan the text");
  }
  Found out;
  if (found.empty()) return out;
  std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.index < b.index;
  });
  const std::size_t accepted = data_.accepted.size();
  std::size_t from[2] = {0, 0};  // where each list's search goes on
  for (const Candidate& c : found) {
    const bool wrong = c.index >= accepted;
    const std::size_t index = wrong ? c.index - accepted : c.index;
    std::span<const PreparedForm> forms = wrong ? data_.wrong : data_.accepted;
    if (c.begin < from[wrong] || index >= forms.size()) continue;
    if (!boundaries().hold(text, c.begin, c.end)) continue;
    (wrong ? out.misspellings : out.services)
        .push_back(Hit{c.begin, c.end, this->text(forms[index].canonical), this->text(forms[index].right)});
    from[wrong] = c.end > c.begin ? c.end : c.begin + 1;
  }
  return out;
}

ServiceDictionary::Found ServiceDictionary::find_all(std::string_view text) const {
  if (forms_db_) return scan(text, *forms_db_);
  return {scan(text, accepted_pattern_.get(), data_.accepted), scan(text, wrong_pattern_.get(), data_.wrong)};
}

std::vector<ServiceDictionary::Hit> ServiceDictionary::find_services(std::string_view text) const {
  if (forms_db_) return scan(text, *forms_db_).services;
  return scan(text, accepted_pattern_.get(), data_.accepted);
}

std::vector<ServiceDictionary::Hit> ServiceDictionary::find_misspellings(std::string_view text) const {
  if (forms_db_) return scan(text, *forms_db_).misspellings;
  return scan(text, wrong_pattern_.get(), data_.wrong);
}

}  // namespace caselint::extract
