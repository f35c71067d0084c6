// Jupyter notebooks: parsing, positions in the .ipynb file, errors, and which
// rules run on them.
#include "test_support.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "extract/fields.h"
#include "parse/parse.h"
#include "rules/engine.h"

using namespace caselint;

namespace {

// A notebook as Jupyter writes it (indent 1, one source line per string).
const char* kNotebook = R"nb({
 "cells": [
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": [
    "# Churn prediction\n",
    "\n",
    "We ingest the \"raw\" data, then plot it.\n",
    "Second line of the paragraph."
   ]
  },
  {
   "cell_type": "code",
   "execution_count": 1,
   "metadata": {},
   "outputs": [{"output_type": "stream", "name": "stdout", "text": ["deployed\n"]}],
   "source": [
    "import pandas as pd\n",
    "df = df.dropna()"
   ]
  },
  {
   "cell_type": "raw",
   "metadata": {},
   "source": ["## Not read"]
  },
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": "## Training\n\nWe train the model."
  }
 ],
 "metadata": {},
 "nbformat": 4,
 "nbformat_minor": 5
}
)nb";

parse::ParseResult parse_nb(const std::string& text) {
  return parse::parse(load::SourceFile{"t.ipynb", text, doc::Format::ipynb});
}

std::set<std::string> codes_of(const std::string& text, doc::Format fmt, const std::string& forced = "") {
  load::SourceFile f{fmt == doc::Format::ipynb ? "t.ipynb" : "t.md", text, fmt};
  parse::ParseResult r = parse::parse(f);
  REQUIRE(r.document);
  extract::Fields fields = extract::extract_fields(*r.document, extract::Vocabulary::builtin());
  std::string profile = rules::document_profile(*r.document, fields, "", forced);
  std::set<std::string> out;
  for (const auto& d : rules::check_document(rules::RuleSet::builtin(), *r.document, fields, profile, {},
                                             rules::RunOptions{"2024-06-30"})) {
    out.insert(d.code);
  }
  return out;
}

}  // namespace

TEST_CASE("a notebook's Markdown cells become the document, with lines and columns in the .ipynb file") {
  parse::ParseResult r = parse_nb(kNotebook);
  REQUIRE(r.document);
  const doc::Document& d = *r.document;
  CHECK(d.format == doc::Format::ipynb);
  CHECK(d.title == "Churn prediction");
  // "# Churn prediction" is the string on line 7 (the opening brace is line 1); its text starts after the
  // quote in column 5, so the heading is at column 6.
  CHECK(d.title_range.start == doc::Position{7, 6});
  REQUIRE(d.sections.size() == 3);
  CHECK(d.sections[2].heading == "Training");
  // A single-string source: every line is on line 31, each at its own column
  // ("## Training" starts after the quote in column 14).
  CHECK(d.sections[2].heading_range.start == doc::Position{31, 15});
  const std::size_t train = d.plain_text().find("We train");
  REQUIRE(train != std::string::npos);
  CHECK(d.position_at(train) == doc::Position{31, 30});  // after "## Training\n\n"
  CHECK_FALSE(d.is_verbatim(train - 2, 10));              // the "\n" before it is an escape
  // The raw cell is not read; the output is, as an output code block at its
  // place in the notebook (its line 17, after the quote in column 69).
  CHECK(d.plain_text().find("Not read") == std::string::npos);
  auto output = std::find_if(d.blocks.begin(), d.blocks.end(), [](const doc::Block& b) { return b.output; });
  REQUIRE(output != d.blocks.end());
  CHECK(output->kind == doc::BlockKind::code);
  CHECK(output->text == "deployed");
  CHECK(d.position_at(output->text_offset) == doc::Position{17, 70});
  CHECK(std::count_if(d.blocks.begin(), d.blocks.end(), [](const doc::Block& b) { return b.output; }) == 1);
  // The paragraph starts on line 9, after the quote in column 5; its escaped
  // quotes are not copies of the file, the words around them are.
  auto para = std::find_if(d.blocks.begin(), d.blocks.end(), [](const doc::Block& b) {
    return b.kind == doc::BlockKind::paragraph && b.text.rfind("We ingest", 0) == 0;
  });
  REQUIRE(para != d.blocks.end());
  CHECK(para->range.start.line == 9);
  CHECK(para->range.start.column == 6);
  const std::size_t raw = para->text_offset + para->text.find("\"raw\"");
  CHECK_FALSE(d.is_verbatim(raw, 5));
  CHECK(d.is_verbatim(raw + 1, 3));
  CHECK(d.position_at(raw + 1) == doc::Position{9, 22});
  // Its second line comes from the next string, on line 10.
  std::size_t second = para->text.find("Second");
  CHECK(d.position_at(para->text_offset + second) == doc::Position{10, 6});
  // Code cells are code blocks; a match in their second line points there.
  auto code = std::find_if(d.blocks.begin(), d.blocks.end(), [](const doc::Block& b) { return b.kind == doc::BlockKind::code; });
  REQUIRE(code != d.blocks.end());
  CHECK(code->text == "import pandas as pd\ndf = df.dropna()");
  std::size_t dropna = code->text.find("dropna");
  CHECK(d.position_at(code->text_offset + dropna) == doc::Position{20, 14});
  CHECK(d.last_line == 37);
}

