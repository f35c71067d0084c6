// Reading a site: every page of a folder, or a breadth-first crawl of one
// host, each page checked with the per-document rules as a public page.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <iostream>
#include <stdexcept>

#include "check/check.h"
#include "extract/fields.h"
#include "outline/outline.h"
#include "parse/parse.h"
#include "site/http.h"
#include "site/robots.h"
#include "site/sitemap.h"
#include "site/site.h"
#include "site/url.h"

namespace caselint::site {

namespace {

// A page that a site generator makes to list others: a taxonomy term
// (tags/, categories/, topics/, authors/, series/), an archive, or a further
// page of a list (page/2/). Read from the page's path or URL.
bool is_list_page(const std::string& key) {
  static const char* const kListFolders[] = {"tags", "tag", "categories", "category", "topics", "topic",
                                             "authors", "author", "series", "archives", "archive"};
  std::vector<std::string> parts;
  std::size_t from = key.find("://") == std::string::npos ? 0 : key.find('/', key.find("://") + 3);
  while (from != std::string::npos && from < key.size()) {
    const std::size_t cut = key.find('/', from);
    std::string part = key.substr(from, cut == std::string::npos ? std::string::npos : cut - from);
    if (!part.empty()) parts.push_back(std::move(part));
    if (cut == std::string::npos) break;
    from = cut + 1;
  }
  for (std::size_t i = 0; i < parts.size(); ++i) {
    for (const char* folder : kListFolders) {
      if (parts[i] == folder && i + 1 < parts.size()) return true;
    }
    if (parts[i] == "page" && i + 1 < parts.size() &&
        parts[i + 1].find_first_not_of("0123456789") == std::string::npos) {
      return true;
    }
  }
  return false;
}

// On a web server ".../index.html" and ".../" are one page (the folder's
// index); the crawl knows both by the folder address so that it is read,
// checked and reported once.
std::string folder_form(const std::string& url) {
  constexpr std::string_view kIndex = "/index.html";
  if (url.size() >= kIndex.size() && url.compare(url.size() - kIndex.size(), kIndex.size(), kIndex) == 0) {
    return url.substr(0, url.size() - kIndex.size() + 1);
  }
  return url;
}


namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

bool is_html_path(const std::string& p) {
  std::string ext = fs::path(p).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".html" || ext == ".htm";
}

class Crawler {
 public:
  Crawler(const std::string& root, const Options& o)
      : o_(o), configs_(o.config.empty() ? std::nullopt : std::optional<std::string>(o.config)) {
    g_.root = root;
    run_.as_of = o.as_of.empty() ? check::today() : o.as_of;
    run_.treat_as_public = true;
    run_.site_pages = true;
    started_ = Clock::now();
  }

