#include "test_support.h"

#include <algorithm>

#include "data/embedded.h"
#include "extract/dates.h"
#include "extract/fields.h"
#include "extract/text_util.h"
#include "parse/parse.h"

using namespace caselint;

namespace {

std::string_view data_fields() { return data::embedded_file("vocab/fields.yaml"); }
std::string_view data_placeholders() { return data::embedded_file("vocab/placeholders.yaml"); }

extract::Fields fields_of(const std::string& text, doc::Format fmt = doc::Format::markdown) {
  load::SourceFile f{fmt == doc::Format::html ? "t.html" : "t.md", text, fmt};
  parse::ParseResult r = parse::parse(f);
  REQUIRE(r.document);
  return extract::extract_fields(*r.document, extract::Vocabulary::builtin());
}

std::string value(const extract::Fields& f, const char* name) {
  const extract::Field* x = f.get(name);
  return x ? (x->iso ? *x->iso : x->text) : "<none>";
}

}  // namespace

TEST_CASE("dates in the forms case studies use") {
  auto iso = [](const char* s) {
    auto d = extract::find_date(s);
    return d ? d->iso() : std::string("<none>");
  };
  CHECK(iso("2023-01-15") == "2023-01-15");
  CHECK(iso("started 2023-01") == "2023-01");
  CHECK(iso("January 15, 2023") == "2023-01-15");
  CHECK(iso("15 January 2023") == "2023-01-15");
  CHECK(iso("Jan 2023") == "2023-01");
  CHECK(iso("Sept. 2022") == "2022-09");
  CHECK(iso("Q3 2023") == "2023-07");
  CHECK(iso("25/12/2023") == "2023-12-25");
  CHECK(iso("12/25/2023") == "2023-12-25");
  CHECK(iso("2023-02-30") == "<none>");
  CHECK(iso("within 10 months") == "<none>");
  auto amb = extract::find_date("03/04/2023");
  REQUIRE(amb);
  CHECK(amb->ambiguous);
  CHECK_FALSE(extract::find_date("05/05/2023")->ambiguous);
  CHECK_FALSE(extract::find_date("13/04/2023")->ambiguous);
}

TEST_CASE("date ranges") {
  auto r = extract::find_date_range("March - June 2023");
  REQUIRE(r);
  CHECK(r->first.iso() == "2023-03");
  CHECK(r->second.iso() == "2023-06");
  r = extract::find_date_range("November – February 2023");
  REQUIRE(r);
  CHECK(r->first.iso() == "2022-11");
  r = extract::find_date_range("2022-11 to 2023-04");
  REQUIRE(r);
  CHECK(r->first.iso() == "2022-11");
  CHECK(r->second.iso() == "2023-04");
  r = extract::find_date_range("January 10, 2023 through May 2, 2023");
  REQUIRE(r);
  CHECK(r->second.iso() == "2023-05-02");
  CHECK_FALSE(extract::find_date_range("10 months"));
  CHECK_FALSE(extract::find_date_range("launched in March 2021"));
}

TEST_CASE("inline lists split on commas, semicolons and 'and'") {
  CHECK(extract::split_list("Amazon S3, AWS Lambda and Amazon Aurora (PostgreSQL, MySQL).") ==
        std::vector<std::string>{"Amazon S3", "AWS Lambda", "Amazon Aurora (PostgreSQL, MySQL)"});
}

TEST_CASE("labelled lines, synonyms of headings and front matter all give fields") {
  extract::Fields f = fields_of(
      "---\ntitle: Story\nclient: Borealis Bank\n---\n# Story\n\n**AWS account ID:** 1234-5678-9012\n\n"
      "## The Business Challenge\n\nSlow.\n\n## What we did\n\nMoved.\n\n## Key Learnings\n\nPlan.\n\n## Impact\n\nFaster.\n");
  CHECK(value(f, "customer_name") == "Borealis Bank");
  CHECK(f.get("customer_name")->source == extract::FieldSource::front_matter);
  CHECK(f.get("customer_name")->range.start == doc::Position{3, 9});
  CHECK(value(f, "aws_account_id") == "1234-5678-9012");
  CHECK(f.get("aws_account_id")->range.start == doc::Position{7, 21});
  CHECK(value(f, "problem_statement") == "Slow.");
  CHECK(value(f, "proposed_solution") == "Moved.");
  CHECK(value(f, "lessons_learned") == "Plan.");
  CHECK(value(f, "outcomes") == "Faster.");
  CHECK(f.get("outcomes")->range.start.line == 21);
}

