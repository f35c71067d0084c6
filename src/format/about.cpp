#include "format/format.h"

#ifndef CASELINT_VERSION
#error "CASELINT_VERSION is set by src/CMakeLists.txt"
#endif
#ifndef CASELINT_DOCS_URL
#error "CASELINT_DOCS_URL is set by src/CMakeLists.txt"
#endif

namespace caselint::format {

const char* version() { return CASELINT_VERSION; }

const char* docs_url() { return CASELINT_DOCS_URL; }

std::string rule_doc_url(std::string_view code) { return std::string(CASELINT_DOCS_URL) + "/" + std::string(code) + ".md"; }

}  // namespace caselint::format
