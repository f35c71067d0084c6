// Database size and characteristics (aurora 2.2, dms 1.0 and 2.2):
// database_size (number: GB), database_growth (number: % a year, when given
// as a percentage), table_count, peak_concurrent_requests, read_percentage
// and write_percentage (number: the count or percentage).
//
// Runs after the general extraction: it gives the numbers of the values
// found by front matter key, label and table, reads short labels ("Size",
// "Reads") in a database characteristics section or table, and reads the
// values written in prose. A size in prose counts only when it is labelled
// ("initial database size of 1.2 TB"), in a database section, or else the
// one database size in the text ("the 870 GB Oracle database"; its note says
// so). Several different unlabelled sizes become "_database_size_candidate"
// fields instead, for CS220 to name.
#pragma once

#include "doc/document.h"
#include "extract/fields.h"
#include "extract/prefilter.h"
#include "extract/vocab.h"

namespace caselint::extract {

// `screens` holds the prefilter's screens of the document's block texts.
void add_database_fields(const doc::Document& d, const Vocabulary& v, Fields& fields, prefilter::TextScreens& screens);

}  // namespace caselint::extract
