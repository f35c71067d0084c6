// Evidence for a reference, read over its case study and the supporting
// documents that come with it (a runbook, design notes, a statement of work;
// docs/references.md). The rules about what the checklist asks of a
// reference (topics, database characteristics, a diagram) read through
// here, so that a runbook that gives the recovery guidance counts for its
// study. Rules about the study's own text (dates, wording, public safety)
// read ctx.fields alone.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace caselint::rules {

// Every occurrence of field `name`: the study's, then each supporting
// document's in order.
std::vector<const extract::Field*> reference_fields(const RuleContext& ctx, std::string_view name);

// The first usable value of `name`: the study's, else a supporting document's.
const extract::Field* reference_field(const RuleContext& ctx, std::string_view name);

// Whether topic `id` of topic set `set` was found in the study or a
// supporting document.
bool reference_has_topic(const RuleContext& ctx, std::string_view set, std::string_view id);

// "A; B; C (3 of 7 parts)": the parts of a checklist item no document gives.
std::string list_parts(const std::vector<std::string>& missing, std::size_t total);

// Where the evidence was looked for, to end a finding's message: "; looked
// for in the study and in runbook.md" when the study has supporting
// documents; for a public study read alone, that its reference's
// documentation must give what is missing; else empty.
std::string where_looked(const RuleContext& ctx);

// One finding for one checklist item, listing every part of it that no
// document gives and where they were looked for:
//   "security guidance: nothing on A; B; C (3 of 7 parts); looked for in the
//    study and runbook.md"
// A public study read alone says that its reference's documentation must
// give them. `total`: how many parts the item has (0: not said).
Diagnostic& report_missing_parts(const RuleContext& ctx, DiagnosticSink& sink, doc::SourceRange at,
                                 const std::string& what, const std::vector<std::string>& missing,
                                 std::size_t total);

}  // namespace caselint::rules
