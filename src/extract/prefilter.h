// A literal prefilter for the built-in patterns. Most of the vocabulary's
// hundreds of patterns cannot match most blocks; running each through PCRE2
// on every block was nearly all of a run's time. At build time
// (prefilter_gen.cpp) RE2's FilteredRE2 finds, for each built-in pattern, a
// set of literal "atoms" of which every match contains at least one, and
// Hyperscan (vectorscan) compiles all atoms into one literal database. At run
// time a subject is scanned once for all atoms; a pattern none of whose atoms
// occur in it is not run. A pattern without such a set (too short, or a
// construct the analysis cannot read) always runs, so the screen can only
// save work, never change a result.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>
#include <string_view>

namespace caselint::extract::prefilter {

// What the build-time generator writes (build/generated/prefilter_data.cpp).
struct Entry {
  std::string_view source;  // the pattern exactly as compiled
  std::uint32_t first = 0;  // its atoms: cuts[first, first + count)
  std::uint32_t count = 0;  // 0: never screened
};

struct Data {
  std::span<const unsigned char> database;  // the in-memory image (gen_output.h), scanned in place
  std::uint32_t atoms = 0;                   // the number of atoms
  std::span<const Entry> entries;            // sorted by source
  std::span<const std::uint32_t> cuts;
};

// The generated data, or nullptr in a binary built without it (the generator).
const Data* data();

// The atoms one pattern needs, or an empty span when it is not screened.
using Cut = std::span<const std::uint32_t>;
// The table's entry for a built-in pattern (compiled once at build time, so
// known to be valid), or nullptr.
const Entry* entry_for(std::string_view source);
Cut cut_of(const Entry& e);

// False only when no match of a pattern with this cut can lie in `subject`.
bool may_match(Cut cut, std::string_view subject);
// The screen itself, whether or not it is turned off (for tests).
bool admits(Cut cut, std::string_view subject);

// One subject's screen, taken once and asked about many patterns (a hot
// loop over the blocks of a document). Holds its own copy of the bits.
struct Screened {
  bool all = true;  // not screened (or the screen is off): every pattern may match
  std::vector<std::uint64_t> found;
};
Screened screen_of(std::string_view subject);
// False only when no match of a pattern with this cut can lie in the subject.
bool may_match(Cut cut, const Screened& s);

// Drops this thread's screens (check_source calls it after each file).
void forget();

// The generator's view: every pattern constructed while a sink is set has
// its source appended to it (Pattern's constructor calls note_source).
void record_sources(std::vector<std::string>* sink);
void note_source(const std::string& source);

// Turns the screen off for this process (CASELINT_NO_PREFILTER=1 does too):
// for comparing results with and without it. may_match is then always true.
void disable();

}  // namespace caselint::extract::prefilter
