// The literal prefilter (src/extract/prefilter.h): the generated table, and
// its promise that no match is screened out, on every corpus text.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <doctest/doctest.h>
#include <pcre2.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "extract/prefilter.h"
#include "extract/vocab.h"
#include "prefilter_check.h"

namespace pf = caselint::extract::prefilter;

TEST_CASE("the prefilter table lists the built-in patterns, sorted, most of them screened") {
  const pf::Data* d = pf::data();
  REQUIRE(d != nullptr);
  REQUIRE(!d->database.empty());
  CHECK(d->entries.size() > 500);
  CHECK(std::is_sorted(d->entries.begin(), d->entries.end(),
                       [](const pf::Entry& a, const pf::Entry& b) { return pf::source_of(a) < pf::source_of(b); }));
  std::size_t screened = 0, both = 0;
  for (const pf::Entry& e : d->entries) {
    screened += e.count > 0;
    CHECK(e.first + e.count <= d->cuts.size());
    CHECK(e.second_first + e.second_count <= d->cuts.size());
    for (std::uint32_t a : pf::cut_of(e)) CHECK(a < d->atoms);
    // A second cut only with a first, and none of its atoms in the first.
    pf::Cut first = pf::cut_of(e), second = pf::second_cut_of(e);
    both += !second.empty();
    CHECK((second.empty() || !first.empty()));
    for (std::uint32_t a : second) {
      CHECK(a < d->atoms);
      CHECK(std::find(first.begin(), first.end(), a) == first.end());
    }
  }
  CHECK(screened * 10 > d->entries.size() * 8);
  CHECK(both > 0);  // patterns such as "test ... monthly" need an atom of each side
  CHECK(pf::entry_for(pf::source_of(d->entries.front())) == &d->entries.front());
  CHECK(pf::entry_for("(?:not a built-in pattern at all)") == nullptr);
}

// Under PCRE2_UCP, \d is any Unicode decimal digit: a pattern starting with
// it gets no fast first-character scan (ten times slower on prose), and a
// non-ASCII digit it matched would not convert to a number anyway.
TEST_CASE("built-in patterns write digits as an ASCII range, not the Unicode digit escape") {
  for (const pf::Entry& e : pf::data()->entries) {
    std::string_view s = pf::source_of(e);
    bool digit_escape = false;
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
      if (s[i] != '\\') continue;
      if (s[i + 1] == 'Q') {
        std::size_t end = s.find("\\E", i + 2);
        if (end == std::string_view::npos) break;
        i = end + 1;
        continue;
      }
      digit_escape = digit_escape || s[i + 1] == 'd' || s[i + 1] == 'D';
      ++i;  // the escaped character
    }
    INFO(s);
    CHECK_FALSE(digit_escape);
  }
}

TEST_CASE("the generated index lists, for each atom, exactly the cuts that hold it") {
  const pf::Data* d = pf::data();
  REQUIRE(d != nullptr);
  const std::size_t n = d->entries.size();
  REQUIRE(d->index_first.size() == std::size_t{d->atoms} + 1);
  REQUIRE(d->index_first.back() == d->index.size());
  REQUIRE(d->always.size() == (n + 63) / 64);
  REQUIRE(d->one_cut.size() == (n + 63) / 64);
  // Rebuilt from the entries: the pairs (atom, 2 * entry + which cut).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> want, got;
  for (std::uint32_t i = 0; i < n; ++i) {
    pf::Cut first = pf::cut_of(d->entries[i]), second = pf::second_cut_of(d->entries[i]);
    const bool always = (d->always[i / 64] >> (i % 64)) & 1, one = (d->one_cut[i / 64] >> (i % 64)) & 1;
    CHECK(always == first.empty());
    CHECK(one == (!first.empty() && second.empty()));
    for (std::uint32_t a : first) want.emplace_back(a, 2 * i);
    for (std::uint32_t a : second) want.emplace_back(a, 2 * i + 1);
  }
  for (std::uint32_t a = 0; a < d->atoms; ++a) {
    REQUIRE(d->index_first[a] <= d->index_first[a + 1]);
    for (std::uint32_t k = d->index_first[a]; k < d->index_first[a + 1]; ++k) got.emplace_back(a, d->index[k]);
  }
  std::sort(want.begin(), want.end());
  std::sort(got.begin(), got.end());
  CHECK(got == want);
  // No bit set past the last entry.
  if (n % 64) {
    CHECK((d->always.back() >> (n % 64)) == 0);
    CHECK((d->one_cut.back() >> (n % 64)) == 0);
  }
}

