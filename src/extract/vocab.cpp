#define PCRE2_CODE_UNIT_WIDTH 8
#include "extract/vocab.h"

#include <pcre2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cctype>
#include <mutex>
#include <stdexcept>

#include "data/embedded.h"
#include "doc/line_index.h"
#include "extract/prefilter.h"
#include "extract/vocab_snapshot.h"

namespace caselint::extract {

namespace {

// Bounds every match: a pattern from a user's rule file that backtracks
// catastrophically fails the match instead of hanging the run.
constexpr uint32_t kMatchLimit = 1'000'000;
constexpr uint32_t kDepthLimit = 10'000;

struct MatchContextDeleter {
  void operator()(pcre2_match_context* c) const { pcre2_match_context_free(c); }
};

pcre2_match_context* shared_match_context() {
  static std::unique_ptr<pcre2_match_context, MatchContextDeleter> ctx([] {
    pcre2_match_context* c = pcre2_match_context_create(nullptr);
    pcre2_set_match_limit(c, kMatchLimit);
    pcre2_set_depth_limit(c, kDepthLimit);
    return c;
  }());
  return ctx.get();
}

}  // namespace

// JIT compiling a pattern costs as much as interpreting it for a while, and
// most of the vocabulary's patterns are matched only briefly in a run over
// one small file: compiling them all at start-up made start-up several times
// slower. So a pattern is interpreted until its matches have taken this long
// in all, then JIT-compiled once for the rest of the run. Counting time, not
// bytes, JIT-compiles the costly patterns (the service dictionary's long
// alternation) at once and the cheap ones only in long runs.
constexpr std::int64_t kJitAfterNs = 200'000;

struct Pattern::Impl {
  std::string_view source;  // the table's copy of a built-in pattern, else `owned`
  std::string owned;
  pcre2_code* code = nullptr;  // interpreted; never changed once compiled
  // A built-in pattern (one the prefilter table lists, which the build
  // compiled once already) is compiled when first matched: a run over one
  // file needs few of the hundreds, and compiling them all was most of
  // start-up. Any other pattern is compiled in the constructor, which
  // reports a bad one.
  std::once_flag compile_once;
  uint32_t options = 0;
  // A JIT-compiled copy, published once made: other threads may be matching
  // with `code` meanwhile, so it is compiled on a copy, not in place.
  std::atomic<pcre2_code*> jit{nullptr};
  std::atomic<std::int64_t> interpreted_ns{0};
  std::once_flag jit_once;
  uint32_t value_group = 0;
  prefilter::Cut cut;  // the literals one of which every match holds; empty: always run
  prefilter::Cut second;  // another such set, or empty
  std::span<const unsigned char> prepared;  // the generator's compiled form, if any
  ~Impl() {
    pcre2_code_free(jit.load());
    pcre2_code_free(code);
  }
  void interpreted_for(std::chrono::steady_clock::duration d) {
    auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(d).count();
    if (interpreted_ns.fetch_add(ns, std::memory_order_relaxed) + ns < kJitAfterNs) return;
    std::call_once(jit_once, [this] {
      pcre2_code* copy = pcre2_code_copy(code);
      if (copy && pcre2_jit_compile(copy, PCRE2_JIT_COMPLETE) == 0) {
        jit.store(copy, std::memory_order_release);
      } else {
        pcre2_code_free(copy);  // no JIT on this machine: the interpreter it is
      }
    });
  }
};

Pattern::Pattern(const std::string& source, bool anchored) : impl_(std::make_unique<Impl>()) {
  impl_->options = PCRE2_CASELESS | PCRE2_UTF | PCRE2_UCP;
  if (anchored) impl_->options |= PCRE2_ANCHORED | PCRE2_ENDANCHORED;
  prefilter::note_source(source, impl_->options);
  if (const prefilter::Entry* e = prefilter::entry_for(source)) {
    impl_->source = prefilter::source_of(*e);
    impl_->cut = prefilter::cut_of(*e);
    impl_->second = prefilter::second_cut_of(*e);
    entry_ = prefilter::index_of(*e);
    impl_->prepared = prefilter::compiled_form(*e, impl_->options);
    return;
  }
  impl_->owned = source;
  impl_->source = impl_->owned;
  compiled();
}

std::string_view Pattern::source() const { return impl_->source; }

const Pattern::Impl& Pattern::compiled() const {
  std::call_once(impl_->compile_once, [this] {
    // The generator's compiled form when this library can read it (the
    // same PCRE2 version and build), the pattern compiled afresh otherwise.
    if (!impl_->prepared.empty() &&
        pcre2_serialize_get_number_of_codes(reinterpret_cast<const uint8_t*>(impl_->prepared.data())) == 1) {
      pcre2_code* code = nullptr;
      if (pcre2_serialize_decode(&code, 1, reinterpret_cast<const uint8_t*>(impl_->prepared.data()), nullptr) == 1) {
        impl_->code = code;
      }
    }
    int err = 0;
    PCRE2_SIZE err_off = 0;
    if (!impl_->code) impl_->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(impl_->source.data()), impl_->source.size(), impl_->options, &err,
                                &err_off, nullptr);
    if (!impl_->code) {
      PCRE2_UCHAR buf[256];
      pcre2_get_error_message(err, buf, sizeof buf);
      throw std::runtime_error("bad pattern \"" + std::string(impl_->source) + "\" at offset " + std::to_string(err_off) + ": " +
                               reinterpret_cast<const char*>(buf));
    }
    int group = pcre2_substring_number_from_name(impl_->code, reinterpret_cast<PCRE2_SPTR>("value"));
    if (group > 0) impl_->value_group = static_cast<uint32_t>(group);
  });
  return *impl_;
}

