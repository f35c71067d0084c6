// Build-time generator of the literal prefilter (extract/prefilter.h).
//   prefilter_gen OUT.cpp [SAMPLE_FILE...]   (PREFILTER_DEBUG=1: print each pattern's atoms and cut)
// Loads every built-in pattern (the rule set, the vocabulary, and whatever the
// checks build lazily while checking the sample files under every profile),
// asks RE2's FilteredRE2 for each pattern's atoms, keeps a minimal set of
// them that every match must contain, compiles all kept atoms into one
// Hyperscan literal database for a generic x86-64 CPU, and writes the
// database's in-memory image and the table as C++.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <hs/hs.h>
#include <pcre2.h>
#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "check/check.h"
#include "prepare/gen_output.h"
#include "extract/prefilter.h"
#include "extract/services.h"
#include "extract/vocab.h"
#include "rules/registry.h"

namespace {

// One character is enough: the frequency test below keeps common ones out,
// and a rare sign ('%', '@', '[') screens the patterns that need it.
constexpr int kMinAtomLength = 1;
// An atom that occurs more often than this per KiB of the sample texts.
constexpr std::size_t kCommonPerKiB = 1;

bool is_quantifier_start(char c) { return c == '*' || c == '+' || c == '?' || c == '{'; }

// The index just past the group opening at p[i] == '(' (escapes, classes and
// \Q...\E skipped), or npos when it is not closed.
std::size_t skip_group(std::string_view p, std::size_t i) {
  int depth = 0;
  bool in_class = false;
  while (i < p.size()) {
    char c = p[i];
    if (c == '\\') {
      if (i + 1 < p.size() && p[i + 1] == 'Q') {
        std::size_t e = p.find("\\E", i + 2);
        if (e == std::string_view::npos) return std::string_view::npos;
        i = e + 2;
        continue;
      }
      i += 2;
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      ++i;
      continue;
    }
    if (c == '[') {
      in_class = true;
      ++i;
      if (i < p.size() && p[i] == '^') ++i;
      if (i < p.size() && p[i] == ']') ++i;  // a leading ] is a literal
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')' && --depth == 0) return i + 1;
    ++i;
  }
  return std::string_view::npos;
}

// Rewrites a PCRE2 pattern into RE2 syntax matching a superset of its
// matches: lookarounds and backtracking verbs are dropped, atomic groups and
// possessive quantifiers become plain ones, named groups take RE2's
// spelling. False when the pattern uses something this cannot carry over
// (back-references, recursion, conditionals, escapes RE2 reads differently):
// such a pattern is never screened.
bool to_re2(std::string_view p, std::string& out) {
  out.clear();
  std::size_t i = 0;
  // After a quantifier: a lazy '?' is kept, a possessive '+' dropped.
  auto quantifier_suffix = [&] {
    if (i < p.size() && p[i] == '?') {
      out += '?';
      ++i;
    } else if (i < p.size() && p[i] == '+') {
      ++i;
    }
  };
  while (i < p.size()) {
    char c = p[i];
    if (c == '\\') {
      if (i + 1 >= p.size()) return false;
      char e = p[i + 1];
      if (e == 'Q') {
        std::size_t end = p.find("\\E", i + 2);
        std::size_t stop = end == std::string_view::npos ? p.size() : end + 2;
        out.append(p.substr(i, stop - i));
        if (end == std::string_view::npos) out += "\\E";
        i = stop;
        continue;
      }
      bool same = std::string_view("dDsSwWbBAznrtfxpP").find(e) != std::string_view::npos ||
                  !(std::isalnum(static_cast<unsigned char>(e)) || static_cast<unsigned char>(e) >= 0x80);
      if (!same) return false;
      out.append(p.substr(i, 2));
      i += 2;
      continue;
    }
    if (c == '[') {
      std::size_t j = i + 1;
      if (j < p.size() && p[j] == '^') ++j;
      if (j < p.size() && p[j] == ']') ++j;
      while (j < p.size() && p[j] != ']') {
        if (p[j] == '\\') {
          if (j + 1 >= p.size()) return false;
          char e = p[j + 1];
          bool same = std::string_view("dDsSwWnrtfxpP").find(e) != std::string_view::npos ||
                      !(std::isalnum(static_cast<unsigned char>(e)) || static_cast<unsigned char>(e) >= 0x80);
          if (!same) return false;
          j += 2;
        } else if (p[j] == '[' && j + 1 < p.size() && p[j + 1] == ':') {
          std::size_t e = p.find(":]", j + 2);
          if (e == std::string_view::npos) return false;
          j = e + 2;
        } else {
          ++j;
        }
      }
      if (j >= p.size()) return false;
      out.append(p.substr(i, j + 1 - i));
      i = j + 1;
      continue;
    }
    if (c == '(') {
      std::string_view rest = p.substr(i);
      if (rest.starts_with("(*")) {
        std::size_t e = p.find(')', i);
        if (e == std::string_view::npos || rest.starts_with("(*ACCEPT")) return false;
        i = e + 1;
        continue;
      }
      if (rest.starts_with("(?#")) {
        std::size_t e = p.find(')', i);
        if (e == std::string_view::npos) return false;
        i = e + 1;
        continue;
      }
      if (rest.starts_with("(?=") || rest.starts_with("(?!") || rest.starts_with("(?<=") ||
          rest.starts_with("(?<!")) {
        std::size_t e = skip_group(p, i);
        if (e == std::string_view::npos) return false;
        if (e < p.size() && is_quantifier_start(p[e])) return false;
        i = e;
        continue;
      }
      if (rest.starts_with("(?<") || rest.starts_with("(?'")) {
        char close = rest[2] == '<' ? '>' : '\'';
        std::size_t e = p.find(close, i + 3);
        if (e == std::string_view::npos) return false;
        out += "(?P<";
        out.append(p.substr(i + 3, e - (i + 3)));
        out += '>';
        i = e + 1;
        continue;
      }
      if (rest.starts_with("(?P<")) {
        out += "(?P<";
        i += 4;
        continue;
      }
      if (rest.starts_with("(?>") || rest.starts_with("(?|")) {
        out += "(?:";
        i += 3;
        continue;
      }
      if (rest.starts_with("(?")) {
        // Only flag groups: (?i) (?-i:...) and the like; RE2 rejects what it lacks.
        std::size_t j = i + 2;
        while (j < p.size() && (std::isalpha(static_cast<unsigned char>(p[j])) || p[j] == '-')) ++j;
        if (j >= p.size() || (p[j] != ')' && p[j] != ':')) return false;
        if (p.substr(i + 2, j - i - 2).find_first_of("xXnJ") != std::string_view::npos) return false;
        out.append(p.substr(i, j + 1 - i));
        i = j + 1;
        continue;
      }
      out += '(';
      ++i;
      continue;
    }
    if (c == '*' || c == '+' || c == '?') {
      out += c;
      ++i;
      quantifier_suffix();
      continue;
    }
    if (c == '{') {
      std::size_t j = i + 1;
      while (j < p.size() && (std::isdigit(static_cast<unsigned char>(p[j])) || p[j] == ',')) ++j;
      if (j < p.size() && p[j] == '}' && j > i + 1 && std::isdigit(static_cast<unsigned char>(p[i + 1]))) {
        out.append(p.substr(i, j + 1 - i));
        i = j + 1;
        quantifier_suffix();
        continue;
      }
      out += "\\{";  // a literal brace, as PCRE2 reads one that starts no quantifier
      ++i;
      continue;
    }
    out += c;
    ++i;
  }
  return true;
}

bool ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// How often `atom` occurs in the sample text (lowercased), which estimates
// how often a screen on it would let its pattern through.
std::size_t frequency(const std::string& atom, const std::string& sample) {
  std::size_t n = 0;
  for (std::size_t at = sample.find(atom); at != std::string::npos; at = sample.find(atom, at + 1)) ++n;
  return n;
}

// The alternatives of `re` (RE2 syntax) at its top level, looking through
// leading flag groups and a group around the whole; each keeps the leading
// flags. One alternative when there is no top-level alternation.
std::vector<std::string> branches(std::string_view re) {
  std::string flags;
  while (re.starts_with("(?")) {
    std::size_t j = 2;
    while (j < re.size() && (std::isalpha(static_cast<unsigned char>(re[j])) || re[j] == '-')) ++j;
    if (j >= re.size() || re[j] != ')' || j == 2) break;
    flags.append(re.substr(0, j + 1));
    re.remove_prefix(j + 1);
  }
  if (re.starts_with("(") && skip_group(re, 0) == re.size()) {
    std::size_t open = 1;
    if (re.starts_with("(?:")) {
      open = 3;
    } else if (re.starts_with("(?P<")) {
      open = re.find('>') + 1;
    } else if (re.starts_with("(?")) {
      return {flags + std::string(re)};  // a flag group with a body: left whole
    }
    std::vector<std::string> out;
    for (std::string& b : branches(re.substr(open, re.size() - open - 1))) out.push_back(flags + b);
    return out;
  }
  std::vector<std::string> out;
  std::size_t start = 0, i = 0;
  while (i < re.size()) {
    char c = re[i];
    if (c == '\\') {
      if (i + 1 < re.size() && re[i + 1] == 'Q') {
        std::size_t e = re.find("\\E", i + 2);
        i = e == std::string_view::npos ? re.size() : e + 2;
      } else {
        i += 2;
      }
      continue;
    }
    if (c == '[' || c == '(') {
      if (c == '(') {
        std::size_t e = skip_group(re, i);
        if (e == std::string_view::npos) return {flags + std::string(re)};
        i = e;
        continue;
      }
      std::size_t j = i + 1;
      if (j < re.size() && re[j] == '^') ++j;
      if (j < re.size() && re[j] == ']') ++j;
      while (j < re.size() && re[j] != ']') j += re[j] == '\\' ? 2 : 1;
      i = j + 1;
      continue;
    }
    if (c == '|') {
      out.push_back(flags + std::string(re.substr(start, i - start)));
      start = i + 1;
    }
    ++i;
  }
  out.push_back(flags + std::string(re.substr(start)));
  return out;
}

using Groups = std::vector<std::vector<std::string>>;
Groups cut_of_branch(const std::string& source, const std::string& translated, const std::string& sample);

// The atoms of which every match of `source` holds at least one (the cut),
// and for a pattern of one alternative maybe a second such set disjoint from
// the first ("test ... monthly": one of each side); an empty list when there
// is no set worth screening with. Each top-level alternative gets a cut of
// its own, and the cut is their union: RE2's prefilter tree drops an atom
// shared by many alternatives (more than 8 parents) from the conditions of
// those alternatives, which can leave an alternative that needs an atom no
// longer in any condition.
Groups cut_of(const std::string& source, const std::string& sample) {
  std::string translated;
  if (!to_re2(source, translated)) return {};
  std::vector<std::string> alternatives = branches(translated);
  if (alternatives.size() == 1) return cut_of_branch(source, alternatives.front(), sample);
  std::vector<std::string> out;
  for (const std::string& b : alternatives) {
    Groups part = cut_of_branch(source, b, sample);
    if (part.empty()) return {};
    out.insert(out.end(), part.front().begin(), part.front().end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return {out};
}

Groups cut_of_branch(const std::string& source, const std::string& translated, const std::string& sample) {
  RE2::Options opts;
  opts.set_case_sensitive(false);
  opts.set_log_errors(false);
  opts.set_max_mem(64 << 20);
  re2::FilteredRE2 f(kMinAtomLength);
  int id = -1;
  if (f.Add(translated, opts, &id) != RE2::NoError) {
    if (std::getenv("PREFILTER_DEBUG")) std::cerr << "RE2 REJECTS " << translated << "\n";
    return {};
  }
  std::vector<std::string> atoms;
  f.Compile(&atoms);
  if (std::getenv("PREFILTER_DEBUG")) {
    std::cerr << "PATTERN " << source << "\n  RE2 " << translated << "\n  ATOMS";
    for (auto& a : atoms) std::cerr << " [" << a << "]";
    std::cerr << "\n";
  }
  if (atoms.empty()) return {};
  auto passes = [&](const std::vector<int>& present) {
    std::vector<int> potential;
    f.AllPotentials(present, &potential);
    return std::find(potential.begin(), potential.end(), id) != potential.end();
  };
  if (passes({})) return {};  // matches without any atom
  // Greedily shrink the cut, dropping the atoms most likely to occur anyway
  // (non-ASCII first, which the literal scan cannot fold, then the most
  // frequent in the samples, then the shortest): the cut stays valid while
  // the pattern fails with every atom outside it.
  std::vector<int> order(atoms.size());
  std::vector<std::size_t> freq(atoms.size());
  for (std::size_t k = 0; k < atoms.size(); ++k) {
    order[k] = static_cast<int>(k);
    freq[k] = frequency(lower(atoms[k]), sample);
  }
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    bool na = !ascii(atoms[a]), nb = !ascii(atoms[b]);
    if (na != nb) return na;
    if (freq[a] != freq[b]) return freq[a] > freq[b];
    return atoms[a].size() < atoms[b].size();
  });
  // A set is valid when the pattern fails with every atom outside it present
  // and none of it: every match holds one of its atoms.
  auto shrink = [&](std::set<int> cut) {
    for (int a : order) {
      if (!cut.erase(a)) continue;
      std::vector<int> outside;
      for (std::size_t k = 0; k < atoms.size(); ++k) {
        if (!cut.count(static_cast<int>(k))) outside.push_back(static_cast<int>(k));
      }
      if (passes(outside)) cut.insert(a);  // needed
    }
    return cut;
  };
  std::set<int> cut = shrink(std::set<int>(order.begin(), order.end()));
  // A second set, of atoms outside the first, is valid when the pattern
  // fails with only the first set's atoms present.
  std::set<int> second;
  if (!passes(std::vector<int>(cut.begin(), cut.end()))) {
    for (int a : order) {
      if (!cut.count(a)) second.insert(a);
    }
    second = shrink(second);
  }
  if (std::getenv("PREFILTER_DEBUG")) {
    std::cerr << "  CUT";
    for (int a : cut) std::cerr << " [" << atoms[a] << "]";
    if (!second.empty()) std::cerr << "\n  AND";
    for (int a : second) std::cerr << " [" << atoms[a] << "]";
    std::cerr << "\n";
  }
  auto usable = [&](const std::set<int>& set, std::vector<std::string>& out) {
    for (int a : set) {
      if (!ascii(atoms[a])) return false;
      // An atom in nearly every paragraph ("an", "co") admits the pattern
      // nearly always, and its many occurrences are most of the literal
      // scan's work: such a set is not used.
      if (freq[a] * 1024 > kCommonPerKiB * sample.size()) return false;
      // No atom holds a line break, so that a screen of a text with its
      // line breaks read as spaces screens the text too (TextScreens).
      if (atoms[a].find_first_of("\r\n") != std::string::npos) return false;
      out.push_back(lower(atoms[a]));
    }
    return !out.empty();
  };
  Groups groups(1);
  if (!usable(cut, groups[0])) return {};
  std::vector<std::string> more;
  if (!second.empty() && usable(second, more)) groups.push_back(std::move(more));
  return groups;
}


// One pattern compiled as a run compiles it (Pattern::compiled), serialized.
std::string serialized_code(const std::string& source, std::uint32_t options) {
  int err = 0;
  PCRE2_SIZE err_off = 0;
  pcre2_code* code =
      pcre2_compile(reinterpret_cast<PCRE2_SPTR>(source.data()), source.size(), options, &err, &err_off, nullptr);
  if (!code) throw std::runtime_error("cannot compile " + source);
  uint8_t* bytes = nullptr;
  PCRE2_SIZE size = 0;
  const pcre2_code* list[] = {code};
  int32_t rc = pcre2_serialize_encode(list, 1, &bytes, &size, nullptr);
  pcre2_code_free(code);
  if (rc != 1) throw std::runtime_error("cannot serialize " + source);
  std::string out(reinterpret_cast<const char*>(bytes), size);
  pcre2_serialize_free(bytes);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: prefilter_gen OUT.cpp [SAMPLE_FILE...]\n";
    return 2;
  }
  namespace ex = caselint::extract;
  std::vector<ex::prefilter::Noted> noted;
  std::string sample;  // the sample files, lowercased
  ex::prefilter::record_sources(&noted);
  try {
    const auto& rules = caselint::rules::RuleSet::builtin();
    (void)ex::Vocabulary::builtin();
    (void)ex::ServiceDictionary::builtin();
    caselint::config::ConfigCache configs(std::nullopt);
    for (int k = 2; k < argc; ++k) {
      std::ifstream in(argv[k], std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      sample += lower(text.str());
      for (const std::string& profile : rules.profile_ids()) {
        caselint::check::Input input;
        input.profile = profile;
        for (bool pub : {false, true}) {
          caselint::rules::RunOptions run;
          run.treat_as_public = pub;
          (void)caselint::check::check_text(argv[k], text.str(), input, configs, run);
        }
      }
    }
  } catch (const std::exception& e) {
    std::cerr << "prefilter_gen: " << e.what() << "\n";
    return 1;
  }
  ex::prefilter::record_sources(nullptr);
  std::map<std::string, std::set<std::uint32_t>> options_of;  // each source, with the options it is compiled with
  for (const auto& n : noted) options_of[n.source].insert(n.options);
  std::vector<std::string> sources;
  for (const auto& [source, options] : options_of) sources.push_back(source);

  std::map<std::string, unsigned> atom_ids;
  std::vector<std::string> atom_list;
  struct Row {
    std::string source;
    std::vector<unsigned> cut;
    std::vector<unsigned> second;  // a second cut, disjoint from the first; may be empty
    std::uint32_t compiled_first = 0, compiled_count = 0;
  };
  struct CompiledRow {
    std::uint32_t options, offset, size;
  };
  std::vector<CompiledRow> compiled;
  std::string code;
  std::vector<Row> rows;
  std::size_t screened = 0, both = 0;
  for (const std::string& s : sources) {
    Row r{s, {}};
    Groups groups = cut_of(s, sample);
    for (std::size_t g = 0; g < groups.size() && g < 2; ++g) {
      for (const std::string& a : groups[g]) {
        auto [it, added] = atom_ids.emplace(a, static_cast<unsigned>(atom_list.size()));
        if (added) atom_list.push_back(a);
        (g == 0 ? r.cut : r.second).push_back(it->second);
      }
    }
    screened += !r.cut.empty();
    both += !r.second.empty();
    r.compiled_first = static_cast<std::uint32_t>(compiled.size());
    for (std::uint32_t options : options_of[s]) {
      std::string bytes;
      try {
        bytes = serialized_code(s, options);
      } catch (const std::exception& e) {
        std::cerr << "prefilter_gen: " << e.what() << "\n";
        return 1;
      }
      code.resize((code.size() + 7) / 8 * 8, '\0');
      compiled.push_back({options, static_cast<std::uint32_t>(code.size()), static_cast<std::uint32_t>(bytes.size())});
      code += bytes;
    }
    r.compiled_count = static_cast<std::uint32_t>(compiled.size()) - r.compiled_first;
    rows.push_back(std::move(r));
  }

  std::string image;
  try {
    // Every occurrence is reported, not only the first (HS_FLAG_SINGLEMATCH):
    // setting a bit again costs less than the bookkeeping Hyperscan does to
    // report each atom once, which made a scan of the corpus's blocks about
    // half as slow again.
    std::vector<unsigned> flags(atom_list.size(), HS_FLAG_CASELESS);
    image = caselint::gen::in_memory_image(caselint::gen::compile_and_serialize(atom_list, flags, true));
  } catch (const std::exception& e) {
    std::cerr << "prefilter_gen: " << e.what() << "\n";
    return 1;
  }

  std::ostringstream os;
  os << "// Generated by prefilter_gen from the built-in patterns: " << rows.size() << " patterns, " << screened
     << " screened (" << both << " by two cuts) by " << atom_list.size() << " atoms. Do not edit.\n"
     << "#include \"extract/prefilter.h\"\n\n"
     << "namespace caselint::extract::prefilter {\nnamespace {\n\n";
  caselint::gen::byte_array(os, "kDatabase", image);
  os << "\n// Atoms, in id order:\n";
  for (unsigned k = 0; k < atom_list.size(); ++k) {
    os << "//   " << k << ' ';
    caselint::gen::c_string(os, atom_list[k]);
    os << '\n';
  }
  auto numbers = [&os](const char* type, const char* name, const auto& values) {
    os << "const " << type << " " << name << "[] = {";
    for (auto v : values) os << v << "u, ";
    if (values.empty()) os << "0";
    os << "};\n";
  };
  // Each row's first cut, then its second.
  std::vector<std::uint32_t> cuts, first, second_first;
  for (const Row& r : rows) {
    first.push_back(static_cast<std::uint32_t>(cuts.size()));
    cuts.insert(cuts.end(), r.cut.begin(), r.cut.end());
    second_first.push_back(static_cast<std::uint32_t>(cuts.size()));
    cuts.insert(cuts.end(), r.second.begin(), r.second.end());
  }
  numbers("std::uint32_t", "kCuts", cuts);
  os << "\n";
  // The sources, one after another: an entry gives its offset and size, so
  // that the table needs no relocation when the program loads.
  std::string all_sources;
  std::vector<std::uint32_t> source_at;
  for (const Row& r : rows) {
    source_at.push_back(static_cast<std::uint32_t>(all_sources.size()));
    all_sources += r.source;
  }
  os << "const char kSources[] = ";
  caselint::gen::c_string(os, all_sources);
  os << ";\n\nconst Entry kEntries[] = {\n";
  for (std::size_t k = 0; k < rows.size(); ++k) {
    os << "  {" << source_at[k] << ", " << rows[k].source.size() << ", " << first[k] << ", " << rows[k].cut.size() << ", "
       << rows[k].compiled_first << ", " << rows[k].compiled_count << ", " << second_first[k] << ", "
       << rows[k].second.size() << "},\n";
  }
  if (rows.empty()) os << "  {},\n";
  // The table turned around, so that a run need not build it: for each atom,
  // the cuts that hold it (2 * entry for a first cut, 2 * entry + 1 for a
  // second), and a bit per entry never screened and per entry with one cut.
  std::vector<std::vector<std::uint32_t>> holding(atom_list.size());
  std::vector<std::uint64_t> always((rows.size() + 63) / 64), one_cut((rows.size() + 63) / 64);
  for (std::uint32_t i = 0; i < rows.size(); ++i) {
    const std::uint64_t bit = std::uint64_t{1} << (i % 64);
    if (rows[i].cut.empty()) {
      always[i / 64] |= bit;
      continue;
    }
    for (unsigned a : rows[i].cut) holding[a].push_back(2 * i);
    if (rows[i].second.empty()) {
      one_cut[i / 64] |= bit;
      continue;
    }
    for (unsigned a : rows[i].second) holding[a].push_back(2 * i + 1);
  }
  std::vector<std::uint32_t> index_first{0}, index;
  for (const auto& h : holding) {
    index.insert(index.end(), h.begin(), h.end());
    index_first.push_back(static_cast<std::uint32_t>(index.size()));
  }
  os << "};\n\n";
  numbers("std::uint32_t", "kIndexFirst", index_first);
  numbers("std::uint32_t", "kIndex", index);
  numbers("std::uint64_t", "kAlways", always);
  numbers("std::uint64_t", "kOneCut", one_cut);
  os << "\n// Each pattern compiled with the options a run uses (pcre2_serialize_encode).\n";
  caselint::gen::byte_array(os, "kCode", code);
  os << "const Compiled kCompiled[] = {\n";
  for (const CompiledRow& c : compiled) os << "  {" << c.options << "u, " << c.offset << ", " << c.size << "},\n";
  if (compiled.empty()) os << "  {},\n";
  os << "};\n\nconst Data kData{std::span<const unsigned char>(kDatabase, " << image.size() << "), "
     << atom_list.size() << ", std::span<const Entry>(kEntries, " << rows.size() << "), std::span<const std::uint32_t>(kCuts, "
     << cuts.size() << "), std::span<const Compiled>(kCompiled, " << compiled.size() << "), std::span<const unsigned char>(kCode, "
     << code.size() << "), std::string_view(kSources, " << all_sources.size() << "), std::span<const std::uint32_t>(kIndexFirst, "
     << index_first.size() << "), std::span<const std::uint32_t>(kIndex, " << index.size()
     << "), std::span<const std::uint64_t>(kAlways, " << always.size() << "), std::span<const std::uint64_t>(kOneCut, "
     << one_cut.size() << ")};\n\n}  // namespace\n\nconst Data* data() { return &kData; }\n\n}  // namespace caselint::extract::prefilter\n";

  if (!caselint::gen::write_atomically(argv[1], os.str())) {
    std::cerr << "prefilter_gen: cannot write " << argv[1] << "\n";
    return 1;
  }
  std::cerr << "prefilter: " << rows.size() << " patterns, " << screened << " screened (" << both
            << " by two cuts) by " << atom_list.size()
            << " atoms, database " << image.size() << " bytes; " << compiled.size() << " compiled forms, "
            << code.size() << " bytes\n";
  return 0;
}
