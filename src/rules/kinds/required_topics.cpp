// kind: required-topics | docs: one page per rule (rules/doc/CODE.md)
// A program asks a reference to cover a set of topics (Aurora's RTO/RPO
// guidance, DMS's migration practices, the ML lifecycle). The topics are a
// topic set of rules/vocab/topics/; extraction finds them, this kind counts.
//
//   topics: rto_rpo_customer   # the topic set (also the finding's field)
//   min: 1                     # at least this many; omit to require every topic
//   options: {min: {default: 1, doc: "..."}}   # instead of min: a config may change it
//   anchor: end                # where findings point: end (default) or title
//   message: "... {missing} ..."  # {missing}: the topics not found, {found}: those found,
//                                 # {topic}: one missing topic (when every topic is required),
//                                 # {code_cells}: "N code cells" of a notebook (outputs not counted)
#include <algorithm>

#include "extract/vocab.h"
#include "rules/evidence.h"
#include "rules/kinds/kinds.h"

namespace caselint::rules::kinds {

namespace {

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size()) s.replace(p, from.size(), to);
  return s;
}

class RequiredTopics final : public Rule {
 public:
  RequiredTopics(RuleMeta meta, std::string set, int min, std::string message, extract::Anchor anchor)
      : meta_(std::move(meta)), set_(std::move(set)), min_(min), message_(std::move(message)), anchor_(anchor) {}
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    const extract::TopicSet* set = ctx.vocab.topic_set(set_);
    if (!set) return;
    std::vector<const extract::TopicItem*> missing;
    std::vector<std::string> found;
    for (const extract::TopicItem& item : set->items) {
      if (reference_has_topic(ctx, set_, item.id)) {
        found.push_back(item.title);
      } else {
        missing.push_back(&item);
      }
    }
    auto join = [](const std::vector<std::string>& v) {
      std::string out;
      for (std::size_t i = 0; i < v.size(); ++i) out += (i ? (i + 1 == v.size() ? " or " : ", ") : "") + v[i];
      return out;
    };
    std::vector<std::string> missing_titles;
    for (const auto* m : missing) missing_titles.push_back(m->title);
    std::string msg = replace_all(message_, "{found}", found.empty() ? "none" : join(found));
    if (msg.find("{code_cells}") != std::string::npos) {
      // A notebook's code cells (not their outputs): what was read besides its Markdown.
      const auto cells = std::count_if(ctx.doc.blocks.begin(), ctx.doc.blocks.end(), [](const doc::Block& b) {
        return b.kind == doc::BlockKind::code && !b.output;
      });
      msg = replace_all(msg, "{code_cells}", std::to_string(cells) + (cells == 1 ? " code cell" : " code cells"));
    }
    doc::SourceRange at = anchor_range(ctx.doc, anchor_);
    // A rule that declares `options: {min: ...}` lets a config change it (0: every topic).
    int min = static_cast<int>(ctx.option("min", min_));
    if (min > 0) {
      if (static_cast<int>(found.size()) >= min) return;
      sink.report(at, replace_all(msg, "{missing}", join(missing_titles)) + where_looked(ctx));
      return;
    }
    // Every topic required: one finding for the checklist item, naming
    // every part no document gives.
    if (missing.empty()) return;
    const std::string parts = list_parts(missing_titles, set->items.size());
    sink.report(at, replace_all(replace_all(msg, "{topic}", parts), "{missing}", parts) + where_looked(ctx));
  }

 private:
  RuleMeta meta_;
  std::string set_;
  int min_;
  std::string message_;
  extract::Anchor anchor_;
};

}  // namespace

void read_required_topics(const YAML::Node& n, const std::string& origin, RuleSpec& spec) {
  RuleMeta& meta = spec.meta;
  if (!n["topics"] || !n["topics"].IsScalar()) {
    throw RuleFileError(origin, n.Mark().line + 1, "a required-topics rule needs `topics:` naming a topic set");
  }
  std::string set = n["topics"].Scalar();
  const extract::TopicSet* ts = extract::Vocabulary::builtin().topic_set(set);
  if (!ts) throw RuleFileError(origin, n["topics"].Mark().line + 1, "unknown topic set \"" + set + "\"");
  int min = n["min"] ? n["min"].as<int>() : 0;
  if (!n["min"]) {
    for (const OptionSpec& o : meta.options) {
      if (o.name == "min") min = static_cast<int>(o.default_value);
    }
  }
  if (min < 0 || min > static_cast<int>(ts->items.size())) {
    throw RuleFileError(origin, (n["min"] ? n["min"] : n["options"]).Mark().line + 1,
                        "`min:` must be between 1 and the number of topics");
  }
  if (meta.field.empty()) meta.field = set;
  spec.message = n["message"] ? n["message"].as<std::string>()
                              : (min > 0 ? ts->title + ": none of {missing}" : ts->title + ": nothing on {topic}");
  spec.anchor = extract::Anchor::end;
  if (YAML::Node a = n["anchor"]) {
    std::string v = a.IsScalar() ? a.Scalar() : "";
    if (v == "title") {
      spec.anchor = extract::Anchor::title;
    } else if (v != "end") {
      throw RuleFileError(origin, a.Mark().line + 1, "`anchor:` must be title or end");
    }
  }
  meta.topics = {std::move(set)};  // the one set, which the engine reads too
  spec.min = min;
}

std::unique_ptr<Rule> build_required_topics(const RuleSpec& spec) {
  return std::make_unique<RequiredTopics>(spec.meta, spec.meta.topics.front(), spec.min, spec.message, spec.anchor);
}

}  // namespace caselint::rules::kinds