TEST_CASE("the screen rejects a subject without the atoms and admits one with them") {
  // The service dictionary and every vocabulary pattern naming "Aurora" need
  // some atom; a text of digits holds none of theirs.
  const pf::Data* d = pf::data();
  REQUIRE(d != nullptr);
  auto it = std::find_if(d->entries.begin(), d->entries.end(), [](const pf::Entry& e) {
    return e.count > 0 && pf::source_of(e).find("restor") != std::string_view::npos;
  });
  REQUIRE(it != d->entries.end());
  pf::Cut cut = pf::cut_of(*it);
  CHECK_FALSE(pf::admits(cut, "1234567890 1234567890 1234567890"));
  // Characters PCRE2 folds onto ASCII letters (KELVIN SIGN, LONG S, dotted
  // and dotless I) switch the screen off for the subject.
  CHECK(pf::admits(cut, "1234567890 \xE2\x84\xAA 1234567890"));
  CHECK(pf::admits(cut, "1234567890 \xC5\xBF 1234567890"));
  CHECK(pf::admits(cut, "1234567890 \xC4\xB0 1234567890"));
}

TEST_CASE("the union of screens admits what any of them admits, and everything once one is unscreened") {
  const pf::Data* d = pf::data();
  REQUIRE(d != nullptr);
  const pf::Screened digits = pf::screen_anyway("1234567890 1234567890");
  const pf::Screened prose = pf::screen_anyway("We restored the database from a snapshot in another Region.");
  REQUIRE_FALSE(digits.all);
  REQUIRE_FALSE(prose.all);
  pf::Screened u;
  u.all = false;
  pf::admit_also(u, digits);
  pf::admit_also(u, prose);
  CHECK_FALSE(u.all);
  CHECK(u.valid_utf8.empty());
  std::size_t admitted = 0;
  for (std::uint32_t e = 0; e < d->entries.size(); ++e) {
    const bool any = pf::may_match(e, digits) || pf::may_match(e, prose);
    CHECK(pf::may_match(e, u) == any);
    admitted += any;
  }
  CHECK(admitted < d->entries.size());  // the union still screens
  pf::admit_also(u, pf::Screened{});      // an unscreened text: every pattern may match
  CHECK(u.all);
  CHECK(pf::may_match(0, u));
}

