// Build-time generator of the data a run would otherwise read from the YAML
// in rules/vocab/ at start-up:
//   prepare_gen OUT.cpp
// - the service dictionary (extract/services.h): its forms in match order
//   and, for the accepted forms and the misspellings, a Hyperscan database
//   with one expression per form (its in-memory image);
// - the vocabulary's snapshot (extract/vocab_snapshot.h);
// - the built-in rules' and profiles' snapshot (rules/rule_snapshot.h).
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "data/embedded.h"
#include "extract/gen_output.h"
#include "extract/services.h"
#include "extract/vocab_snapshot.h"
#include "rules/rule_snapshot.h"

namespace {

namespace ex = caselint::extract;
namespace gen = caselint::gen;

std::string utf8(char32_t c) {
  std::string s;
  if (c < 0x80) {
    s += static_cast<char>(c);
  } else if (c < 0x800) {
    s += static_cast<char>(0xC0 | (c >> 6));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    s += static_cast<char>(0xE0 | (c >> 12));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (c >> 18));
    s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  }
  return s;
}

// A byte-level expression for one character that PCRE2's \s matches in the
// mode the dictionary's alternation is compiled in (UTF, UCP): asked of
// PCRE2 itself for every code point, so the two cannot disagree.
std::string whitespace_expression() {
  int err = 0;
  PCRE2_SIZE off = 0;
  pcre2_code* ws = pcre2_compile(reinterpret_cast<PCRE2_SPTR>("^\\s$"), PCRE2_ZERO_TERMINATED,
                                 PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &err, &off, nullptr);
  if (!ws) throw std::runtime_error("\\s does not compile");
  pcre2_match_data* md = pcre2_match_data_create(1, nullptr);
  std::string out;
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string s = utf8(c);
    if (pcre2_match(ws, reinterpret_cast<PCRE2_SPTR>(s.data()), s.size(), 0, 0, md, nullptr) < 0) continue;
    if (!out.empty()) out += '|';
    for (unsigned char b : s) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", b);
      out += buf;
    }
  }
  pcre2_match_data_free(md);
  pcre2_code_free(ws);
  return out;
}

std::string database(const std::vector<ex::ServiceDictionary::Form>& forms, const std::string& whitespace) {
  std::vector<std::string> exprs;
  std::vector<unsigned> flags;
  for (const auto& f : forms) {
    exprs.push_back(ex::ServiceDictionary::form_expression(f.text, whitespace));
    flags.push_back(HS_FLAG_SOM_LEFTMOST);
  }
  return gen::in_memory_image(gen::compile_and_serialize(exprs, flags, false));
}

// The dictionary's strings, each written once, and where each one lies.
class Strings {
 public:
  std::string at(std::string_view s) {
    auto [it, added] = offsets_.try_emplace(std::string(s), static_cast<std::uint32_t>(all_.size()));
    if (added) all_ += s;
    return "{" + std::to_string(it->second) + "u, " + std::to_string(s.size()) + "u}";
  }
  const std::string& all() const { return all_; }

 private:
  std::string all_;
  std::map<std::string, std::uint32_t> offsets_;
};

