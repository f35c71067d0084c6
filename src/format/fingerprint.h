// Finding fingerprints that survive edits elsewhere in the document: keyed
// by path, rule, field, checklist item and message (which quotes the
// evidence), plus the occurrence number among identical keys, never by line.
// SARIF's partialFingerprints and --baseline both use them.
#pragma once

#include <string>
#include <vector>

#include "format/format.h"

namespace caselint::format {

// One fingerprint per diagnostic of `r`, in order.
std::vector<std::string> fingerprints(const FileResult& r);

}  // namespace caselint::format
