// LP012 missing-recent-thought-leadership | doc: rules/doc/LP012.md
// Checklist: ml-consulting 3.2 ML Thought Leadership ("Links must be provided
// to examples of materials published within the last 12 months, examples of
// customer workshops/education"), shown on the practice page of 3.1.
#include <optional>
#include <set>

#include "extract/dates.h"
#include "rules/checks/checks.h"
#include "rules/checks/landing_page.h"

namespace caselint::rules::checks {

namespace {

struct DatedItem {
  extract::ParsedDate date;
  doc::SourceRange range;
};

class MissingRecentThoughtLeadership final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    const doc::Document& d = ctx.doc;
    const LandingPageVocab& v = landing_page_vocab();
    const auto as_of = extract::parse_iso_date(ctx.run.as_of);
    if (!as_of) return;
    const int months = static_cast<int>(ctx.option("months", 12));
    const extract::ParsedDate since = extract::months_before(*as_of, months);

    // The blocks of the thought-leadership sections (and their subsections),
    // and the blocks that hold a thought-leadership link elsewhere.
    std::set<int> sections;
    for (std::size_t i = 1; i < d.sections.size(); ++i) {
      if (!any_match(v.thought_leadership_headings, extract::Vocabulary::normalise_heading(d.sections[i].heading))) {
        continue;
      }
      std::vector<int> todo{static_cast<int>(i)};
      while (!todo.empty()) {
        int s = todo.back();
        todo.pop_back();
        sections.insert(s);
        for (int c : d.sections[static_cast<std::size_t>(s)].children) todo.push_back(c);
      }
    }
    std::set<int> link_lines;
    for (const doc::Link& l : d.links) {
      if (!l.is_image && (any_match(v.thought_leadership_links, l.text) || any_match(v.thought_leadership_links, l.target))) {
        link_lines.insert(l.range.start.line);
      }
    }
    std::vector<DatedItem> dated;
    bool material = !sections.empty() || !link_lines.empty();
    for (const doc::Block& b : d.blocks) {
      bool in_section = sections.count(b.section) > 0 && b.kind != doc::BlockKind::heading;
      bool holds_link = false;
      for (int line : link_lines) holds_link = holds_link || (line >= b.range.start.line && line <= b.range.end.line);
      if (!in_section && !holds_link) continue;
      std::size_t from = 0;
      while (from < b.text.size()) {
        auto date = extract::find_date(std::string_view(b.text).substr(from));
        if (!date) break;
        date->begin += from;
        date->end += from;
        doc::SourceRange r = d.range_of(b.text_offset + date->begin, date->end - date->begin);
        if (r.start.line == 0) r = b.range;
        dated.push_back({*date, r});
        from = date->end > from ? date->end : from + 1;
      }
    }

    doc::SourceRange title = anchor_range(d, extract::Anchor::title);
    const std::string window = "the " + std::to_string(months) + " months before " + ctx.run.as_of + " (since " +
                               since.iso() + ")";
    if (!material) {
      sink.report(title, "no thought-leadership material on the page; expected links to blog posts, talks, webinars "
                         "or customer workshops, at least one published in " + window)
          .field = "thought_leadership";
      return;
    }
    const DatedItem* newest = nullptr;
    for (const DatedItem& item : dated) {
      if (item.date.key_first() > as_of->key_first()) continue;  // an upcoming event is not yet published material
      if (item.date.key_last() >= since.key_first()) return;     // recent enough
      if (!newest || item.date.key_first() > newest->date.key_first()) newest = &item;
    }
    if (!newest) {
      sink.report(title, "thought-leadership material carries no publication dates; expected at least one item dated "
                         "within " + window)
          .field = "thought_leadership";
      return;
    }
    sink.report(newest->range, "newest thought-leadership item is dated " + newest->date.iso() +
                                   "; expected at least one published within " + window)
        .field = "thought_leadership";
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "LP012";
    m.name = "missing-recent-thought-leadership";
    m.severity = Severity::error;
    m.field = "thought_leadership";
    m.checklist = "ml-consulting 3.2 ML Thought Leadership";
    m.summary = "an ML consulting practice page must show thought leadership published in the last 12 months";
    m.options = {{"months", 12, "how recent (in months before --as-of) the newest thought-leadership item must be"}};
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_missing_recent_thought_leadership() { return std::make_unique<MissingRecentThoughtLeadership>(); }

}  // namespace caselint::rules::checks