void forms_table(std::ostream& os, const char* name, const std::vector<ex::ServiceDictionary::Form>& forms, Strings& strings) {
  os << "const PreparedForm " << name << "[] = {\n";
  for (const auto& f : forms) {
    os << "  {" << strings.at(f.text) << ", " << strings.at(f.canonical) << ", " << strings.at(f.right) << "},\n";
  }
  if (forms.empty()) os << "  {},\n";
  os << "};\n\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: prepare_gen OUT.cpp\n";
    return 2;
  }
  try {
    const char* origin = "rules/vocab/aws-services.yaml";
    ex::ServiceDictionary d = ex::ServiceDictionary::from_yaml(caselint::data::embedded_file("vocab/aws-services.yaml"), origin);
    std::string ws = whitespace_expression();
    const std::vector<ex::ServiceDictionary::Form> accepted_forms = d.accepted(), wrong_forms = d.wrong();
    std::string accepted = database(accepted_forms, ws);
    std::string wrong = database(wrong_forms, ws);

    std::string vocabulary = ex::write_snapshot(ex::Vocabulary::builtin_from_yaml());
    if (ex::write_snapshot(ex::read_snapshot(vocabulary)) != vocabulary) {
      throw std::runtime_error("the vocabulary snapshot does not read back as written");
    }
    std::string rules = caselint::rules::write_rules_snapshot(caselint::rules::builtin_rules_from_yaml());
    if (caselint::rules::write_rules_snapshot(caselint::rules::read_rules_snapshot(rules)) != rules) {
      throw std::runtime_error("the rule snapshot does not read back as written");
    }

    std::ostringstream os;
    os << "// Generated by prepare_gen from rules/vocab/: " << d.names().size() << " services, "
       << accepted_forms.size() << " accepted forms, " << wrong_forms.size() << " misspellings; the vocabulary's snapshot. "
       << "Do not edit.\n"
       << "#include \"extract/services.h\"\n#include \"extract/vocab_snapshot.h\"\n#include \"rules/rule_snapshot.h\"\n\n"
       << "namespace caselint::extract {\nnamespace {\n\n";
    gen::byte_array(os, "kVocabulary", vocabulary);
    os << "\n";
    gen::byte_array(os, "kRules", rules);
    os << "\n";
    gen::byte_array(os, "kAcceptedDb", accepted);
    os << "\n";
    gen::byte_array(os, "kWrongDb", wrong);
    Strings strings;
    os << "\nconst PreparedText kNames[] = {\n";
    for (std::string_view n : d.names()) os << "  " << strings.at(n) << ",\n";
    os << "};\n\n";
    forms_table(os, "kAccepted", accepted_forms, strings);
    forms_table(os, "kWrong", wrong_forms, strings);
    os << "const char kStrings[] = ";
    gen::c_string(os, strings.all());
    os << ";\n\n";
    os << "const PreparedServices kPrepared{\n"
       << "  std::string_view(kStrings, " << strings.all().size() << "),\n"
       << "  std::span<const PreparedText>(kNames, " << d.names().size() << "),\n"
       << "  std::span<const PreparedForm>(kAccepted, " << accepted_forms.size() << "),\n"
       << "  std::span<const PreparedForm>(kWrong, " << wrong_forms.size() << "),\n"
       << "  std::span<const unsigned char>(kAcceptedDb, " << accepted.size() << "),\n"
       << "  std::span<const unsigned char>(kWrongDb, " << wrong.size() << ")};\n\n"
       << "}  // namespace\n\nconst PreparedServices* prepared_services() { return &kPrepared; }\n\n"
       << "std::span<const unsigned char> prepared_vocabulary() {\n  return std::span<const unsigned char>(kVocabulary, "
       << vocabulary.size() << ");\n}\n\n"
       << "}  // namespace caselint::extract\n\nnamespace caselint::rules {\n\n"
       << "std::span<const unsigned char> prepared_rules() {\n  return std::span<const unsigned char>(extract::kRules, "
       << rules.size() << ");\n}\n\n"
       << "}  // namespace caselint::rules\n";
    if (!gen::write_atomically(argv[1], os.str())) {
      std::cerr << "prepare_gen: cannot write " << argv[1] << "\n";
      return 1;
    }
    std::cerr << "prepared: " << accepted_forms.size() << " service forms and " << wrong_forms.size()
              << " misspellings in databases of " << accepted.size() << " and " << wrong.size()
              << " bytes; snapshots of the vocabulary (" << vocabulary.size() << " bytes) and the rules (" << rules.size()
              << " bytes)\n";
  } catch (const std::exception& e) {
    std::cerr << "prepare_gen: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
