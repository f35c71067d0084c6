// The site-level findings: what the link graph says about the pages.
// Rule metadata (severity, citations) comes from the registry rows
// CS302-CS310 and LP101-LP105 (src/rules/checks/site_rules.cpp); config
// `disable:` / severities and inline caselint-disable comments apply as for
// any finding.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "config/config.h"
#include "rules/engine.h"
#include "rules/registry.h"
#include "site/site.h"
#include "site/url.h"

namespace caselint::site {

bool is_landing(const Node& n) { return n.profile.rfind("landing-page", 0) == 0; }

bool is_case_study(const Node& n) {
  return n.kind == NodeKind::page && !is_landing(n) && !n.profile.empty() && n.profile != "other";
}

namespace {

namespace fs = std::filesystem;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool says_aws(const Node& n) {
  std::string t = " " + lower(n.title) + " ";
  std::string k = lower(n.key);
  auto word = [](const std::string& s) {
    for (std::size_t p = s.find("aws"); p != std::string::npos; p = s.find("aws", p + 1)) {
      bool before = p == 0 || !std::isalnum(static_cast<unsigned char>(s[p - 1]));
      bool after = p + 3 >= s.size() || !std::isalnum(static_cast<unsigned char>(s[p + 3]));
      if (before && after) return true;
    }
    return false;
  };
  return word(t) || word(k);
}

// A page as people name it: its path under ROOT, or its URL.
std::string short_name(const Graph& g, int n) { return g.nodes[static_cast<std::size_t>(n)].key; }

std::string click_path(const Graph& g, int n) {
  std::string out;
  for (int p : g.path_from_home(n)) out += (out.empty() ? "" : " > ") + short_name(g, p);
  return out;
}

class Reporter {
 public:
  Reporter(const Graph& g, const Options& o)
      : g_(g), o_(o), configs_(o.config.empty() ? std::nullopt : std::optional<std::string>(o.config)) {}

  std::vector<format::FileResult> run() {
    std::optional<int> practice = practice_page(g_, o_);
    for (std::size_t i = 0; i < g_.nodes.size(); ++i) {
      if (g_.nodes[i].kind != NodeKind::page && !g_.nodes[i].result.error) continue;
      by_node_[static_cast<int>(i)] = results_.size();
      results_.push_back(g_.nodes[i].result);
      // The landing page elements (LP001-LP099) are asked of the practice
      // page only; the home page, "About" and the other pages of a site are
      // not practice pages, though they are checked as public pages.
      if (is_landing(g_.nodes[i]) && (!practice || *practice != static_cast<int>(i))) {
        std::erase_if(results_.back().diagnostics,
                      [](const rules::Diagnostic& d) { return d.code.rfind("LP0", 0) == 0; });
      }
    }
    if (g_.home < 0) {
      format::FileResult r;
      r.path = g_.remote ? g_.root : (fs::path(g_.root) / "index.html").generic_string();
      r.format = doc::Format::html;
      r.error = g_.home_error;
      results_.push_back(std::move(r));
    }
    template_comments();
    links();
    if (g_.home >= 0) {
      limits();
      reachability();
      sitemaps();
    }
    for (auto& [n, diags] : site_) {
      format::FileResult& r = results_[by_node_.at(n)];
      const Node& node = g_.nodes[static_cast<std::size_t>(n)];
      if (node.document) rules::apply_suppressions(*node.document, diags);
      for (rules::Diagnostic& d : diags) r.diagnostics.push_back(std::move(d));
      rules::sort_and_dedupe(r.diagnostics);
    }
    for (format::FileResult& r : extra_) results_.push_back(std::move(r));
    std::stable_sort(results_.begin(), results_.end(),
                     [](const format::FileResult& a, const format::FileResult& b) { return a.path < b.path; });
    return std::move(results_);
  }

 private:
  void report(int n, const std::string& code, doc::SourceRange range, std::string message, std::string field = "") {
    const rules::Rule* rule = rules::RuleSet::builtin().find(code);
    if (!rule || !by_node_.count(n)) return;
    const Node& node = g_.nodes[static_cast<std::size_t>(n)];
    rules::FileSettings settings;
    try {
      const config::Config& cfg =
          configs_.for_file(g_.remote ? (fs::current_path() / "index.html").string() : node.display);
      settings = cfg.settings_for(node.display);
    } catch (const config::ConfigError&) {
      // The per-page check already reported the configuration problem.
    }
    if (settings.disabled.count(code)) return;
    rules::Diagnostic d;
    d.code = code;
    d.rule = rule->meta().name;
    d.severity = rule->meta().severity;
    if (auto it = settings.severity.find(code); it != settings.severity.end()) d.severity = it->second;
    d.message = std::move(message);
    d.path = node.display;
    d.range = range;
    d.field = std::move(field);
    d.checklist = rule->meta().citation(node.profile);
    site_[n].push_back(std::move(d));
  }

