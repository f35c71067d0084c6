// Unit tests of the limits on hostile input: the language server's message
// framing, the match limits on globs and patterns, and columns on very long
// lines.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <sstream>
#include <string>

#include "config/config.h"
#include "doc/line_index.h"
#include "extract/vocab.h"
#include "lsp/framing.h"
#include "test_support.h"

using namespace caselint;

namespace {

std::string frame(const std::string& body) { return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; }

}  // namespace

TEST_CASE("read_message: frames, stray headers and lying lengths") {
  std::istringstream in(frame("{\"a\":1}") + "\r\n" + "X-Other: 1\r\n\r\n" + "content-length:2\r\n\r\n[]" +
                        frame(""));
  CHECK(lsp::read_message(in) == std::optional<std::string>("{\"a\":1}"));
  // A header block without a length is skipped; the name is case-insensitive.
  CHECK(lsp::read_message(in) == std::optional<std::string>("[]"));
  CHECK(lsp::read_message(in) == std::optional<std::string>(""));
  CHECK_FALSE(lsp::read_message(in).has_value());

  // A length the input does not hold ends the input, whatever it promised.
  std::istringstream short_body("Content-Length: 200000000\r\n\r\n{\"cut\":");
  CHECK_FALSE(lsp::read_message(short_body).has_value());
  std::istringstream too_large("Content-Length: " + std::to_string(lsp::kMaxMessage + 1) + "\r\n\r\n{}");
  CHECK_FALSE(lsp::read_message(too_large).has_value());
  std::istringstream negative("Content-Length: -5\r\n\r\n{}");
  CHECK_FALSE(lsp::read_message(negative).has_value());
  std::istringstream no_blank_line("Content-Length: 2\r\n{}");
  CHECK_FALSE(lsp::read_message(no_blank_line).has_value());
}

TEST_CASE("a glob cannot stall the run: backtracking is bounded, a match limit stops with an error") {
  // PCRE2's glob conversion commits instead of backtracking: thirty stars
  // against a 200-letter name that almost matches fail at once.
  std::string glob;
  for (int i = 0; i < 30; ++i) glob += "*a";
  glob += "b.md";
  const std::string name(200, 'a');
  auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(config::Glob(glob).matches(name + ".md"));
  CHECK(config::Glob(glob).matches(name + "b.md"));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));

  // The match limit still bounds the cost in the path's length.
  std::string long_path;
  for (int i = 0; i < 1'000'000; ++i) long_path += "ab";
  long_path += "a";
  start = std::chrono::steady_clock::now();
  try {
    (void)config::Glob("*b").matches(long_path);
    FAIL_CHECK("expected a GlobLimitError");
  } catch (const config::GlobLimitError& e) {
    CHECK(std::string(e.what()).find("glob \"*b\" is too complex to match") != std::string::npos);
    CHECK(std::string(e.what()).find("match limit") != std::string::npos);
  }
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));

  // settings_for names the config and the override's line.
  config::Config c = config::parse_config("overrides:\n  - files: [\"x/\"]\n    disable: [CS101]\n"
                                          "  - files: [\"*b\"]\n    disable: [CS104]\n",
                                          "/tmp/project/.caselint.yaml");
  CHECK(c.settings_for("/tmp/project/x/y.md").disabled.count("CS101") == 1);
  try {
    (void)c.settings_for("/tmp/project/" + long_path);
    FAIL_CHECK("expected a ConfigError");
  } catch (const config::ConfigError& e) {
    CHECK(e.file == "/tmp/project/.caselint.yaml");
    CHECK(e.line == 4);
    CHECK(e.message.find("is too complex to match") != std::string::npos);
  }
}

TEST_CASE("a vocabulary pattern that backtracks catastrophically gives up at the match limit") {
  extract::Pattern p("(a+)+$");
  const std::string line = std::string(5000, 'a') + "b";
  auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(p.find(line).has_value());
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  CHECK(p.find("aaaa").has_value());
}

