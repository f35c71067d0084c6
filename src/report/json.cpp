// `caselint report --format json`: the verdicts, machine-readable.
#include <nlohmann/json.hpp>

#include "report/report.h"

namespace caselint::report {

void write_json(std::ostream& out, const Report& r) {
  using json = nlohmann::ordered_json;
  json items = json::array();
  for (const ItemResult& it : r.items) {
    json evidence = json::array();
    for (const Evidence& e : it.evidence) {
      evidence.push_back({{"path", e.path}, {"line", e.line}, {"field", e.field}, {"text", e.text}});
    }
    json findings = json::array();
    for (const rules::Diagnostic& d : it.findings) {
      json f = {{"code", d.code},
                {"rule", d.rule},
                {"severity", rules::severity_name(d.severity)},
                {"message", d.message},
                {"path", d.path},
                {"line", d.range.start.line},
                {"column", d.range.start.column > 0 ? d.range.start.column : 1}};
      if (!d.field.empty()) f["field"] = d.field;
      findings.push_back(std::move(f));
    }
    json passages = json::array();
    for (const Passage& p : it.passages) {
      json j = {{"path", p.path}, {"line", p.line}, {"excerpt", p.excerpt}};
      if (!p.place.empty()) j["place"] = p.place;
      j["reference"] = p.reference >= 0 ? json(r.references[static_cast<std::size_t>(p.reference)].name) : json(nullptr);
      passages.push_back(std::move(j));
    }
    json cells = json::array();
    for (std::size_t k = 0; k < it.cells.size(); ++k) {
      const Cell& c = it.cells[k];
      json j = {{"reference", r.references[k].name}, {"state", cell_state_name(c.state)}};
      if (c.finding >= 0) j["finding"] = c.finding;
      if (c.passage >= 0) j["passage"] = c.passage;
      cells.push_back(std::move(j));
    }
    items.push_back({{"section", section_name(it.item.section)},
                     {"group", it.item.group},
                     {"number", it.item.number},
                     {"title", it.item.title},
                     {"label", it.item.label()},
                     {"summary", it.item.summary},
                     {"note", it.item.note},
                     {"human_review", it.item.human_review},
                     {"verdict", verdict_name(it.verdict)},
                     {"review", it.review == Review::none ? json(nullptr) : json(review_name(it.review))},
                     {"reason", it.reason},
                     {"rules", it.rules},
                     {"evidence", std::move(evidence)},
                     {"findings", std::move(findings)},
                     {"references_needed", it.item.references},
                     {"references_with_evidence", it.references_with_evidence},
                     {"passages_found", it.passages_found},
                     {"passages", std::move(passages)},
                     {"references", std::move(cells)}});
  }
  json references = json::array();
  for (const ReferenceColumn& c : r.references) {
    references.push_back({{"name", c.name}, {"study", c.study}, {"documents", c.documents}});
  }
  json doc = {{"version", 1},
              {"program", r.program},
              {"checklist", {{"title", r.checklist_title}, {"file", r.checklist_file}}},
              {"partner", r.partner},
              {"as_of", r.as_of},
              {"files", r.files},
              {"errors", r.file_errors},
              {"references", std::move(references)},
              {"practice", r.practice},
              {"summary",
               {{"items", r.items.size()},
                {"met", r.met},
                {"not_met", r.not_met},
                {"needs_review", r.needs_review},
                {"evidence_found", r.evidence_found},
                {"too_few_references", r.too_few_references},
                {"no_evidence", r.no_evidence}}},
              {"items", std::move(items)}};
  out << doc.dump(2) << '\n';
}

}  // namespace caselint::report
