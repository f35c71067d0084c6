#include "kind/kind.h"

#include "kind/cue_snapshot.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

#include "data/embedded.h"
#include "data/snapshot_io.h"
#include "extract/text_util.h"
#include "extract/vocab.h"

namespace caselint::kind {

const char* kind_name(PageKind k) {
  switch (k) {
    case PageKind::case_study: return "case-study";
    case PageKind::landing_page: return "landing-page";
    case PageKind::other: return "other";
  }
  return "other";
}

// The generators link no snapshot; every other binary links the definition
// in build/generated/prepared_data.cpp, which takes precedence.
__attribute__((weak)) std::span<const unsigned char> prepared_cues() { return {}; }

CueFile cues_from_yaml() {
  YAML::Node root = YAML::Load(std::string(data::embedded_file("vocab/kinds.yaml")));
  const std::array<const char*, 3> names = {"case-study", "landing-page", "other"};
  CueFile c;
  for (std::size_t k = 0; k < names.size(); ++k) {
    YAML::Node kind = root["kinds"][names[k]];
    auto read = [&](const char* where, std::vector<CueFile::Cue>& out) {
      for (const auto& n : kind[where]) {
        CueFile::Cue cue;
        if (n["pattern"]) cue.pattern = n["pattern"].as<std::string>();
        for (const auto& key : n["keys"]) cue.keys.push_back(key.as<std::string>());
        cue.weight = n["weight"] ? n["weight"].as<int>() : 1;
        cue.min = n["min"] ? n["min"].as<int>() : 1;
        cue.says = n["says"] ? n["says"].as<std::string>() : "";
        out.push_back(std::move(cue));
      }
    };
    read("path", c.kinds[k].path);
    read("title", c.kinds[k].title);
    read("meta", c.kinds[k].meta);
    read("keys", c.kinds[k].keys);
    read("headings", c.kinds[k].headings);
    read("text", c.kinds[k].text);
  }
  return c;
}

}  // namespace caselint::kind

namespace caselint::snapshot {

using caselint::kind::CueFile;

void io(Out& o, const CueFile::Cue& c) { io(o, c.pattern), io(o, c.keys), io(o, c.weight), io(o, c.min), io(o, c.says); }
void io(In& i, CueFile::Cue& c) { io(i, c.pattern), io(i, c.keys), io(i, c.weight), io(i, c.min), io(i, c.says); }

}  // namespace caselint::snapshot

namespace caselint::kind {

namespace {

constexpr std::uint32_t kCueMagic = 0x4b4e4431;  // the kind cue snapshot's format, version 1

template <class A, class F>
void members_of_file(A& a, F& f) {
  for (auto& k : f.kinds) {
    snapshot::io(a, k.path), snapshot::io(a, k.title), snapshot::io(a, k.meta);
    snapshot::io(a, k.keys), snapshot::io(a, k.headings), snapshot::io(a, k.text);
  }
}

}  // namespace

std::string write_cue_snapshot(const CueFile& c) {
  snapshot::Out o;
  snapshot::magic(o, kCueMagic);
  members_of_file(o, c);
  return std::move(o.bytes);
}

CueFile read_cue_snapshot(std::string_view bytes) {
  snapshot::In i{bytes};
  snapshot::magic(i, kCueMagic);
  CueFile c;
  members_of_file(i, c);
  i.finish();
  return c;
}

namespace {

struct Cue {
  std::unique_ptr<extract::Pattern> pattern;
  std::vector<std::string> keys;
  int weight = 1;
  int min = 1;
  std::string says;
};

struct KindCues {
  std::vector<Cue> path, title, meta, keys, headings, text;
};

struct Cues {
  std::array<KindCues, 3> kinds;

