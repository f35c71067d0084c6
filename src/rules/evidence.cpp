#include "rules/evidence.h"

#include <algorithm>
#include <filesystem>

namespace caselint::rules {

std::vector<const extract::Field*> reference_fields(const RuleContext& ctx, std::string_view name) {
  std::vector<const extract::Field*> out = ctx.fields.all(name);
  for (const SupportingDocument& s : ctx.supporting) {
    if (!s.fields) continue;
    for (const extract::Field* f : s.fields->all(name)) out.push_back(f);
  }
  return out;
}

const extract::Field* reference_field(const RuleContext& ctx, std::string_view name) {
  if (const extract::Field* f = ctx.fields.get(name)) return f;
  for (const SupportingDocument& s : ctx.supporting) {
    if (!s.fields) continue;
    if (const extract::Field* f = s.fields->get(name)) return f;
  }
  return nullptr;
}

bool reference_has_topic(const RuleContext& ctx, std::string_view set, std::string_view id) {
  auto all = reference_fields(ctx, set);
  return std::any_of(all.begin(), all.end(), [&](const extract::Field* f) { return f->text == id; });
}

std::string list_parts(const std::vector<std::string>& missing, std::size_t total) {
  std::string out;
  for (std::size_t i = 0; i < missing.size(); ++i) out += (i ? "; " : "") + missing[i];
  if (missing.size() > 1 && total > 0) {
    out += " (" + std::to_string(missing.size()) + " of " + std::to_string(total) + " parts)";
  }
  return out;
}

std::string where_looked(const RuleContext& ctx) {
  std::string read;
  for (const SupportingDocument& s : ctx.supporting) {
    if (s.doc) read += (read.empty() ? "" : ", ") + std::filesystem::path(s.path).filename().string();
  }
  if (!read.empty()) return "; looked for in the study and in " + read;
  if (ctx.run.treat_as_public || extract::is_public_reference(ctx.fields)) {
    return "; a public study seldom tells these: the reference's documentation must, named in front matter "
           "`supporting:` or handed in with the study";
  }
  return "";
}

Diagnostic& report_missing_parts(const RuleContext& ctx, DiagnosticSink& sink, doc::SourceRange at,
                                 const std::string& what, const std::vector<std::string>& missing,
                                 std::size_t total) {
  return sink.report(at, what + ": nothing on " + list_parts(missing, total) + where_looked(ctx));
}

}  // namespace caselint::rules
