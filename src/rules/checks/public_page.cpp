#include "rules/checks/public_page.h"

#include <yaml-cpp/yaml.h>

#include <stdexcept>

#include "data/embedded.h"
#include "extract/fields.h"

namespace caselint::rules::checks {

bool is_landing_profile(std::string_view profile) {
  return profile == "landing-page" || profile.starts_with("landing-page-");
}

std::string public_reason(const RuleContext& ctx) {
  if (extract::is_public_reference(ctx.fields)) return "the document is marked public";
  // A page of a site is public because it is published, whatever it is (a
  // blog post is no landing page).
  if (ctx.run.site_pages) return "the site is public";
  if (is_landing_profile(ctx.profile)) return "a landing page is public";
  if (ctx.run.treat_as_public) return "the document is checked as a public page";
  return "";
}

void cite_public_safety(RuleMeta& m) {
  m.checklist = "public references and practice landing pages: public versus non-public information";
  m.checklist_by_profile = {
      {"aurora", "aurora prerequisite 2.1 AWS Customer Case Studies: public-facing references"},
      {"dms", "dms prerequisite 2.1 AWS Customer Case Studies: public versus non-public AWS Case Studies"},
      {"ml-consulting", "ml-consulting prerequisite 2.3 Publicly Available Case Studies"},
      {"ml-technology", "ml-technology 1.2 Public References"},
      {"landing-page", "prerequisite Partner Practice Landing Page: a public reference to the partner's practice"},
      {"landing-page-ml-consulting", "ml-consulting prerequisite 3.1 APN Partner Practice Landing Page"},
      {"landing-page-ml-technology",
       "ml-technology prerequisite AWS Machine Learning Product or Solution: public support statement"}};
}

namespace {

constexpr const char* kOrigin = "rules/vocab/public-safety.yaml";

std::vector<extract::Pattern> load_list(const YAML::Node& root, const char* key, bool anchored) {
  std::vector<extract::Pattern> out;
  const YAML::Node n = root[key];
  if (!n || !n.IsSequence()) throw std::runtime_error(std::string(kOrigin) + ": `" + key + "` must be a list of patterns");
  for (const auto& item : n) {
    try {
      out.emplace_back(item.as<std::string>(), anchored);
    } catch (const std::exception& e) {
      throw std::runtime_error(std::string(kOrigin) + ":" + std::to_string(item.Mark().line + 1) + ": " + e.what());
    }
  }
  return out;
}

}  // namespace

const PublicSafetyVocab& public_safety_vocab() {
  static const PublicSafetyVocab v = [] {
    YAML::Node root = YAML::Load(std::string(data::embedded_file("vocab/public-safety.yaml")));
    PublicSafetyVocab p;
    p.access_key_ids = load_list(root, "access_key_ids", false);
    p.secret_keys = load_list(root, "secret_keys", false);
    p.internal_hosts = load_list(root, "internal_hosts", false);
    p.private_ipv4 = load_list(root, "private_ipv4", false);
    p.private_ipv6 = load_list(root, "private_ipv6", false);
    p.emails = load_list(root, "emails", false);
    p.draft_markers = load_list(root, "draft_markers", false);
    p.own_comments = load_list(root, "own_comments", false);
    p.credit_comments = load_list(root, "credit_comments", false);
    p.example_keys = load_list(root, "example_keys", true);
    p.role_mailboxes = load_list(root, "role_mailboxes", true);
    p.personal_local_parts = load_list(root, "personal_local_parts", true);
    p.mailbox_words = load_list(root, "mailbox_words", true);
    p.code_placeholder_domains = load_list(root, "code_placeholder_domains", true);
    p.public_example_domains = load_list(root, "public_example_domains", true);
    return p;
  }();
  return v;
}

bool matches_whole(const std::vector<extract::Pattern>& patterns, std::string_view text) {
  for (const extract::Pattern& p : patterns) {
    if (p.matches(text)) return true;
  }
  return false;
}

void for_each_hit(const doc::Document& d, const std::vector<extract::Pattern>& patterns, bool search_links,
                  const std::function<void(const TextHit&)>& on_hit) {
  const auto never = [](std::size_t) { return false; };
  auto scan = [&](std::string_view subject, auto&& range_of, auto&& in_code) {
    // The subject's UTF-8 checked once, not again from every match.
    const extract::prefilter::Screened screen = extract::prefilter::unscreened(subject);
    for (const extract::Pattern& p : patterns) {
      std::size_t from = 0;
      while (from <= subject.size()) {
        std::optional<extract::Pattern::Match> m = p.find(subject, from, screen);
        if (!m) break;
        auto [b, e] = m->value.value_or(std::pair{m->begin, m->end});
        on_hit(TextHit{range_of(b, e), subject, &*m, std::string(subject.substr(b, e - b)), in_code(b)});
        from = m->end > m->begin ? m->end : m->end + 1;
      }
    }
  };
  for (const doc::Block& b : d.blocks) {
    scan(
        b.text, [&](std::size_t begin, std::size_t end) { return d.range_of(b.text_offset + begin, end - begin); },
        [&](std::size_t at) {
          return b.kind == doc::BlockKind::code || d.role_at(b.text_offset + at) == doc::TextSpan::Role::code;
        });
  }
  // Headings are not blocks: they are searched on their own, each at its heading line.
  for (std::size_t i = 1; i < d.sections.size(); ++i) {
    const doc::Section& s = d.sections[i];
    scan(s.heading, [&](std::size_t, std::size_t) { return s.heading_range; }, never);
  }
  if (!search_links) return;
  for (const doc::Link& l : d.links) {
    scan(l.target, [&](std::size_t, std::size_t) { return l.range; }, never);
  }
}

}  // namespace caselint::rules::checks
