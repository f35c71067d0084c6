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
    items.push_back({{"section", section_name(it.item.section)},
                     {"group", it.item.group},
                     {"number", it.item.number},
                     {"title", it.item.title},
                     {"label", it.item.label()},
                     {"summary", it.item.summary},
                     {"note", it.item.note},
                     {"human_review", it.item.human_review},
                     {"verdict", verdict_name(it.verdict)},
                     {"reason", it.reason},
                     {"rules", it.rules},
                     {"evidence", std::move(evidence)},
                     {"findings", std::move(findings)}});
  }
  json doc = {{"version", 1},
              {"program", r.program},
              {"checklist", {{"title", r.checklist_title}, {"file", r.checklist_file}}},
              {"partner", r.partner},
              {"as_of", r.as_of},
              {"files", r.files},
              {"errors", r.file_errors},
              {"summary",
               {{"items", r.items.size()}, {"met", r.met}, {"not_met", r.not_met}, {"needs_review", r.needs_review}}},
              {"items", std::move(items)}};
  out << doc.dump(2) << '\n';
}

}  // namespace caselint::report
