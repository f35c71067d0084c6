// The outline's cue words (rules/vocab/outline.yaml) as read from the YAML.
// Parsing that YAML with yaml-cpp was a noticeable part of a small file's
// run, so the build (prepare_gen) reads it once and writes this snapshot
// into the binary; the outline reads it back on first use. A binary built
// without it (the generators) reads the YAML.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace caselint::outline {

struct CueFile {
  struct Field {
    std::string name;
    std::vector<std::string> strong, weak, phrases;  // as written
  };
  std::vector<Field> fields;  // in the file's order
  std::vector<std::string> not_sections, heading_params, text_params, not_section_names;
};

CueFile cues_from_yaml();
std::string write_cue_snapshot(const CueFile& c);
// Throws std::runtime_error when the bytes are not a whole snapshot.
CueFile read_cue_snapshot(std::string_view bytes);

// The snapshot prepare_gen wrote (build/generated/prepared_data.cpp), or an
// empty span in a binary built without it.
std::span<const unsigned char> prepared_cues();

}  // namespace caselint::outline