  Graph crawl_folder() {
    std::error_code ec;
    if (!fs::is_directory(g_.root, ec)) throw std::runtime_error(g_.root + ": not a folder or an http(s) URL");
    std::vector<std::string> keys;
    for (auto it = fs::recursive_directory_iterator(g_.root, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (it->is_directory() && (name == ".git" || name == "node_modules")) {
        it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file() && is_html_path(name)) {
        keys.push_back(fs::relative(it->path(), g_.root).generic_string());
      }
    }
    if (ec) throw std::runtime_error(g_.root + ": " + ec.message());
    std::sort(keys.begin(), keys.end());
    if (static_cast<int>(keys.size()) > o_.max_pages) {
      g_.limits_hit.push_back("--max-pages " + std::to_string(o_.max_pages) + " (the folder has " +
                              std::to_string(keys.size()) + " pages)");
      // Keep the home page in the checked set whatever its sort position.
      auto home = std::find(keys.begin(), keys.end(), "index.html");
      if (home != keys.end()) std::iter_swap(keys.begin(), home);
      keys.resize(static_cast<std::size_t>(o_.max_pages));
    }
    int done = 0;
    for (const std::string& key : keys) {
      int n = node(key);
      load::LoadResult loaded = load::load_file(g_.nodes[n].display, o_.max_page_size);
      ++done;
      progress(done, static_cast<int>(keys.size()) - done, g_.nodes[n].display);
      if (loaded.error) {
        page_failed(n, loaded.error->reason);
        continue;
      }
      loaded.file->format = doc::Format::html;
      check_page(n, *loaded.file, g_.nodes[n].display);
    }
    end_progress();
    // Resolve every link now that every page is known.
    for (std::size_t i = 0; i < g_.nodes.size(); ++i) {
      if (g_.nodes[i].kind != NodeKind::page) continue;
      std::string base = std::string("http://") + kLocalHost + "/" + g_.nodes[i].key;
      for (std::size_t l = 0; l < g_.nodes[i].links.size(); ++l) {
        std::optional<Url> u = resolve_url(base, g_.nodes[i].links[l].target);
        if (!u || u->host != kLocalHost) continue;  // another site, mailto:, tel:, ...
        std::string key = u->decoded_path.substr(1);
        if (key.empty() || key.back() == '/') {
          key += "index.html";
        } else if (fs::is_directory(fs::path(g_.root) / key, ec)) {
          key += "/index.html";
        }
        int to = node(key);
        g_.nodes[i].links[l].to = to;
        Node& t = g_.nodes[to];
        if (t.kind == NodeKind::unvisited) {
          if (fs::is_regular_file(fs::path(g_.root) / key, ec)) {
            t.kind = is_html_path(key) ? NodeKind::skipped : NodeKind::resource;
            if (t.kind == NodeKind::skipped) t.reason = "not read (page limit)";
          } else {
            t.kind = NodeKind::missing;
            t.reason = "no file " + t.display;
          }
        }
      }
    }
    folder_sitemaps();
    auto home = g_.index.find("index.html");
    if (home != g_.index.end() && g_.nodes[home->second].kind == NodeKind::page) {
      g_.home = home->second;
    } else {
      g_.home_error = "no home page: " + (fs::path(g_.root) / "index.html").generic_string() + " is missing";
    }
    finish();
    return std::move(g_);
  }

  Graph crawl_url(const Url& start) {
    g_.remote = true;
    origin_ = start.origin();
    http_ = std::make_unique<Http>(o_.timeout, o_.max_page_size,
                                   std::string("caselint/") + format::version() + " (+" + format::docs_url() + ")");
    Response robots = http_->get(origin_ + "/robots.txt", true);
    std::vector<std::string> sitemaps;
    if (robots.status == 200) {
      robots_ = Robots(robots.body, "caselint");
      sitemaps = robots_sitemaps(robots.body);
    }
    int home = node(start.full);
    g_.nodes[home].depth = 0;
    std::deque<int> queue{home};
    std::vector<int> images;
    int pages = 0;
    while (!queue.empty()) {
      int n = queue.front();
      queue.pop_front();
      if (out_of_time()) break;
      if (pages >= o_.max_pages) {
        limit_reached("--max-pages " + std::to_string(o_.max_pages));
        break;
      }
      if (g_.nodes[n].depth > o_.max_depth) {
        limit_reached("--max-depth " + std::to_string(o_.max_depth));
        continue;
      }
      progress(pages, static_cast<int>(queue.size()), g_.nodes[n].display);
      std::string body;
      std::optional<int> got = fetch(n, false, body);
      if (!got) continue;
      n = *got;  // the page a redirect led to
      ++pages;
      if (!read_fetched(n, std::move(body))) continue;
      for (std::size_t l = 0; l < g_.nodes[n].links.size(); ++l) {
        std::optional<Url> u = resolve_url(final_url_[n], g_.nodes[n].links[l].target);
        if (!u || u->origin() != origin_) continue;  // another host: not part of the graph
        int to = node(u->full);
        g_.nodes[n].links[l].to = to;
        Node& t = g_.nodes[to];
        if (t.depth >= 0) continue;  // already queued
        t.depth = g_.nodes[n].depth + 1;
        if (g_.nodes[n].links[l].is_image) {
          images.push_back(to);
        } else {
          queue.push_back(to);
        }
      }
    }
    // The pages the sitemaps list that no link led to: pages of the site
    // all the same (a case study among them is unreachable, LP103).
    for (const std::string& url : url_sitemap_pages(sitemaps)) {
      int n = node(url);
      g_.nodes[n].in_sitemap = true;
      if (g_.nodes[n].depth >= 0 || g_.nodes[n].kind != NodeKind::unvisited) continue;
      if (out_of_time()) break;
      if (pages >= o_.max_pages) {
        limit_reached("--max-pages " + std::to_string(o_.max_pages));
        break;
      }
      progress(pages, 0, g_.nodes[n].display);
      std::string body;
      std::optional<int> got = fetch(n, false, body);
      if (!got) continue;
      n = *got;
      g_.nodes[n].in_sitemap = true;
      ++pages;
      if (!read_fetched(n, std::move(body))) continue;
      // Its links are resolved (a broken one is still reported), not followed.
      for (std::size_t l = 0; l < g_.nodes[n].links.size(); ++l) {
        std::optional<Url> u = resolve_url(final_url_[n], g_.nodes[n].links[l].target);
        if (!u || u->origin() != origin_) continue;
        g_.nodes[n].links[l].to = node(u->full);
      }
    }
    for (int n : images) {
      if (out_of_time()) break;
      if (g_.nodes[n].kind != NodeKind::unvisited) continue;
      progress(pages, 0, g_.nodes[n].display);
      std::string ignored;
      (void)fetch(n, true, ignored);
    }
    end_progress();
    for (Node& page : g_.nodes) {
      for (OutLink& l : page.links) {
        for (int hops = 0; l.to >= 0 && g_.nodes[static_cast<std::size_t>(l.to)].alias >= 0 && hops < 32; ++hops) {
          l.to = g_.nodes[static_cast<std::size_t>(l.to)].alias;
        }
      }
    }
    for (int hops = 0; g_.nodes[home].alias >= 0 && hops < 32; ++hops) home = g_.nodes[home].alias;
    if (g_.nodes[home].kind == NodeKind::page) {
      g_.home = home;
    } else {
      g_.home_error = "the home page " + start.full + " could not be read: " + g_.nodes[home].reason;
    }
    finish();
    return std::move(g_);
  }

 private:
  // At most this many sitemap files are read (an index and its sitemaps).
  static constexpr int kMaxSitemaps = 50;

  // The page addresses the site's sitemaps list, on its own host: robots.txt
  // names them, else /sitemap.xml is tried (its absence is no finding).
  std::vector<std::string> url_sitemap_pages(std::vector<std::string> queue) {
    const bool named = !queue.empty();
    if (!named) queue.push_back(origin_ + "/sitemap.xml");
    std::vector<std::string> pages, seen;
    for (std::size_t i = 0; i < queue.size() && static_cast<int>(i) < kMaxSitemaps; ++i) {
      const std::string url = queue[i];
      if (std::find(seen.begin(), seen.end(), url) != seen.end()) continue;
      seen.push_back(url);
      std::optional<Url> u = parse_url(url);
      if (!u || u->origin() != origin_) {
        g_.sitemap_errors.emplace_back(url, "on another host (not read)");
        continue;
      }
      if (out_of_time()) break;
      Response r = http_->get(url, true);
      if (!named && i == 0 && (r.status == 404 || r.status == 410)) return pages;  // no sitemap
      if (!r.error.empty() || r.timed_out || r.too_large || r.status < 200 || r.status >= 300) {
        g_.sitemap_errors.emplace_back(url, r.timed_out ? "no answer within " + seconds(o_.timeout)
                                             : r.too_large ? "larger than " + std::to_string(o_.max_page_size) + " bytes"
                                             : !r.error.empty() ? r.error
                                                                : "HTTP " + std::to_string(r.status));
        continue;
      }
      Sitemap sm = parse_sitemap(r.body, o_.max_page_size);
      if (!sm.error.empty()) {
        g_.sitemap_errors.emplace_back(url, sm.error);
        continue;
      }
      g_.has_sitemap = true;
      for (std::string& s : sm.sitemaps) queue.push_back(std::move(s));
      for (const std::string& page : sm.pages) {
        std::optional<Url> p = parse_url(page);
        if (p && p->origin() == origin_) pages.push_back(p->full);
      }
    }
    return pages;
  }

  // A folder's sitemap.xml (or sitemap_index.xml, sitemap.xml.gz): its
  // absolute addresses are mapped to the folder's files by their paths.
  void folder_sitemaps() {
    std::error_code ec;
    std::vector<std::string> queue;
    for (const char* name : {"sitemap.xml", "sitemap_index.xml", "sitemap.xml.gz"}) {
      if (fs::is_regular_file(fs::path(g_.root) / name, ec)) {
        queue.push_back(name);
        break;
      }
    }
    std::vector<std::string> seen;
    for (std::size_t i = 0; i < queue.size() && static_cast<int>(i) < kMaxSitemaps; ++i) {
      const std::string key = queue[i];
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
      seen.push_back(key);
      const fs::path file = fs::path(g_.root) / key;
      const std::string display = file.generic_string();
      if (!fs::is_regular_file(file, ec) || fs::file_size(file, ec) > o_.max_page_size) {
        g_.sitemap_errors.emplace_back(display, ec || !fs::exists(file) ? "no such file in the site folder"
                                                                        : "larger than " + std::to_string(o_.max_page_size) + " bytes");
        continue;
      }
      std::ifstream in(file, std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      Sitemap sm = parse_sitemap(bytes, o_.max_page_size);
      if (!sm.error.empty()) {
        g_.sitemap_errors.emplace_back(display, sm.error);
        continue;
      }
      g_.has_sitemap = true;
      for (const std::string& s : sm.sitemaps) {
        if (std::optional<std::string> k = folder_key(s)) queue.push_back(*k);
      }
      for (const std::string& page : sm.pages) {
        std::optional<std::string> k = folder_key(page);
        if (!k) continue;
        int n = node(*k);
        Node& t = g_.nodes[n];
        t.in_sitemap = true;
        if (t.kind == NodeKind::unvisited) {
          t.kind = fs::is_regular_file(fs::path(g_.root) / *k, ec) ? NodeKind::resource : NodeKind::missing;
          if (t.kind == NodeKind::missing) t.reason = "no file " + t.display;
        }
      }
    }
  }

  // The file of the folder an absolute address names: its path, with
  // index.html for a folder.
  std::optional<std::string> folder_key(const std::string& url) const {
    std::optional<Url> u = parse_url(url);
    if (!u) return std::nullopt;
    std::string key = u->decoded_path.empty() ? std::string() : u->decoded_path.substr(1);
    std::error_code ec;
    if (key.empty() || key.back() == '/') {
      key += "index.html";
    } else if (fs::is_directory(fs::path(g_.root) / key, ec)) {
      key += "/index.html";
    }
    return key;
  }

  int node(const std::string& written_key) {
    std::string key = g_.remote ? folder_form(written_key) : written_key;
    auto it = g_.index.find(key);
    if (it != g_.index.end()) return it->second;
    Node n;
    n.key = key;
    n.display = g_.remote ? key : (fs::path(g_.root) / key).generic_string();
    g_.nodes.push_back(std::move(n));
    final_url_.push_back(key);
    g_.index[key] = static_cast<int>(g_.nodes.size()) - 1;
    return static_cast<int>(g_.nodes.size()) - 1;
  }

  bool out_of_time() {
    if (std::chrono::duration<double>(Clock::now() - started_).count() <= o_.max_time) return false;
    limit_reached("--max-time " + std::to_string(static_cast<long>(o_.max_time)) + " s");
    return true;
  }

  // A crawl limit was reached (each named once).
  void limit_reached(const std::string& limit) {
    if (std::find(g_.limits_hit.begin(), g_.limits_hit.end(), limit) == g_.limits_hit.end()) g_.limits_hit.push_back(limit);
  }

  // A page that could not be read: its result says why.
  void page_failed(int n, const std::string& why) {
    Node& node = g_.nodes[n];
    node.kind = NodeKind::failed;
    node.reason = why;
    node.result.path = node.display;
    node.result.format = doc::Format::html;
    node.result.error = why;
  }

  // A fetched page checked as a page of the site; false (and failed) when
  // its bytes cannot be read as one.
  bool read_fetched(int n, std::string body) {
    load::SourceFile file{g_.nodes[n].display, std::move(body), doc::Format::html};
    if (auto problem = load::check_bytes(file.bytes, o_.max_page_size)) {
      page_failed(n, *problem);
      return false;
    }
    check_page(n, file, (fs::current_path() / "index.html").string());
    return true;
  }

  // Fetches a node, following redirects on the site's own host (the address
  // that redirects becomes an alias of the one it leads to). Returns the node
  // that holds the content, with the body, when it is an HTML page.
  std::optional<int> fetch(int n, bool image, std::string& body) {
    std::string url = g_.nodes[n].key;
    Node* t = &g_.nodes[n];
    for (int hops = 0;; ++hops) {
      std::optional<Url> u = parse_url(url);
      std::string path = u ? u->path + (u->query.empty() ? "" : "?" + u->query) : "/";
      if (!robots_.allowed(path)) {
        t->kind = NodeKind::skipped;
        t->reason = "robots.txt disallows " + path;
        return std::nullopt;
      }
      Response r = image ? http_->head(url) : http_->get(url);
      t = &g_.nodes[n];
      if (r.status >= 300 && r.status < 400 && !r.redirect.empty()) {
        std::optional<Url> next = parse_url(r.redirect);
        if (!next || next->origin() != origin_) {
          t->kind = NodeKind::failed;
          t->reason = "redirects to " + r.redirect + " on another host (not followed)";
          return std::nullopt;
        }
        if (hops + 1 > o_.max_redirects) {
          t->kind = NodeKind::failed;
          t->reason = "more than " + std::to_string(o_.max_redirects) + " redirects";
          return std::nullopt;
        }
        url = next->full + (next->query.empty() ? "" : "?" + next->query);
        int m = node(next->full);
        if (m != n) {
          g_.nodes[n].alias = m;
          g_.nodes[n].kind = NodeKind::resource;
          if (g_.nodes[m].kind != NodeKind::unvisited || g_.nodes[m].depth >= 0) return std::nullopt;  // read or queued
          g_.nodes[m].depth = g_.nodes[n].depth;
          n = m;
        }
        t = &g_.nodes[n];
        continue;
      }
      final_url_[static_cast<std::size_t>(n)] = url;
      if (r.timed_out) {
        t->kind = NodeKind::failed;
        t->reason = "no answer within " + seconds(o_.timeout) + " (--timeout)";
        return std::nullopt;
      }
      if (r.too_large) {
        t->kind = NodeKind::failed;
        t->reason = "larger than " + std::to_string(o_.max_page_size) + " bytes";
        return std::nullopt;
      }
      if (!r.error.empty()) {
        t->kind = NodeKind::failed;
        t->reason = r.error;
        return std::nullopt;
      }
      if (r.status >= 400 || r.status < 200) {
        t->kind = NodeKind::missing;
        t->reason = "HTTP " + std::to_string(r.status);
        return std::nullopt;
      }
      if (image || r.not_html) {
        t->kind = NodeKind::resource;
        t->reason = r.content_type.empty() ? "not HTML" : r.content_type;
        return std::nullopt;
      }
      body = std::move(r.body);
      return n;
    }
  }

  static std::string seconds(double s) {
    std::string out = std::to_string(s);
    out.erase(out.find_last_not_of('0') + 1);
    if (!out.empty() && out.back() == '.') out.pop_back();
    return out + " s";
  }

  void check_page(int n, const load::SourceFile& file, const std::string& config_path) {
    Node& node = g_.nodes[n];
    check::Input in;
    in.config_path = config_path;
    in.settings_path = node.display;
    in.profile = o_.profile;
    // A taxonomy, archive or pagination page lists studies; it is never one.
    // Checked as a public page, it gets the public-safety rules only (the
    // landing page elements are asked of the practice page alone).
    if (in.profile.empty() && is_list_page(node.key)) in.profile = "landing-page";
    node.result = check::check_source(file, in, configs_, run_);
    node.result.format = doc::Format::html;
    node.kind = NodeKind::page;
    node.profile = node.result.profile;
    parse::ParseResult parsed = outline::read(file);
    if (!parsed.document) return;
    auto d = std::make_shared<const doc::Document>(std::move(*parsed.document));
    extract::Fields fields = extract::extract_fields(*d, extract::Vocabulary::builtin());
    std::vector<const extract::Field*> diagrams = fields.all("architecture_diagram");
    node.title = d->title;
    node.title_range = d->title_range;
    if (node.title_range.start.line == 0) node.title_range = {{1, 1}, {1, 1}};
    std::vector<doc::Link> all = d->links;
    all.insert(all.end(), d->outside_links.begin(), d->outside_links.end());
    std::stable_sort(all.begin(), all.end(),
                     [](const doc::Link& a, const doc::Link& b) { return a.range.start.line < b.range.start.line; });
    for (const doc::Link& l : all) {
      OutLink out;
      out.target = l.target;
      out.range = l.range;
      out.is_image = l.is_image;
      out.is_diagram = std::any_of(diagrams.begin(), diagrams.end(), [&](const extract::Field* f) {
        return f->state == extract::FieldState::ok && f->text == l.target && f->range == l.range;
      });
      node.links.push_back(std::move(out));
    }
    node.document = std::move(d);
  }

  void progress(int done, int queued, const std::string& what) {
    if (!o_.progress) return;
    std::string line = "caselint: " + std::to_string(done) + " pages checked, " + std::to_string(queued) +
                       " to go: " + what;
    if (line.size() > 100) line = line.substr(0, 97) + "...";
    std::cerr << "\r\033[K" << line << std::flush;
    shown_ = true;
  }

  void end_progress() {
    if (shown_) std::cerr << "\r\033[K" << std::flush;
  }

  // Fewest clicks from home: breadth-first over <a> links between pages.
  void finish() {
    g_.clicks.assign(g_.nodes.size(), -1);
    if (g_.home < 0) return;
    std::deque<int> queue{g_.home};
    g_.clicks[static_cast<std::size_t>(g_.home)] = 0;
    while (!queue.empty()) {
      int n = queue.front();
      queue.pop_front();
      for (const OutLink& l : g_.nodes[n].links) {
        if (l.is_image || l.to < 0 || g_.nodes[l.to].kind != NodeKind::page) continue;
        if (g_.clicks[static_cast<std::size_t>(l.to)] >= 0) continue;
        g_.clicks[static_cast<std::size_t>(l.to)] = g_.clicks[static_cast<std::size_t>(n)] + 1;
        queue.push_back(l.to);
      }
    }
  }

  Graph g_;
  Options o_;
  config::ConfigCache configs_;
  rules::RunOptions run_;
  Clock::time_point started_;
  std::string origin_;
  std::unique_ptr<Http> http_;
  Robots robots_;
  std::vector<std::string> final_url_;  // per node: the URL its content came from (after redirects)
  bool shown_ = false;
};

}  // namespace

Graph crawl(const std::string& root, const Options& opts) {
  Crawler c(root, opts);
  if (root.rfind("http://", 0) == 0 || root.rfind("https://", 0) == 0) {
    std::optional<Url> u = parse_url(root);
    if (!u || u->host.empty()) throw std::runtime_error(root + ": not a valid http(s) URL");
    return c.crawl_url(*u);
  }
  return c.crawl_folder();
}

std::optional<int> Graph::find(const std::string& path_or_url) const {
  std::string key = path_or_url;
  if (remote) {
    if (std::optional<Url> u = parse_url(path_or_url)) key = folder_form(u->full);
  } else {
    std::string prefix = fs::path(root).generic_string();
    if (!prefix.empty() && prefix.back() != '/') prefix += '/';
    if (key.rfind(prefix, 0) == 0) key = key.substr(prefix.size());
    if (key.rfind("./", 0) == 0) key = key.substr(2);
    if (key.rfind('/', 0) == 0) key = key.substr(1);
    if (key.empty() || key.back() == '/') key += "index.html";
  }
  auto it = index.find(key);
  if (it == index.end()) return std::nullopt;
  return it->second;
}

std::optional<int> Graph::clicks_from_home(const std::string& path_or_url) const {
  std::optional<int> n = find(path_or_url);
  if (!n || static_cast<std::size_t>(*n) >= clicks.size() || clicks[static_cast<std::size_t>(*n)] < 0) return std::nullopt;
  return clicks[static_cast<std::size_t>(*n)];
}

std::vector<int> Graph::path_from_home(int target) const {
  if (home < 0 || target < 0 || clicks[static_cast<std::size_t>(target)] < 0) return {};
  std::vector<int> path{target};
  // Walk back: a page one click nearer that links to the current one.
  while (path.back() != home) {
    int cur = path.back();
    int want = clicks[static_cast<std::size_t>(cur)] - 1;
    int prev = -1;
    for (std::size_t i = 0; i < nodes.size() && prev < 0; ++i) {
      if (clicks[i] != want) continue;
      for (const OutLink& l : nodes[i].links) {
        if (!l.is_image && l.to == cur) {
          prev = static_cast<int>(i);
          break;
        }
      }
    }
    if (prev < 0) return {};
    path.push_back(prev);
  }
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace caselint::site