TEST_CASE("each built-in pattern's compiled form decodes to what PCRE2 compiles from its source") {
  const pf::Data* d = pf::data();
  REQUIRE(d != nullptr);
  std::ifstream in(std::string(CASELINT_SOURCE_DIR) + "/corpus/studies/alder-bank-dms.md", std::ios::binary);
  std::stringstream sample_text;
  sample_text << in.rdbuf();
  const std::string sample = sample_text.str();
  REQUIRE(sample.size() > 1000);
  auto first_match = [&](const pcre2_code* code) {
    pcre2_match_data* md = pcre2_match_data_create_from_pattern(code, nullptr);
    int rc = pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(sample.data()), sample.size(), 0, 0, md, nullptr);
    std::pair<PCRE2_SIZE, PCRE2_SIZE> at{PCRE2_UNSET, PCRE2_UNSET};
    if (rc > 0) at = {pcre2_get_ovector_pointer(md)[0], pcre2_get_ovector_pointer(md)[1]};
    pcre2_match_data_free(md);
    return at;
  };
  std::size_t forms = 0, matched = 0;
  for (const pf::Entry& e : d->entries) {
    REQUIRE(e.compiled_first + e.compiled_count <= d->compiled.size());
    for (const pf::Compiled& c : d->compiled.subspan(e.compiled_first, e.compiled_count)) {
      INFO(pf::source_of(e));
      ++forms;
      CHECK(pf::compiled_form(e, c.options).size() == c.size);
      pcre2_code* decoded = nullptr;
      REQUIRE(pcre2_serialize_decode(&decoded, 1, d->code.data() + c.offset, nullptr) == 1);
      int err = 0;
      PCRE2_SIZE off = 0;
      pcre2_code* fresh = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pf::source_of(e).data()), pf::source_of(e).size(), c.options,
                                        &err, &off, nullptr);
      REQUIRE(fresh != nullptr);
      for (uint32_t what : {PCRE2_INFO_SIZE, PCRE2_INFO_ALLOPTIONS, PCRE2_INFO_CAPTURECOUNT, PCRE2_INFO_NAMECOUNT}) {
        std::size_t a = 0, b = 0;  // PCRE2_INFO_SIZE is a size_t, the others uint32_t: both fit
        pcre2_pattern_info(decoded, what, &a);
        pcre2_pattern_info(fresh, what, &b);
        CHECK(a == b);
      }
      auto at = first_match(decoded);
      CHECK(at == first_match(fresh));
      matched += at.first != PCRE2_UNSET;
      pcre2_code_free(decoded);
      pcre2_code_free(fresh);
    }
  }
  CHECK(forms >= d->entries.size());  // every built-in pattern has at least one
  CHECK(matched > 20);                // and the comparison saw matches, not only failures
  CHECK(pf::compiled_form(d->entries.front(), 0xFFFFFFFFu).empty());
}

TEST_CASE("a screen spares PCRE2's UTF-8 check only for a whole-character part of a valid text") {
  const caselint::extract::Pattern abc("abc");
  const std::string text = "\xC3\xA9" "abc and \xC3\xA9t\xC3\xA9 abc";
  const pf::Screened screen = pf::screen_of(text);
  REQUIRE(screen.valid_utf8 == text);
  // The whole text, a part of it on character boundaries, and a start offset.
  CHECK(abc.find(text, 0, screen)->begin == 2);
  CHECK(abc.find(std::string_view(text).substr(2), 0, screen)->begin == 0);
  CHECK(abc.find(text, 3, screen)->begin == text.size() - 3);
  // A part that starts or ends inside a character, or an offset inside one,
  // is checked as without a screen: PCRE2 rejects it, no match.
  for (std::string_view part : {std::string_view(text).substr(1), std::string_view(text).substr(0, 1)}) {
    CHECK_FALSE(abc.find(part, 0).has_value());
    CHECK_FALSE(abc.find(part, 0, screen).has_value());
  }
  CHECK_FALSE(abc.find(text, 1).has_value());
  CHECK_FALSE(abc.find(text, 1, screen).has_value());
  // A text that is not valid UTF-8 gets no such screen.
  const std::string bad = "abc \xC3";
  CHECK(pf::screen_of(bad).valid_utf8.empty());
  CHECK_FALSE(abc.find(bad, 0, pf::screen_of(bad)).has_value());
  // A block's text, screened by the scan of its spaced form, is valid in its
  // own right.
  caselint::doc::Document d;
  d.blocks.resize(2);
  d.blocks[0].text = "abc\nabc";
  d.blocks[1].kind = caselint::doc::BlockKind::code;
  d.blocks[1].text = "abc\nabc";
  pf::TextScreens screens(d);
  CHECK(screens.spaced(0) == "abc abc");
  CHECK(screens.spaced(1) == "abc\nabc");  // a code block keeps its lines
  CHECK(screens.of_block(0).also_valid.data() == d.blocks[0].text.data());
  CHECK(screens.of_block(0).valid_utf8.data() == screens.spaced(0).data());
  CHECK(abc.find(d.blocks[0].text, 4, screens.of_block(0))->begin == 4);
  CHECK(abc.find(screens.spaced(0), 4, screens.of_block(0))->begin == 4);
  // Asked by block, the document's own block is found by index; another
  // block with the same text is screened as a text of its own.
  CHECK(screens.of_block(d.blocks[1]).valid_utf8.data() == screens.of_block(1).valid_utf8.data());
  CHECK(screens.of_block(d.blocks[1]).also_valid.data() == d.blocks[1].text.data());
  caselint::doc::Block other = d.blocks[0];
  CHECK(screens.of_block(other).valid_utf8.data() != screens.of_block(0).valid_utf8.data());
  CHECK(screens.of_block(other).valid_utf8.data() == other.text.data());
  CHECK(screens.of_block(other).also_valid.empty());
}