Pattern::~Pattern() = default;
Pattern::Pattern(Pattern&&) noexcept = default;
Pattern& Pattern::operator=(Pattern&&) noexcept = default;

std::optional<Pattern::Match> Pattern::find(std::string_view subject, std::size_t from) const {
  if (!prefilter::may_match(impl_->cut, subject) || !prefilter::may_match(impl_->second, subject)) {
    return std::nullopt;
  }
  return run(subject, from);
}

namespace {

// Whether `subject` lies in `valid` (valid UTF-8) with its ends and `from` on
// character boundaries: then it is valid UTF-8 too and `from` starts a
// character, which is what PCRE2_NO_UTF_CHECK asks the caller to ensure.
bool known_valid(std::string_view subject, std::size_t from, std::string_view valid) {
  if (valid.empty() || subject.empty() || from > subject.size()) return false;
  const auto at = reinterpret_cast<std::uintptr_t>(subject.data());
  const auto begin = reinterpret_cast<std::uintptr_t>(valid.data());
  if (at < begin || at - begin > valid.size() || subject.size() > valid.size() - (at - begin)) return false;
  const std::size_t end = (at - begin) + subject.size();
  if (doc::is_continuation(subject.front())) return false;
  if (end < valid.size() && doc::is_continuation(valid[end])) return false;
  return from == subject.size() || !doc::is_continuation(subject[from]);
}

}  // namespace

std::optional<Pattern::Match> Pattern::find(std::string_view subject, std::size_t from,
                                            const prefilter::Screened& screen) const {
  if (!prefilter::may_match(entry_, screen)) return std::nullopt;
  return run(subject, from,
             known_valid(subject, from, screen.valid_utf8) || known_valid(subject, from, screen.also_valid));
}

std::optional<Pattern::Match> Pattern::run(std::string_view subject, std::size_t from, bool valid_utf8) const {
  struct MatchDataDeleter {
    void operator()(pcre2_match_data* m) const { pcre2_match_data_free(m); }
  };
  compiled();
  thread_local std::unique_ptr<pcre2_match_data, MatchDataDeleter> md(pcre2_match_data_create(32, nullptr));
  int rc = 0;
  const uint32_t options = valid_utf8 ? PCRE2_NO_UTF_CHECK : 0;
  if (const pcre2_code* jit = impl_->jit.load(std::memory_order_acquire)) {
    rc = pcre2_match(jit, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), from, options, md.get(),
                     shared_match_context());
  } else {
    auto start = std::chrono::steady_clock::now();
    rc = pcre2_match(impl_->code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), from, options,
                     md.get(), shared_match_context());
    impl_->interpreted_for(std::chrono::steady_clock::now() - start);
  }
  if (rc < 0) return std::nullopt;  // no match, or a match/depth limit was hit
  PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md.get());
  Match m;
  m.begin = ov[0];
  m.end = ov[1];
  for (int g = 0; g < rc; ++g) {
    std::size_t b = ov[2 * g], e = ov[2 * g + 1];
    if (b == PCRE2_UNSET) {
      m.groups.emplace_back(std::string_view::npos, std::string_view::npos);
    } else {
      m.groups.emplace_back(b, e);
    }
  }
  if (PCRE2_SPTR mark = pcre2_get_mark(md.get())) m.mark = reinterpret_cast<const char*>(mark);
  if (impl_->value_group > 0 && static_cast<uint32_t>(rc) > impl_->value_group &&
      ov[2 * impl_->value_group] != PCRE2_UNSET) {
    m.value = std::make_pair(ov[2 * impl_->value_group], ov[2 * impl_->value_group + 1]);
  }
  return m;
}

