// CS403 internal-host-on-public-page | doc: rules/doc/CS403.md
// Checklist: public references and landing pages show what may be shared
// with public audiences (aurora/dms prerequisite 2.1, ml-consulting 2.3,
// ml-technology 1.2, the landing page items); a private network map is not.
#include <set>

#include "rules/checks/checks.h"
#include "rules/checks/public_page.h"

namespace caselint::rules::checks {

namespace {

// RFC 1918 private ranges and RFC 6598 shared address space (100.64.0.0/10,
// used inside VPCs and carrier networks); none is reachable from the internet.
bool private_ipv4(int a, int b) {
  return a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168) || (a == 100 && b >= 64 && b <= 127);
}

int octet(std::string_view s) {
  if (s.empty() || s.size() > 3) return -1;
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

class InternalHostOnPublicPage final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void check(const RuleContext& ctx, DiagnosticSink& sink) const override {
    const std::string why = public_reason(ctx);
    if (why.empty()) return;
    const PublicSafetyVocab& v = public_safety_vocab();
    std::set<std::pair<int, std::string>> seen;
    auto report = [&](const TextHit& h, const std::string& what) {
      if (!seen.insert({h.range.start.line, h.value}).second) return;
      sink.report(h.range, what + " " + h.value + " is published, but " + why +
                               "; expected no names or addresses of private networks");
    };
    for_each_hit(ctx.doc, v.internal_hosts, true, [&](const TextHit& h) { report(h, "internal host name"); });
    for_each_hit(ctx.doc, v.private_ipv4, true, [&](const TextHit& h) {
      int o[4];
      for (std::size_t i = 0; i < 4; ++i) {
        o[i] = octet(h.match->group(h.subject, i + 2));  // group 1 is "value"
        if (o[i] < 0 || o[i] > 255) return;
      }
      if (private_ipv4(o[0], o[1])) report(h, "private IP address");
    });
    for_each_hit(ctx.doc, v.private_ipv6, true, [&](const TextHit& h) { report(h, "private IPv6 address"); });
  }

 private:
  RuleMeta meta_ = [] {
    RuleMeta m;
    m.code = "CS403";
    m.applies_to = kAllDocuments;  // a public notebook is published too
    m.name = "internal-host-on-public-page";
    m.severity = Severity::error;
    cite_public_safety(m);
    m.summary = "an internal host name or a private IP address on a public page";
    return m;
  }();
};

}  // namespace

std::unique_ptr<Rule> make_internal_host_on_public_page() { return std::make_unique<InternalHostOnPublicPage>(); }

}  // namespace caselint::rules::checks