  static const Cues& builtin() {
    static const Cues* c = [] {
      const std::span<const unsigned char> prepared = prepared_cues();
      const CueFile file = prepared.empty()
                               ? cues_from_yaml()
                               : read_cue_snapshot(std::string_view(
                                     reinterpret_cast<const char*>(prepared.data()), prepared.size()));
      auto* cues = new Cues;
      for (std::size_t k = 0; k < file.kinds.size(); ++k) {
        auto read = [](const std::vector<CueFile::Cue>& from, std::vector<Cue>& out) {
          for (const CueFile::Cue& n : from) {
            Cue cue;
            if (!n.pattern.empty()) cue.pattern = std::make_unique<extract::Pattern>(n.pattern);
            cue.keys = n.keys;
            cue.weight = n.weight;
            cue.min = n.min;
            cue.says = n.says;
            out.push_back(std::move(cue));
          }
        };
        const CueFile::Kind& kind = file.kinds[k];
        read(kind.path, cues->kinds[k].path);
        read(kind.title, cues->kinds[k].title);
        read(kind.meta, cues->kinds[k].meta);
        read(kind.keys, cues->kinds[k].keys);
        read(kind.headings, cues->kinds[k].headings);
        read(kind.text, cues->kinds[k].text);
      }
      return cues;
    }();
    return *c;
  }
};

struct Score {
  int weight = 0;
  int best = 0;
  std::string reason;  // the weightiest cue's words
  void add(int w, const std::string& says) {
    weight += w;
    if (w > best && !says.empty()) {
      best = w;
      reason = says;
    }
  }
};

// At most this many blocks are read for text cues: the opening of a page
// tells what it is.
constexpr std::size_t kTextBlocks = 400;
constexpr std::size_t kTextBytes = 16 * 1024;

}  // namespace

Decision classify(const doc::Document& d, const extract::Fields& fields) {
  const Cues& cues = Cues::builtin();
  std::array<Score, 3> scores;
  std::string path = extract::lower(d.path);
  for (char& c : path) {
    if (c == '\\') c = '/';
  }
  std::string meta;
  for (const char* key : {"type", "layout", "tags", "categories", "category", "section", "kind"}) {
    if (const doc::MetaValue* m = d.meta(key)) {
      meta += m->text + " ";
      for (const std::string& item : m->items) meta += item + " ";
    }
  }
  for (std::size_t k = 0; k < 3; ++k) {
    const KindCues& kc = cues.kinds[k];
    Score& s = scores[k];
    for (const Cue& c : kc.path) {
      if (c.pattern->matches(path)) s.add(c.weight, c.says);
    }
    for (const Cue& c : kc.title) {
      if (!d.title.empty() && c.pattern->matches(d.title)) s.add(c.weight, c.says);
    }
    for (const Cue& c : kc.meta) {
      if (!meta.empty() && c.pattern->matches(meta)) s.add(c.weight, c.says);
    }
    for (const Cue& c : kc.keys) {
      for (const std::string& key : c.keys) {
        bool present = d.meta(key) != nullptr;
        if (!present) {
          // A map of facts: about_client.title, testimonial.author.
          auto it = d.metadata.lower_bound(key + ".");
          present = it != d.metadata.end() && it->first.rfind(key + ".", 0) == 0;
        }
        if (present) {
          s.add(c.weight, c.says);
          break;
        }
      }
    }
    for (const Cue& c : kc.headings) {
      for (std::size_t i = 1; i < d.sections.size(); ++i) {
        if (c.pattern->matches(d.sections[i].heading)) {
          s.add(c.weight, c.says);
          break;
        }
      }
    }
    for (const Cue& c : kc.text) {
      int hits = 0;
      for (std::size_t b = 0; b < d.blocks.size() && b < kTextBlocks && hits < c.min; ++b) {
        if (d.blocks[b].kind == doc::BlockKind::code) continue;
        std::size_t from = 0;
        // The opening of each block is enough to tell.
        const std::string_view t = std::string_view(d.blocks[b].text).substr(0, kTextBytes);
        while (hits < c.min) {
          auto m = c.pattern->find(t, from);
          if (!m) break;
          ++hits;
          from = m->end > from ? m->end : from + 1;
        }
      }
      if (hits >= c.min) s.add(c.weight, c.says);
    }
  }
  // The fields of a case study, in sections, labels or front matter: a
  // challenge above all (an offering page has an approach and benefits too).
  auto has = [&](const char* name) {
    const extract::Field* f = fields.get(name);
    return f && f->source != extract::FieldSource::text;
  };
  Score& cs = scores[0];
  int parts = 0;
  if (has("problem_statement")) parts += 2;
  if (has("proposed_solution")) parts += 1;
  if (has("outcomes")) parts += 1;
  if (has("lessons_learned")) parts += 1;
  if (parts >= 3) cs.add(parts, "it has a customer's challenge, the work done and its results");
  // A named customer counts with a part of a study, not alone (a blog post
  // may name a client in passing).
  if (const extract::Field* c = fields.get("customer_name");
      c && c->source != extract::FieldSource::text && parts > 0) {
    cs.add(2, "it names its customer");
  }
  // A narrative: the problem, the work and its results told in sentences.
  if (fields.get("problem_statement") && fields.get("proposed_solution") && fields.get("outcomes") &&
      fields.get("customer_name")) {
    cs.add(3, "it tells a customer's problem, the work done and its results");
  }

  Decision out;
  const int best = std::max({scores[0].weight, scores[1].weight, scores[2].weight});
  if (best == 0) {
    // Nothing shows another kind: what caselint is run on is a case study
    // (a Markdown draft, however bare) or, on the web, a practice page.
    const bool html = d.format == doc::Format::html;
    out.kind = html ? PageKind::landing_page : PageKind::case_study;
    out.reason = html ? "nothing in it shows another kind of page (an HTML page is read as a landing page then)"
                      : "nothing in it shows another kind of page (a Markdown file is read as a case study then)";
    return out;
  }
  // Ties go to the kind that reports least: a finding is an accusation.
  std::size_t k = scores[2].weight == best ? 2 : scores[1].weight == best ? 1 : 0;
  if (k == 2 && scores[0].weight == best && best >= 4) k = 0;
  out.kind = static_cast<PageKind>(k);
  out.reason = scores[k].reason;
  return out;
}

}  // namespace caselint::kind
