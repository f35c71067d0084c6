// The kinds' cues (rules/vocab/kinds.yaml) as read from the YAML. Parsing
// that YAML with yaml-cpp was a noticeable part of a small file's run, so
// the build (prepare_gen) reads it once and writes this snapshot into the
// binary; classify() reads it back on first use. A binary built without it
// (the generators) reads the YAML.
#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace caselint::kind {

struct CueFile {
  struct Cue {
    std::string pattern;  // empty: no pattern
    std::vector<std::string> keys;
    int weight = 1;
    int min = 1;
    std::string says;
  };
  struct Kind {
    std::vector<Cue> path, title, meta, keys, headings, text;
  };
  std::array<Kind, 3> kinds;  // case-study, landing-page, other
};

CueFile cues_from_yaml();
std::string write_cue_snapshot(const CueFile& c);
// Throws std::runtime_error when the bytes are not a whole snapshot.
CueFile read_cue_snapshot(std::string_view bytes);

// The snapshot prepare_gen wrote (build/generated/prepared_data.cpp), or an
// empty span in a binary built without it.
std::span<const unsigned char> prepared_cues();

}  // namespace caselint::kind
