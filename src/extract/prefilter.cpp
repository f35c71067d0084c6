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
constexpr std::size_t kCacheBytes = 16u << 20;
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
  out.admitted.resize(words);
  for (std::size_t w = 0; w < words; ++w) {
    out.admitted[w] = inv.always[w] | (met[0][w] & (met[1][w] | inv.one_cut[w]));
  }
  return out;
}

void admit_also(Screened& into, const Screened& s) {
  into.valid_utf8 = into.also_valid = {};
  if (into.all) return;
  if (s.all) {
    into.all = true;
    into.admitted.clear();
    return;
  }
  if (into.admitted.size() < s.admitted.size()) into.admitted.resize(s.admitted.size(), 0);
  for (std::size_t w = 0; w < s.admitted.size(); ++w) into.admitted[w] |= s.admitted[w];
}

TextScreens::TextScreens(const doc::Document& d) : document_blocks_(d.blocks) {
  blocks_.resize(d.blocks.size());
  for (std::size_t i = 0; i < d.blocks.size(); ++i) {
    const doc::Block& b = d.blocks[i];
    BlockScreens& s = blocks_[i];
    s.text = b.text;
    // Most blocks (a table cell, a list item, a heading, a one-line
    // paragraph) have no line break: their spaced form is their text.
    if (b.kind != doc::BlockKind::code && b.text.find('\n') != std::string::npos) {
      s.spaced = b.text;
      std::replace(s.spaced.begin(), s.spaced.end(), '\n', ' ');
      s.copied = true;
    }
  }
}

const Screened& TextScreens::of_block(std::size_t block) {
  BlockScreens& s = blocks_[block];
  if (!s.taken) {
    s.screen = screen_of(spaced(block));
    if (!s.screen.valid_utf8.empty()) s.screen.also_valid = s.text;
    s.taken = true;
  }
  return s.screen;
}

const Screened& TextScreens::of_block(const doc::Block& b) {
  const doc::Block* first = document_blocks_.data();
  std::less<const doc::Block*> before;
  if (!before(&b, first) && before(&b, first + document_blocks_.size())) {
    return of_block(static_cast<std::size_t>(&b - first));
  }
  return of(b.text);
}

const Screened& TextScreens::of(std::string_view text) {
  auto [it, added] = screens_.try_emplace({text.data(), text.size()});
  if (added) it->second = screen_of(text);
  return it->second;
}

std::uint32_t index_of(const Entry& e) {
  const Data* gen = data();
  if (!gen || &e < gen->entries.data() || &e >= gen->entries.data() + gen->entries.size()) return kNoEntry;
  return static_cast<std::uint32_t>(&e - gen->entries.data());
}

}  // namespace caselint::extract::prefilter
