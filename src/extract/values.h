// Fields read from values after the main extraction: the project's stage
// (production_status), account IDs written as masks, unlabelled account IDs,
// quarter end dates and planned end dates. Called by extract_fields as its
// last step.
#pragma once

#include "doc/document.h"
#include "extract/fields.h"
#include "extract/prefilter.h"
#include "extract/vocab.h"

namespace caselint::extract {

// Adds or rewrites, in `out`:
// - production_status: labelled values normalised to production / pilot /
//   proof-of-concept / development (other values, "draft", become
//   placeholders); sentences that place the project in a stage, with the
//   sentence as `label` (rules/vocab/production.yaml);
// - aws_account_id: a value that is only a mask ("XXXXXXXXXXXX") is usable,
//   so CS211 reports it as a placeholder account ID;
// - _account_id_mention: each unlabelled account ID in the text, `text` the
//   ID as written (rules/vocab/account-ids.yaml);
// - end_date: a quarter ("Q3 2023") ends in its last month (2023-09);
// - _end_date_planned: one per end date that is a plan ("Planned end date",
//   "2025-03 (expected)", "ongoing").
// `screens` holds the prefilter's screens of the document's block texts.
void extract_value_fields(const doc::Document& d, const Vocabulary& v, Fields& out, prefilter::TextScreens& screens);

// The stage a sentence places the project in, or "" (exposed for tests).
struct StageFinding {
  std::string stage;               // production, pilot, proof-of-concept, development
  bool current = false;            // "still in pilot"; false for a mere mention ("the POC showed")
  std::size_t begin = 0, end = 0;  // the matched wording in the sentence
};
// `screen`, when given, is a screen of the sentence or of a text holding it.
std::vector<StageFinding> find_stages(std::string_view sentence, const ProductionVocab& v,
                                      const prefilter::Screened* screen = nullptr);

}  // namespace caselint::extract
