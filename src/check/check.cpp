#include "check/check.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <ctime>
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
    r.diagnostics = rules::check_document(rules_run, d, fields, r.profile, settings, run);
    if (d.format == doc::Format::docx || d.format == doc::Format::pdf) {
      // A line there is a paragraph number or a PDF text line: every output
      // names the paragraph or the page (docs/reading.md).
      r.paragraph_heads = d.paragraph_heads;
      r.page_first_lines = d.page_first_lines;
      for (rules::Diagnostic& diag : r.diagnostics) {
        diag.fix.reset();  // an edit of the text caselint read is no edit of the file
        if (std::string where = format::place_of(r, diag.range.start.line); !where.empty()) {
          diag.message += " (" + where + ")";
        }
        for (rules::Note& n : diag.notes) {
          if (std::string where = format::place_of(r, n.range.start.line); !where.empty()) n.message += " (" + where + ")";
        }
      }
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

}  // namespace

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
