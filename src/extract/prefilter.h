// A literal prefilter for the built-in patterns. Most of the vocabulary's
// hundreds of patterns cannot match most blocks; running each through PCRE2
// on every block was nearly all of a run's time. At build time
// (prepare/prefilter_gen.cpp) RE2's FilteredRE2 finds, for each built-in pattern, a
// set of literal "atoms" of which every match contains at least one, and
// Hyperscan (vectorscan) compiles all atoms into one literal database. At run
// time a subject is scanned once for all atoms; a pattern none of whose atoms
// occur in it is not run. A pattern without such a set (too short, or a
// construct the analysis cannot read) always runs, so the screen can only
// save work, never change a result.
#pragma once

#include <algorithm>
#include <cstddef>
#include <memory>
#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "doc/document.h"

namespace caselint::extract::prefilter {

// What the build-time generator writes (build/generated/prefilter_data.cpp).
// Offsets, not pointers: the tables need no relocation when the program
// loads, and a run reads only the pages it needs.
struct Entry {
  std::uint32_t source_offset = 0;  // the pattern exactly as compiled: sources[offset, + size)
  std::uint32_t source_size = 0;
  std::uint32_t first = 0;  // its atoms: cuts[first, first + count)
  std::uint32_t count = 0;  // 0: never screened
  std::uint32_t compiled_first = 0;  // its compiled forms: compiled[compiled_first, + compiled_count)
  std::uint32_t compiled_count = 0;
  // A second cut, disjoint from the first, of which every match holds an
  // atom too: cuts[second_first, + second_count); 0 when there is none.
  // Both must be met ("test ... monthly": one of each side).
  std::uint32_t second_first = 0;
  std::uint32_t second_count = 0;
};

// A built-in pattern compiled by the generator with the options a run
// compiles it with, as pcre2_serialize_encode wrote it: decoding it is a
// copy, where compiling it again was most of the time a run over one small
// file spent in PCRE2.
struct Compiled {
  std::uint32_t options = 0;  // the PCRE2 compile options
  std::uint32_t offset = 0;   // its bytes: code[offset, offset + size)
  std::uint32_t size = 0;
};

struct Data {
  std::span<const unsigned char> database;  // the in-memory image (prepare/gen_output.h), scanned in place
  std::uint32_t atoms = 0;                   // the number of atoms
  std::span<const Entry> entries;            // sorted by source
  std::span<const std::uint32_t> cuts;
  std::span<const Compiled> compiled;
  std::span<const unsigned char> code;  // every Compiled's bytes, each at a multiple of 8
  std::string_view sources;             // every entry's source, one after another
  // The table turned around: the cuts that hold atom a are
  // index[index_first[a], index_first[a + 1]), each 2 * entry for the
  // entry's first cut and 2 * entry + 1 for its second.
  std::span<const std::uint32_t> index_first, index;
  std::span<const std::uint64_t> always;   // a bit per entry never screened (no cut)
  std::span<const std::uint64_t> one_cut;  // a bit per entry with a first cut only
};

// The generated data, or nullptr in a binary built without it (the generator).
const Data* data();

// The atoms one pattern needs, or an empty span when it is not screened.
using Cut = std::span<const std::uint32_t>;
// The table's entry for a built-in pattern (compiled once at build time, so
// known to be valid), or nullptr.
const Entry* entry_for(std::string_view source);
std::string_view source_of(const Entry& e);
Cut cut_of(const Entry& e);
Cut second_cut_of(const Entry& e);
// The serialized compiled form of a built-in pattern with these compile
// options, or an empty span.
std::span<const unsigned char> compiled_form(const Entry& e, std::uint32_t options);

// False only when no match of a pattern with this cut can lie in `subject`.
bool may_match(Cut cut, std::string_view subject);
// The screen itself, whether or not it is turned off (for tests).
bool admits(Cut cut, std::string_view subject);

// A built-in pattern's place in the table: the index of its entry.
constexpr std::uint32_t kNoEntry = 0xFFFFFFFFu;  // not a built-in pattern
std::uint32_t index_of(const Entry& e);

// One subject's screen, taken once and asked about many patterns (a hot
// loop over the blocks of a document): a bit per table entry, set for each
// pattern the subject admits (an unscreened pattern, or one each of whose
// cuts has an atom in the subject), so that asking is one bit test.
//
// The bits are the screen's own (`own`, for a screen taken on its own or a
// union of screens) or kept by a TextScreens, which keeps each distinct set
// of bits once: the blocks of a large document (the cells of its tables,
// its labelled lines) mostly admit the same few sets of patterns, and a set
// per block was most of the memory a check of such a document took.
struct Screened {
  bool all = true;  // not screened (or the screen is off): every pattern may match
  std::span<const std::uint64_t> admitted;
  // The text screened, when it is valid UTF-8, else empty: a part of it that
  // starts and ends on character boundaries is valid too, and PCRE2 need not
  // check it again on every match (Pattern::find).
  std::string_view valid_utf8;
  // Another text as valid when the screened one is, which the screen answers
  // for as well: a block's own text, screened by the scan of its spaced
  // copy (TextScreens). Empty when there is none.
  std::string_view also_valid;
  // The bits, when `admitted` is the screen's own.
  std::vector<std::uint64_t> own;

  Screened() = default;
  Screened(const Screened& o)
      : all(o.all), admitted(o.admitted), valid_utf8(o.valid_utf8), also_valid(o.also_valid), own(o.own) {
    if (o.owns()) admitted = own;
  }
  // A vector's move keeps its buffer: `admitted` stays valid.
  Screened(Screened&& o) noexcept = default;
  Screened& operator=(const Screened& o) {
    if (this != &o) *this = Screened(o);
    return *this;
  }
  Screened& operator=(Screened&& o) noexcept = default;
  // Makes `admitted` the screen's own bits, resized to `words`.
  void set_own(std::size_t words) {
    if (!owns()) own.assign(admitted.begin(), admitted.end());
    own.resize(std::max(own.size(), words), 0);
    admitted = own;
  }

