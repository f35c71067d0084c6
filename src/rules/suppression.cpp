#include <algorithm>

#include "rules/engine.h"

namespace caselint::rules {

namespace {

bool names(const std::vector<std::string>& codes, const Diagnostic& d) {
  if (codes.empty()) return true;
  return std::any_of(codes.begin(), codes.end(), [&](const std::string& c) { return c == d.code || c == d.rule; });
}

}  // namespace

void apply_suppressions(const doc::Document& doc, std::vector<Diagnostic>& diags) {
  std::vector<std::string> file_wide;
  if (const doc::MetaValue* m = doc.meta("caselint.disable")) {
    file_wide = m->is_list ? m->items : std::vector<std::string>{m->text};
  }
  std::vector<doc::Directive> dirs = doc.directives;
  std::stable_sort(dirs.begin(), dirs.end(), [](const doc::Directive& a, const doc::Directive& b) { return a.line < b.line; });

  auto silenced = [&](const Diagnostic& d) {
    if (!file_wide.empty() && names(file_wide, d)) return true;
    int line = d.range.start.line;
    bool off = false;
    for (const doc::Directive& dir : dirs) {
      if (dir.kind == doc::Directive::Kind::disable_next_line) {
        if (dir.line + 1 == line && names(dir.codes, d)) return true;
        continue;
      }
      if (dir.line > line) break;
      if (!names(dir.codes, d)) continue;
      off = dir.kind == doc::Directive::Kind::disable;
    }
    return off;
  };
  diags.erase(std::remove_if(diags.begin(), diags.end(), silenced), diags.end());
}

}  // namespace caselint::rules
