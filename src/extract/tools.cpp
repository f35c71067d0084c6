#include "extract/tools.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <limits>
#include <optional>
#include <stdexcept>
#include <unordered_map>

#include "data/embedded.h"
#include "data/snapshot_io.h"

namespace caselint::extract {

namespace {

// --- characters --------------------------------------------------------------

constexpr char32_t kInvalid = 0x110000;  // a byte that starts no valid UTF-8 sequence

struct Char {
  char32_t cp;
  std::size_t size;
};

Char decode(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1};
  std::size_t n = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    n = 2, cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    n = 3, cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    n = 4, cp = b0 & 0x07;
  } else {
    return {kInvalid, 1};
  }
  if (i + n > s.size()) return {kInvalid, 1};
  for (std::size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return {kInvalid, 1};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, n};
}

bool is_space(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000 || c == 0xFEFF;
}

bool is_ascii_alnum(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Letters, digits and '_'; outside ASCII, everything but spaces, punctuation
// and symbols (an approximation of the Unicode classes by block that keeps
// "Terraformé" one word and stops "Datadog’s" at the apostrophe). A byte that
// is no valid UTF-8 counts as a word character: it blocks a match next to it.
bool is_word(char32_t c) {
  if (c < 0x80) return is_ascii_alnum(c) || c == '_';
  if (c < 0xC0) return c == 0xAA || c == 0xB2 || c == 0xB3 || c == 0xB5 || c == 0xB9 || c == 0xBA;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;   // general punctuation .. symbols and arrows
  if (c >= 0x2E00 && c <= 0x2E7F) return false;   // supplemental punctuation
  if (c >= 0x3000 && c <= 0x303F) return false;   // CJK symbols and punctuation
  if (c >= 0xE000 && c <= 0xF8FF) return false;   // private use
  if (c >= 0xFE10 && c <= 0xFE1F) return false;   // vertical forms
  if (c >= 0xFE30 && c <= 0xFE6F) return false;   // CJK compatibility and small forms
  if ((c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
      (c >= 0xFF5B && c <= 0xFF65)) {
    return false;  // fullwidth punctuation
  }
  if (c >= 0xFFF0 && c <= 0xFFFF) return false;   // specials (U+FFFD)
  if (c >= 0x1F000 && c <= 0x1FAFF) return false;  // emoji, pictographs
  return !is_space(c);
}

// --- tokens ------------------------------------------------------------------

struct Token {
  std::size_t begin = 0, end = 0;
  bool space_before = false;  // whitespace between this token and the one before
  bool word = false;          // a run of word characters (else one other character)
  bool masked = false;        // a URL or an e-mail address: never part of a match
};

bool is_char(std::string_view text, const Token& t, char c) {
  return !t.word && !t.masked && t.end == t.begin + 1 && text[t.begin] == c;
}

// Where a URL started at "scheme://" or "www." ends: at whitespace, at a
// bracket or quote that closes it in prose or Markdown, or at non-ASCII
// punctuation.
bool ends_url(char32_t c) {
  if (c < 0x80) return std::u32string_view(U" \t\n\v\f\r<>\"'`()[]{}|\\^").find(c) != std::u32string_view::npos;
  return !is_word(c);
}

bool in_email_domain(char32_t c) { return is_ascii_alnum(c) || c == '.' || c == '-' || c == '_'; }

// The tokens of a text, made on demand in one pass over it. With
// `mask_addresses`, a URL or an e-mail address becomes one masked token: the
// tokens of its scheme or local part, already made, are folded into it (at
// most kFold of them). Only a window of tokens is kept: release() lets those
// before an index go, so a long text needs no more memory than a short one.
class TokenStream {
 public:
  static constexpr std::size_t kFold = 64;

  TokenStream(std::string_view text, bool mask_addresses) : text_(text), mask_(mask_addresses) {}

  // Token `g` (counted from the text's start), or nullptr past the last one.
  // The pointer is valid until the next call.
  const Token* get(std::size_t g) {
    while (g >= base_ + buf_.size() && step()) {
    }
    return g < base_ + buf_.size() && g >= base_ ? &buf_[g - base_] : nullptr;
  }
  // Tokens before `g` are no longer needed (two are kept for lookbehind).
  void release(std::size_t g) {
    if (g < base_ + 2 + 4096) return;
    const std::size_t drop = g - 2 - base_;
    buf_.erase(buf_.begin(), buf_.begin() + static_cast<std::ptrdiff_t>(drop));
    base_ += drop;
  }
  // Every token of a short text (a vocabulary form).
  static std::vector<Token> all(std::string_view text) {
    TokenStream ts(text, false);
    std::vector<Token> out;
    for (std::size_t g = 0; const Token* t = ts.get(g); ++g) out.push_back(*t);
    return out;
  }

 private:
  enum class Mode { normal, url, email };

  // Consumes text until at least one more token is made; false at the end.
  bool step() {
    const std::size_t had = buf_.size();
    while (buf_.size() == had) {
      if (i_ >= text_.size()) {
        if (mode_ == Mode::normal) return false;
        buf_.push_back(address_);
        mode_ = Mode::normal;
        return true;
      }
      scan_one();
    }
    return true;
  }

  // Starts an address token at `begin`, folding in the tokens just before it
  // that touch it and are word tokens or one of `joiners`.
  void open_address(std::size_t begin, std::string_view joiners, Mode m, bool space_before) {
    for (std::size_t n = 0; n < kFold && !buf_.empty(); ++n) {
      const Token& b = buf_.back();
      if (b.end != begin || b.masked ||
          !(b.word || (b.end == b.begin + 1 && joiners.find(text_[b.begin]) != std::string_view::npos))) {
        break;
      }
      begin = b.begin;
      space_before = b.space_before;
      buf_.pop_back();
      if (space_before) break;
    }
    address_ = Token{begin, begin, space_before, false, true};
    mode_ = m;
    space_ = false;
  }

  // Consumes one character (or a word, or an address's opening).
  void scan_one() {
    const std::string_view text = text_;
    const std::size_t i = i_;
    const Char c = decode(text, i);
    if (mode_ != Mode::normal) {
      if (mode_ == Mode::url ? !ends_url(c.cp) : in_email_domain(c.cp)) {
        i_ += c.size;
        address_.end = i_;
        return;
      }
      buf_.push_back(address_);
      mode_ = Mode::normal;
      return;  // the character is read again, outside the address
    }
    if (is_space(c.cp)) {
      space_ = true;
      i_ += c.size;
      return;
    }
    const bool space_before = space_;
    space_ = false;
    if (is_word(c.cp)) {
      std::size_t j = i + c.size;
      while (j < text.size()) {
        const Char d = decode(text, j);
        if (!is_word(d.cp)) break;
        j += d.size;
      }
      const Token* prev = buf_.empty() ? nullptr : &buf_.back();
      if (mask_ && j - i == 3 && j + 1 < text.size() && text[j] == '.' &&
          (text.compare(i, 3, "www") == 0 || text.compare(i, 3, "WWW") == 0) &&
          (!prev || space_before || prev->end != i || (!prev->word && !prev->masked && !is_char(text, *prev, '.')))) {
        open_address(i, "", Mode::url, space_before);
        i_ = j + 1;
        address_.end = i_;
        return;
      }
      buf_.push_back(Token{i, j, space_before, true, false});
      i_ = j;
      return;
    }
    if (mask_ && c.cp == ':' && text.compare(i + 1, 2, "//") == 0) {
      open_address(i, "+.-", Mode::url, space_before);
      i_ = i + 3;
      address_.end = i_;
      return;
    }
    if (mask_ && c.cp == '@' && !space_before && !buf_.empty() && buf_.back().end == i && buf_.back().word &&
        i + 1 < text.size() && is_ascii_alnum(static_cast<unsigned char>(text[i + 1]))) {
      open_address(i, "._%+-'", Mode::email, space_before);
      i_ = i + 1;
      address_.end = i_;
      return;
    }
    buf_.push_back(Token{i, i + c.size, space_before, false, false});
    i_ = i + c.size;
  }

  std::string_view text_;
  bool mask_;
  std::size_t i_ = 0;       // the next byte to read
  bool space_ = false;      // whitespace read since the last token
  Mode mode_ = Mode::normal;
  Token address_;           // the masked token being read in url/email mode
  std::vector<Token> buf_;  // tokens base_, base_ + 1, ...
  std::size_t base_ = 0;
};

}  // namespace

// --- the dictionary ----------------------------------------------------------

struct ToolDictionary::Impl {
  static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  static constexpr std::uint32_t kBlocked = kNone - 1;

  // Every string the views point into; a deque never moves its elements.
  std::deque<std::string> strings;
  std::vector<Tool> tools;
  std::unordered_map<std::string_view, std::uint32_t> by_form;  // form -> tool (or kBlocked)
  std::vector<std::string_view> blocked;                        // in the order read

  // The trie of forms, token by token: node 0 is the root, whose `joined`
  // map holds the first tokens. `entry` is the tool whose form ends at the
  // node, kBlocked for a blocked phrase, or kNone.
  struct Node {
    std::unordered_map<std::string_view, std::uint32_t> spaced, joined;
    std::uint32_t entry = kNone;
  };
  std::vector<Node> nodes = std::vector<Node>(1);
  std::size_t depth = 0;  // the most tokens of a form

  std::string_view keep(std::string_view s) { return strings.emplace_back(s); }

  // Adds `form` (already kept) for `entry`; returns the entry it already had
  // (kNone if new).
  std::uint32_t add_form(std::string_view form, std::uint32_t entry) {
    if (auto it = by_form.find(form); it != by_form.end()) return it->second;
    by_form.emplace(form, entry);
    std::uint32_t node = 0;
    bool first = true;
    const std::vector<Token> toks = TokenStream::all(form);
    depth = std::max(depth, toks.size());
    for (const Token& t : toks) {
      std::string_view tok = form.substr(t.begin, t.end - t.begin);
      auto& children = (first || !t.space_before) ? nodes[node].joined : nodes[node].spaced;
      first = false;
      std::uint32_t next;
      if (auto it = children.find(tok); it != children.end()) {
        next = it->second;
      } else {
        next = static_cast<std::uint32_t>(nodes.size());
        children.emplace(tok, next);
        nodes.emplace_back();  // may reallocate: `children` is not used after this
      }
      node = next;
    }
    if (nodes[node].entry == kNone) nodes[node].entry = entry;
    return kNone;
  }
};

ToolDictionary::ToolDictionary() : impl_(std::make_unique<Impl>()) {}
ToolDictionary::~ToolDictionary() = default;
ToolDictionary::ToolDictionary(ToolDictionary&&) noexcept = default;
ToolDictionary& ToolDictionary::operator=(ToolDictionary&&) noexcept = default;

const std::vector<ToolDictionary::Tool>& ToolDictionary::tools() const { return impl_->tools; }
std::size_t ToolDictionary::size() const { return impl_->tools.size(); }

const ToolDictionary::Tool* ToolDictionary::lookup(std::string_view form) const {
  auto it = impl_->by_form.find(form);
  if (it == impl_->by_form.end() || it->second >= impl_->tools.size()) return nullptr;
  return &impl_->tools[it->second];
}

namespace {

[[noreturn]] void fail(const std::string& origin, const YAML::Node& at, const std::string& msg) {
  std::string line;
  if (at.IsDefined() && !at.Mark().is_null()) line = ":" + std::to_string(at.Mark().line + 1);
  throw std::runtime_error(origin + line + ": " + msg);
}

// The string at `n` (a key of `parent`, which locates an error when `n` is
// missing).
std::string text_of(const std::string& origin, const YAML::Node& parent, const YAML::Node& n, const char* what) {
  if (!n) fail(origin, parent, std::string(what) + " is missing");
  if (!n.IsScalar() || n.Scalar().empty()) fail(origin, n, std::string(what) + " must be a non-empty string");
  const std::string& s = n.Scalar();
  if (TokenStream::all(s).empty()) fail(origin, n, std::string(what) + " has no word: '" + s + "'");
  if (s.size() > 200) fail(origin, n, std::string(what) + " is too long: '" + s.substr(0, 40) + "...'");
  return s;
}

}  // namespace

ToolDictionary ToolDictionary::from_yaml(std::string_view yaml, const std::string& source_name) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(source_name + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
  if (!root.IsMap() || !root["tools"] || !root["tools"].IsSequence()) {
    throw std::runtime_error(source_name + ": expected a `tools` list");
  }
  ToolDictionary d;
  Impl& im = *d.impl_;
  const YAML::Node list = root["tools"];
  im.tools.reserve(list.size());
  try {
    for (const YAML::Node& item : list) {
      if (!item.IsMap()) fail(source_name, item, "a tool must be a mapping of name, category, aliases");
      const auto index = static_cast<std::uint32_t>(im.tools.size());
      if (index >= Impl::kBlocked) fail(source_name, item, "too many tools");
      Tool tool;
      tool.name = im.keep(text_of(source_name, item, item["name"], "name"));
      tool.category = im.keep(text_of(source_name, item, item["category"], "category"));
      std::vector<std::string_view> forms{tool.name};
      if (const YAML::Node aliases = item["aliases"]) {
        if (!aliases.IsSequence()) fail(source_name, aliases, "aliases must be a list");
        for (const YAML::Node& a : aliases) {
          std::string_view form = im.keep(text_of(source_name, aliases, a, "alias"));
          tool.aliases.push_back(form);
          forms.push_back(form);
        }
      }
      for (std::string_view form : forms) {
        const std::uint32_t had = im.add_form(form, index);
        if (had != Impl::kNone && had != index) {
          fail(source_name, item,
               "'" + std::string(form) + "' is already a form of " + std::string(im.tools[had].name));
        }
      }
      im.tools.push_back(std::move(tool));
    }
    if (const YAML::Node blocked = root["blocked"]) {
      if (!blocked.IsSequence()) fail(source_name, blocked, "blocked must be a list");
      for (const YAML::Node& b : blocked) {
        std::string_view phrase = im.keep(text_of(source_name, blocked, b, "blocked phrase"));
        im.blocked.push_back(phrase);
        const std::uint32_t had = im.add_form(phrase, Impl::kBlocked);
        if (had != Impl::kNone && had != Impl::kBlocked) {
          fail(source_name, b, "blocked phrase '" + std::string(phrase) + "' is a form of " +
                                   std::string(im.tools[had].name));
        }
      }
    }
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(source_name + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
  return d;
}

// The generators link no snapshot; every other binary links the definition
// in build/generated/prepared_data.cpp, which takes precedence.
__attribute__((weak)) std::span<const unsigned char> prepared_tools() { return {}; }

namespace {

constexpr std::uint32_t kToolMagic = 0x544f4c31;  // the tool snapshot's format, version 1

void put(snapshot::Out& o, std::string_view s) {
  snapshot::io(o, static_cast<std::uint64_t>(s.size()));
  o.bytes += s;
}

}  // namespace

std::string ToolDictionary::write_snapshot() const {
  snapshot::Out o;
  snapshot::magic(o, kToolMagic);
  snapshot::io(o, static_cast<std::uint64_t>(impl_->tools.size()));
  for (const Tool& t : impl_->tools) {
    put(o, t.name);
    put(o, t.category);
    snapshot::io(o, static_cast<std::uint64_t>(t.aliases.size()));
    for (std::string_view a : t.aliases) put(o, a);
  }
  snapshot::io(o, static_cast<std::uint64_t>(impl_->blocked.size()));
  for (std::string_view b : impl_->blocked) put(o, b);
  return std::move(o.bytes);
}

// The forms are added in the order from_yaml added them, so the trie is the
// same; the YAML's checks held when the snapshot was written.
ToolDictionary ToolDictionary::read_snapshot(std::string_view bytes) {
  snapshot::In in{bytes};
  snapshot::magic(in, kToolMagic);
  ToolDictionary d;
  Impl& im = *d.impl_;
  auto text = [&]() {
    std::string s;
    snapshot::io(in, s);
    return im.keep(s);
  };
  const std::uint64_t n = in.count();
  if (n >= Impl::kBlocked) throw std::runtime_error("the snapshot is malformed");
  im.tools.reserve(n);
  for (std::uint64_t k = 0; k < n; ++k) {
    Tool tool;
    tool.name = text();
    tool.category = text();
    const std::uint64_t aliases = in.count();
    for (std::uint64_t a = 0; a < aliases; ++a) tool.aliases.push_back(text());
    const auto index = static_cast<std::uint32_t>(k);
    im.add_form(tool.name, index);
    for (std::string_view form : tool.aliases) im.add_form(form, index);
    im.tools.push_back(std::move(tool));
  }
  const std::uint64_t blocked = in.count();
  for (std::uint64_t b = 0; b < blocked; ++b) {
    im.blocked.push_back(text());
    im.add_form(im.blocked.back(), Impl::kBlocked);
  }
  in.finish();
  return d;
}

const ToolDictionary& ToolDictionary::builtin() {
  // Never destroyed: freeing it at exit only made every run longer.
  static const ToolDictionary* d = [] {
    const std::span<const unsigned char> prepared = prepared_tools();
    if (prepared.empty()) {
      return new ToolDictionary(
          from_yaml(data::embedded_file("vocab/third-party-tools.yaml"), "rules/vocab/third-party-tools.yaml"));
    }
    return new ToolDictionary(
        read_snapshot(std::string_view(reinterpret_cast<const char*>(prepared.data()), prepared.size())));
  }();
  return *d;
}

std::vector<ToolDictionary::Hit> ToolDictionary::find(std::string_view text) const {
  std::vector<Hit> out;
  const Impl& im = *impl_;
  if (im.tools.empty() || text.empty()) return out;
  TokenStream ts(text, true);
  auto at = [&ts](std::size_t g) -> std::optional<Token> {
    if (const Token* t = ts.get(g)) return *t;
    return std::nullopt;
  };
  auto tok = [&](const Token& t) { return text.substr(t.begin, t.end - t.begin); };
  auto touches = [](const Token& before, const Token& after) {
    return !after.space_before && before.end == after.begin;
  };

  // No word character right before token i, and no "word-" or "word."
  // ("X-Ray", "foo.Terraform").
  auto starts_ok = [&](std::size_t i, const Token& first) {
    if (i == 0) return true;
    const std::optional<Token> prev = at(i - 1);
    if (!prev || !touches(*prev, first)) return true;
    if (prev->word || prev->masked) return false;
    if ((is_char(text, *prev, '-') || is_char(text, *prev, '.')) && i >= 2) {
      const std::optional<Token> before = at(i - 2);
      if (before && touches(*before, *prev) && (before->word || before->masked)) return false;
    }
    return true;
  };
  // No word character right after token j, and no ".word" ("Node.js").
  auto ends_ok = [&](std::size_t j, const Token& last) {
    const std::optional<Token> next = at(j + 1);
    if (!next || !touches(last, *next)) return true;
    if (next->word || next->masked) return false;
    if (is_char(text, *next, '.')) {
      const std::optional<Token> after = at(j + 2);
      if (after && touches(*next, *after) && after->word) return false;
    }
    return true;
  };

  // Whether token i is masked is settled once the stream has made kFold
  // tokens past the last one a match from i may look at.
  const std::size_t settle = im.depth + TokenStream::kFold + 2;
  const auto& roots = im.nodes[0].joined;
  for (std::size_t i = 0;;) {
    (void)ts.get(i + settle);
    ts.release(i);
    const std::optional<Token> first = at(i);
    if (!first) break;
    auto it = first->masked ? roots.end() : roots.find(tok(*first));
    if (it == roots.end() || !starts_ok(i, *first)) {
      ++i;
      continue;
    }
    std::uint32_t node = it->second, best_entry = Impl::kNone;
    std::size_t best_last = i, best_end = first->end;
    Token last = *first;
    for (std::size_t j = i;;) {
      if (im.nodes[node].entry != Impl::kNone && ends_ok(j, last)) {
        best_entry = im.nodes[node].entry;
        best_last = j;
        best_end = last.end;
      }
      const std::optional<Token> next = at(j + 1);
      if (!next || next->masked) break;
      const auto& children = next->space_before ? im.nodes[node].spaced : im.nodes[node].joined;
      if (children.empty()) break;
      auto c = children.find(tok(*next));
      if (c == children.end()) break;
      node = c->second;
      last = *next;
      ++j;
    }
    if (best_entry == Impl::kNone) {
      ++i;
      continue;
    }
    if (best_entry != Impl::kBlocked) {
      const Tool& t = im.tools[best_entry];
      out.push_back(Hit{first->begin, best_end, t.name, t.category});
    }
    i = best_last + 1;
  }
  return out;
}

}  // namespace caselint::extract
