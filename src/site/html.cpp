// `caselint site ROOT --format html`: one self-contained page (inline CSS and
// SVG, no scripts, no external assets) for a marketing team to look at: the
// home page, the practice page and each case study drawn as a tree of clicks
// from the home page, pages only the sitemap finds marked unreachable, the
// site-wide findings once at the top, and each page's findings under it.
#include <algorithm>
#include <map>
#include <set>

#include "format/format.h"
#include "report/html_tree.h"
#include "site/site.h"

namespace caselint::site {

namespace {

const char* kStyle = R"css(
:root { --ink: #1d2430; --muted: #5b6473; --line: #d9dee6; --err: #a40e26; --err-bg: #ffebe9;
  --warn: #7d4e00; --warn-bg: #fff8c5; --ok: #116329; --ok-bg: #dafbe1; --home: #0b4f8a; --home-bg: #ddf0ff; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: #f6f8fa; }
main { max-width: 72rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; background: #fff; }
h1 { font-size: 1.6rem; margin: 0.2rem 0 1rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 0.75rem; padding-bottom: 0.3rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 0.3rem; overflow-wrap: anywhere; }
.kicker { margin: 0; color: var(--muted); font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.06em; }
.muted { color: var(--muted); }
code, .path { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.88em; }
.counts { display: flex; gap: 0.75rem; flex-wrap: wrap; margin: 0 0 1rem; }
.count { flex: 1 1 9rem; border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: 0.6rem 0.9rem; }
.count .n { display: block; font-size: 1.8rem; font-weight: 700; line-height: 1.1; }
.count.errors { border-left-color: var(--err); } .count.errors .n { color: var(--err); }
.count.warnings { border-left-color: var(--warn); } .count.warnings .n { color: var(--warn); }
figure { margin: 0; overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem; }
figcaption { color: var(--muted); font-size: 0.85rem; margin-top: 0.4rem; }
svg text { font: 12px -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
svg .edge { stroke: #8c959f; stroke-width: 1.5; fill: none; }
svg .node rect { fill: #fff; stroke: #8c959f; stroke-width: 1.5; rx: 6; }
svg .node.home rect { fill: var(--home-bg); stroke: var(--home); }
svg .node.practice rect { fill: var(--ok-bg); stroke: var(--ok); }
svg .node.has-errors rect { stroke: var(--err); stroke-width: 2.5; }
svg .node.unreachable rect { fill: var(--err-bg); stroke: var(--err); stroke-dasharray: 5 3; }
svg .row-label { fill: var(--muted); font-size: 11px; }
table { width: 100%; border-collapse: collapse; margin: 0.4rem 0 0.75rem; font-size: 0.9rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--line); }
th { background: #f0f3f6; font-weight: 600; }
td.where { white-space: nowrap; width: 1%; }
td.text { overflow-wrap: anywhere; }
.sev-error { color: var(--err); font-weight: 600; }
.sev-warning { color: var(--warn); font-weight: 600; }
.sev-info { color: var(--muted); font-weight: 600; }
.tag { display: inline-block; font-size: 0.8rem; font-weight: 600; border-radius: 999px; padding: 0 0.55rem;
  border: 1px solid currentColor; margin-left: 0.4rem; vertical-align: middle; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: 0.85rem; }
)css";

// The pages drawn in the tree and their roles.
enum class Role { home, practice, case_study, path };

const char* role_name(Role r) {
  switch (r) {
    case Role::home: return "home";
    case Role::practice: return "practice";
    case Role::case_study: return "case-study";
    case Role::path: return "page";
  }
  return "page";
}

// The findings a site check reports about the site as a whole, on the home
// page: they are shown once at the top.
bool site_wide(const rules::Diagnostic& d) {
  static const std::set<std::string> codes = {"CS307", "CS308", "LP101", "LP105"};
  return codes.count(d.code) > 0;
}

void findings_table(report::Tree& t, xmlNode* parent, const std::vector<const rules::Diagnostic*>& diags) {
  xmlNode* table = t.el(parent, "table", "findings");
  t.attr(table, "data-count", std::to_string(diags.size()));
  xmlNode* tr = t.el(t.el(table, "thead"), "tr");
  for (const char* th : {"Line", "Finding"}) t.el(tr, "th", std::string(th));
  xmlNode* body = t.el(table, "tbody");
  for (const rules::Diagnostic* d : diags) {
    xmlNode* row = t.el(body, "tr", "finding");
    t.attr(row, "data-code", d->code);
    t.el(row, "td", std::to_string(d->range.start.line), "where");
    xmlNode* what = t.el(row, "td", "text");
    const char* cls = d->severity == rules::Severity::error     ? "sev-error"
                      : d->severity == rules::Severity::warning ? "sev-warning"
                                                                : "sev-info";
    t.el(what, "span", std::string(rules::severity_name(d->severity)), cls);
    t.add_text(what, " ");
    t.el(what, "code", d->code);
    t.add_text(what, " " + d->message);
  }
}

std::string clip(const std::string& s, std::size_t n) { return s.size() <= n ? s : s.substr(0, n - 1) + "\xE2\x80\xA6"; }

}  // namespace

void write_html(std::ostream& out, const Graph& g, const Options& opts, const std::vector<format::FileResult>& results) {
  // Each page's findings, by its display path.
  std::map<std::string, const format::FileResult*> by_path;
  for (const format::FileResult& r : results) by_path[r.path] = &r;
  auto diags_of = [&](int n) {
    std::vector<const rules::Diagnostic*> found;
    auto it = by_path.find(g.nodes[static_cast<std::size_t>(n)].display);
    if (it == by_path.end()) return found;
    for (const rules::Diagnostic& d : it->second->diagnostics) found.push_back(&d);
    return found;
  };

  // The pages drawn: home, the practice page, every case study, and the
  // pages on their shortest click paths; each under the page before it.
  std::map<int, Role> roles;
  std::map<int, int> parent;
  const std::optional<int> practice = practice_page(g, opts);
  std::vector<int> targets;
  if (g.home >= 0) roles[g.home] = Role::home;
  if (practice && *practice != g.home) {
    roles[*practice] = Role::practice;
    targets.push_back(*practice);
  }
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    const int n = static_cast<int>(i);
    if (n == g.home || (practice && n == *practice) || !is_case_study(g.nodes[i])) continue;
    roles[n] = Role::case_study;
    targets.push_back(n);
  }
  std::vector<int> unreachable;
  for (int n : targets) {
    if (g.home < 0 || g.clicks[static_cast<std::size_t>(n)] < 0) {
      unreachable.push_back(n);
      continue;
    }
    const std::vector<int> path = g.path_from_home(n);
    for (std::size_t k = 1; k < path.size(); ++k) {
      roles.try_emplace(path[k], Role::path);
      parent.try_emplace(path[k], path[k - 1]);
    }
  }

  // Layout: one row per click count, unreachable pages in a last row.
  constexpr int kBoxW = 190, kBoxH = 38, kGapX = 24, kRowH = 86, kLeft = 130, kTop = 20;
  std::map<int, std::vector<int>> rows;
  for (const auto& [n, role] : roles) {
    if (std::find(unreachable.begin(), unreachable.end(), n) != unreachable.end()) continue;
    rows[g.clicks[static_cast<std::size_t>(n)]].push_back(n);
  }
  std::size_t widest = unreachable.size();
  for (const auto& [depth, ns] : rows) widest = std::max(widest, ns.size());
  const int row_count = static_cast<int>(rows.size()) + (unreachable.empty() ? 0 : 1);
  const int width = kLeft + static_cast<int>(widest) * (kBoxW + kGapX) + 20;
  const int height = kTop + row_count * kRowH;
  std::map<int, std::pair<int, int>> at;  // node -> box top-left
  int row_index = 0;
  for (const auto& [depth, ns] : rows) {
    for (std::size_t k = 0; k < ns.size(); ++k) {
      at[ns[k]] = {kLeft + static_cast<int>(k) * (kBoxW + kGapX), kTop + row_index * kRowH};
    }
    ++row_index;
  }
  for (std::size_t k = 0; k < unreachable.size(); ++k) {
    at[unreachable[k]] = {kLeft + static_cast<int>(k) * (kBoxW + kGapX), kTop + row_index * kRowH};
  }

  report::Tree t;
  xmlNode* main = t.page("Site report: " + g.root, kStyle);
  xmlNode* header = t.el(main, "header");
  t.el(header, "p", std::string("caselint site report"), "kicker");
  t.el(header, "h1", g.root);

  int pages = 0, errors = 0, warnings = 0;
  for (const Node& n : g.nodes) pages += n.kind == NodeKind::page ? 1 : 0;
  for (const format::FileResult& r : results) {
    for (const rules::Diagnostic& d : r.diagnostics) {
      errors += d.severity == rules::Severity::error;
      warnings += d.severity == rules::Severity::warning;
    }
  }
  xmlNode* counts = t.el(header, "div", "counts");
  const int studies = static_cast<int>(std::count_if(roles.begin(), roles.end(), [](const auto& kv) { return kv.second == Role::case_study; }));
  for (auto [label, n, cls] : {std::tuple{"pages read", pages, "pages"}, std::tuple{"case studies", studies, "studies"},
                               std::tuple{"errors", errors, "errors"}, std::tuple{"warnings", warnings, "warnings"}}) {
    xmlNode* c = t.el(counts, "div");
    t.attr(c, "class", std::string("count ") + cls);
    t.attr(c, "data-count", std::to_string(n));
    t.el(c, "span", std::to_string(n), "n");
    t.add_text(c, label);
  }

  // The tree of clicks.
  t.el(main, "h2", std::string("From the home page"));
  xmlNode* figure = t.el(main, "figure");
  xmlNode* svg = t.el(figure, "svg");
  t.attr(svg, "xmlns", "http://www.w3.org/2000/svg");
  t.attr(svg, "width", std::to_string(width));
  t.attr(svg, "height", std::to_string(height));
  t.attr(svg, "viewBox", "0 0 " + std::to_string(width) + " " + std::to_string(height));
  t.attr(svg, "role", "img");
  t.attr(svg, "aria-label", "pages by clicks from the home page");
  row_index = 0;
  for (const auto& [depth, ns] : rows) {
    xmlNode* label = t.el(svg, "text", depth == 0 ? std::string("home") : std::to_string(depth) + (depth == 1 ? " click" : " clicks"), "row-label");
    t.attr(label, "x", "8");
    t.attr(label, "y", std::to_string(kTop + row_index * kRowH + kBoxH / 2 + 4));
    ++row_index;
  }
  if (!unreachable.empty()) {
    xmlNode* label = t.el(svg, "text", std::string("not reachable"), "row-label");
    t.attr(label, "x", "8");
    t.attr(label, "y", std::to_string(kTop + row_index * kRowH + kBoxH / 2 + 4));
  }
  for (const auto& [child, up] : parent) {
    const auto [cx, cy] = at[child];
    const auto [px, py] = at[up];
    xmlNode* line = t.el(svg, "path", "edge");
    const int x1 = px + kBoxW / 2, y1 = py + kBoxH, x2 = cx + kBoxW / 2, y2 = cy;
    t.attr(line, "d", "M" + std::to_string(x1) + " " + std::to_string(y1) + " C" + std::to_string(x1) + " " +
                          std::to_string((y1 + y2) / 2) + " " + std::to_string(x2) + " " + std::to_string((y1 + y2) / 2) +
                          " " + std::to_string(x2) + " " + std::to_string(y2));
    t.attr(line, "data-from", g.nodes[static_cast<std::size_t>(up)].key);
    t.attr(line, "data-to", g.nodes[static_cast<std::size_t>(child)].key);
  }
  for (const auto& [n, role] : roles) {
    const Node& node = g.nodes[static_cast<std::size_t>(n)];
    const bool lost = std::find(unreachable.begin(), unreachable.end(), n) != unreachable.end();
    const auto diags = diags_of(n);
    const bool has_errors = std::any_of(diags.begin(), diags.end(), [](const rules::Diagnostic* d) { return d->severity == rules::Severity::error; });
    std::string cls = std::string("node ") + role_name(role);
    if (lost) cls += " unreachable";
    if (has_errors) cls += " has-errors";
    xmlNode* gn = t.el(svg, "g", cls.c_str());
    t.attr(gn, "data-key", node.key);
    t.attr(gn, "data-role", role_name(role));
    t.attr(gn, "data-clicks", lost ? "unreachable" : std::to_string(g.clicks[static_cast<std::size_t>(n)]));
    t.attr(gn, "data-findings", std::to_string(diags.size()));
    t.el(gn, "title", node.key + (node.title.empty() ? "" : " \xE2\x80\x94 " + node.title));
    const auto [x, y] = at[n];
    xmlNode* rect = t.el(gn, "rect");
    t.attr(rect, "x", std::to_string(x));
    t.attr(rect, "y", std::to_string(y));
    t.attr(rect, "width", std::to_string(kBoxW));
    t.attr(rect, "height", std::to_string(kBoxH));
    xmlNode* name = t.el(gn, "text", clip(node.key, 28));
    t.attr(name, "x", std::to_string(x + 8));
    t.attr(name, "y", std::to_string(y + 16));
    const std::string what = std::string(role == Role::home ? "home page" : role == Role::practice ? "practice page" : role == Role::case_study ? "case study" : "page") +
                             (diags.empty() ? "" : ", " + std::to_string(diags.size()) + (diags.size() == 1 ? " finding" : " findings"));
    xmlNode* sub = t.el(gn, "text", what, "row-label");
    t.attr(sub, "x", std::to_string(x + 8));
    t.attr(sub, "y", std::to_string(y + 31));
  }
  t.el(figure, "figcaption",
       std::string("Each box is a page; a line leads from a page to the one it links to on the shortest way from the "
                   "home page. Red outlines have errors; dashed boxes are case studies no chain of links reaches."));

  // Site-wide findings, once.
  std::vector<const rules::Diagnostic*> wide;
  if (g.home >= 0) {
    for (const rules::Diagnostic* d : diags_of(g.home)) {
      if (site_wide(*d)) wide.push_back(d);
    }
  }
  t.el(main, "h2", std::string("The site as a whole"));
  if (wide.empty()) {
    t.el(main, "p", std::string("No finding about the site as a whole."), "muted");
  } else {
    xmlNode* sec = t.el(main, "section", "site-wide");
    findings_table(t, sec, wide);
  }

  // Each page drawn, then every other page with findings.
  t.el(main, "h2", std::string("Pages"));
  std::vector<int> order;
  for (Role want : {Role::home, Role::practice, Role::case_study, Role::path}) {
    for (const auto& [n, role] : roles) {
      if (role == want) order.push_back(n);
    }
  }
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    const int n = static_cast<int>(i);
    if (!roles.count(n) && !diags_of(n).empty()) order.push_back(n);
  }
  for (int n : order) {
    const Node& node = g.nodes[static_cast<std::size_t>(n)];
    xmlNode* sec = t.el(main, "section", "page");
    t.attr(sec, "data-key", node.key);
    xmlNode* h = t.el(sec, "h3");
    t.el(h, "span", node.key, "path");
    auto role = roles.find(n);
    t.el(h, "span", std::string(role == roles.end() ? "page" : role->second == Role::home ? "home page"
                                 : role->second == Role::practice ? "practice page"
                                 : role->second == Role::case_study ? "case study" : "page"),
         "tag");
    const int clicks = g.clicks.empty() ? -1 : g.clicks[static_cast<std::size_t>(n)];
    std::string where;
    if (n == g.home) {
      where = "The home page.";
    } else if (clicks < 0) {
      where = node.in_sitemap ? "Not reachable from the home page: only the sitemap lists it."
                              : "Not reachable from the home page.";
    } else {
      std::string path;
      for (int p : g.path_from_home(n)) path += (path.empty() ? "" : " \xE2\x80\xBA ") + g.nodes[static_cast<std::size_t>(p)].key;
      where = std::to_string(clicks) + (clicks == 1 ? " click" : " clicks") + " from home: " + path + "." +
              (g.has_sitemap ? (node.in_sitemap ? " In the sitemap." : " Not in the sitemap.") : "");
    }
    t.el(sec, "p", where, "muted");
    std::vector<const rules::Diagnostic*> own;
    for (const rules::Diagnostic* d : diags_of(n)) {
      if (!(n == g.home && site_wide(*d))) own.push_back(d);
    }
    if (own.empty()) {
      t.el(sec, "p", std::string("No findings."), "muted");
    } else {
      findings_table(t, sec, own);
    }
  }
  t.el(main, "footer", std::string("Written by caselint ") + format::version() + ".");
  t.write(out);
}

}  // namespace caselint::site