TEST_CASE("notebook steps are found in Markdown and in code cells") {
  parse::ParseResult r = parse_nb(kNotebook);
  REQUIRE(r.document);
  extract::Fields f = extract::extract_fields(*r.document, extract::Vocabulary::builtin());
  std::set<std::string> steps;
  for (const extract::Field* x : f.all("notebook_steps")) steps.insert(x->text);
  CHECK(steps == std::set<std::string>{"data_ingestion", "data_visualization", "data_cleaning", "model_training"});
  auto cleaning = std::find_if(f.items().begin(), f.items().end(),
                               [](const extract::Field& x) { return x.text == "data_cleaning"; });
  REQUIRE(cleaning != f.items().end());
  CHECK(cleaning->range.start == doc::Position{20, 13});  // ".dropna("
}

TEST_CASE("a file that is not a notebook is a parse error with a reason and a line") {
  parse::ParseResult bad = parse_nb("{\n \"cells\": [\n  {\"cell_type\": \"markdown\",}\n ]\n}\n");
  REQUIRE(bad.error);
  CHECK(bad.error->message.find("invalid JSON") != std::string::npos);
  CHECK(bad.error->line == 3);
  parse::ParseResult not_nb = parse_nb("{\"name\": \"package.json\"}\n");
  REQUIRE(not_nb.error);
  CHECK(not_nb.error->message.find("no \"cells\" list") != std::string::npos);
  parse::ParseResult v3 = parse_nb("{\"worksheets\": [], \"nbformat\": 3}\n");
  REQUIRE(v3.error);
  CHECK(v3.error->message.find("nbformat 3") != std::string::npos);
}

TEST_CASE("a notebook gets the notebook rules, a case study the case-study rules") {
  std::set<std::string> nb = codes_of(kNotebook, doc::Format::ipynb);
  CHECK(nb.count("CS143") == 1);  // feature engineering, selection, A/B, tuning, deployment missing
  for (const char* page_rule : {"CS101", "CS103", "CS110", "CS140", "CS142"}) {
    CAPTURE(page_rule);
    CHECK(nb.count(page_rule) == 0);
  }
  std::set<std::string> page = codes_of("# Churn prediction\n\nWe train a model.\n", doc::Format::markdown, "ml-consulting");
  CHECK(page.count("CS143") == 0);
  CHECK(page.count("CS101") == 1);
  CHECK(page.count("CS142") == 1);
}

TEST_CASE("notebook steps come from what the notebook does, not from stray words") {
  auto steps_of = [](const std::string& markdown, const std::string& code) {
    nlohmann::json nb = {{"cells",
                          {{{"cell_type", "markdown"}, {"metadata", nlohmann::json::object()}, {"source", markdown}},
                           {{"cell_type", "code"}, {"metadata", nlohmann::json::object()}, {"outputs", nlohmann::json::array()},
                            {"source", code}}}},
                         {"metadata", nlohmann::json::object()},
                         {"nbformat", 4},
                         {"nbformat_minor", 5}};
    parse::ParseResult r = parse_nb(nb.dump(1));
    REQUIRE(r.document);
    extract::Fields f = extract::extract_fields(*r.document, extract::Vocabulary::builtin());
    std::set<std::string> steps;
    for (const extract::Field* x : f.all("notebook_steps")) steps.insert(x->text);
    return steps;
  };
  // Stray words: a cleanup of resources, an import that draws nothing, a
  // choice to deploy.
  const auto stray = steps_of("## Cleanup\n\nDelete the endpoint when you are done. Then choose to deploy the model again.",
                              "import matplotlib.pyplot as plt\nsm_client.delete_endpoint(EndpointName=name)");
  CHECK_FALSE(stray.count("data_cleaning"));
  CHECK_FALSE(stray.count("data_visualization"));
  CHECK_FALSE(stray.count("model_selection"));
  // The work itself: Autopilot keeps the best candidate after tuning; two
  // weighted production variants are an A/B test; a chart is drawn.
  const auto work = steps_of(
      "Autopilot trains 20 candidates and keeps the best candidate by validation F1.",
      "sm.create_auto_ml_job(AutoMLJobName=job, InputDataConfig=inputs)\n"
      "best = sm.describe_auto_ml_job(AutoMLJobName=job)['BestCandidate']\n"
      "sm.create_endpoint_config(EndpointConfigName='ab', ProductionVariants=[\n"
      "  {'VariantName': 'a', 'ModelName': m1, 'InitialVariantWeight': 0.5},\n"
      "  {'VariantName': 'b', 'ModelName': m2, 'InitialVariantWeight': 0.5}])\n"
      "sns.histplot(df['tenure'])\n"
      "df = df.dropna()");
  CHECK(work.count("model_selection"));
  CHECK(work.count("parameter_tuning"));
  CHECK(work.count("ab_testing"));
  CHECK(work.count("data_visualization"));
  CHECK(work.count("data_cleaning"));
}
