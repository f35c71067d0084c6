// Extraction for the aurora and dms profiles: database_engine,
// environment_summary and the topic sets of rules/vocab/topics/.
#include "test_support.h"

#include <algorithm>
#include <string>
#include <vector>

#include "extract/fields.h"
#include "parse/parse.h"

using namespace caselint;

namespace {

extract::Fields fields_of(const std::string& text, doc::Format fmt = doc::Format::markdown) {
  load::SourceFile f{fmt == doc::Format::html ? "t.html" : "t.md", text, fmt};
  parse::ParseResult r = parse::parse(f);
  REQUIRE(r.document);
  return extract::extract_fields(*r.document, extract::Vocabulary::builtin());
}

std::vector<std::string> values(const extract::Fields& f, const char* name) {
  std::vector<std::string> out;
  for (const extract::Field* x : f.all(name)) out.push_back(x->text);
  return out;
}

}  // namespace

TEST_CASE("database_engine: engines named in prose become ids, in order, each once") {
  auto f = fields_of(
      "# Tidewater Bank\n\nWe moved the loan book from Oracle 12c to Amazon Aurora\n"
      "PostgreSQL-Compatible Edition. Oracle licences were cut.\n");
  CHECK(values(f, "database_engine") == std::vector<std::string>{"oracle", "aurora-postgresql"});
}

TEST_CASE("database_engine: a specific Aurora engine hides the generic and the community engine") {
  auto f = fields_of("# X\n\nAmazon Aurora runs the platform: Aurora MySQL 3, with MySQL-compatible drivers.\n");
  auto v = values(f, "database_engine");
  // "Aurora" alone is dropped, "Aurora MySQL" is not also "mysql"; the later
  // "MySQL-compatible" is a separate mention of mysql.
  CHECK(v == std::vector<std::string>{"aurora-mysql", "mysql"});
}

TEST_CASE("database_engine: only a generic Aurora stays aurora") {
  auto f = fields_of("# X\n\nThe database now runs on Amazon Aurora.\n");
  CHECK(values(f, "database_engine") == std::vector<std::string>{"aurora"});
}

TEST_CASE("database_engine: front matter ids and labels are normalised and come first") {
  auto f = fields_of("---\ntitle: X\ndatabase_engine: [sql-server, Aurora PostgreSQL]\n---\n\nWe used Db2 too.\n");
  CHECK(values(f, "database_engine") == std::vector<std::string>{"sql-server", "aurora-postgresql", "db2"});
  auto g = fields_of("# X\n\n**Target engine:** Amazon Aurora (MySQL)\n");
  REQUIRE(g.get("database_engine"));
  CHECK(g.get("database_engine")->text == "aurora-mysql");
  CHECK(g.get("database_engine")->source == extract::FieldSource::label);
}

TEST_CASE("database_engine: an engine the vocabulary does not know stays as written") {
  auto f = fields_of("---\ntitle: X\nengine: Informix\n---\n\nText.\n");
  CHECK(values(f, "database_engine") == std::vector<std::string>{"Informix"});
}

TEST_CASE("environment_summary from a section, a label and prose") {
  CHECK(fields_of("# X\n\n## Source environment\n\nThree Oracle databases.\n").get("environment_summary"));
  CHECK(fields_of("# X\n\n**Source environment:** SQL Server on EC2.\n").get("environment_summary"));
  CHECK(fields_of("# X\n\nThe legacy estate consisted of 14 Oracle databases.\n").get("environment_summary"));
  CHECK_FALSE(fields_of("# X\n\nWe moved the database to Aurora.\n").get("environment_summary"));
}

TEST_CASE("topics match across soft line breaks and point at the match") {
  auto f = fields_of("# X\n\nThe reader endpoint serves reports, while the\ncluster endpoint takes the writes.\n");
  auto all = f.all("aurora_application_changes");
  std::vector<std::string> ids;
  for (const auto* x : all) ids.push_back(x->text);
  CHECK(std::find(ids.begin(), ids.end(), "reader_writer_endpoints") != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "reporting_on_reader") != ids.end());
  CHECK(all.front()->range.start.line == 3);
}

TEST_CASE("who manages the database") {
  auto partner = fields_of("# X\n\nUnder a managed services agreement our operations team runs the cluster.\n");
  CHECK(values(partner, "database_management") == std::vector<std::string>{"partner_managed"});
  auto customer = fields_of("# X\n\nNorthwind's platform team now operates the cluster.\n");
  CHECK(values(customer, "database_management") == std::vector<std::string>{"customer_managed"});
  CHECK(values(fields_of("# X\n\nSelf-managed MySQL on EC2 was replaced.\n"), "database_management").empty());
}

TEST_CASE("dms deployment pattern topics") {
  auto f = fields_of("# X\n\nWe migrated the database from the bank's own data centre to Amazon RDS for Oracle.\n");
  CHECK(values(f, "migration_target") == std::vector<std::string>{"rds"});
  CHECK(values(f, "migration_source") == std::vector<std::string>{"on_premises"});
  CHECK(values(fields_of("# X\n\nAmazon Redshift holds the history.\n"), "migration_target").empty());
}