bool Pattern::anchored() const { return (impl_->options & PCRE2_ANCHORED) != 0; }

std::size_t Pattern::group_number(std::string_view name) const {
  std::string n(name);
  int group = pcre2_substring_number_from_name(compiled().code, reinterpret_cast<PCRE2_SPTR>(n.c_str()));
  return group > 0 ? static_cast<std::size_t>(group) : 0;
}

namespace {

[[noreturn]] void fail(const std::string& origin, const YAML::Node& n, const std::string& msg) {
  throw std::runtime_error(origin + ":" + std::to_string(n.Mark().line + 1) + ": " + msg);
}

std::vector<Pattern> compile_list(const YAML::Node& n, const std::string& origin, bool anchored) {
  std::vector<Pattern> out;
  if (!n) return out;
  if (!n.IsSequence()) fail(origin, n, "expected a list of patterns");
  for (const auto& item : n) {
    try {
      out.emplace_back(item.as<std::string>(), anchored);
    } catch (const std::runtime_error& e) {
      fail(origin, item, e.what());
    }
  }
  return out;
}

}  // namespace

Vocabulary Vocabulary::from_yaml(std::string_view fields_yaml, std::string_view placeholders_yaml,
                                 const std::string& origin) {
  Vocabulary v;
  YAML::Node root = YAML::Load(std::string(fields_yaml));
  YAML::Node fields = root["fields"];
  if (!fields || !fields.IsMap()) throw std::runtime_error(origin + ": expected a `fields:` mapping");
  for (const auto& kv : fields) {
    FieldVocab f;
    f.name = kv.first.as<std::string>();
    const YAML::Node& spec = kv.second;
    f.title = spec["title"] ? spec["title"].as<std::string>() : f.name;
    if (spec["keys"]) {
      for (const auto& k : spec["keys"]) f.keys.push_back(k.as<std::string>());
    }
    f.headings = compile_list(spec["headings"], origin, true);
    f.labels = compile_list(spec["labels"], origin, true);
    f.title_patterns = compile_list(spec["title_patterns"], origin, false);
    f.text_patterns = compile_list(spec["text_patterns"], origin, false);
    f.prose_patterns = compile_list(spec["prose_patterns"], origin, false);
    f.body_headings = compile_list(spec["body_headings"], origin, true);
    f.body_patterns = compile_list(spec["body_patterns"], origin, false);
    f.accepts_none = spec["accepts_none"] && spec["accepts_none"].as<bool>();
    f.date = spec["date"] && spec["date"].as<bool>();
    if (spec["anchor"]) {
      std::string a = spec["anchor"].as<std::string>();
      if (a == "title") {
        f.anchor = Anchor::title;
      } else if (a == "end") {
        f.anchor = Anchor::end;
      } else {
        fail(origin, spec["anchor"], "anchor must be title or end");
      }
    }
    f.list = spec["list"] && spec["list"].as<bool>();
    if (spec["skeleton"]) f.skeleton = spec["skeleton"].as<std::string>();
    v.fields_.push_back(std::move(f));
  }
  YAML::Node ph = YAML::Load(std::string(placeholders_yaml));
  v.placeholders_ = compile_list(ph["placeholders"], origin, true);
  v.anonymous_ = compile_list(ph["anonymous_customers"], origin, true);
  return v;
}

void Vocabulary::add_topics(std::string_view yaml, const std::string& origin) {
  YAML::Node root = YAML::Load(std::string(yaml));
  YAML::Node sets = root["topics"];
  if (!sets || !sets.IsMap()) throw std::runtime_error(origin + ": expected a `topics:` mapping");
  for (const auto& kv : sets) {
    TopicSet set;
    set.id = kv.first.as<std::string>();
    set.title = kv.second["title"] ? kv.second["title"].as<std::string>() : set.id;
    set.code = kv.second["code"] && kv.second["code"].as<bool>();
    YAML::Node items = kv.second["items"];
    if (!items || !items.IsSequence()) fail(origin, kv.second, "a topic set needs `items:`");
    for (const auto& item : items) {
      TopicItem t;
      t.id = item["id"].as<std::string>();
      t.title = item["title"] ? item["title"].as<std::string>() : t.id;
      t.patterns = compile_list(item["patterns"], origin, false);
      if (t.patterns.empty()) fail(origin, item, "topic " + t.id + " has no patterns");
      t.except = compile_list(item["except"], origin, false);
      set.items.push_back(std::move(t));
    }
    if (topic_set(set.id) || field(set.id)) fail(origin, kv.first, "topic set " + set.id + " is defined twice");
    topics_.push_back(std::move(set));
  }
}

