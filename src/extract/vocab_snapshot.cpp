#include "extract/vocab_snapshot.h"

#include <memory>
#include <optional>

#include "extract/sizes.h"
#include "data/snapshot_io.h"

namespace caselint::extract {

// The generators link no snapshot; every other binary links the definition
// in build/generated/prepared_data.cpp, which takes precedence.
__attribute__((weak)) std::span<const unsigned char> prepared_vocabulary() { return {}; }

}  // namespace caselint::extract

namespace caselint::snapshot {

using namespace caselint::extract;

void io(Out& o, const Pattern& p) {
  io(o, std::string(p.source()));
  io(o, p.anchored());
}
Pattern read_one(In& i, std::type_identity<Pattern>) {
  std::string source;
  bool anchored = false;
  io(i, source);
  io(i, anchored);
  return Pattern(source, anchored);
}

void io(Out& o, const std::optional<Pattern>& p) {
  io(o, p.has_value());
  if (p) io(o, *p);
}
void io(In& i, std::optional<Pattern>& p) {
  bool has = false;
  io(i, has);
  if (has) p.emplace(read_one(i, std::type_identity<Pattern>{}));
}
void io(Out& o, const std::unique_ptr<Pattern>& p) {
  io(o, p != nullptr);
  if (p) io(o, *p);
}
void io(In& i, std::unique_ptr<Pattern>& p) {
  bool has = false;
  io(i, has);
  if (has) p = std::make_unique<Pattern>(read_one(i, std::type_identity<Pattern>{}));
}

void io(Out& o, const StagePattern& s) {
  io(o, s.stage);
  io(o, s.pattern);
}
StagePattern read_one(In& i, std::type_identity<StagePattern>) {
  std::string stage;
  io(i, stage);
  return StagePattern{std::move(stage), read_one(i, std::type_identity<Pattern>{})};
}
void io(Out& o, const SizeUnit& u) {
  io(o, u.pattern);
  io(o, u.gb);
}
SizeUnit read_one(In& i, std::type_identity<SizeUnit>) {
  Pattern p = read_one(i, std::type_identity<Pattern>{});
  double gb = 0;
  io(i, gb);
  return SizeUnit{std::move(p), gb};
}
void io(Out& o, const ReadWritePattern& r) {
  io(o, r.pattern);
  io(o, r.read);
  io(o, r.write);
}
ReadWritePattern read_one(In& i, std::type_identity<ReadWritePattern>) {
  Pattern p = read_one(i, std::type_identity<Pattern>{});
  std::size_t read = 0, write = 0;
  io(i, read);
  io(i, write);
  return ReadWritePattern{std::move(p), read, write};
}

// The member lists, one per structure, used for writing (A = Out, const
// structure) and reading (A = In).
template <class A, class F>
void members_of_field(A& a, F& f) {
  io(a, f.name), io(a, f.title), io(a, f.keys), io(a, f.headings), io(a, f.labels), io(a, f.title_patterns);
  io(a, f.text_patterns), io(a, f.prose_patterns), io(a, f.body_headings), io(a, f.body_patterns), io(a, f.accepts_none), io(a, f.date);
  io(a, f.anchor), io(a, f.list), io(a, f.skeleton);
}
template <class A, class T>
void members_of_topic_item(A& a, T& t) {
  io(a, t.id), io(a, t.title), io(a, t.patterns), io(a, t.except);
}
template <class A, class T>
void members_of_topic_set(A& a, T& t) {
  io(a, t.id), io(a, t.title), io(a, t.items), io(a, t.code);
}
template <class A, class E>
void members_of_engine(A& a, E& e) {
  io(a, e.id), io(a, e.title), io(a, e.patterns);
}
template <class A, class C>
void members_of_acronym(A& a, C& c) {
  io(a, c.acronym), io(a, c.expansion), io(a, c.use), io(a, c.spelled);
}
template <class A, class P>
void members_of_production(A& a, P& p) {
  io(a, p.values), io(a, p.current), io(a, p.mentions), io(a, p.production), io(a, p.transitions), io(a, p.planned);
}
template <class A, class P>
void members_of_account_ids(A& a, P& p) {
  io(a, p.placeholders), io(a, p.mentions), io(a, p.aws_owned);
}
template <class A, class P>
void members_of_prose(A& a, P& p) {
  io(a, p.context), io(a, p.patterns);
}
template <class A, class D>
void members_of_database(A& a, D& d) {
  io(a, d.size), io(a, d.rate_after), io(a, d.number), io(a, d.percent), io(a, d.units);
  io(a, d.labelled_before), io(a, d.database_before), io(a, d.database_after), io(a, d.volume_before);
  io(a, d.volume_after), io(a, d.exclude_before), io(a, d.exclude_after), io(a, d.sections);
  io(a, d.section_labels), io(a, d.fact_labels), io(a, d.prose), io(a, d.read_write), io(a, d.read_write_value);
}

#define CASELINT_SNAPSHOT_STRUCT(T, MEMBERS)           \
  void io(Out& o, const T& x) { MEMBERS(o, x); }       \
  void io(In& i, T& x) { MEMBERS(i, x); }
CASELINT_SNAPSHOT_STRUCT(FieldVocab, members_of_field)
CASELINT_SNAPSHOT_STRUCT(TopicItem, members_of_topic_item)
CASELINT_SNAPSHOT_STRUCT(TopicSet, members_of_topic_set)
CASELINT_SNAPSHOT_STRUCT(Engine, members_of_engine)
CASELINT_SNAPSHOT_STRUCT(Vocabulary::Acronym, members_of_acronym)
CASELINT_SNAPSHOT_STRUCT(ProductionVocab, members_of_production)
CASELINT_SNAPSHOT_STRUCT(AccountIdVocab, members_of_account_ids)
CASELINT_SNAPSHOT_STRUCT(ProsePatterns, members_of_prose)
CASELINT_SNAPSHOT_STRUCT(DatabaseVocab, members_of_database)
#undef CASELINT_SNAPSHOT_STRUCT

// A member added to one of these structures must be added to its members_of
// function above too, or the snapshot would drop it: these sizes (libstdc++,
// x86-64) fail the build until then.
static_assert(sizeof(FieldVocab) == 304 && sizeof(TopicItem) == 112 && sizeof(TopicSet) == 96 &&
                  sizeof(Engine) == 88 && sizeof(Vocabulary::Acronym) == 80 && sizeof(ProductionVocab) == 144 &&
                  sizeof(AccountIdVocab) == 72 && sizeof(ProsePatterns) == 48 && sizeof(DatabaseVocab) == 480 &&
                  sizeof(Vocabulary) == 400 && sizeof(StagePattern) == 48 && sizeof(SizeUnit) == 24 &&
                  sizeof(ReadWritePattern) == 32,
              "update the snapshot's member lists");

}  // namespace caselint::snapshot

