// What kind of page a document is, when nothing says which profile to check
// it with: a case study, a landing page, or another page (home, about,
// careers, legal, news, a blog post or documentation with no customer
// project). Cues are data (rules/vocab/kinds.yaml); the fields extraction
// found are the strongest of them, so the kind is decided after extraction.
#pragma once

#include <string>

#include "doc/document.h"
#include "extract/fields.h"

namespace caselint::kind {

enum class PageKind { case_study, landing_page, other };
const char* kind_name(PageKind k);  // "case-study", "landing-page", "other"

struct Decision {
  PageKind kind = PageKind::case_study;
  std::string reason;  // in words a marketing writer understands
};

Decision classify(const doc::Document& d, const extract::Fields& fields);

}  // namespace caselint::kind
