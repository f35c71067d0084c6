#include "test_support.h"

#include <cmath>

#include "extract/fields.h"
#include "extract/sizes.h"
#include "parse/parse.h"

using namespace caselint;

namespace {

double gb(const char* text) {
  auto s = extract::parse_size(text);
  return s ? s->gb : -1;
}

extract::Fields fields_of(const std::string& text, doc::Format fmt = doc::Format::markdown) {
  load::SourceFile f{fmt == doc::Format::html ? "t.html" : "t.md", text, fmt};
  parse::ParseResult r = parse::parse(f);
  REQUIRE(r.document);
  return extract::extract_fields(*r.document, extract::Vocabulary::builtin());
}

double number(const extract::Fields& f, const char* name) {
  const extract::Field* x = f.get(name);
  return x && x->number ? *x->number : -1;
}

}  // namespace

TEST_CASE("sizes in every common form, normalised to GB of 10^9 bytes") {
  CHECK(gb("25GB") == doctest::Approx(25));
  CHECK(gb("25 GB") == doctest::Approx(25));
  CHECK(gb("25 gigabytes") == doctest::Approx(25));
  CHECK(gb("0.5 TB") == doctest::Approx(500));
  CHECK(gb("1.2 TiB") == doctest::Approx(1.2 * 1099.511627776));
  CHECK(gb("30,000 MB") == doctest::Approx(30));
  CHECK(gb("1.5 PB") == doctest::Approx(1.5e6));
  CHECK(gb("512 MiB") == doctest::Approx(0.536870912));
  CHECK(gb("1 GiB") == doctest::Approx(1.073741824));
  CHECK(gb("2 terabytes") == doctest::Approx(2000));
  auto plus = extract::parse_size("25GB+");
  REQUIRE(plus);
  CHECK(plus->gb == doctest::Approx(25));
  CHECK(plus->plus);
  auto over = extract::parse_size("a database of over 2 TB");
  REQUIRE(over);
  CHECK(over->gb == doctest::Approx(2000));
  CHECK(over->qualifier == "over");
  CHECK(std::string("a database of over 2 TB").substr(over->begin, over->end - over->begin) == "over 2 TB");
  // Not sizes: counts, versions, prices, words.
  CHECK(gb("65,000 databases") == -1);
  CHECK(gb("MySQL 5.7 on 3 nodes") == -1);
  CHECK(gb("GB of RAM") == -1);
  CHECK(gb("25GBP") == -1);
}

TEST_CASE("rates and bandwidths are not sizes") {
  CHECK(gb("a 10 Gbps link") == -1);
  CHECK(gb("200 MB/s of throughput") == -1);
  CHECK(gb("grows by 50 GB per month") == -1);
  CHECK(gb("1 TB/day of logs") == -1);
  CHECK(gb("5 GB a month") == -1);
  auto all = extract::find_sizes("reads 200 MB per second from a 2 TB database");
  REQUIRE(all.size() == 2);
  CHECK(all[0].rate);
  CHECK_FALSE(all[1].rate);
  CHECK(extract::parse_size("reads 200 MB per second from a 2 TB database")->gb == doctest::Approx(2000));
}

TEST_CASE("the role of a size in its sentence") {
  const extract::DatabaseVocab& v = extract::Vocabulary::builtin().database();
  auto role = [&](std::string_view sentence) {
    auto s = extract::parse_size(sentence);
    REQUIRE(s);
    return extract::size_role(sentence, s->begin, s->end, v);
  };
  using R = extract::SizeRole;
  CHECK(role("The initial database size was 1.2 TB") == R::labelled);
  CHECK(role("Database size: 640 GB") == R::labelled);
  CHECK(role("the size of the Oracle database is about 700 GB") == R::labelled);
  CHECK(role("the 870 GB Oracle database") == R::database);
  CHECK(role("The database holds 3.8 TB") == R::database);
  CHECK(role("AWS DMS ran a full load of 5.6 TB") == R::volume);
  CHECK(role("moved 870 GB in 240 tables") == R::volume);
  CHECK(role("r6g.2xlarge instances with 64 GiB of memory") == R::excluded);
  CHECK(role("a db.r6g.large with 16 GB RAM") == R::excluded);
  CHECK(role("nightly backups of 2 TB") == R::excluded);
  CHECK(role("an S3 bucket holding 40 TB of archives") == R::excluded);
  CHECK(role("2 TB of snapshots in Amazon S3") == R::excluded);
  CHECK(role("EBS volumes of 4 TB") == R::excluded);
  CHECK(role("Storage footprint held at 2.1 TB") == R::excluded);
  CHECK(role("Storage footprint in Aurora held at 2.1 TB") == R::other);  // not a candidate either
  CHECK(role("a laptop with 512 GB") == R::other);
}

TEST_CASE("format_gb prints whole numbers without decimals") {
  CHECK(extract::format_gb(20) == "20");
  CHECK(extract::format_gb(1200) == "1200");
  CHECK(extract::format_gb(0.5) == "0.5");
  CHECK(extract::format_gb(25.769803776) == "25.77");
}