 private:
  bool owns() const { return !own.empty() && admitted.data() == own.data(); }
};
Screened screen_of(std::string_view subject);
// Every pattern admitted, the subject's validity checked once: for patterns
// anchored at both ends, which fail at once on most subjects, where a scan
// of a long subject would cost more than running them.
Screened unscreened(std::string_view subject);
// The same whether or not the screen is turned off (for tests).
Screened screen_anyway(std::string_view subject);
// Widens `into` to admit whatever `s` admits as well: starting from a
// Screened with `all` false, the union of the screens of several texts
// answers for all of them at once (a pattern it does not admit matches in
// none of them). The union is of no one text, so it has no `valid_utf8`.
void admit_also(Screened& into, const Screened& s);
// False only when no match of the pattern with this entry index can lie in
// the subject.
inline bool may_match(std::uint32_t entry, const Screened& s) {
  if (s.all || entry == kNoEntry) return true;
  return entry / 64 >= s.admitted.size() || ((s.admitted[entry / 64] >> (entry % 64)) & 1);
}

// The screens of a document's texts (block texts, headings), each taken
// once and shared by every pass over the document. A screen of a text is
// also a screen of any part of it (a sentence of a block): every atom in a
// part is in the whole, so it can only admit more patterns, never fewer.
//
// A block's screen is kept by the block's index, not looked up by its text:
// a large document has hundreds of thousands of blocks, and finding each
// screen in a hash table on every pass took a fifth of a check of a 16 MiB
// document.
class TextScreens {
 public:
  // For the blocks of `d`, which must outlive this object unchanged.
  explicit TextScreens(const doc::Document& d);

  // Block i's text with its soft line breaks read as spaces (a code block
  // keeps its lines), so that a phrase wrapped over two source lines still
  // matches. The same length as the block's text: offsets stay valid. A
  // copy only when the text has a line break to read as a space; else the
  // block's own text.
  std::string_view spaced(std::size_t block) const {
    const BlockScreen& s = blocks_[block];
    const std::string_view text = (*document_blocks_)[block].text;
    return s.copied ? std::string_view(spaced_).substr(s.spaced_at, text.size()) : text;
  }
  // The screen of spaced(i), taken when first asked for. It answers for the
  // block's own text too: no atom holds a line break, so every atom in the
  // text is in its spaced form (and the text is valid UTF-8 when the spaced
  // form is: Screened::also_valid). Its bits stay in place as long as this
  // object.
  Screened of_block(std::size_t block);
  // of_block for `b` when it is one of the document's blocks; of(b.text)
  // for any other.
  Screened of_block(const doc::Block& b);

  // The screen of section i's heading.
  Screened of_heading(std::size_t section);

  // The screen of any other `text` (a title, a label), which must stay in
  // place and unchanged while this object is asked about it.
  Screened of(std::string_view text);

 private:
  static constexpr std::uint32_t kUntaken = 0xFFFFFFFFu;  // not screened yet
  static constexpr std::uint32_t kAll = 0xFFFFFFFEu;      // screened: every pattern may match
  // What a screen of one text keeps: the index of its set of bits, and
  // whether the text is valid UTF-8.
  struct Kept {
    std::uint32_t bits = kUntaken;
    bool valid = false;
  };
  struct BlockScreen {
    std::size_t spaced_at = 0;  // where its spaced copy starts in spaced_, when `copied`
    Kept kept;
    bool copied = false;
  };
  struct Hash {
    std::size_t operator()(const std::pair<const char*, std::size_t>& k) const {
      return std::hash<const void*>()(k.first) ^ (k.second * 0x9E3779B97F4A7C15ull);
    }
  };
  // Screens `text` and keeps what the screen says.
  Kept take(std::string_view text);
  // The screen of `text` from what was kept of it.
  Screened rebuild(const Kept& kept, std::string_view text) const;
  // The index of a set of bits equal to `bits`, kept once.
  std::uint32_t intern(std::span<const std::uint64_t> bits);
  std::span<const std::uint64_t> bits_at(std::uint32_t index) const;

  const std::deque<doc::Block>* document_blocks_;
  const std::deque<doc::Section>* sections_;
  std::vector<BlockScreen> blocks_;
  std::vector<Kept> headings_;
  std::string spaced_;  // the spaced copies, one after another
  std::unordered_map<std::pair<const char*, std::size_t>, Kept, Hash> screens_;
  // The distinct sets of bits, `words_` words each, in chunks that never
  // move (a Screened points into them), and an index from their bytes.
  std::size_t words_ = 0;
  std::vector<std::unique_ptr<std::uint64_t[]>> chunks_;
  std::uint32_t sets_ = 0;
  std::unordered_map<std::string_view, std::uint32_t> set_index_;
};

// Drops this thread's screens (check_source calls it after each file).
void forget();

// The generator's view: every pattern constructed while a sink is set has
// its source and compile options appended to it (Pattern's constructor calls
// note_source).
struct Noted {
  std::string source;
  std::uint32_t options = 0;
};
void record_sources(std::vector<Noted>* sink);
void note_source(const std::string& source, std::uint32_t options);

// Turns the screen off for this process (CASELINT_NO_PREFILTER=1 does too):
// for comparing results with and without it. may_match is then always true.
void disable();

}  // namespace caselint::extract::prefilter