void Vocabulary::add_wording(std::string_view yaml, const std::string& origin) {
  YAML::Node root = YAML::Load(std::string(yaml));
  for (Pattern& p : compile_list(root["absolute_claims"], origin, false)) absolute_claims_.push_back(std::move(p));
  if (YAML::Node acr = root["acronyms"]) {
    for (const auto& kv : acr) {
      Acronym a;
      a.acronym = kv.first.as<std::string>();
      a.expansion = kv.second.as<std::string>();
      std::string escaped;
      for (char c : a.acronym) {
        if (c == '/') escaped += "\\";
        escaped += c;
      }
      a.use = std::make_unique<Pattern>("(?-i)(?<![\\w/-])" + escaped + "(?![\\w/-])");
      std::string words;
      for (char c : a.expansion) {
        if (c == ' ') {
          words += "[\\s-]+";
        } else if (std::isalnum(static_cast<unsigned char>(c))) {
          words += c;
        } else {
          words += std::string("\\") + c;
        }
      }
      a.spelled = std::make_unique<Pattern>("\\b" + words);
      acronyms_.push_back(std::move(a));
    }
  }
}

namespace {

// `stage: [patterns]` for every stage of a mapping.
std::vector<StagePattern> stage_patterns(const YAML::Node& n, const std::string& origin, bool anchored) {
  static const std::vector<std::string> kStages = {"production", "pilot", "proof-of-concept", "development"};
  std::vector<StagePattern> out;
  if (!n) return out;
  if (!n.IsMap()) fail(origin, n, "expected a mapping of stage to patterns");
  for (const auto& kv : n) {
    std::string stage = kv.first.as<std::string>();
    if (std::find(kStages.begin(), kStages.end(), stage) == kStages.end()) {
      fail(origin, kv.first, "unknown stage \"" + stage + "\"; stages: production, pilot, proof-of-concept, development");
    }
    for (Pattern& p : compile_list(kv.second, origin, anchored)) out.push_back({stage, std::move(p)});
  }
  return out;
}

}  // namespace

void Vocabulary::add_production(std::string_view yaml, const std::string& origin) {
  YAML::Node root = YAML::Load(std::string(yaml));
  production_.values = stage_patterns(root["values"], origin, true);
  production_.current = stage_patterns(root["current"], origin, false);
  production_.mentions = stage_patterns(root["mentions"], origin, false);
  production_.production = compile_list(root["production"], origin, false);
  production_.transitions = compile_list(root["transitions"], origin, false);
  production_.planned = compile_list(root["planned"], origin, false);
}

void Vocabulary::add_account_ids(std::string_view yaml, const std::string& origin) {
  YAML::Node root = YAML::Load(std::string(yaml));
  account_ids_.placeholders = compile_list(root["placeholders"], origin, true);
  account_ids_.mentions = compile_list(root["mentions"], origin, false);
  for (const auto& id : root["aws_owned"]) account_ids_.aws_owned.push_back(id.as<std::string>());
}

void Vocabulary::add_engines(std::string_view yaml, const std::string& origin) {
  YAML::Node root = YAML::Load(std::string(yaml));
  YAML::Node list = root["engines"];
  if (!list || !list.IsSequence()) throw std::runtime_error(origin + ": expected an `engines:` list");
  for (const auto& item : list) {
    Engine e;
    e.id = item["id"].as<std::string>();
    e.title = item["title"] ? item["title"].as<std::string>() : e.id;
    e.patterns = compile_list(item["patterns"], origin, false);
    if (e.patterns.empty()) fail(origin, item, "engine " + e.id + " has no patterns");
    if (engine(e.id)) fail(origin, item, "engine " + e.id + " is defined twice");
    engines_.push_back(std::move(e));
  }
}