TEST_CASE("database size: labels, tables, front matter and the unlabelled only candidate") {
  auto f = fields_of("# T\n\n**Database size:** 30,000 MB\n");
  CHECK(number(f, "database_size") == doctest::Approx(30));
  CHECK(f.get("database_size")->text == "30,000 MB");

  f = fields_of("---\ntitle: T\ndatabase_size: 1.2 TiB\n---\n\n# T\n");
  CHECK(number(f, "database_size") == doctest::Approx(1319.4139533312));
  f = fields_of("---\ntitle: T\ndatabase_size_gb: 640\n---\n\n# T\n");
  CHECK(number(f, "database_size") == doctest::Approx(640));

  // A labelled size wins over prose; prose sizes of backups never count.
  f = fields_of("# T\n\nThe 870 GB Oracle database is backed up nightly.\n\n| Fact | Value |\n|---|---|\n| Initial size | 900 GB |\n");
  CHECK(number(f, "database_size") == doctest::Approx(900));

  f = fields_of("# T\n\nThe 870 GB Oracle database was copied to a 2 TB S3 bucket over a 10 Gbps link, on instances with 64 GiB of memory.\n");
  REQUIRE(f.get("database_size"));
  CHECK(number(f, "database_size") == doctest::Approx(870));
  CHECK(f.get("database_size")->note.find("unlabelled") == 0);

  // Two different unlabelled sizes: none is taken, both are candidates.
  f = fields_of("# T\n\nThe 500GB database.\n\nThe 512 GB database.\n");
  CHECK_FALSE(f.get("database_size"));
  CHECK(f.all("_database_size_candidate").size() == 2);

  // The same size twice is one candidate value.
  f = fields_of("# T\n\nThe 500 GB database.\n\nAWS DMS moved 500 GB in 40 tables.\n");
  CHECK(number(f, "database_size") == doctest::Approx(500));

  // Not the database: nothing found.
  f = fields_of("# T\n\nWe archived 4 TB of logs to Amazon S3 Glacier and used a 10 Gbps link.\n");
  CHECK_FALSE(f.get("database_size"));
  CHECK(f.all("_database_size_candidate").empty());

  // In a database section, a size in prose is labelled by the heading.
  f = fields_of("# T\n\n## Database characteristics\n\nAbout 750 GB today.\n");
  REQUIRE(f.get("database_size"));
  CHECK(f.get("database_size")->label == "Database characteristics");
  CHECK(f.get("database_size")->note.empty());

  // A "Database" summary row in an HTML sidebar.
  f = fields_of(
      "<html><body><main><h1>T</h1><table><tr><th>Industry</th><td>Education</td></tr>"
      "<tr><th>Database</th><td>Aurora PostgreSQL, 310 GB, 188 tables</td></tr></table></main></body></html>",
      doc::Format::html);
  CHECK(number(f, "database_size") == doctest::Approx(310));
  CHECK(number(f, "table_count") == doctest::Approx(188));
}

TEST_CASE("database characteristics from labels, tables and prose") {
  auto f = fields_of(
      "# T\n\nThe database grows about 20% a year across 412 tables, with a peak of 3,000 concurrent connections "
      "and a 70/30 read/write split.\n");
  CHECK(number(f, "database_growth") == doctest::Approx(20));
  CHECK(number(f, "table_count") == doctest::Approx(412));
  CHECK(number(f, "peak_concurrent_requests") == doctest::Approx(3000));
  CHECK(number(f, "read_percentage") == doctest::Approx(70));
  CHECK(number(f, "write_percentage") == doctest::Approx(30));

  f = fields_of("# T\n\nAt peak the workload is 85% reads and 15% writes.\n");
  CHECK(number(f, "read_percentage") == doctest::Approx(85));
  CHECK(number(f, "write_percentage") == doctest::Approx(15));
  CHECK(f.get("write_percentage")->note.empty());

  // A read share alone gives the write share.
  f = fields_of("# T\n\n- Reads at peak: 85%\n");
  CHECK(number(f, "write_percentage") == doctest::Approx(15));
  CHECK(f.get("write_percentage")->note.find("derived") == 0);

  // Short labels count in a database characteristics table.
  f = fields_of(
      "# T\n\n## Database characteristics\n\n| Size | Growth | Tables | Peak concurrency | Reads | Writes |\n"
      "|---|---|---|---|---|---|\n| 1.2 TB | 25% | 316 | 4k | 80% | 20% |\n");
  CHECK(number(f, "database_size") == doctest::Approx(1200));
  CHECK(number(f, "database_growth") == doctest::Approx(25));
  CHECK(number(f, "table_count") == doctest::Approx(316));
  CHECK(number(f, "peak_concurrent_requests") == doctest::Approx(4000));
  CHECK(number(f, "read_percentage") == doctest::Approx(80));
  CHECK(number(f, "write_percentage") == doctest::Approx(20));

  // ... but "Size" elsewhere is not the database.
  f = fields_of("# T\n\n| Fact | Value |\n|---|---|\n| Size | 2,000 employees |\n");
  CHECK_FALSE(f.get("database_size"));

  // A label without a number is not usable.
  f = fields_of("# T\n\n**Number of tables:** many\n");
  CHECK_FALSE(f.get("table_count"));
  CHECK(f.all("table_count").size() == 1);

  // Growth needs a database context; business growth is not it.
  f = fields_of("# T\n\nRevenue grows 30% a year.\n");
  CHECK_FALSE(f.get("database_growth"));
}

TEST_CASE("a bad database vocabulary names its file and line") {
  extract::Vocabulary v = extract::Vocabulary::from_yaml("fields: {}", "{}", "f.yaml");
  CHECK_FALSE(v.database().size);
  CHECK_FALSE(extract::parse_size("25 GB", v.database()));
  try {
    v.add_database("size: \"(?<num>\\\\d+)(?<unit>gb\"\nunits: []\n", "db.yaml");
    FAIL("no error");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()).find("db.yaml:1") == 0);
  }
  CHECK_THROWS_WITH_AS(v.add_database("size: \"(?<num>\\\\d+)\"\nunits: []\n", "db.yaml"),
                       doctest::Contains("group \"unit\""), std::runtime_error);
}
