// CS221 database-too-small | doc: rules/doc/CS221.md
// Checklist: aurora 2.2 Solution Complexity ("a database at least 25GB in
// size"), dms 1.0 Case Study Requirements ("Database is at least 25GB") and
// dms 2.2 Solution Complexity.
#include "extract/sizes.h"
#include "extract/text_util.h"
#include "extract/vocab.h"
#include "rules/checks/checks.h"

namespace caselint::rules::checks {

namespace {

class DatabaseTooSmall final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    const extract::Field* f = ctx.fields.get("database_size");
    if (!f || !f->number) return;  // absence is CS220's
    double min = ctx.option("min_gb", 25);
    if (*f->number >= min) return;
    std::string size = f->text;
    std::string gb = extract::format_gb(*f->number) + " GB";
    auto squeeze = [](const std::string& s) {
      std::string out;
      for (char c : extract::lower(s)) {
        if (c != ' ') out += c;
      }
      return out;
    };
    if (squeeze(size) != squeeze(gb)) size += " (" + gb + ")";
    Diagnostic& d = sink.report(f->range, "database size " + size + " is below the " + extract::format_gb(min) + " GB minimum");
    if (!f->note.empty()) {
      d.notes.push_back({f->range, "this size has no label; it is used as the only database size in the text"});
    }
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS221";
    m.name = "database-too-small";
    m.severity = Severity::error;
    m.field = "database_size";
    m.checklist = "aurora 2.2 Solution Complexity; dms 1.0 Case Study Requirements and 2.2 Solution Complexity";
    m.checklist_by_profile = {{"aurora", "aurora 2.2 Solution Complexity: a database at least 25GB in size"},
                              {"dms", "dms 1.0 Case Study Requirements: Database is at least 25GB; dms 2.2 Solution "
                                      "Complexity: a database migration at least 25GB in size"}};
    m.summary = "the database is smaller than the minimum size (25 GB)";
    m.options = {{"min_gb", 25, "the smallest database size accepted, in GB (10^9 bytes)"}};
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_database_too_small() { return std::make_unique<DatabaseTooSmall>(); }

}  // namespace caselint::rules::checks