TEST_CASE("empty and placeholder sections are found but not usable") {
  extract::Fields f = fields_of("# T\n\n## Lessons learned\n\n## Results\n\nTBD\n\n## Challenge\n\nLorem ipsum dolor sit amet.\n");
  CHECK(f.get("lessons_learned") == nullptr);
  REQUIRE(f.all("lessons_learned").size() == 1);
  CHECK(f.all("lessons_learned")[0]->state == extract::FieldState::empty);
  CHECK(f.all("outcomes")[0]->state == extract::FieldState::placeholder);
  CHECK(f.all("problem_statement")[0]->state == extract::FieldState::placeholder);
  extract::Fields g = fields_of("# T\n\n**Customer:** N/A\n");
  CHECK(g.all("customer_name")[0]->state == extract::FieldState::placeholder);
}

TEST_CASE("sidebar tables: label rows and header rows") {
  extract::Fields f = fields_of(
      "# T\n\n| | |\n|---|---|\n| Customer | Kestrel Air |\n| Start date | 2023-01-15 |\n| End date | June 30, 2023 |\n");
  CHECK(value(f, "customer_name") == "Kestrel Air");
  CHECK(value(f, "start_date") == "2023-01-15");
  CHECK(value(f, "end_date") == "2023-06-30");
  CHECK(f.get("end_date")->range.start.line == 7);
  extract::Fields g = fields_of("# T\n\n| Customer | AWS account | Timeline |\n|---|---|---|\n| Kestrel Air | 111122223333 | 2022-11 to 2023-04 |\n");
  CHECK(value(g, "customer_name") == "Kestrel Air");
  CHECK(value(g, "start_date") == "2022-11");
  CHECK(value(g, "end_date") == "2023-04");
}

TEST_CASE("a label followed by a list takes the list as its value") {
  extract::Fields f = fields_of("# T\n\n**Third-party tools:**\n\n- Datadog\n- Terraform\n");
  CHECK(value(f, "third_party_tools") == "Datadog\nTerraform");
}

TEST_CASE("AWS services from a section list and from prose") {
  extract::Fields f = fields_of("# T\n\n## AWS Services Used\n\n- Amazon S3 - raw files\n- AWS Glue\n\n## Solution\n\nWe used Amazon SageMaker and AWS Partner tools.\n");
  std::vector<std::string> names;
  for (const extract::Field* x : f.all("aws_services")) names.push_back(x->text);
  CHECK(std::find(names.begin(), names.end(), "Amazon Simple Storage Service") != names.end());
  CHECK(std::find(names.begin(), names.end(), "AWS Glue") != names.end());
  CHECK(std::find(names.begin(), names.end(), "Amazon SageMaker") != names.end());
  CHECK(std::find(names.begin(), names.end(), "AWS Partner") == names.end());
}

TEST_CASE("customer names from titles and About headings; anonymised customers") {
  CHECK(value(fields_of("# How Kestrel Air cut costs by 30%\n"), "customer_name") == "Kestrel Air");
  CHECK(value(fields_of("# Case study: Orbital Labs\n"), "customer_name") == "Orbital Labs");
  CHECK(value(fields_of("# T\n\n## About Orbital Labs\n\nA lab.\n"), "customer_name") == "Orbital Labs");
  CHECK(fields_of("# T\n\n## About the customer\n\nA lab.\n").get("customer_name") == nullptr);
  const extract::Vocabulary& v = extract::Vocabulary::builtin();
  CHECK(v.is_anonymous_customer("NDA"));
  CHECK(v.is_anonymous_customer("a Fortune 100 retailer"));
  CHECK(v.is_anonymous_customer("A leading European bank"));
  CHECK_FALSE(v.is_anonymous_customer("Acme Corp"));
  CHECK_FALSE(v.is_anonymous_customer("Atlas Bank"));
}

TEST_CASE("architecture diagrams: alt text, file names, sections, shortcodes, mentions") {
  CHECK(fields_of("# T\n\n![Solution architecture](a.png)\n").get("architecture_diagram"));
  CHECK(fields_of("# T\n\n![](img/aws-diagram.svg)\n").get("architecture_diagram"));
  CHECK(fields_of("# T\n\n## Architecture\n\n![](img/overview.png)\n").get("architecture_diagram"));
  CHECK(fields_of("# T\n\nSee the [architecture diagram](docs/arch.pdf).\n").get("architecture_diagram"));
  CHECK(fields_of("# T\n\n{{< figure src=\"/img/architecture.png\" >}}\n").get("architecture_diagram"));
  CHECK_FALSE(fields_of("# T\n\n![Team photo](team.jpg)\n").get("architecture_diagram"));
  extract::Fields section_only = fields_of("# T\n\n## Architecture\n\nThree tiers.\n");
  CHECK_FALSE(section_only.get("architecture_diagram"));
  REQUIRE(section_only.all("architecture_diagram").size() == 1);
  CHECK(section_only.all("architecture_diagram")[0]->range.start.line == 3);
  extract::Fields mention = fields_of("# T\n\nThe following diagram shows the flow.\n");
  REQUIRE(mention.all("architecture_diagram").size() == 1);
  CHECK(mention.all("architecture_diagram")[0]->source == extract::FieldSource::text);
}