const Engine* Vocabulary::engine(std::string_view id) const {
  for (const Engine& e : engines_) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

void Vocabulary::add_fields(std::string_view yaml, const std::string& origin) {
  Vocabulary extra = from_yaml(yaml, "{}", origin);
  for (FieldVocab& f : extra.fields_) {
    if (field(f.name)) throw std::runtime_error(origin + ": field " + f.name + " is defined twice");
    fields_.push_back(std::move(f));
  }
}

const TopicSet* Vocabulary::topic_set(std::string_view id) const {
  for (const TopicSet& t : topics_) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

Vocabulary Vocabulary::builtin_from_yaml() {
  Vocabulary voc = from_yaml(data::embedded_file("vocab/fields.yaml"), data::embedded_file("vocab/placeholders.yaml"),
                             "rules/vocab/fields.yaml");
  for (const data::EmbeddedFile& f : data::embedded_files()) {
    if (f.path.rfind("vocab/topics/", 0) == 0) voc.add_topics(f.content, "rules/" + std::string(f.path));
  }
  voc.add_wording(data::embedded_file("vocab/wording.yaml"), "rules/vocab/wording.yaml");
  voc.add_production(data::embedded_file("vocab/production.yaml"), "rules/vocab/production.yaml");
  voc.add_account_ids(data::embedded_file("vocab/account-ids.yaml"), "rules/vocab/account-ids.yaml");
  voc.add_engines(data::embedded_file("vocab/engines.yaml"), "rules/vocab/engines.yaml");
  voc.add_fields(data::embedded_file("vocab/database.yaml"), "rules/vocab/database.yaml");
  voc.add_database(data::embedded_file("vocab/database.yaml"), "rules/vocab/database.yaml");
  return voc;
}

const Vocabulary& Vocabulary::builtin() {
  // Never destroyed: freeing it at exit only made every run longer.
  static const Vocabulary& v = *new Vocabulary([] {
    std::span<const unsigned char> snap = prepared_vocabulary();
    if (!snap.empty()) return read_snapshot(std::string_view(reinterpret_cast<const char*>(snap.data()), snap.size()));
    return builtin_from_yaml();
  }());
  return v;
}

const FieldVocab* Vocabulary::field(std::string_view name) const {
  for (const FieldVocab& f : fields_) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

bool Vocabulary::is_placeholder(std::string_view text) const {
  std::string_view t = text;
  auto b = t.find_first_not_of(" \t\r\n*_.");
  if (b == std::string_view::npos) return true;
  auto e = t.find_last_not_of(" \t\r\n*_.");
  t = t.substr(b, e - b + 1);
  // Placeholders are whole-text patterns (compile_list anchors them).
  const prefilter::Screened screen = prefilter::unscreened(t);
  return std::any_of(placeholders_.begin(), placeholders_.end(), [&](const Pattern& p) { return p.matches(t, screen); });
}

bool Vocabulary::is_anonymous_customer(std::string_view text) const {
  const prefilter::Screened screen = prefilter::screen_of(text);
  return std::any_of(anonymous_.begin(), anonymous_.end(), [&](const Pattern& p) { return p.matches(text, screen); });
}

std::string Vocabulary::normalise_heading(std::string_view heading) {
  std::string out;
  bool space = false;
  for (unsigned char c : heading) {
    if (std::isalnum(c) || c >= 0x80 || c == '&' || c == '/' || c == '\'' || c == '-') {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += static_cast<char>(c >= 0x80 ? c : std::tolower(c));
    } else {
      space = true;
    }
  }
  // Drop leading numbering: "1 ", "2 1 ", "step 3 ", "section 2 ".
  for (;;) {
    std::size_t i = 0;
    if (out.rfind("step ", 0) == 0) i = 5;
    else if (out.rfind("section ", 0) == 0) i = 8;
    std::size_t j = i;
    while (j < out.size() && std::isdigit(static_cast<unsigned char>(out[j]))) ++j;
    if (j > i && j < out.size() && out[j] == ' ') {
      out.erase(0, j + 1);
      continue;
    }
    break;
  }
  // Drop non-ASCII leading symbols (emoji) left at the start.
  while (!out.empty() && static_cast<unsigned char>(out[0]) >= 0x80) {
    std::size_t k = 1;
    while (k < out.size() && doc::is_continuation(out[k])) ++k;
    if (k < out.size() && out[k] == ' ') ++k;
    // Keep letters such as "É": only strip symbols in the emoji/dingbat planes.
    unsigned char lead = static_cast<unsigned char>(out[0]);
    if (lead != 0xE2 && lead != 0xF0) break;
    out.erase(0, k);
  }
  return out;
}

}  // namespace caselint::extract