  // A comment that most pages carry (three at least) is the template's, not
  // an author's: it is one finding for the site, on the first page that has
  // it, with a note that says so, not one finding per page. Every page of a
  // site is public for the same reason (RunOptions::site_pages), so one
  // comment gives one CS406 message on every page.
  void template_comments() {
    std::map<std::string, std::vector<std::size_t>> pages_with;  // CS406 message -> results
    std::size_t pages = 0;
    for (std::size_t r = 0; r < results_.size(); ++r) {
      if (results_[r].error) continue;
      ++pages;
      std::set<std::string> seen;
      for (const rules::Diagnostic& d : results_[r].diagnostics) {
        if (d.code == "CS406" && seen.insert(d.message).second) pages_with[d.message].push_back(r);
      }
    }
    for (const auto& entry : pages_with) {
      const std::string& message = entry.first;
      const auto& where = entry.second;
      if (where.size() < 3 || where.size() * 2 < pages) continue;
      const auto same = [&](const rules::Diagnostic& d) { return d.code == "CS406" && d.message == message; };
      for (std::size_t k = 1; k < where.size(); ++k) std::erase_if(results_[where[k]].diagnostics, same);
      bool first = true;
      std::erase_if(results_[where[0]].diagnostics, [&](rules::Diagnostic& d) {
        if (!same(d)) return false;
        if (!first) return true;
        first = false;
        d.notes.push_back({d.range, "the same comment is on " + std::to_string(where.size()) + " of the site's " +
                                        std::to_string(pages) + " pages: the template prints it; this is its one finding"});
        return false;
      });
    }
  }

  void links() {
    for (std::size_t i = 0; i < g_.nodes.size(); ++i) {
      const Node& page = g_.nodes[i];
      if (page.kind != NodeKind::page) continue;
      int n = static_cast<int>(i);
      for (const OutLink& l : page.links) {
        if (l.to >= 0 && !l.is_image) anchor(n, l);
        if (l.to < 0 || l.to == n) continue;
        const Node& t = g_.nodes[static_cast<std::size_t>(l.to)];
        std::string what = t.key;
        if (t.kind == NodeKind::missing) {
          std::string why = g_.remote ? t.reason : "no such file in the site folder";
          if (l.is_diagram) {
            report(n, "CS304", l.range,
                   "architecture diagram \"" + l.target + "\" does not resolve (" + why +
                       "); expected an image the page can show",
                   "architecture_diagram");
          } else if (l.is_image) {
            report(n, "CS303", l.range, "image \"" + l.target + "\" is missing (" + why + "); expected an image file at " + what);
          } else {
            report(n, "CS302", l.range, "link \"" + l.target + "\" is broken (" + why + "); expected a page of the site at " + what);
          }
        } else if (t.kind == NodeKind::failed) {
          report(n, "CS305", l.range, std::string(l.is_image ? "image" : "linked page") + " \"" + l.target +
                                          "\" could not be checked: " + t.reason);
        } else if (t.kind == NodeKind::skipped && !l.is_image) {
          report(n, "CS306", l.range, "linked page \"" + l.target + "\" was not read: " + t.reason);
        } else if (t.kind == NodeKind::resource && g_.remote && !l.is_image) {
          report(n, "CS306", l.range, "linked page \"" + l.target + "\" is " + t.reason + ", not an HTML page, so its content was not checked");
        }
      }
    }
  }

  // A link's fragment ("#results", "page.html#pricing") names an element of
  // the page it leads to (its id, or an <a name>); "#" and "#top" need none.
  void anchor(int n, const OutLink& l) {
    const std::size_t hash = l.target.find('#');
    if (hash == std::string::npos) return;
    const std::string fragment = l.target.substr(hash + 1);
    if (fragment.empty() || fragment == "top") return;
    const Node& t = g_.nodes[static_cast<std::size_t>(l.to)];
    if (t.kind != NodeKind::page || !t.document) return;
    auto [it, fresh] = anchors_.try_emplace(l.to);
    if (fresh) it->second.insert(t.document->anchors.begin(), t.document->anchors.end());
    if (it->second.count(fragment) || it->second.count(decode(fragment))) return;
    const std::string where = l.to == n ? "this page" : short_name(g_, l.to);
    report(n, "CS310", l.range,
           "link \"" + l.target + "\" points at \"#" + fragment + "\", but " + where +
               " has no element with that id; the link opens the page at its top");
  }

