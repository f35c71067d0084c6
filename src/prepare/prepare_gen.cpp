// Build-time generator of the data a run would otherwise read from the YAML
// in rules/vocab/ at start-up:
//   prepare_gen OUT.cpp
// - the service dictionary (extract/services.h): its forms in match order
//   and, for the accepted forms and the misspellings, a Hyperscan database
//   with one expression per form (its in-memory image);
// - the vocabulary's snapshot (extract/vocab_snapshot.h);
// - the snapshots of the outline's cues (outline/cue_snapshot.h), the kinds'
//   cues (kind/cue_snapshot.h) and the third-party tools (extract/tools.h);
// - the built-in rules' and profiles' snapshot (rules/rule_snapshot.h).
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <iostream>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "data/embedded.h"
#include "doc/line_index.h"
#include "prepare/gen_output.h"
#include "extract/services.h"
#include "extract/tools.h"
#include "extract/vocab_snapshot.h"
#include "kind/cue_snapshot.h"
#include "outline/cue_snapshot.h"
#include "rules/rule_snapshot.h"

namespace {

namespace ex = caselint::extract;
namespace gen = caselint::gen;

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
    std::string s = caselint::doc::utf8_encode(c);
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

std::string text_ref(ex::PreparedText t) {
  return "{" + std::to_string(t.offset) + "u, " + std::to_string(t.size) + "u}";
}

void forms_table(std::ostream& os, const char* name, std::span<const ex::PreparedForm> forms) {
  os << "const PreparedForm " << name << "[] = {\n";
  for (const ex::PreparedForm& f : forms) {
    os << "  {" << text_ref(f.text) << ", " << text_ref(f.canonical) << ", " << text_ref(f.right) << "},\n";
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
    std::vector<ex::ServiceDictionary::Form> all_forms = accepted_forms;
    all_forms.insert(all_forms.end(), wrong_forms.begin(), wrong_forms.end());
    std::string forms_db = database(all_forms, ws);

    std::string vocabulary = ex::write_snapshot(ex::Vocabulary::builtin_from_yaml());
    if (ex::write_snapshot(ex::read_snapshot(vocabulary)) != vocabulary) {
      throw std::runtime_error("the vocabulary snapshot does not read back as written");
    }
    std::string rules = caselint::rules::write_rules_snapshot(caselint::rules::builtin_rules_from_yaml());
    if (caselint::rules::write_rules_snapshot(caselint::rules::read_rules_snapshot(rules)) != rules) {
      throw std::runtime_error("the rule snapshot does not read back as written");
    }

    std::string outline_cues = caselint::outline::write_cue_snapshot(caselint::outline::cues_from_yaml());
    if (caselint::outline::write_cue_snapshot(caselint::outline::read_cue_snapshot(outline_cues)) != outline_cues) {
      throw std::runtime_error("the outline cue snapshot does not read back as written");
    }
    std::string kind_cues = caselint::kind::write_cue_snapshot(caselint::kind::cues_from_yaml());
    if (caselint::kind::write_cue_snapshot(caselint::kind::read_cue_snapshot(kind_cues)) != kind_cues) {
      throw std::runtime_error("the kind cue snapshot does not read back as written");
    }
    std::string tools = ex::ToolDictionary::builtin().write_snapshot();
    if (ex::ToolDictionary::read_snapshot(tools).write_snapshot() != tools) {
      throw std::runtime_error("the tool snapshot does not read back as written");
    }

    std::ostringstream os;
    os << "// Generated by prepare_gen from rules/vocab/: " << d.size() << " services, "
       << accepted_forms.size() << " accepted forms, " << wrong_forms.size() << " misspellings; the vocabulary's snapshot. "
       << "Do not edit.\n"
       << "#include \"extract/services.h\"\n#include \"extract/tools.h\"\n#include \"extract/vocab_snapshot.h\"\n"
       << "#include \"kind/cue_snapshot.h\"\n#include \"outline/cue_snapshot.h\"\n#include \"rules/rule_snapshot.h\"\n\n"
       << "namespace caselint::extract {\nnamespace {\n\n";
    gen::byte_array(os, "kVocabulary", vocabulary);
    os << "\n";
    gen::byte_array(os, "kRules", rules);
    os << "\n";
    gen::byte_array(os, "kTools", tools);
    os << "\n";
    gen::byte_array(os, "kOutlineCues", outline_cues);
    os << "\n";
    gen::byte_array(os, "kKindCues", kind_cues);
    os << "\n";
    gen::byte_array(os, "kFormsDb", forms_db);
    // The YAML dictionary's own tables, written out as they are.
    const ex::PreparedServices& tables = d.tables();
    os << "\nconst PreparedText kNames[] = {\n";
    for (ex::PreparedText n : tables.names) os << "  " << text_ref(n) << ",\n";
    os << "};\n\n";
    forms_table(os, "kAccepted", tables.accepted);
    forms_table(os, "kWrong", tables.wrong);
    os << "const char kStrings[] = ";
    gen::c_string(os, tables.strings);
    os << ";\n\n";
    os << "const PreparedServices kPrepared{\n"
       << "  std::string_view(kStrings, " << tables.strings.size() << "),\n"
       << "  std::span<const PreparedText>(kNames, " << d.size() << "),\n"
       << "  std::span<const PreparedForm>(kAccepted, " << accepted_forms.size() << "),\n"
       << "  std::span<const PreparedForm>(kWrong, " << wrong_forms.size() << "),\n"
       << "  std::span<const unsigned char>(kFormsDb, " << forms_db.size() << ")};\n\n"
       << "}  // namespace\n\nconst PreparedServices* prepared_services() { return &kPrepared; }\n\n"
       << "std::span<const unsigned char> prepared_vocabulary() {\n  return std::span<const unsigned char>(kVocabulary, "
       << vocabulary.size() << ");\n}\n\n"
       << "std::span<const unsigned char> prepared_tools() {\n  return std::span<const unsigned char>(kTools, "
       << tools.size() << ");\n}\n\n"
       << "}  // namespace caselint::extract\n\nnamespace caselint::outline {\n\n"
       << "std::span<const unsigned char> prepared_cues() {\n  return std::span<const unsigned char>(extract::kOutlineCues, "
       << outline_cues.size() << ");\n}\n\n"
       << "}  // namespace caselint::outline\n\nnamespace caselint::kind {\n\n"
       << "std::span<const unsigned char> prepared_cues() {\n  return std::span<const unsigned char>(extract::kKindCues, "
       << kind_cues.size() << ");\n}\n\n"
       << "}  // namespace caselint::kind\n\nnamespace caselint::rules {\n\n"
       << "std::span<const unsigned char> prepared_rules() {\n  return std::span<const unsigned char>(extract::kRules, "
       << rules.size() << ");\n}\n\n"
       << "}  // namespace caselint::rules\n";
    if (!gen::write_atomically(argv[1], os.str())) {
      std::cerr << "prepare_gen: cannot write " << argv[1] << "\n";
      return 1;
    }
    std::cerr << "prepared: " << accepted_forms.size() << " service forms and " << wrong_forms.size()
              << " misspellings in a database of " << forms_db.size() << " bytes; snapshots of the vocabulary (" << vocabulary.size() << " bytes), the rules (" << rules.size()
              << " bytes), the tools (" << tools.size() << " bytes) and the outline's and kinds' cues ("
              << outline_cues.size() << " and " << kind_cues.size() << " bytes)\n";
  } catch (const std::exception& e) {
    std::cerr << "prepare_gen: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
