// CS404 internal-email-on-public-page | doc: rules/doc/CS404.md
// Checklist: public references and landing pages show what may be shared
// with public audiences (aurora/dms prerequisite 2.1, ml-consulting 2.3,
// ml-technology 1.2, the landing page items); people's own addresses and
// addresses of internal mail domains are not.
#include <set>

#include "extract/text_util.h"
#include "rules/checks/checks.h"
#include "rules/checks/public_page.h"

namespace caselint::rules::checks {

namespace {

// A person's own address: a name in the local part (first.last, f.last,
// first_last), neither part a word of a shared mailbox (dba-oncall, cloud-team).
bool is_personal(const PublicSafetyVocab& v, std::string_view local) {
  if (matches_whole(v.role_mailboxes, local) || !matches_whole(v.personal_local_parts, local)) return false;
  std::size_t from = 0;
  while (from <= local.size()) {
    std::size_t cut = local.find_first_of("._-", from);
    if (cut == std::string_view::npos) cut = local.size();
    std::string_view part = local.substr(from, cut - from);
    while (!part.empty() && part.back() >= '0' && part.back() <= '9') part.remove_suffix(1);
    if (matches_whole(v.role_mailboxes, part) || matches_whole(v.mailbox_words, part)) return false;
    from = cut + 1;
  }
  return true;
}

class InternalEmailOnPublicPage final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    const std::string why = public_reason(ctx);
    if (why.empty()) return;
    const PublicSafetyVocab& v = public_safety_vocab();
    std::set<std::pair<int, std::string>> seen;
    // The email pattern's groups: 1 value, 2 local part, 3 domain.
    for_each_hit(ctx.doc, v.emails, true, [&](const TextHit& h) {
      const std::string local = extract::lower(h.match->group(h.subject, 2));
      const std::string domain = extract::lower(h.match->group(h.subject, 3));
      if (matches_whole(v.public_example_domains, domain)) return;
      // In code (a config sample, a command) an address at a stand-in domain
      // (company.com, yourdomain.com) is an example of the syntax.
      if (h.in_code && matches_whole(v.code_placeholder_domains, domain)) return;
      bool internal_domain = false;
      for (const extract::Pattern& p : v.internal_hosts) {
        if (p.matches(domain)) internal_domain = true;
      }
      std::string what;
      if (internal_domain) {
        what = "an address at the internal mail domain " + domain;
      } else if (is_personal(v, local)) {
        what = "a personal address";
      } else {
        return;  // info@, workbench@, cloud-team@: a shared, team or product mailbox
      }
      if (!seen.insert({h.range.start.line, extract::lower(h.value)}).second) return;
      sink.report(h.range, "e-mail " + h.value + " is " + what + ", but " + why +
                               "; expected a shared mailbox such as info@ or sales@ at a public domain");
    });
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS404";
    m.applies_to = kAllDocuments;  // a public notebook is published too
    m.name = "internal-email-on-public-page";
    m.severity = Severity::warning;
    cite_public_safety(m);
    m.summary = "a personal e-mail address or one at an internal mail domain on a public page";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_internal_email_on_public_page() { return std::make_unique<InternalEmailOnPublicPage>(); }

}  // namespace caselint::rules::checks