TEST_CASE("find_invalid_utf8 finds the first bad byte wherever it falls among ASCII runs") {
  // The validator skips eight ASCII bytes at a time: a bad byte, a truncated
  // sequence or an overlong form at any offset, and a good multi-byte
  // character across an eight-byte boundary, must read as before.
  for (std::size_t at = 0; at < 24; ++at) {
    const std::string ascii(at, 'a');
    INFO("offset " << at);
    CHECK(doc::find_invalid_utf8(ascii + "\xFF" + std::string(9, 'b')) == at);
    CHECK(doc::find_invalid_utf8(ascii + "\xC3") == at);                       // truncated at the end
    CHECK(doc::find_invalid_utf8(ascii + "\xC0\xAF" + std::string(9, 'b')) == at);  // overlong "/"
    CHECK(doc::find_invalid_utf8(ascii + "\xED\xA0\x80zzzzzzzz") == at);      // a surrogate
    CHECK_FALSE(doc::find_invalid_utf8(ascii + "\xE2\x80\x94" + std::string(9, 'c') + "\xF0\x9F\x98\x80").has_value());
  }
  CHECK_FALSE(doc::find_invalid_utf8("").has_value());
  CHECK_FALSE(doc::find_invalid_utf8(std::string(4096, 'x')).has_value());
}

TEST_CASE("LineIndex: every offset's line and column are those a byte-by-byte count gives") {
  // Mixed widths (1 to 4 bytes) and line breaks at every alignment, so the
  // eight-byte counting meets characters and lines split across words and
  // 64-byte blocks; a stray continuation byte counts as it did before.
  const char* pieces[] = {"a", "\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x98\x80", "\n", "  ", "\x80", "xyz\n"};
  for (unsigned seed = 1; seed <= 40; ++seed) {
    std::string text;
    unsigned x = seed;
    for (int i = 0; i < 150; ++i) {
      x = x * 1103515245u + 12345u;
      text += pieces[(x >> 16) % 8];
    }
    doc::LineIndex index(text);
    int line = 1, column = 1;
    for (std::size_t off = 0; off <= text.size(); ++off) {
      INFO("seed " << seed << " offset " << off);
      REQUIRE(index.at(off) == doc::Position{line, column});
      CHECK(doc::count_codepoints(std::string_view(text).substr(0, off)) ==
            static_cast<std::size_t>(std::count_if(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(off),
                                                   [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; })));
      if (off == text.size()) break;
      if (text[off] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(text[off]) & 0xC0) != 0x80) {
        ++column;  // the byte starts a character (or is a stray byte)
      }
    }
    CHECK(index.line_count() == static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1);
  }
}

TEST_CASE("LineIndex: columns on a very long line cost a block, not the line so far") {
  // 100,000 "*é " on one line: a Markdown paragraph with a node every few
  // bytes asks for a column at each of them.
  std::string text = "# T\n\n";
  for (int i = 0; i < 100'000; ++i) text += "*\xC3\xA9 ";
  text += "\nlast \xC3\xA9 line\n";
  doc::LineIndex index(text);
  auto start = std::chrono::steady_clock::now();
  long long sum = 0;
  for (int i = 0; i < 100'000; ++i) sum += index.codepoint_column(3, 1 + 4 * i);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  // Each "*é " is 4 bytes and 3 code points: byte column 1 + 4i is code point column 1 + 3i.
  CHECK(sum == 100'000LL + 3LL * (100'000LL * 99'999LL / 2));
  CHECK(index.codepoint_column(3, 1 + 4 * 99'999) == 1 + 3 * 99'999);
  CHECK(index.at(text.size() - 1) == doc::Position{4, 12});
  CHECK(index.at(text.find("last")) == doc::Position{4, 1});
  CHECK(index.at(0) == doc::Position{1, 1});
  doc::LineIndex empty("");
  CHECK(empty.at(0) == doc::Position{1, 1});
}