  // %XX escapes decoded ("caf%C3%A9" -> "café").
  static std::string decode(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      auto hex = [](char c) { return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1; };
      if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
        out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
        i += 2;
      } else {
        out += s[i];
      }
    }
    return out;
  }

  void limits() {
    if (g_.limits_hit.empty()) return;
    std::string which;
    for (const std::string& l : g_.limits_hit) which += (which.empty() ? "" : ", ") + l;
    int unread = 0;
    for (const Node& n : g_.nodes) unread += n.kind == NodeKind::unvisited ? 1 : 0;
    report(g_.home, "CS307", g_.nodes[static_cast<std::size_t>(g_.home)].title_range,
           "the crawl stopped at " + which + " with " + std::to_string(unread) +
               " linked pages not read; links, images and click counts beyond them were not checked");
  }

  void reachability() {
    const Node& home = g_.nodes[static_cast<std::size_t>(g_.home)];
    std::optional<int> practice = practice_page(g_, o_);
    int max = o_.max_clicks;
    std::string home_name = short_name(g_, g_.home);
    if (!o_.practice_page.empty() && !practice) {
      // Named on the command line but never reached (a crawl only sees what links lead to).
      format::FileResult r;
      r.path = o_.practice_page;
      r.format = doc::Format::html;
      extra_.push_back(std::move(r));
      const rules::Rule* rule = rules::RuleSet::builtin().find("LP102");
      rules::Diagnostic d;
      d.code = "LP102";
      d.rule = rule->meta().name;
      d.severity = rule->meta().severity;
      d.message = "practice page " + o_.practice_page + " was not found by following links from the home page " +
                  home_name + "; expected a link to it on the home page";
      d.path = o_.practice_page;
      d.range = {{1, 1}, {1, 1}};
      d.checklist = rule->meta().checklist;
      extra_.back().diagnostics.push_back(std::move(d));
    } else if (!practice) {
      report(g_.home, "LP105", home.title_range,
             "no AWS practice page found: no page other than the home page has AWS in its title or address; "
             "expected a practice page linked from the home page (name it with --practice-page if it exists)");
    } else if (*practice == g_.home) {
      report(g_.home, "LP101", home.title_range,
             std::string(o_.practice_page.empty() ? "the home page is the only page that presents the AWS practice"
                                                  : "the practice page given with --practice-page is the home page") +
                 "; the checklists do not accept the home page as the practice page: expected a separate AWS "
                 "practice page linked from the home page");
    } else {
      reach(*practice, "practice page", "LP102", max);
    }
    for (std::size_t i = 0; i < g_.nodes.size(); ++i) {
      if (static_cast<int>(i) == g_.home || (practice && static_cast<int>(i) == *practice)) continue;
      if (is_case_study(g_.nodes[i])) reach(static_cast<int>(i), "case study", "LP103", max);
    }
  }

  // What the sitemaps say: an entry that does not load, a sitemap that
  // cannot be read (CS308, on the home page), and a case study that links
  // reach but no sitemap lists (CS309).
  void sitemaps() {
    const Node& home = g_.nodes[static_cast<std::size_t>(g_.home)];
    for (const auto& [where, why] : g_.sitemap_errors) {
      report(g_.home, "CS308", home.title_range, "sitemap " + where + " could not be read: " + why);
    }
    for (std::size_t i = 0; i < g_.nodes.size(); ++i) {
      const Node& n = g_.nodes[i];
      if (n.in_sitemap && (n.kind == NodeKind::missing || n.kind == NodeKind::failed)) {
        report(g_.home, "CS308", home.title_range,
               "the sitemap lists " + n.display + ", which does not load (" + n.reason +
                   "); expected every address in the sitemap to be a page of the site");
      }
    }
    if (!g_.has_sitemap) return;
    for (std::size_t i = 0; i < g_.nodes.size(); ++i) {
      const Node& n = g_.nodes[i];
      if (n.in_sitemap || !is_case_study(n) || g_.clicks[i] < 0 || static_cast<int>(i) == g_.home) continue;
      report(static_cast<int>(i), "CS309", n.title_range,
             "case study " + short_name(g_, static_cast<int>(i)) +
                 " is not in the site's sitemap; search engines find pages through it: expected an entry for it");
    }
  }

