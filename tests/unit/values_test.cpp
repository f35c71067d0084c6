#include "test_support.h"

#include <algorithm>

#include "extract/account_ids.h"
#include "extract/dates.h"
#include "extract/fields.h"
#include "extract/values.h"
#include "parse/parse.h"

using namespace caselint;

namespace {

extract::Fields fields_of(const std::string& text) {
  load::SourceFile f{"t.md", text, doc::Format::markdown};
  parse::ParseResult r = parse::parse(f);
  REQUIRE(r.document);
  return extract::extract_fields(*r.document, extract::Vocabulary::builtin());
}

std::vector<std::string> stages(std::string_view sentence) {
  std::vector<std::string> out;
  for (const auto& s : extract::find_stages(sentence, extract::Vocabulary::builtin().production())) {
    out.push_back(s.stage + (s.current ? "" : "?"));
  }
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("quarters: a start is the quarter's first month, an end its last") {
  auto q = extract::find_date("Q3 2023");
  REQUIRE(q);
  CHECK(q->iso() == "2023-07");
  CHECK(q->iso_last() == "2023-09");
  CHECK(q->key_last() == 20230931);
  auto r = extract::find_date_range("Q1 - Q3 2023");
  REQUIRE(r);
  CHECK(r->first.iso() == "2023-01");
  CHECK(r->second.iso_last() == "2023-09");
  r = extract::find_date_range("Q4 – Q1 2024");
  REQUIRE(r);
  CHECK(r->first.iso() == "2023-10");
  r = extract::find_date_range("Q1 2023 to Q2 2023");
  REQUIRE(r);
  CHECK(r->second.iso_last() == "2023-06");
  // Other forms of the issue: month ranges, ISO months, month names.
  r = extract::find_date_range("Jan 2023 - Jun 2023");
  REQUIRE(r);
  CHECK(r->first.iso() == "2023-01");
  CHECK(r->second.iso() == "2023-06");
  r = extract::find_date_range("from 2022-11 until 2023-04");
  REQUIRE(r);
  CHECK(r->second.iso() == "2023-04");
  r = extract::find_date_range("03/04/2023 - 05/06/2023");
  REQUIRE(r);
  CHECK(r->first.ambiguous);
  CHECK(r->second.ambiguous);
}

TEST_CASE("a field's ISO value reads back, and months count back on the calendar") {
  CHECK(extract::parse_iso_value("2023-05")->key_first() == 20230501);
  CHECK(extract::parse_iso_value("2023-05-17")->key_last() == 20230517);
  CHECK_FALSE(extract::parse_iso_value("2023-13"));
  CHECK_FALSE(extract::parse_iso_value("May 2023"));
  CHECK(extract::months_before(*extract::parse_iso_date("2024-06-30"), 12).iso() == "2023-06-30");
  CHECK(extract::months_before(*extract::parse_iso_date("2024-02-29"), 12).iso() == "2023-02-28");
  CHECK(extract::months_before(*extract::parse_iso_date("2024-03-31"), 1).iso() == "2024-02-29");
  CHECK(extract::months_before(*extract::parse_iso_date("2024-01-15"), 13).iso() == "2022-12-15");
}

TEST_CASE("account IDs: grouped forms, wrong lengths, placeholders") {
  const extract::AccountIdVocab& av = extract::Vocabulary::builtin().account_ids();
  auto ids = extract::parse_account_ids("6120-3345-7781 (production), 5518 2063 7742 in eu-west-1", av);
  REQUIRE(ids.size() == 2);
  CHECK(ids[0].digits == "612033457781");
  CHECK(ids[0].written == "6120-3345-7781");
  CHECK(ids[0].twelve_digits());
  CHECK_FALSE(ids[0].placeholder);
  CHECK(ids[1].digits == "551820637742");
  ids = extract::parse_account_ids("4821-7730-195", av);
  REQUIRE(ids.size() == 1);
  CHECK(ids[0].digits.size() == 11);
  CHECK_FALSE(ids[0].twelve_digits());
  for (const char* p : {"123456789012", "1234-5678-9012", "000000000000", "7777 7777 7777", "xxxx-xxxx-xxxx",
                        "XXXXXXXXXXXX", "1234-xxxx-5678"}) {
    CAPTURE(p);
    ids = extract::parse_account_ids(p, av);
    REQUIRE(ids.size() == 1);
    CHECK(ids[0].placeholder);
  }
  CHECK(extract::parse_account_ids("on request", av).empty());
}

TEST_CASE("account IDs: masks are usable values, unlabelled IDs in the text are found") {
  extract::Fields f = fields_of(
      "# T\n\n**AWS account ID:** XXXXXXXXXXXX\n\nThe role arn:aws:iam::445566778899:role/Admin and the "
      "registry 445566778899.dkr.ecr.eu-west-1.amazonaws.com; console account 2290-7714-5038.\n\n"
      "Call +44 20 7946 0958 about order INV-2023-0042.\n");
  REQUIRE(f.get("aws_account_id"));
  CHECK(f.get("aws_account_id")->text == "XXXXXXXXXXXX");
  Strings mentions;
  for (const extract::Field* m : f.all("_account_id_mention")) mentions.push_back(m->text);
  CHECK(mentions == Strings{"445566778899", "445566778899", "2290-7714-5038"});
  CHECK(f.all("_account_id_mention")[0]->range.start == doc::Position{5, 23});
  extract::Fields tbd = fields_of("# T\n\n**AWS account ID:** TBD\n");
  CHECK(tbd.get("aws_account_id") == nullptr);
}

TEST_CASE("production status: current wording, mentions, transitions") {
  CHECK(stages("The platform is still in pilot at two stores.") == Strings{"pilot"});
  CHECK(stages("The project is in the POC phase.") == Strings{"proof-of-concept"});
  CHECK(stages("During the POC phase we replayed traffic.") == Strings{"proof-of-concept?"});
  CHECK(stages("The PoC showed a 30% gain.") == Strings{"proof-of-concept?"});
  CHECK(stages("The model is currently in development.") == Strings{"development"});
  CHECK(stages("The service is not yet in production.") == Strings{"development"});
  CHECK(stages("We moved from POC to production in March.") == Strings{"production"});
  CHECK(stages("After a successful pilot, the system went live in production.") == Strings{"production"});
  CHECK(stages("Following the pilot, all 14 stores were connected.").empty());
  CHECK(stages("The autopilot of the vans and the GitHub Copilot licence were out of scope.").empty());
  CHECK(stages("Product development took 4 weeks.").empty());
}

TEST_CASE("production status field: labels normalised, mentions only without production") {
  extract::Fields f = fields_of("# T\n\n**Status:** Pilot\n\nThe POC showed a 30% gain.\n");
  Strings values;
  for (const extract::Field* x : f.all("production_status")) {
    if (x->state == extract::FieldState::ok) values.push_back(x->text);
  }
  CHECK(values == Strings{"pilot", "proof-of-concept"});
  CHECK(f.all("production_status")[1]->label == "The POC showed a 30% gain.");

  extract::Fields live = fields_of("# T\n\nThe POC showed a 30% gain. The service went live in May 2024.\n");
  REQUIRE(live.get("production_status"));
  CHECK(live.get("production_status")->text == "production");
  CHECK(live.all("production_status").size() == 1);

  extract::Fields draft = fields_of("---\nstatus: draft\n---\n# T\n");
  CHECK(draft.get("production_status") == nullptr);
}

TEST_CASE("end dates: a quarter ends in its last month; planned end dates are marked") {
  extract::Fields f = fields_of("# T\n\n**Project dates:** Q1 - Q3 2024 (expected)\n");
  REQUIRE(f.get("end_date"));
  CHECK(*f.get("end_date")->iso == "2024-09");
  CHECK(*f.get("start_date")->iso == "2024-01");
  CHECK(f.all("_end_date_planned").size() == 1);
  extract::Fields planned = fields_of("# T\n\n**Planned end date:** 2025-03-31\n");
  REQUIRE(planned.get("end_date"));
  CHECK(planned.all("_end_date_planned").size() == 1);
  extract::Fields done = fields_of("# T\n\n**End date:** 2023-03-31\n");
  CHECK(done.all("_end_date_planned").empty());
}

TEST_CASE("an ambiguous numeric date takes the order of the document's other project dates") {
  extract::Fields f = fields_of("# T\n\n**Timeline:** 01/02/2024 – 30/06/2024\n");
  REQUIRE(f.get("start_date"));
  CHECK(*f.get("start_date")->iso == "2024-02-01");
  CHECK_FALSE(f.get("start_date")->ambiguous_date);
  extract::Fields us = fields_of("# T\n\n**Start date:** 03/04/2023  \n**End date:** 09/25/2023\n");
  CHECK(*us.get("start_date")->iso == "2023-03-04");
  CHECK_FALSE(us.get("start_date")->ambiguous_date);
  extract::Fields both = fields_of("# T\n\n**Start date:** 03/04/2023  \n**End date:** 09/10/2023\n");
  CHECK(both.get("start_date")->ambiguous_date);
  CHECK(both.get("end_date")->ambiguous_date);
}
