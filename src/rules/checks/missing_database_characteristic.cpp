// CS222 missing-database-characteristic | doc: rules/doc/CS222.md
// Checklist: aurora 2.2 and dms 2.2 Solution Complexity ("Please provide the
// following characteristics of the database": yearly growth, number of
// tables, concurrent requests at peak, read and write percentages; the
// initial size is CS220's).
#include "extract/vocab.h"
#include "rules/checks/checks.h"
#include "rules/evidence.h"

namespace caselint::rules::checks {

namespace {

struct Characteristic {
  const char* field;
  const char* what;
};

constexpr Characteristic kCharacteristics[] = {
    {"database_growth", "expected yearly growth of the database"},
    {"table_count", "number of tables in the database"},
    {"peak_concurrent_requests", "anticipated number of concurrent requests at peak"},
    {"read_percentage", "percentage of read operations at peak"},
    {"write_percentage", "percentage of write operations at peak"},
};

class MissingDatabaseCharacteristic final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    // Where the characteristics are, or would go: next to the database size
    // when there is one, else at the title.
    doc::SourceRange at = anchor_range(ctx.doc, extract::Anchor::title);
    if (const extract::Field* size = ctx.fields.get("database_size")) at = size->range;
    // A labelled characteristic that gives no number is reported where it
    // stands; the absent ones form one finding for the checklist item.
    std::vector<std::string> absent;
    for (const Characteristic& c : kCharacteristics) {
      if (reference_field(ctx, c.field)) continue;
      auto all = ctx.fields.all(c.field);
      if (all.empty()) {
        absent.push_back(c.what);
        continue;
      }
      sink.report(all.front()->range, "\"" + all.front()->label + "\" gives no number (\"" + all.front()->text +
                                          "\"), so the " + c.what + " is not given")
          .field = c.field;
    }
    if (!absent.empty()) {
      report_missing_parts(ctx, sink, at, "characteristics of the database", absent, std::size(kCharacteristics));
    }
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS222";
    m.name = "missing-database-characteristic";
    m.severity = Severity::error;
    m.checklist = "aurora 2.2 Solution Complexity; dms 2.2 Solution Complexity";
    m.checklist_by_profile = {{"aurora", "aurora 2.2 Solution Complexity: characteristics of the database"},
                              {"dms", "dms 2.2 Solution Complexity: characteristics of the database"}};
    m.summary = "a database characteristic (growth, tables, peak concurrency, read or write share) is not given";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_missing_database_characteristic() {
  return std::make_unique<MissingDatabaseCharacteristic>();
}

}  // namespace caselint::rules::checks