TEST_CASE("a publication date is not a project date; durations are not dates") {
  extract::Fields f = fields_of("---\ndate: 2024-03-01\n---\n# T\n\n**Timeline:** 10 months\n");
  CHECK(f.get("start_date") == nullptr);
  CHECK(f.get("end_date") == nullptr);
}

TEST_CASE("HTML definition lists and strong labels give fields") {
  extract::Fields f = fields_of(
      "<html><body><main><h1>Story</h1><dl><dt>Customer</dt><dd>Nimbus Health</dd></dl>"
      "<p><strong>Start date</strong> 2023-02-01</p></main></body></html>",
      doc::Format::html);
  CHECK(value(f, "customer_name") == "Nimbus Health");
  CHECK(value(f, "start_date") == "2023-02-01");
}

TEST_CASE("another field's labelled fact is not content of a section") {
  extract::Fields f = fields_of("# T\n\n## Challenge\n\n**Third-party tools:** None\n\n## Solution\n\n| Start date | 2023-01-01 |\n|---|---|\n");
  REQUIRE_FALSE(f.all("problem_statement").empty());
  CHECK(f.all("problem_statement")[0]->state == extract::FieldState::empty);
  CHECK(f.all("proposed_solution")[0]->state == extract::FieldState::empty);
  CHECK(value(f, "third_party_tools") == "None");
  CHECK(value(f, "start_date") == "2023-01-01");
}

TEST_CASE("dates in prose and account IDs in prose") {
  extract::Fields f = fields_of("# T\n\nThe project ran from March 2022 to January 2023. It runs in AWS account 1234 5678 9012.\n");
  CHECK(value(f, "start_date") == "2022-03");
  CHECK(value(f, "end_date") == "2023-01");
  CHECK(value(f, "aws_account_id") == "1234 5678 9012");
  CHECK(f.get("aws_account_id")->range.start == doc::Position{3, 73});
  extract::Fields g = fields_of("# T\n\nThe product launched in March 2021.\n");
  CHECK(g.get("start_date") == nullptr);
  CHECK(g.get("end_date") == nullptr);
}

TEST_CASE("a date field that holds no date is not usable") {
  extract::Fields f = fields_of("# T\n\n**End date:** Ongoing\n");
  CHECK(f.get("end_date") == nullptr);
  REQUIRE(f.all("end_date").size() == 1);
  CHECK(f.all("end_date")[0]->state == extract::FieldState::placeholder);
}

TEST_CASE("the service dictionary: canonical names, loose short forms, misspellings") {
  extract::Fields f = fields_of("# T\n\nCheckout runs on ECS with Fargate; the database moved to Aurora MySQL. We tried AWS Lamba and Dynamo DB.\n");
  std::vector<std::string> names;
  for (const extract::Field* x : f.all("aws_services")) names.push_back(x->text);
  for (const char* n : {"Amazon Elastic Container Service", "AWS Fargate", "Amazon Aurora MySQL-Compatible Edition", "AWS Lambda",
                        "Amazon DynamoDB"}) {
    CAPTURE(n);
    CHECK(std::find(names.begin(), names.end(), n) != names.end());
  }
  std::vector<std::pair<std::string, std::string>> wrong;
  for (const extract::Field* x : f.all("_misspelt_service")) wrong.emplace_back(x->text, x->label);
  CHECK(wrong == std::vector<std::pair<std::string, std::string>>{{"AWS Lamba", "AWS Lambda"}, {"Dynamo DB", "Amazon DynamoDB"}});
  CHECK(f.all("_misspelt_service")[0]->range.start == doc::Position{3, 81});
  // Ordinary words are not services without their prefix.
  extract::Fields g = fields_of("# T\n\nWe configure the batch glue code to connect and translate.\n");
  CHECK(g.all("aws_services").empty());
}

