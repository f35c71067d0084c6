// Fuzz target: the submission manifest (caselint-submission.yaml): YAML, the
// schema, references as files, folders and lists, practice documents, and
// the choice of each reference's study. The manifest is read as if it lay
// in a corpus submission, so its paths can name real documents.
#include <string>
#include <string_view>

#include "config/config.h"
#include "entry.h"
#include "portfolio/manifest.h"
#include "portfolio/portfolio.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  const std::string path = CASELINT_SOURCE_DIR "/corpus/submissions/ml-consulting-practice/caselint-submission.yaml";
  try {
    caselint::portfolio::Manifest m = caselint::portfolio::parse_manifest(text, path);
    for (caselint::portfolio::ReferenceEntry& r : m.references) caselint::portfolio::choose_study(r, path);
  } catch (const caselint::config::ConfigError& e) {
    if (e.message.empty()) __builtin_trap();
  }
  return 0;
}
