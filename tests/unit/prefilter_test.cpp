// The literal prefilter (src/extract/prefilter.h): the generated table, and
// its promise that no match is screened out, on every corpus text.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "extract/prefilter.h"
#include "prefilter_check.h"

namespace pf = caselint::extract::prefilter;

TEST_CASE("the prefilter table lists the built-in patterns, sorted, most of them screened") {
  const pf::Data* d = pf::data();
  REQUIRE(d != nullptr);
  REQUIRE(!d->database.empty());
  CHECK(d->entries.size() > 500);
  CHECK(std::is_sorted(d->entries.begin(), d->entries.end(),
                       [](const pf::Entry& a, const pf::Entry& b) { return a.source < b.source; }));
  std::size_t screened = 0;
  for (const pf::Entry& e : d->entries) {
    screened += e.count > 0;
    CHECK(e.first + e.count <= d->cuts.size());
    for (std::uint32_t a : pf::cut_of(e)) CHECK(a < d->atoms);
  }
  CHECK(screened * 10 > d->entries.size() * 8);
  CHECK(pf::entry_for(d->entries.front().source) == &d->entries.front());
  CHECK(pf::entry_for("(?:not a built-in pattern at all)") == nullptr);
}

TEST_CASE("the screen rejects a subject without the atoms and admits one with them") {
  // The service dictionary and every vocabulary pattern naming "Aurora" need
  // some atom; a text of digits holds none of theirs.
  const pf::Data* d = pf::data();
  REQUIRE(d != nullptr);
  auto it = std::find_if(d->entries.begin(), d->entries.end(), [](const pf::Entry& e) {
    return e.count > 0 && e.source.find("restor") != std::string_view::npos;
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
  REQUIRE(prepared.accepted().size() == reference.accepted().size());
  REQUIRE(prepared.wrong().size() == reference.wrong().size());
  for (std::size_t i = 0; i < prepared.accepted().size(); ++i) {
    CHECK(prepared.accepted()[i].text == reference.accepted()[i].text);
    CHECK(prepared.accepted()[i].canonical == reference.accepted()[i].canonical);
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