TEST_CASE("topic sets: each topic found once, at its first mention, with the sentence as evidence") {
  extract::Vocabulary v = extract::Vocabulary::from_yaml(data_fields(), data_placeholders(), "test");
  v.add_topics("topics:\n  recovery:\n    title: recovery guidance\n    items:\n"
               "      - {id: pitr, title: point-in-time restore, patterns: [\"point[- ]in[- ]time (?:restore|recovery)\"]}\n"
               "      - {id: testing, title: periodic recovery testing, patterns: [\"(?:test|rehears)\\\\w* (?:the )?(?:restore|recovery)\"]}\n",
               "test");
  load::SourceFile src{"t.md", "# T\n\n## Recovery\n\nWe showed the team how Point-in-time recovery works. Then more.\n", doc::Format::markdown};
  parse::ParseResult r = parse::parse(src);
  REQUIRE(r.document);
  extract::Fields f = extract::extract_fields(*r.document, v);
  auto hits = f.all("recovery");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]->text == "pitr");
  CHECK(hits[0]->range.start == doc::Position{5, 24});
  CHECK(hits[0]->label == "We showed the team how Point-in-time recovery works.");
}

TEST_CASE("wording: absolute claims once each, acronyms until spelled out") {
  auto f = fields_of("# T\n\nFailover will never lose data and is risk-free.\n\nIt is guaranteed.\n");
  std::vector<std::string> claims;
  for (const extract::Field* c : f.all("_absolute_claim")) claims.push_back(c->text);
  CHECK(claims == std::vector<std::string>{"will never", "risk-free", "guaranteed"});

  auto undefined = [](const extract::Fields& x) {
    std::vector<std::string> out;
    for (const extract::Field* c : x.all("_acronym_undefined")) out.push_back(c->text + "=" + c->label);
    return out;
  };
  CHECK(undefined(fields_of("# T\n\nWe kept CDC on. Later CDC stopped.\n")) ==
        std::vector<std::string>{"CDC=change data capture"});
  CHECK(undefined(fields_of("# T\n\nWe kept change data capture (CDC) on. Later CDC stopped.\n")).empty());
  CHECK(undefined(fields_of("# T\n\nThe RTO (recovery time objective) was 5 minutes.\n")).empty());
  // Code is not prose.
  CHECK(undefined(fields_of("# T\n\n```\nCDC=on\n```\n")).empty());
  auto fx = fields_of("# T\n\nWe kept CDC on.\n");
  REQUIRE(fx.all("_acronym_undefined").size() == 1);
  CHECK(fx.all("_acronym_undefined")[0]->verbatim);
  CHECK(fx.all("_acronym_undefined")[0]->range.start == doc::Position{3, 9});
}

TEST_CASE("partner_name: a label, a sentence naming an AWS Partner, or front matter") {
  CHECK(value(fields_of("# T\n\n**Partner:** Cirrus Forge\n"), "partner_name") == "Cirrus Forge");
  CHECK(value(fields_of("# T\n\nLakeshore Cloud Services is an AWS Advanced Tier Services Partner that helps hospitals.\n"),
              "partner_name") == "Lakeshore Cloud Services");
  CHECK(value(fields_of("# T\n\nThe work was led by Cirrus Forge, an AWS Partner, in 2023.\n"), "partner_name") ==
        "Cirrus Forge");
  CHECK(value(fields_of("# T\n\nKestrel chose AWS Partner Northgale Systems for the rollout.\n"), "partner_name") ==
        "Northgale Systems");
  // "We are an AWS Partner" and "the AWS Partner Network" name nobody.
  CHECK(value(fields_of("# T\n\nWe are an AWS Partner. We joined the AWS Partner Network in 2019.\n"), "partner_name") ==
        "<none>");
  CHECK(value(fields_of("---\npartner: Cirrus Forge\n---\n# T\n"), "partner_name") == "Cirrus Forge");
}

TEST_CASE("names given in front matter are looked for in the title and text") {
  extract::Fields seen = fields_of("---\ncustomer: Harbor Analytics Ltd.\npartner: Cirrus Forge\n---\n# T\n\n"
                                   "Harbor Analytics asked the Cirrus Forge team for a forecast on AWS.\n");
  REQUIRE(seen.all("_customer_mention").size() == 1);
  CHECK(seen.all("_customer_mention")[0]->range.start == doc::Position{7, 1});
  REQUIRE(seen.all("_partner_mention").size() == 1);
  CHECK(seen.all("_partner_mention")[0]->range.start == doc::Position{7, 28});
  CHECK(seen.all("_aws_mention").size() == 1);
  extract::Fields unseen = fields_of("---\ncustomer: Harbor Analytics Ltd.\npartner: Cirrus Forge\n---\n# T\n\n"
                                     "Our client asked us for a forecast; harbor analytics is hard, and laws are strict.\n");
  // A case-insensitive match of the name still counts; "aws" inside "laws" is not AWS.
  CHECK(unseen.all("_customer_mention").size() == 1);
  CHECK(unseen.all("_partner_mention").empty());
  CHECK(unseen.all("_aws_mention").empty());
}

