#include "lsp/server.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <filesystem>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "check/check.h"
#include "portfolio/portfolio.h"
#include "doc/line_index.h"
#include "extract/vocab.h"
#include "load/source.h"
#include "lsp/framing.h"
#include "lsp/text.h"
#include "rules/registry.h"

namespace caselint::lsp {

namespace {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

// JSON-RPC and LSP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;

json to_json(LspPosition p) { return {{"line", p.line}, {"character", p.character}}; }
json to_json(const LspRange& r) { return {{"start", to_json(r.start)}, {"end", to_json(r.end)}}; }

LspPosition position_from(const json& j) { return {j.at("line").get<int>(), j.at("character").get<int>()}; }
LspRange range_from(const json& j) { return {position_from(j.at("start")), position_from(j.at("end"))}; }

bool overlaps(const LspRange& a, const LspRange& b) { return !(a.end < b.start || b.end < a.start); }

int lsp_severity(rules::Severity s) {
  switch (s) {
    case rules::Severity::error: return 1;
    case rules::Severity::warning: return 2;
    case rules::Severity::info: return 3;
  }
  return 1;
}

// The heading a missing field's section gets: the heading of the field's
// skeleton ("## Lessons learned\n\n- "), else the field's checklist title.
std::string section_heading(const extract::FieldVocab& f) {
  std::string_view s = f.skeleton;
  if (!s.empty() && s.front() == '#') {
    std::size_t start = s.find_first_not_of("# ");
    std::size_t end = s.find('\n');
    if (start != std::string_view::npos && start < end) return std::string(s.substr(start, end - start));
  }
  return f.title;
}

// A diagnostic as published: its LSP form, and what code actions need.
struct Published {
  json lsp;
  LspRange range;
  std::string code;
  std::optional<json> fix_edits;  // LSP TextEdits
  std::string fix_title;
  std::string field;               // set for a missing required field
  std::string checklist;           // the checklist item it cites
};

struct Document {
  std::string path;   // decoded from the URI, for config lookup
  std::string text;
  int version = 0;
  int published_version = -1;
  std::vector<Published> published;
};

struct Job {
  int version = 0;
  std::string text;
  std::string path;
  Clock::time_point due;
};

class Server {
 public:
  Server(std::ostream& out, const ServerOptions& opts) : out_(out), opts_(opts) {}

  int run(std::istream& in) {
    worker_ = std::thread([this] { work(); });
    std::optional<int> code;
    while (!code) {
      std::optional<std::string> body = read_message(in);
      if (!body) break;
      code = dispatch(*body);
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    cv_.notify_all();
    worker_.join();
    if (code) return *code;
    return shutdown_ ? 0 : 1;
  }

 private:
  void send(const json& j) {
    std::string body = j.dump(-1, ' ', false, json::error_handler_t::replace);
    std::lock_guard<std::mutex> lock(out_mutex_);
    out_ << "Content-Length: " << body.size() << "\r\n\r\n" << body;
    out_.flush();
  }
  void reply(const json& id, json result) { send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}); }
  void fail(const json& id, int code, const std::string& message) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
  }

  // Handles one message; returns the exit code when it was `exit`.
  std::optional<int> dispatch(const std::string& body) {
    json msg = json::parse(body, nullptr, false);
    if (msg.is_discarded()) {
      fail(nullptr, kParseError, "parse error: the message is not JSON");
      return std::nullopt;
    }
    if (!msg.is_object()) {
      fail(nullptr, kInvalidRequest, "invalid request: the message is not a JSON object");
      return std::nullopt;
    }
    bool has_id = msg.contains("id") && (msg["id"].is_number_integer() || msg["id"].is_string());
    if (!msg.contains("method") || !msg["method"].is_string()) {
      if (msg.contains("result") || msg.contains("error")) return std::nullopt;  // a response to us: none expected
      fail(has_id ? msg["id"] : json(nullptr), kInvalidRequest, "invalid request: no method");
      return std::nullopt;
    }
    std::string method = msg["method"].get<std::string>();
    json id = has_id ? msg["id"] : json(nullptr);
    json params = msg.contains("params") ? msg["params"] : json::object();

    if (method == "exit") return shutdown_ ? 0 : 1;
    if (!initialized_ && method != "initialize") {
      if (has_id) fail(id, kServerNotInitialized, "server not initialized: send initialize first");
      return std::nullopt;
    }
    if (shutdown_ && has_id) {
      fail(id, kInvalidRequest, "invalid request: the server is shutting down");
      return std::nullopt;
    }
    try {
      if (has_id) {
        request(id, method, params);
      } else {
        notification(method, params);
      }
    } catch (const json::exception& e) {
      if (has_id) fail(id, kInvalidParams, std::string("invalid params: ") + e.what());
    } catch (const std::exception& e) {
      if (has_id) fail(id, kInternalError, std::string("internal error: ") + e.what());
    }
    return std::nullopt;
  }

