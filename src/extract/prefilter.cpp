#include "extract/prefilter.h"

#include <hs/hs_runtime.h>

#include <algorithm>
#include <bit>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "doc/line_index.h"

namespace caselint::extract::prefilter {

// The generator links no generated data; every other binary links the
// definition in build/generated/prefilter_data.cpp, which takes precedence.
__attribute__((weak)) const Data* data() { return nullptr; }

namespace {

std::atomic<bool> g_disabled{false};

// Subjects above this size are not screened: validating a cached screen
// costs a comparison of the whole subject, and no block is this long in a
// real document.
constexpr std::size_t kMaxScreened = 256 * 1024;

struct Database {
  const hs_database_t* db = nullptr;  // the image in the binary's read-only data
  std::uint32_t atoms = 0;
};

const Database& database() {
  static const Database d = [] {
    Database out;
    const Data* gen = data();
    if (!gen || gen->database.empty()) return out;
    if (const char* env = std::getenv("CASELINT_NO_PREFILTER"); env && *env && std::strcmp(env, "0") != 0) return out;
    if (reinterpret_cast<std::uintptr_t>(gen->database.data()) % 64 != 0) return out;
    // An image this library cannot scan (a CPU without SSSE3, another
    // library version) fails the scratch allocation in screen(), which
    // leaves every pattern unscreened: slower, never wrong.
    out.db = reinterpret_cast<const hs_database_t*>(gen->database.data());
    out.atoms = gen->atoms;
    return out;
  }();
  return d;
}

// Characters PCRE2 matches caselessly with an ASCII letter although they are
// not ASCII: KELVIN SIGN (k), LATIN SMALL LETTER LONG S (s), and the dotted
// and dotless I (i). An ASCII atom may occur in such a subject in a form the
// literal scan cannot see, so such a subject is not screened.
bool folds_to_ascii(std::string_view s) {
  for (std::string_view seq : {"\xE2\x84\xAA", "\xC5\xBF", "\xC4\xB0", "\xC4\xB1"}) {
    if (s.find(seq) != std::string_view::npos) return true;
  }
  return false;
}

struct Screen {
  std::string text;                  // the subject screened, to check a later lookup against
  bool all = true;                   // not screened: every pattern may match
  std::vector<std::uint64_t> found;  // a bit per atom
};

struct Key {
  const char* where;
  std::size_t size;
  bool operator==(const Key&) const = default;
};
struct KeyHash {
  std::size_t operator()(const Key& k) const {
    return std::hash<const void*>()(k.where) ^ (std::hash<std::size_t>()(k.size) * 0x9E3779B97F4A7C15ull);
  }
};

// Checks call patterns over many subjects in turn (every pattern over every
// block), so screens are kept per subject, found by address and length and
// confirmed by content: a subject freed and another made at the same place
// is screened afresh. The cache is emptied after each file and when it holds
// too much (one very large file). What it holds is counted whole: a screen
// of a short subject (a size, a label) costs its bits and its entry far more
// than its text, and counting the text alone let a file of many short lines
// keep tens of MiB of screens.
constexpr std::size_t kCacheBytes = 2u << 20;
constexpr std::size_t kEntryBytes = sizeof(Screen) + 4 * sizeof(void*) + sizeof(Key);  // a node of the map, about

std::size_t cost_of(const Screen& s) { return s.text.size() + s.found.capacity() * sizeof(std::uint64_t) + kEntryBytes; }

struct ThreadState {
  hs_scratch_t* scratch = nullptr;
  std::unordered_map<Key, Screen, KeyHash> screens;
  Key last_key{nullptr, 0};
  const Screen* last = nullptr;  // the screen found last: most calls ask about the same subject again
  std::size_t bytes = 0;
  ~ThreadState() { hs_free_scratch(scratch); }
};

int on_atom(unsigned int id, unsigned long long, unsigned long long, unsigned int, void* ctx) {
  auto& found = *static_cast<std::vector<std::uint64_t>*>(ctx);
  found[id >> 6] |= std::uint64_t{1} << (id & 63);
  return 0;
}

ThreadState& thread_state() {
  thread_local ThreadState st;
  return st;
}

// Sets a bit in `found` for each atom the subject holds; false when it could
// not be screened (every pattern may match then).
bool scan(std::string_view subject, const Database& db, std::vector<std::uint64_t>& found) {
  ThreadState& st = thread_state();
  if (!st.scratch && hs_alloc_scratch(db.db, &st.scratch) != HS_SUCCESS) {
    st.scratch = nullptr;
    return false;
  }
  if (folds_to_ascii(subject)) return false;
  found.assign((db.atoms + 63) / 64, 0);
  return hs_scan(db.db, subject.data(), static_cast<unsigned int>(subject.size()), 0, st.scratch, on_atom, &found) ==
         HS_SUCCESS;
}

const Screen& screen(std::string_view subject, const Database& db) {
  ThreadState& st = thread_state();
  Key key{subject.data(), subject.size()};
  if (st.last && key == st.last_key && std::memcmp(st.last->text.data(), subject.data(), subject.size()) == 0) {
    return *st.last;
  }
  if (auto it = st.screens.find(key); it != st.screens.end()) {
    if (std::memcmp(it->second.text.data(), subject.data(), subject.size()) == 0) {
      st.last_key = key;
      st.last = &it->second;
      return it->second;
    }
    st.last = nullptr;
    st.bytes -= cost_of(it->second);
    st.screens.erase(it);
  }
  if (st.bytes + subject.size() + (db.atoms + 63) / 64 * sizeof(std::uint64_t) + kEntryBytes > kCacheBytes) {
    st.screens.clear();
    st.bytes = 0;
  }
  Screen& s = st.screens[key];
  st.last_key = key;
  st.last = &s;
  s.text.assign(subject);
  s.all = !scan(subject, db, s.found);
  st.bytes += cost_of(s);
  return s;
}

}  // namespace

namespace {
std::mutex g_record_mu;
std::atomic<std::vector<Noted>*> g_record{nullptr};
}  // namespace

void record_sources(std::vector<Noted>* sink) {
  std::lock_guard lock(g_record_mu);
  g_record.store(sink);
}

void note_source(const std::string& source, std::uint32_t options) {
  if (!g_record.load(std::memory_order_relaxed)) return;  // every run but the generator's
  std::lock_guard lock(g_record_mu);
  if (auto* sink = g_record.load()) sink->push_back({source, options});
}

void forget() {
  ThreadState& st = thread_state();
  st.screens.clear();
  st.bytes = 0;
  st.last = nullptr;
}

void disable() { g_disabled.store(true, std::memory_order_relaxed); }

const Entry* entry_for(std::string_view source) {
  const Data* gen = data();
  if (!gen) return nullptr;
  auto it = std::lower_bound(gen->entries.begin(), gen->entries.end(), source,
                             [](const Entry& e, std::string_view s) { return source_of(e) < s; });
  if (it == gen->entries.end() || source_of(*it) != source) return nullptr;
  return &*it;
}

std::string_view source_of(const Entry& e) {
  const Data* gen = data();
  if (!gen || std::size_t{e.source_offset} + e.source_size > gen->sources.size()) return {};
  return gen->sources.substr(e.source_offset, e.source_size);
}

Cut second_cut_of(const Entry& e) {
  const Data* gen = data();
  if (!gen || e.count == 0 || e.second_count == 0 || e.second_first + e.second_count > gen->cuts.size()) return {};
  return gen->cuts.subspan(e.second_first, e.second_count);
}

Cut cut_of(const Entry& e) {
  const Data* gen = data();
  if (!gen || e.count == 0) return {};
  return gen->cuts.subspan(e.first, e.count);
}

std::span<const unsigned char> compiled_form(const Entry& e, std::uint32_t options) {
  const Data* gen = data();
  if (!gen || e.compiled_count == 0 || e.compiled_first + e.compiled_count > gen->compiled.size()) return {};
  for (const Compiled& c : gen->compiled.subspan(e.compiled_first, e.compiled_count)) {
    if (c.options == options && std::size_t{c.offset} + c.size <= gen->code.size()) {
      return gen->code.subspan(c.offset, c.size);
    }
  }
  return {};
}

bool may_match(Cut cut, std::string_view subject) {
  return g_disabled.load(std::memory_order_relaxed) || admits(cut, subject);
}

bool admits(Cut cut, std::string_view subject) {
  if (cut.empty() || subject.size() > kMaxScreened) return true;
  const Database& db = database();
  if (!db.db) return true;
  const Screen& s = screen(subject, db);
  if (s.all) return true;
  return std::any_of(cut.begin(), cut.end(),
                     [&](std::uint32_t a) { return a >= db.atoms || ((s.found[a >> 6] >> (a & 63)) & 1); });
}

Screened unscreened(std::string_view subject) {
  Screened out;
  if (!doc::find_invalid_utf8(subject)) out.valid_utf8 = subject;
  return out;
}

Screened screen_of(std::string_view subject) {
  return g_disabled.load(std::memory_order_relaxed) ? unscreened(subject) : screen_anyway(subject);
}

Screened screen_anyway(std::string_view subject) {
  Screened out = unscreened(subject);
  if (subject.size() > kMaxScreened) return out;
  const Database& db = database();
  if (!db.db) return out;
  // Not kept in the thread's cache: the caller keeps the screen.
  thread_local std::vector<std::uint64_t> found;
  thread_local std::vector<std::uint64_t> met[2];  // a bit per entry whose first / second cut the subject meets
  if (!scan(subject, db, found)) return out;
  const Data& inv = *data();  // a database implies the generated data
  const std::size_t words = inv.always.size();
  if (inv.one_cut.size() != words) return out;
  met[0].assign(words, 0);
  met[1].assign(words, 0);
  for (std::size_t w = 0; w < found.size(); ++w) {
    for (std::uint64_t bits = found[w]; bits; bits &= bits - 1) {
      std::size_t a = w * 64 + static_cast<std::size_t>(std::countr_zero(bits));
      if (a + 1 >= inv.index_first.size()) continue;
      for (std::uint32_t k = inv.index_first[a]; k < inv.index_first[a + 1] && k < inv.index.size(); ++k) {
        const std::uint32_t entry = inv.index[k] / 2;
        if (entry / 64 < words) met[inv.index[k] % 2][entry / 64] |= std::uint64_t{1} << (entry % 64);
      }
    }
  }
  out.all = false;
  out.own.resize(words);
  for (std::size_t w = 0; w < words; ++w) {
    out.own[w] = inv.always[w] | (met[0][w] & (met[1][w] | inv.one_cut[w]));
  }
  out.admitted = out.own;
  return out;
}

void admit_also(Screened& into, const Screened& s) {
  into.valid_utf8 = into.also_valid = {};
  if (into.all) return;
  if (s.all) {
    into.all = true;
    into.own.clear();
    into.admitted = {};
    return;
  }
  into.set_own(s.admitted.size());
  for (std::size_t w = 0; w < s.admitted.size(); ++w) into.own[w] |= s.admitted[w];
}

TextScreens::TextScreens(const doc::Document& d) : document_blocks_(&d.blocks), sections_(&d.sections) {
  blocks_.resize(d.blocks.size());
  headings_.resize(d.sections.size());
  // Most blocks (a table cell, a list item, a heading, a one-line
  // paragraph) have no line break: their spaced form is their text. The
  // others' copies go one after another into one string, sized first.
  auto needs_copy = [](const doc::Block& b) {
    return b.kind != doc::BlockKind::code && b.text.find('\n') != std::string::npos;
  };
  std::size_t copied = 0;
  for (const doc::Block& b : d.blocks) copied += needs_copy(b) ? b.text.size() : 0;
  spaced_.reserve(copied);
  for (std::size_t i = 0; i < d.blocks.size(); ++i) {
    const doc::Block& b = d.blocks[i];
    if (!needs_copy(b)) continue;
    BlockScreen& s = blocks_[i];
    s.copied = true;
    s.spaced_at = spaced_.size();
    spaced_ += b.text;
    std::replace(spaced_.begin() + static_cast<std::ptrdiff_t>(s.spaced_at), spaced_.end(), '\n', ' ');
  }
}

std::span<const std::uint64_t> TextScreens::bits_at(std::uint32_t index) const {
  constexpr std::uint32_t kSetsPerChunk = 256;
  return {chunks_[index / kSetsPerChunk].get() + std::size_t{index % kSetsPerChunk} * words_, words_};
}

std::uint32_t TextScreens::intern(std::span<const std::uint64_t> bits) {
  constexpr std::uint32_t kSetsPerChunk = 256;
  if (sets_ == 0) words_ = bits.size();
  if (bits.size() != words_ || sets_ >= kAll) return kAll;  // never: every screen has the table's size
  const std::string_view key(reinterpret_cast<const char*>(bits.data()), bits.size_bytes());
  if (auto it = set_index_.find(key); it != set_index_.end()) return it->second;
  if (sets_ % kSetsPerChunk == 0) chunks_.push_back(std::make_unique<std::uint64_t[]>(kSetsPerChunk * words_));
  const std::uint32_t index = sets_++;
  std::uint64_t* at = chunks_.back().get() + std::size_t{index % kSetsPerChunk} * words_;
  std::copy(bits.begin(), bits.end(), at);
  set_index_.emplace(std::string_view(reinterpret_cast<const char*>(at), bits.size_bytes()), index);
  return index;
}

TextScreens::Kept TextScreens::take(std::string_view text) {
  Screened s = screen_of(text);
  Kept k;
  k.valid = !s.valid_utf8.empty();
  k.bits = s.all ? kAll : intern(s.admitted);
  return k;
}

Screened TextScreens::rebuild(const Kept& kept, std::string_view text) const {
  Screened out;
  if (kept.valid) out.valid_utf8 = text;
  if (kept.bits != kAll) {
    out.all = false;
    out.admitted = bits_at(kept.bits);
  }
  return out;
}

Screened TextScreens::of_block(std::size_t block) {
  BlockScreen& s = blocks_[block];
  const std::string_view spaced_text = spaced(block);
  if (s.kept.bits == kUntaken) s.kept = take(spaced_text);
  Screened out = rebuild(s.kept, spaced_text);
  if (s.kept.valid) out.also_valid = (*document_blocks_)[block].text;
  return out;
}

Screened TextScreens::of_block(const doc::Block& b) {
  // The document's block at b's place in the plain-text view, if it is b.
  const std::deque<doc::Block>& blocks = *document_blocks_;
  auto it = std::upper_bound(blocks.begin(), blocks.end(), b.text_offset,
                             [](std::size_t off, const doc::Block& x) { return off < x.text_offset; });
  while (it != blocks.begin()) {
    --it;
    if (&*it == &b) return of_block(static_cast<std::size_t>(it - blocks.begin()));
    if (it->text_offset != b.text_offset) break;
  }
  return of(b.text);
}

Screened TextScreens::of_heading(std::size_t section) {
  const std::string_view heading = (*sections_)[section].heading;
  Kept& k = headings_[section];
  if (k.bits == kUntaken) k = take(heading);
  return rebuild(k, heading);
}

Screened TextScreens::of(std::string_view text) {
  Kept& k = screens_[{text.data(), text.size()}];
  if (k.bits == kUntaken) k = take(text);
  return rebuild(k, text);
}

std::uint32_t index_of(const Entry& e) {
  const Data* gen = data();
  if (!gen || &e < gen->entries.data() || &e >= gen->entries.data() + gen->entries.size()) return kNoEntry;
  return static_cast<std::uint32_t>(&e - gen->entries.data());
}

}  // namespace caselint::extract::prefilter