TEST_CASE("a public reference is marked with front matter public: true") {
  CHECK(extract::is_public_reference(fields_of("---\npublic: true\n---\n# T\n")));
  CHECK(extract::is_public_reference(fields_of("---\npublic: yes\n---\n# T\n")));
  CHECK_FALSE(extract::is_public_reference(fields_of("---\npublic: false\n---\n# T\n")));
  CHECK_FALSE(extract::is_public_reference(fields_of("# T\n\nThis is a public story.\n")));
}

TEST_CASE("a topic's except patterns cancel a match in the same sentence only") {
  auto requests = [](const std::string& text) { return fields_of(text).all("aws_credential_request").size(); };
  CHECK(requests("# T\n\nCustomers enter their AWS access keys in the console.\n") == 1);
  CHECK(requests("# T\n\nThe service never asks customers to provide access keys.\n") == 0);
  CHECK(requests("# T\n\nInstead of access keys, customers create a cross-account role.\n") == 0);
  // A denial in another sentence does not cancel a request.
  CHECK(requests("# T\n\nNo passwords are stored. Customers upload an access key ID and secret access key.\n") == 1);
  // Wrapped lines: the sentence runs across the line break.
  CHECK(requests("# T\n\nCustomers do not\nprovide their AWS credentials.\n") == 0);
}

TEST_CASE("only the topic sets asked for are looked for, and reading another is an error") {
  const std::string text =
      "# Acme\n\n## Recovery\n\nPoint-in-time restore brings the cluster back. We tested the restore monthly.\n\n"
      "## Model\n\nWe chose the use case for its ROI and trained the model in Amazon SageMaker.\n";
  load::SourceFile src{"t.md", text, doc::Format::markdown};
  parse::ParseResult r = parse::parse(src);
  REQUIRE(r.document);
  const extract::Vocabulary& v = extract::Vocabulary::builtin();
  extract::Fields every = extract::extract_fields(*r.document, v);
  const std::vector<std::string> only{"rto_rpo"};
  extract::Fields some = extract::extract_fields(*r.document, v, extract::TopicSets{&only});
  // The set asked for: the same topics, at the same places.
  auto topics = [](const extract::Fields& f, const char* set) {
    std::vector<std::string> out;
    for (const extract::Field* x : f.all(set)) out.push_back(x->text + "@" + doc::to_string(x->range.start));
    return out;
  };
  CHECK_FALSE(topics(every, "rto_rpo").empty());
  CHECK(topics(some, "rto_rpo") == topics(every, "rto_rpo"));
  // Other fields are untouched.
  CHECK(value(some, "customer_name") == value(every, "customer_name"));
  // A set not asked for was not looked for: reading it cannot say "absent".
  CHECK_FALSE(topics(every, "ml_lifecycle").empty());
  CHECK_THROWS_AS(some.all("ml_lifecycle"), std::logic_error);
  CHECK_THROWS_AS(some.get("ml_lifecycle"), std::logic_error);
  // Every set: nothing skipped.
  CHECK_NOTHROW(every.all("ml_lifecycle"));
}

TEST_CASE("contains_lower says what lower(text).find(needle) says, without the copy") {
  const std::vector<std::string> texts = {"", "Lorem Ipsum dolor", "LOREM IPSUM", "lorem  ipsum", "x lorem ipsu",
                                          "Ünïcode LOREM ipsum ✓", "lorem\nipsum", "ipsum lorem", "LoReM iPsUm"};
  for (const std::string& t : texts) {
    for (std::string_view needle : {"lorem ipsum", "", "ipsum", "ünïcode", "m i"}) {
      INFO(t, " / ", needle);
      CHECK(extract::contains_lower(t, needle) == (extract::lower(t).find(needle) != std::string::npos));
    }
  }
  CHECK(extract::contains_lower("Filler: LOREM IPSUM.", "lorem ipsum"));
  CHECK_FALSE(extract::contains_lower("Lorem-ipsum", "lorem ipsum"));
}
