#include "extract/vocab_snapshot.h"

#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <vector>

#include "extract/sizes.h"

namespace caselint::extract {

// The generators link no snapshot; every other binary links the definition
// in build/generated/prepared_data.cpp, which takes precedence.
__attribute__((weak)) std::span<const unsigned char> prepared_vocabulary() { return {}; }

namespace {

// Each structure lists its members once, in `members(a, x)`; writing walks
// a const structure into Out, reading walks a fresh one out of In.
struct Out {
  std::string bytes;
};
struct In {
  std::string_view bytes;
  std::size_t at = 0;
  void take(void* to, std::size_t n) {
    if (bytes.size() - at < n) throw std::runtime_error("the vocabulary snapshot is truncated");
    std::memcpy(to, bytes.data() + at, n);
    at += n;
  }
  // A count no larger than the bytes left (every element takes at least one).
  std::uint64_t count() {
    std::uint64_t n = 0;
    take(&n, sizeof n);
    if (n > bytes.size() - at) throw std::runtime_error("the vocabulary snapshot is malformed");
    return n;
  }
};

// Every overload is declared before any is defined, so that each finds the
// others whatever their order below.
template <class T>
concept Plain = std::is_arithmetic_v<T> || std::is_enum_v<T>;
template <Plain T>
void io(Out& o, const T& v);
template <Plain T>
void io(In& i, T& v);
void io(Out& o, const std::string& s);
void io(In& i, std::string& s);
void io(Out& o, const Pattern& p);
template <class T>
void io(Out& o, const std::vector<T>& v);
template <class T>
void io(In& i, std::vector<T>& v);
template <class T>
void io(Out& o, const std::map<std::string, T>& m);
template <class T>
void io(In& i, std::map<std::string, T>& m);
void io(Out& o, const std::optional<Pattern>& p);
void io(In& i, std::optional<Pattern>& p);
void io(Out& o, const std::unique_ptr<Pattern>& p);
void io(In& i, std::unique_ptr<Pattern>& p);
void io(Out& o, const StagePattern& s);
void io(Out& o, const SizeUnit& u);
void io(Out& o, const ReadWritePattern& r);
#define CASELINT_SNAPSHOT_STRUCT(T) \
  void io(Out& o, const T& x);      \
  void io(In& i, T& x);
CASELINT_SNAPSHOT_STRUCT(FieldVocab)
CASELINT_SNAPSHOT_STRUCT(TopicItem)
CASELINT_SNAPSHOT_STRUCT(TopicSet)
CASELINT_SNAPSHOT_STRUCT(Engine)
CASELINT_SNAPSHOT_STRUCT(Vocabulary::Acronym)
CASELINT_SNAPSHOT_STRUCT(ProductionVocab)
CASELINT_SNAPSHOT_STRUCT(AccountIdVocab)
CASELINT_SNAPSHOT_STRUCT(ProsePatterns)
CASELINT_SNAPSHOT_STRUCT(DatabaseVocab)
#undef CASELINT_SNAPSHOT_STRUCT

template <Plain T>
void io(Out& o, const T& v) {
  o.bytes.append(reinterpret_cast<const char*>(&v), sizeof v);
}
template <Plain T>
void io(In& i, T& v) {
  i.take(&v, sizeof v);
}

void io(Out& o, const std::string& s) {
  io(o, static_cast<std::uint64_t>(s.size()));
  o.bytes += s;
}
void io(In& i, std::string& s) {
  std::uint64_t n = i.count();
  s.assign(i.bytes.substr(i.at, n));
  i.at += n;
}

void io(Out& o, const Pattern& p) {
  io(o, p.source());
  io(o, p.anchored());
}
Pattern read_pattern(In& i) {
  std::string source;
  bool anchored = false;
  io(i, source);
  io(i, anchored);
  return Pattern(source, anchored);
}

// One element read out of the snapshot: default-constructed and filled, or,
// for a structure that holds a Pattern, built from its parts.
template <class T>
T read_one(In& i);
template <>
Pattern read_one<Pattern>(In& i);
template <>
StagePattern read_one<StagePattern>(In& i);
template <>
SizeUnit read_one<SizeUnit>(In& i);
template <>
ReadWritePattern read_one<ReadWritePattern>(In& i);

template <class T>
void io(Out& o, const std::vector<T>& v) {
  io(o, static_cast<std::uint64_t>(v.size()));
  for (const T& x : v) io(o, x);
}
template <class T>
void io(In& i, std::vector<T>& v) {
  std::uint64_t n = i.count();
  v.clear();
  v.reserve(n);
  for (std::uint64_t k = 0; k < n; ++k) v.push_back(read_one<T>(i));
}

template <class T>
void io(Out& o, const std::map<std::string, T>& m) {
  io(o, static_cast<std::uint64_t>(m.size()));
  for (const auto& [k, v] : m) {
    io(o, k);
    io(o, v);
  }
}
template <class T>
void io(In& i, std::map<std::string, T>& m) {
  std::uint64_t n = i.count();
  for (std::uint64_t k = 0; k < n; ++k) {
    std::string key;
    io(i, key);
    m.emplace(std::move(key), read_one<T>(i));
  }
}

void io(Out& o, const std::optional<Pattern>& p) {
  io(o, p.has_value());
  if (p) io(o, *p);
}
void io(In& i, std::optional<Pattern>& p) {
  bool has = false;
  io(i, has);
  if (has) p.emplace(read_pattern(i));
}
void io(Out& o, const std::unique_ptr<Pattern>& p) {
  io(o, p != nullptr);
  if (p) io(o, *p);
}
void io(In& i, std::unique_ptr<Pattern>& p) {
  bool has = false;
  io(i, has);
  if (has) p = std::make_unique<Pattern>(read_pattern(i));
}

template <class A, class F>
void members_FieldVocab(A& a, F& f) {
  io(a, f.name), io(a, f.title), io(a, f.keys), io(a, f.headings), io(a, f.labels), io(a, f.title_patterns);
  io(a, f.text_patterns), io(a, f.body_headings), io(a, f.body_patterns), io(a, f.accepts_none), io(a, f.date);
  io(a, f.anchor), io(a, f.list), io(a, f.skeleton);
}
template <class A, class T>
void members_TopicItem(A& a, T& t) {
  io(a, t.id), io(a, t.title), io(a, t.patterns), io(a, t.except);
}
template <class A, class T>
void members_TopicSet(A& a, T& t) {
  io(a, t.id), io(a, t.title), io(a, t.items), io(a, t.code);
}
template <class A, class E>
void members_Engine(A& a, E& e) {
  io(a, e.id), io(a, e.title), io(a, e.patterns);
}
template <class A, class C>
void members_Acronym(A& a, C& c) {
  io(a, c.acronym), io(a, c.expansion), io(a, c.use), io(a, c.spelled);
}
template <class A, class P>
void members_ProductionVocab(A& a, P& p) {
  io(a, p.values), io(a, p.current), io(a, p.mentions), io(a, p.production), io(a, p.transitions), io(a, p.planned);
}
template <class A, class P>
void members_AccountIdVocab(A& a, P& p) {
  io(a, p.placeholders), io(a, p.mentions);
}
template <class A, class P>
void members_ProsePatterns(A& a, P& p) {
  io(a, p.context), io(a, p.patterns);
}
template <class A, class D>
void members_DatabaseVocab(A& a, D& d) {
  io(a, d.size), io(a, d.rate_after), io(a, d.number), io(a, d.percent), io(a, d.units);
  io(a, d.labelled_before), io(a, d.database_before), io(a, d.database_after), io(a, d.volume_before);
  io(a, d.volume_after), io(a, d.exclude_before), io(a, d.exclude_after), io(a, d.sections);
  io(a, d.section_labels), io(a, d.fact_labels), io(a, d.prose), io(a, d.read_write), io(a, d.read_write_value);
}

#define CASELINT_SNAPSHOT_STRUCT(T, NAME)                 \
  void io(Out& o, const T& x) { members_##NAME(o, x); } \
  void io(In& i, T& x) { members_##NAME(i, x); }
CASELINT_SNAPSHOT_STRUCT(FieldVocab, FieldVocab)
CASELINT_SNAPSHOT_STRUCT(TopicItem, TopicItem)
CASELINT_SNAPSHOT_STRUCT(TopicSet, TopicSet)
CASELINT_SNAPSHOT_STRUCT(Engine, Engine)
CASELINT_SNAPSHOT_STRUCT(Vocabulary::Acronym, Acronym)
CASELINT_SNAPSHOT_STRUCT(ProductionVocab, ProductionVocab)
CASELINT_SNAPSHOT_STRUCT(AccountIdVocab, AccountIdVocab)
CASELINT_SNAPSHOT_STRUCT(ProsePatterns, ProsePatterns)
CASELINT_SNAPSHOT_STRUCT(DatabaseVocab, DatabaseVocab)
#undef CASELINT_SNAPSHOT_STRUCT

void io(Out& o, const StagePattern& s) {
  io(o, s.stage);
  io(o, s.pattern);
}
void io(Out& o, const SizeUnit& u) {
  io(o, u.pattern);
  io(o, u.gb);
}
void io(Out& o, const ReadWritePattern& r) {
  io(o, r.pattern);
  io(o, r.read);
  io(o, r.write);
}

template <class T>
T read_one(In& i) {
  T x;
  io(i, x);
  return x;
}
template <>
Pattern read_one<Pattern>(In& i) {
  return read_pattern(i);
}
template <>
StagePattern read_one<StagePattern>(In& i) {
  std::string stage;
  io(i, stage);
  return StagePattern{std::move(stage), read_pattern(i)};
}
template <>
SizeUnit read_one<SizeUnit>(In& i) {
  Pattern p = read_pattern(i);
  double gb = 0;
  io(i, gb);
  return SizeUnit{std::move(p), gb};
}
template <>
ReadWritePattern read_one<ReadWritePattern>(In& i) {
  Pattern p = read_pattern(i);
  std::size_t read = 0, write = 0;
  io(i, read);
  io(i, write);
  return ReadWritePattern{std::move(p), read, write};
}

// A member added to one of these structures must be added to its members_
// function above too, or the snapshot would drop it: these sizes (libstdc++,
// x86-64) fail the build until then.
static_assert(sizeof(FieldVocab) == 280 && sizeof(TopicItem) == 112 && sizeof(TopicSet) == 96 &&
              sizeof(Engine) == 88 && sizeof(Vocabulary::Acronym) == 80 && sizeof(ProductionVocab) == 144 &&
              sizeof(AccountIdVocab) == 48 && sizeof(ProsePatterns) == 72 && sizeof(DatabaseVocab) == 576 &&
              sizeof(Vocabulary) == 376 && sizeof(StagePattern) == 72 && sizeof(SizeUnit) == 48 &&
              sizeof(ReadWritePattern) == 56,
              "update the snapshot's member lists");

constexpr std::uint32_t kMagic = 0x43564F31;  // "1OVC": the snapshot's format version

}  // namespace

struct VocabularySnapshot {
  template <class A, class V>
  static void members(A& a, V& v) {
    io(a, v.fields_), io(a, v.topics_), io(a, v.engines_), io(a, v.absolute_claims_), io(a, v.acronyms_);
    io(a, v.production_), io(a, v.account_ids_), io(a, v.placeholders_), io(a, v.anonymous_);
  }
  static std::string write(const Vocabulary& v) {
    Out o;
    io(o, kMagic);
    members(o, v);
    io(o, v.database_ != nullptr);
    if (v.database_) io(o, *v.database_);
    return std::move(o.bytes);
  }
  static Vocabulary read(std::string_view bytes) {
    In i{bytes};
    std::uint32_t magic = 0;
    io(i, magic);
    if (magic != kMagic) throw std::runtime_error("the vocabulary snapshot has another format");
    Vocabulary v;
    members(i, v);
    bool has_database = false;
    io(i, has_database);
    if (has_database) {
      auto d = std::make_shared<DatabaseVocab>();
      io(i, *d);
      v.database_ = std::move(d);
    }
    if (i.at != bytes.size()) throw std::runtime_error("the vocabulary snapshot has trailing bytes");
    return v;
  }
};

std::string write_snapshot(const Vocabulary& v) { return VocabularySnapshot::write(v); }
Vocabulary read_snapshot(std::string_view bytes) { return VocabularySnapshot::read(bytes); }

}  // namespace caselint::extract