namespace caselint::extract {

namespace {
constexpr std::uint32_t kMagic = 0x43564F31;  // the vocabulary snapshot's format, version 1
}  // namespace

struct VocabularySnapshot {
  template <class A, class V>
  static void members(A& a, V& v) {
    using snapshot::io;
    io(a, v.fields_), io(a, v.topics_), io(a, v.engines_), io(a, v.absolute_claims_), io(a, v.acronyms_);
    io(a, v.production_), io(a, v.account_ids_), io(a, v.placeholders_), io(a, v.anonymous_);
  }
  static std::string write(const Vocabulary& v) {
    snapshot::Out o;
    snapshot::magic(o, kMagic);
    members(o, v);
    snapshot::io(o, v.database_ != nullptr);
    if (v.database_) snapshot::io(o, *v.database_);
    return std::move(o.bytes);
  }
  static Vocabulary read(std::string_view bytes) {
    snapshot::In i{bytes};
    snapshot::magic(i, kMagic);
    Vocabulary v;
    members(i, v);
    bool has_database = false;
    snapshot::io(i, has_database);
    if (has_database) {
      auto d = std::make_shared<DatabaseVocab>();
      snapshot::io(i, *d);
      v.database_ = std::move(d);
    }
    i.finish();
    return v;
  }
};

std::string write_snapshot(const Vocabulary& v) { return VocabularySnapshot::write(v); }
Vocabulary read_snapshot(std::string_view bytes) { return VocabularySnapshot::read(bytes); }

}  // namespace caselint::extract
