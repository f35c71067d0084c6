#include "check/check.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>

#include "extract/fields.h"
#include "extract/prefilter.h"
#include "outline/outline.h"
#include "parse/parse.h"
#include "rules/portfolio_rule.h"

namespace caselint::check {

std::string today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

namespace {

// CASELINT_ALL_TOPICS=1 looks for every topic set whatever the rules: for
// comparing results (the topics-same test).
bool all_topics() {
  static const bool all = [] {
    const char* env = std::getenv("CASELINT_ALL_TOPICS");
    return env && *env && std::strcmp(env, "0") != 0;
  }();
  return all;
}

// A supporting document read for a study: owned here while the rules run.
struct Supporting {
  rules::SupportingDocument view;
  std::optional<doc::Document> doc;
  extract::Fields fields;
};

std::vector<std::unique_ptr<Supporting>> read_supporting(const load::SourceFile& study, const doc::Document& d,
                                                         const Input& in, const config::Config& cfg,
                                                         const extract::TopicSets& wanted);

bool is_word_or_pdf(doc::Format f) { return f == doc::Format::docx || f == doc::Format::pdf; }

// A line of a Word or PDF file is a paragraph number or a PDF text line:
// every output names the paragraph or the page (docs/reading.md). Adds it to
// the findings located in `file` (the study or one of its supporting
// documents) and to their notes.
void name_places(std::vector<rules::Diagnostic>& diags, const format::FileResult& file) {
  for (rules::Diagnostic& diag : diags) {
    if (diag.path != file.path) continue;
    diag.fix.reset();  // an edit of the text caselint read is no edit of the file
    if (std::string where = format::place_of(file, diag.range.start.line); !where.empty()) {
      diag.message += " (" + where + ")";
    }
    for (rules::Note& n : diag.notes) {
      if (std::string where = format::place_of(file, n.range.start.line); !where.empty()) n.message += " (" + where + ")";
    }
  }
}

// `owned`: the caller's file, whose bytes may be taken once parsed; null
// when they must stay as they are.
format::FileResult check(const load::SourceFile& file, load::SourceFile* owned, const Input& in,
                         config::ConfigCache& configs, const rules::RunOptions& run) {
  // The screens of this file's text are of no use to the next file.
  struct ForgetScreens {
    ~ForgetScreens() { extract::prefilter::forget(); }
  } forget_screens;
  format::FileResult r;
  r.path = file.path;
  r.format = file.format;
  try {
    const config::Config& cfg = configs.for_file(in.config_path);
    parse::ParseResult parsed = outline::read(file);
    if (parsed.error) {
      // A Word or PDF file's error has no line: it is about the whole file.
      r.error = (parsed.error->line > 0 || !load::is_binary_format(file.format)
                     ? "line " + std::to_string(parsed.error->line) + ": "
                     : std::string()) +
                parsed.error->message;
      return r;
    }
    const doc::Document& d = *parsed.document;
    std::shared_ptr<const std::string> source;
    if (owned) {
      if (in.keep_source) source = std::make_shared<const std::string>(std::move(owned->bytes));
      std::string().swap(owned->bytes);
    }
    rules::FileSettings settings = cfg.settings_for(in.settings_path);
    // The rules of each profile the document may get, worked out once. Only
    // the topic sets they read are looked for, unless the caller wants every
    // field.
    const rules::DocKind kind = rules::doc_kind(d);
    const std::vector<std::string> possible = rules::possible_profiles(d, settings.profile, in.profile);
    std::vector<std::vector<const rules::Rule*>> active;
    for (const std::string& p : possible) active.push_back(rules::active_rules(*cfg.rules, kind, p, settings));
    const std::vector<std::string> topics = rules::topics_read(active);
    extract::TopicSets wanted;
    if (!in.want_fields && !all_topics()) wanted.only = &topics;
    extract::Fields fields = extract::extract_fields(d, extract::Vocabulary::builtin(), wanted);
    if (!settings.partner.empty()) extract::add_configured_partner(fields, settings.partner);
    const rules::ProfileChoice choice = rules::choose_profile(d, fields, settings.profile, in.profile);
    r.profile = choice.profile;
    r.kind = choice.kind;
    r.kind_reason = choice.reason;
    r.kind_inferred = choice.inferred;
    {
      // CS001 says why a page is not checked as a case study or landing page.
      extract::Field k;
      k.name = "_page_kind";
      k.text = choice.reason;
      k.label = choice.kind;
      fields.add(std::move(k));
    }
    if (!cfg.rules->profile(r.profile)) {
      const doc::MetaValue* m = d.meta("program");
      r.error = (m ? "line " + std::to_string(m->value_range.start.line) + ": " : std::string()) +
                config::unknown_name("program", r.profile, cfg.rules->profile_ids());
      r.profile.clear();
      return r;
    }
    // document_profile returns one of the possible profiles.
    const auto chosen = std::find(possible.begin(), possible.end(), r.profile);
    const std::vector<const rules::Rule*>& rules_run =
        chosen != possible.end() ? active[static_cast<std::size_t>(chosen - possible.begin())]
                                 : active.emplace_back(rules::active_rules(*cfg.rules, kind, r.profile, settings));
    // A study's supporting documents: only a case study has them.
    std::vector<std::unique_ptr<Supporting>> supporting;
    std::vector<rules::SupportingDocument> views;
    if (r.kind == "case-study" || !in.supporting.empty()) {
      supporting = read_supporting(file, d, in, cfg, wanted);
      for (const auto& s : supporting) views.push_back(s->view);
    }
    r.diagnostics = rules::check_document(rules_run, d, fields, r.profile, settings, run, views);
    for (const rules::SupportingDocument& s : views) {
      if (s.doc) r.supporting.push_back(s.path);
    }
    if (is_word_or_pdf(d.format)) {
      r.paragraph_heads = d.paragraph_heads;
      r.page_first_lines = d.page_first_lines;
      name_places(r.diagnostics, r);
    }
    for (const rules::SupportingDocument& s : views) {
      if (!s.doc || !is_word_or_pdf(s.doc->format) ||
          std::none_of(r.diagnostics.begin(), r.diagnostics.end(),
                       [&](const rules::Diagnostic& diag) { return diag.path == s.path; })) {
        continue;
      }
      format::FileResult places;
      places.path = s.path;
      places.format = s.doc->format;
      places.paragraph_heads = s.doc->paragraph_heads;
      places.page_first_lines = s.doc->page_first_lines;
      name_places(r.diagnostics, places);
    }
    for (const rules::Rule* rule : rules_run) {
      // Portfolio rules run over a submission, not over this document.
      if (dynamic_cast<const rules::PortfolioRule*>(rule)) continue;
      r.rules_run.push_back(rule->meta().code);
    }
    if (in.keep_source && !load::is_binary_format(file.format)) r.source = source ? std::move(source) : std::make_shared<const std::string>(file.bytes);
    if (in.want_fields) r.fields = std::move(fields);
  } catch (const config::ConfigError& e) {
    r.error = std::string("configuration: ") + e.what();
  } catch (const std::exception& e) {
    r.error = std::string("internal error: ") + e.what();
  }
  return r;
}

// The study's supporting documents: the caller's, then those its front
// matter `supporting:` names (relative to the study's folder). Each is read
// through the same stages as the study, with the same topic sets.
std::vector<std::unique_ptr<Supporting>> read_supporting(const load::SourceFile& study, const doc::Document& d,
                                                         const Input& in, const config::Config& cfg,
                                                         const extract::TopicSets& wanted) {
  namespace fs = std::filesystem;
  std::vector<std::pair<std::string, doc::SourceRange>> named;  // path as named, where
  for (const std::string& p : in.supporting) named.emplace_back(p, doc::SourceRange{});
  if (const doc::MetaValue* m = d.meta("supporting")) {
    std::vector<std::string> items = m->is_list ? m->items : std::vector<std::string>{m->text};
    for (const std::string& item : items) {
      if (!item.empty()) named.emplace_back(item, m->value_range);
    }
  }
  std::vector<std::unique_ptr<Supporting>> out;
  const fs::path folder = fs::path(study.path).parent_path();
  const std::string self = fs::path(study.path).lexically_normal().string();
  std::vector<std::string> seen{self};
  for (auto& [name, at] : named) {
    // Front matter names a file beside the study; a caller passes real paths.
    fs::path path = at.start.line > 0 && fs::path(name).is_relative() ? folder / name : fs::path(name);
    std::string key = path.lexically_normal().string();
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(key);
    auto s = std::make_unique<Supporting>();
    s->view.path = path.string();
    s->view.name = name;
    s->view.named_at = at;
    load::LoadResult loaded = load::load_file(path.string(), cfg.max_file_size.value_or(load::kDefaultMaxFileSize));
    if (loaded.error) {
      s->view.error = loaded.error->reason;
    } else {
      parse::ParseResult parsed = outline::read(*loaded.file);
      if (parsed.error) {
        s->view.error = "line " + std::to_string(parsed.error->line) + ": " + parsed.error->message;
      } else {
        s->doc = std::move(parsed.document);
        s->fields = extract::extract_fields(*s->doc, extract::Vocabulary::builtin(), wanted);
        s->view.doc = &*s->doc;
        s->view.fields = &s->fields;
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

std::vector<std::string> named_supporting(const std::string& path) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  if (load::format_for_path(path) != doc::Format::markdown) return out;
  // Never opens a pipe or a device (it could block): load_file refuses those.
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return out;
  std::ifstream in(path, std::ios::binary);
  std::string head(64 * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (head.rfind("---", 0) != 0 || head.find("supporting") == std::string::npos) return out;
  doc::Document d;
  std::optional<parse::ParseError> error;
  if (parse::parse_front_matter(head, d, error) == 0 || error) return out;
  const doc::MetaValue* m = d.meta("supporting");
  if (!m) return out;
  std::vector<std::string> items = m->is_list ? m->items : std::vector<std::string>{m->text};
  for (const std::string& item : items) {
    if (item.empty()) continue;
    fs::path p = fs::path(item).is_relative() ? fs::path(path).parent_path() / item : fs::path(item);
    out.push_back(p.lexically_normal().string());
  }
  return out;
}

format::FileResult supporting_result(const std::string& path, const std::string& study) {
  format::FileResult r;
  r.path = path;
  r.format = load::format_for_path(path).value_or(doc::Format::markdown);
  r.kind = "supporting";
  r.kind_reason = "a supporting document of " + study + ", read with it";
  r.supports = study;
  return r;
}

format::FileResult check_source(const load::SourceFile& file, const Input& in, config::ConfigCache& configs,
                                const rules::RunOptions& run) {
  return check(file, nullptr, in, configs, run);
}

format::FileResult check_source(load::SourceFile&& file, const Input& in, config::ConfigCache& configs,
                                const rules::RunOptions& run) {
  return check(file, &file, in, configs, run);
}

format::FileResult check_text(const std::string& path, std::string text, const Input& in,
                              config::ConfigCache& configs, const rules::RunOptions& run) {
  load::SourceFile file{path, std::move(text), load::format_for_path(path).value_or(doc::Format::markdown)};
  try {
    const config::Config& cfg = configs.for_file(in.config_path);
    const std::size_t max = cfg.max_file_size.value_or(load::kDefaultMaxFileSize);
    if (auto problem = load::is_binary_format(file.format) ? load::check_size(file.bytes, max)
                                                           : load::check_bytes(file.bytes, max)) {
      format::FileResult r;
      r.path = path;
      r.format = file.format;
      r.error = *problem;
      return r;
    }
  } catch (const config::ConfigError&) {
    // check_source reports it.
  }
  return check_source(std::move(file), in, configs, run);
}

}  // namespace caselint::check