  void request(const json& id, const std::string& method, const json& params) {
    if (method == "initialize") {
      initialized_ = true;
      reply(id, {{"capabilities",
                  {{"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", true}}},
                   {"codeActionProvider", true},
                   {"hoverProvider", true}}},
                 {"serverInfo", {{"name", "caselint"}, {"version", format::version()}}}});
    } else if (method == "shutdown") {
      shutdown_ = true;
      reply(id, nullptr);
    } else if (method == "textDocument/codeAction") {
      reply(id, code_actions(params));
    } else if (method == "textDocument/hover") {
      reply(id, hover(params));
    } else {
      fail(id, kMethodNotFound, "method not found: " + method);
    }
  }

  void notification(const std::string& method, const json& params) {
    if (method == "textDocument/didOpen") {
      const json& td = params.at("textDocument");
      std::string uri = td.at("uri").get<std::string>();
      std::lock_guard<std::mutex> lock(mutex_);
      Document& d = docs_[uri];
      d.path = uri_to_path(uri);
      if (d.path.empty()) d.path = (std::filesystem::current_path() / "untitled.md").string();
      d.text = td.at("text").get<std::string>();
      d.version = td.value("version", 0);
      schedule(uri, d, 0);
    } else if (method == "textDocument/didChange") {
      const json& td = params.at("textDocument");
      std::string uri = td.at("uri").get<std::string>();
      std::lock_guard<std::mutex> lock(mutex_);
      auto it = docs_.find(uri);
      if (it == docs_.end()) return;
      Document& d = it->second;
      for (const json& change : params.at("contentChanges")) {
        if (change.contains("range")) {
          apply_change(d.text, range_from(change["range"]), change.at("text").get<std::string>());
        } else {
          d.text = change.at("text").get<std::string>();
        }
      }
      if (td.contains("version") && td["version"].is_number_integer()) {
        d.version = td["version"].get<int>();
      } else {
        ++d.version;
      }
      schedule(uri, d, opts_.debounce_ms);
    } else if (method == "textDocument/didSave") {
      std::string uri = params.at("textDocument").at("uri").get<std::string>();
      std::lock_guard<std::mutex> lock(mutex_);
      auto it = docs_.find(uri);
      if (it == docs_.end()) return;
      if (params.contains("text") && params["text"].is_string()) it->second.text = params["text"].get<std::string>();
      schedule(uri, it->second, 0);
    } else if (method == "textDocument/didClose") {
      std::string uri = params.at("textDocument").at("uri").get<std::string>();
      std::lock_guard<std::mutex> lock(mutex_);
      docs_.erase(uri);
      jobs_.erase(uri);
      send({{"jsonrpc", "2.0"},
            {"method", "textDocument/publishDiagnostics"},
            {"params", {{"uri", uri}, {"diagnostics", json::array()}}}});
    }
    // Other notifications (initialized, $/cancelRequest, $/setTrace,
    // workspace/didChangeConfiguration, ...) need nothing.
  }

  // Caller holds mutex_. A newer job for the same document replaces an older
  // one not started yet.
  void schedule(const std::string& uri, const Document& d, int delay_ms) {
    jobs_[uri] = Job{d.version, d.text, d.path, Clock::now() + std::chrono::milliseconds(delay_ms)};
    cv_.notify_all();
  }

  void work() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stop_) {
      if (jobs_.empty()) {
        cv_.wait(lock);
        continue;
      }
      auto next = std::min_element(jobs_.begin(), jobs_.end(),
                                   [](const auto& a, const auto& b) { return a.second.due < b.second.due; });
      if (next->second.due > Clock::now()) {
        cv_.wait_until(lock, next->second.due);
        continue;
      }
      std::string uri = next->first;
      Job job = std::move(next->second);
      jobs_.erase(next);
      lock.unlock();
      format::FileResult result = check(job);
      lock.lock();
      if (stop_) break;
      auto it = docs_.find(uri);
      // A document closed or changed since: this result is stale.
      if (it == docs_.end() || it->second.version != job.version || it->second.text != job.text) continue;
      publish(uri, it->second, result);
    }
  }

  static format::FileResult check(const Job& job) {
    config::ConfigCache configs(std::nullopt);  // fresh: edits to .caselint.yaml apply at once
    rules::RunOptions run;
    run.as_of = check::today();
    check::Input in;
    in.config_path = job.path;
    in.settings_path = job.path;
    // A reference's study in a submission: read with the reference's
    // documents, as checking the submission reads it.
    const portfolio::Membership member = portfolio::membership(job.path);
    if (member.role == portfolio::Membership::Role::study) {
      in.supporting = member.supporting;
      in.profile = member.program;
    }
    if (auto f = load::format_for_path(job.path); f && load::is_binary_format(*f)) {
      // The editor's text of a binary file is not the document.
      format::FileResult r;
      r.path = job.path;
      r.format = *f;
      r.error = "caselint does not check Word or PDF files in the editor: it reads them from disk, not from the "
                "editor's text; run `caselint check` on the saved file";
      return r;
    }
    return check::check_text(job.path, job.text, in, configs, run);
  }

  static bool edits_hold(const doc::LineIndex& index, const std::vector<rules::Edit>& edits) {
    return std::all_of(edits.begin(), edits.end(), [&](const rules::Edit& e) {
      return index.slice(e.range) == std::optional<std::string_view>(e.original);
    });
  }

  // Caller holds mutex_; the document's text is the text checked.
  void publish(const std::string& uri, Document& d, const format::FileResult& result) {
    Lines lines(d.text);
    std::vector<Published> out;
    if (result.error) {
      Published p;
      p.range = {{0, 0}, {0, utf16_length(lines.line(0))}};
      p.code = "caselint";
      const int severity = load::is_binary_format(result.format) ? 3 : 1;  // information: not a failure
      p.lsp = {{"range", to_json(p.range)}, {"severity", severity}, {"source", "caselint"}, {"message", *result.error}};
      out.push_back(std::move(p));
    }
    const rules::RuleSet& set = rules::RuleSet::builtin();
    const doc::LineIndex index(d.text);
    for (const rules::Diagnostic& diag : result.diagnostics) {
      Published p;
      p.range = to_lsp(lines, diag.range);
      p.code = diag.code;
      p.lsp = {{"range", to_json(p.range)},
               {"severity", lsp_severity(diag.severity)},
               {"code", diag.code},
               {"codeDescription", {{"href", format::rule_doc_url(diag.code)}}},
               {"source", "caselint"},
               {"message", diag.message}};
      // A fix is offered only where the buffer holds, at each edit's range,
      // the text the edit replaces: a wrong position never edits the buffer.
      if (diag.fix && !diag.fix->edits.empty() && edits_hold(index, diag.fix->edits)) {
        json edits = json::array();
        for (const rules::Edit& e : diag.fix->edits) {
          LspRange r{to_lsp(lines, e.range.start), to_lsp(lines, e.range.end)};
          edits.push_back({{"range", to_json(r)}, {"newText", e.text}});
        }
        p.fix_edits = std::move(edits);
        p.fix_title = diag.fix->title.empty() ? "Fix " + diag.code : diag.fix->title;
      }
      const rules::Rule* rule = set.find(diag.code);
      if (!diag.field.empty() && rule && rule->meta().requires_field) p.field = diag.field;
      p.checklist = diag.checklist;
      out.push_back(std::move(p));
    }
    d.published = std::move(out);
    d.published_version = d.version;
    json diagnostics = json::array();
    for (const Published& p : d.published) diagnostics.push_back(p.lsp);
    send({{"jsonrpc", "2.0"},
          {"method", "textDocument/publishDiagnostics"},
          {"params", {{"uri", uri}, {"version", d.version}, {"diagnostics", diagnostics}}}});
  }

  json code_actions(const json& params) {
    std::string uri = params.at("textDocument").at("uri").get<std::string>();
    LspRange wanted = range_from(params.at("range"));
    std::lock_guard<std::mutex> lock(mutex_);
    json actions = json::array();
    auto it = docs_.find(uri);
    // Fixes of an older version would edit the wrong text.
    if (it == docs_.end() || it->second.published_version != it->second.version) return actions;
    const Document& d = it->second;
    for (const Published& p : d.published) {
      if (!overlaps(p.range, wanted)) continue;
      if (p.fix_edits) {
        actions.push_back({{"title", p.fix_title},
                           {"kind", "quickfix"},
                           {"diagnostics", json::array({p.lsp})},
                           {"isPreferred", true},
                           {"edit", {{"changes", {{uri, *p.fix_edits}}}}}});
      }
      if (!p.field.empty()) {
        if (auto action = insert_section(uri, d, p)) actions.push_back(std::move(*action));
      }
    }
    return actions;
  }

  // "Insert a Lessons learned section": the heading and a skeleton to fill
  // in, at the end of the document.
  static std::optional<json> insert_section(const std::string& uri, const Document& d, const Published& p) {
    const extract::FieldVocab* f = extract::Vocabulary::builtin().field(p.field);
    if (!f) return std::nullopt;
    std::string heading = section_heading(*f);
    bool html = load::format_for_path(d.path).value_or(doc::Format::markdown) == doc::Format::html;
    std::string todo = "<!-- TODO: " + f->title + (p.checklist.empty() ? "" : " (" + p.checklist + ")") + " -->";
    Lines lines(d.text);
    LspRange at{lines.end(), lines.end()};
    std::string text;
    if (html) {
      // At the end of the study's content (its article, main or body), not
      // after a footer or </html>.
      std::string lower = d.text;
      std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      for (const char* close : {"</article>", "</main>", "</body>"}) {
        std::size_t end = lower.rfind(close);
        if (end == std::string::npos) continue;
        std::string_view before(std::string_view(d.text).substr(0, end));
        Lines upto(before);
        at = {upto.end(), upto.end()};
        // "    </article>": on its own line, before the indentation.
        std::string_view indent = upto.line(at.start.line);
        if (indent.find_first_not_of(" \t") == std::string_view::npos) at.start.character = at.end.character = 0;
        break;
      }
      text = "<h2>" + heading + "</h2>\n" + todo + "\n";
      if (at.start.character > 0) text = "\n" + text;
    } else {
      std::string lead = d.text.empty() || d.text.back() == '\n' ? "" : "\n";
      text = lead + "\n## " + heading + "\n\n" + todo + "\n";
    }
    return json{{"title", "Insert a " + heading + " section"},
                {"kind", "quickfix"},
                {"diagnostics", json::array({p.lsp})},
                {"edit", {{"changes", {{uri, json::array({{{"range", to_json(at)}, {"newText", text}}})}}}}}};
  }

  json hover(const json& params) {
    std::string uri = params.at("textDocument").at("uri").get<std::string>();
    LspPosition at = position_from(params.at("position"));
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = docs_.find(uri);
    if (it == docs_.end()) return nullptr;
    std::string value;
    std::vector<std::string> shown;
    std::optional<LspRange> range;
    for (const Published& p : it->second.published) {
      if (at < p.range.start || p.range.end < at) continue;
      if (std::find(shown.begin(), shown.end(), p.code) != shown.end()) continue;
      std::string_view doc = rules::RuleSet::builtin().doc(p.code);
      if (doc.empty()) continue;
      shown.push_back(p.code);
      if (!value.empty()) value += "\n\n---\n\n";
      value += doc;
      if (!range) range = p.range;
    }
    if (value.empty()) return nullptr;
    return {{"contents", {{"kind", "markdown"}, {"value", value}}}, {"range", to_json(*range)}};
  }

  std::ostream& out_;
  ServerOptions opts_;
  bool initialized_ = false;
  bool shutdown_ = false;

  std::mutex out_mutex_;
  std::mutex mutex_;  // docs_, jobs_, stop_
  std::condition_variable cv_;
  std::map<std::string, Document> docs_;
  std::map<std::string, Job> jobs_;
  bool stop_ = false;
  std::thread worker_;
};

}  // namespace

int serve(std::istream& in, std::ostream& out, const ServerOptions& opts) {
  Server server(out, opts);
  return server.run(in);
}

}  // namespace caselint::lsp