namespace {

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

TEST_CASE("no match of a screened pattern is screened out, on every corpus text and its upper case") {
  namespace fs = std::filesystem;
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(std::string(CASELINT_SOURCE_DIR) + "/corpus")) {
    if (!entry.is_regular_file()) continue;
    std::string ext = entry.path().extension().string();
    if (ext != ".md" && ext != ".html" && ext != ".ipynb") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    ++files;
    INFO(entry.path().string());
    CHECK(caselint::fuzz::prefilter_violation(text.str()) == "");
    CHECK(caselint::fuzz::prefilter_violation(upper(text.str())) == "");
    CHECK(caselint::fuzz::services_violation(text.str()) == "");
    CHECK(caselint::fuzz::services_violation(upper(text.str())) == "");
  }
  CHECK(files > 100);
  // Every screened pattern is tried, and the screen is not what found them.
  CHECK(caselint::fuzz::screened_patterns().size() > 1000);
}

TEST_CASE("the prepared service dictionary is the YAML's, matched by Hyperscan") {
  namespace ex = caselint::extract;
  REQUIRE(ex::prepared_services() != nullptr);
  const ex::ServiceDictionary& prepared = ex::ServiceDictionary::builtin();
  const ex::ServiceDictionary& reference = caselint::fuzz::reference_services();
  CHECK(prepared.names() == reference.names());
  const auto accepted = prepared.accepted(), accepted_ref = reference.accepted();
  const auto wrong = prepared.wrong(), wrong_ref = reference.wrong();
  REQUIRE(accepted.size() == accepted_ref.size());
  REQUIRE(wrong.size() == wrong_ref.size());
  for (std::size_t i = 0; i < accepted.size(); ++i) {
    CHECK(accepted[i].text == accepted_ref[i].text);
    CHECK(accepted[i].canonical == accepted_ref[i].canonical);
    CHECK(accepted[i].right == "");
  }
  for (std::size_t i = 0; i < wrong.size(); ++i) {
    CHECK(wrong[i].text == wrong_ref[i].text);
    CHECK(wrong[i].canonical == wrong_ref[i].canonical);
    CHECK(wrong[i].right == wrong_ref[i].right);
  }
  // The cases the alternation's order and boundaries decide: the longest form
  // at a place, whitespace of any kind between words, no word character or
  // hyphen on either side, no ".word" after, and the search going on after a
  // hit (not inside it).
  for (const char* text : {
           "We used Amazon Aurora PostgreSQL-Compatible Edition and Amazon Aurora.",
           "Amazon\tS3 and Amazon\xC2\xA0S3 and Amazon\n  S3, then Amazon S3.Bucket and my-Amazon S3 and Amazon S3-ish",
           "AWS Lamba, Dynamo DB and amazon s3; Amazon S3Amazon S3 Amazon S3",
           "\xC3\xA9" "Amazon S3 and Amazon S3\xC3\xA9 and (Amazon S3) and Amazon S3_x",
           "", "Amazon", "Amazon S3"}) {
    INFO(text);
    CHECK(caselint::fuzz::services_violation(text) == "");
  }
  auto hits = prepared.find_services("Runs on Amazon  Aurora PostgreSQL with Amazon S3.");
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].canonical == "Amazon Aurora PostgreSQL-Compatible Edition");
  CHECK(hits[1].canonical == "Amazon Simple Storage Service");
}