  void reach(int n, const std::string& what, const std::string& unreachable_code, int max) {
    const Node& node = g_.nodes[static_cast<std::size_t>(n)];
    int clicks = g_.clicks[static_cast<std::size_t>(n)];
    std::string home_name = short_name(g_, g_.home);
    if (clicks < 0) {
      report(n, unreachable_code, node.title_range,
             what + " " + short_name(g_, n) + " cannot be reached from the home page " + home_name +
                 ": no chain of links leads to it; expected a link from the home page" +
                 (what == "case study" ? " or the practice page" : ""));
    } else if (clicks > max) {
      report(n, "LP104", node.title_range,
             what + " " + short_name(g_, n) + " is " + std::to_string(clicks) + " clicks from the home page (" +
                 click_path(g_, n) + "); expected at most " + std::to_string(max) +
                 ": link it from the home page or a page nearer to it");
    }
  }

  const Graph& g_;
  const Options& o_;
  config::ConfigCache configs_;
  std::vector<format::FileResult> results_;
  std::vector<format::FileResult> extra_;
  std::map<int, std::size_t> by_node_;
  std::map<int, std::vector<rules::Diagnostic>> site_;
  std::map<int, std::set<std::string>> anchors_;  // per page linked with a fragment: its ids
};

}  // namespace

std::optional<int> practice_page(const Graph& g, const Options& opts) {
  if (!opts.practice_page.empty()) {
    std::optional<int> n = g.find(opts.practice_page);
    if (n && g.nodes[static_cast<std::size_t>(*n)].kind == NodeKind::page) return n;
    return std::nullopt;
  }
  std::optional<int> best;
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    const Node& n = g.nodes[i];
    if (static_cast<int>(i) == g.home || n.kind != NodeKind::page || !is_landing(n) || !says_aws(n)) continue;
    auto rank = [&](int k) {
      int c = g.clicks[static_cast<std::size_t>(k)];
      return c < 0 ? 1 << 30 : c;
    };
    if (!best || rank(static_cast<int>(i)) < rank(*best)) best = static_cast<int>(i);
  }
  if (best) return best;
  if (g.home >= 0 && says_aws(g.nodes[static_cast<std::size_t>(g.home)])) return g.home;
  return std::nullopt;
}

std::string overview(const Graph& g, const Options& opts) {
  int pages = 0;
  for (const Node& n : g.nodes) pages += n.kind == NodeKind::page ? 1 : 0;
  std::string out = "Site " + g.root + ": " + std::to_string(pages) + " page" + (pages == 1 ? "" : "s") + " read\n";
  if (g.home < 0) return out + "  home page      none (" + g.home_error + ")\n";
  auto clicks = [&](int n) {
    int c = g.clicks[static_cast<std::size_t>(n)];
    // How the page was found: by links from home, through the sitemap, or both.
    const bool listed = g.nodes[static_cast<std::size_t>(n)].in_sitemap;
    const std::string found = !g.has_sitemap ? ""
                              : c >= 0      ? (listed ? ", found by link and sitemap" : ", found by link only")
                                            : (listed ? ", found through the sitemap only" : "");
    if (c < 0) return std::string("not reachable from the home page") + found;
    return std::to_string(c) + " click" + (c == 1 ? "" : "s") + " from home" +
           (c > opts.max_clicks ? " (more than " + std::to_string(opts.max_clicks) + ")" : "") + found;
  };
  out += "  home page      " + short_name(g, g.home) + "\n";
  std::optional<int> practice = practice_page(g, opts);
  if (!practice) {
    out += "  practice page  none found\n";
  } else if (*practice == g.home) {
    out += "  practice page  the home page (not accepted)\n";
  } else {
    out += "  practice page  " + short_name(g, *practice) + ", " + clicks(*practice) + "\n";
  }
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    if (static_cast<int>(i) == g.home || (practice && static_cast<int>(i) == *practice)) continue;
    if (is_case_study(g.nodes[i])) out += "  case study     " + short_name(g, static_cast<int>(i)) + ", " + clicks(static_cast<int>(i)) + "\n";
  }
  return out;
}

std::vector<format::FileResult> site_results(const Graph& g, const Options& opts) { return Reporter(g, opts).run(); }

}  // namespace caselint::site
