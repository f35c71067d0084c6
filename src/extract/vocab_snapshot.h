// The built-in vocabulary as bytes. Parsing its YAML with yaml-cpp was most
// of a run's start-up, so the build (prepare_gen) reads the YAML once and
// writes this snapshot into the binary; Vocabulary::builtin() reads it back.
// Its patterns are the same sources with the same options, compiled on
// first use as before.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "extract/vocab.h"

namespace caselint::extract {

std::string write_snapshot(const Vocabulary& v);
// Throws std::runtime_error when the bytes are not a whole snapshot.
Vocabulary read_snapshot(std::string_view bytes);

// The snapshot prepare_gen wrote (build/generated/prepared_data.cpp), or an
// empty span in a binary built without it (the generators).
std::span<const unsigned char> prepared_vocabulary();

}  // namespace caselint::extract
