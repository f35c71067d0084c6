// extract/tools.h: the third-party tool vocabulary and its matcher.
#include "test_support.h"

#include <stdexcept>
#include <string>
#include <vector>

#include "extract/services.h"
#include "extract/tools.h"

using namespace caselint;
using extract::ToolDictionary;

namespace {

const ToolDictionary& builtin() { return ToolDictionary::builtin(); }

// "name@begin" for each hit, the form's text checked against the offsets.
std::vector<std::string> hits(const ToolDictionary& d, std::string_view text) {
  std::vector<std::string> out;
  for (const auto& h : d.find(text)) {
    REQUIRE(h.begin < h.end);
    REQUIRE(h.end <= text.size());
    out.push_back(std::string(h.name) + "@" + std::to_string(h.begin));
  }
  return out;
}

std::vector<std::string> names(const ToolDictionary& d, std::string_view text) {
  std::vector<std::string> out;
  for (const auto& h : d.find(text)) out.emplace_back(h.name);
  return out;
}

using Strings = std::vector<std::string>;

// A small vocabulary for the matcher's rules, independent of the data.
const ToolDictionary& small() {
  static const ToolDictionary d = ToolDictionary::from_yaml(R"(
tools:
  - {name: Terraform, category: infrastructure-as-code, aliases: [HashiCorp Terraform, terraform]}
  - {name: GitHub, category: source-control}
  - {name: GitHub Actions, category: ci-cd}
  - {name: Node.js, category: runtime}
  - {name: "C#", category: language}
  - {name: "C++", category: language}
  - {name: ".NET", category: runtime}
  - {name: "Weights & Biases", category: ml-platform, aliases: ["W&B"]}
  - {name: scikit-learn, category: ml-platform}
  - {name: Argo CD, category: ci-cd}
  - {name: Grafana, category: monitoring}
  - {name: Ray, category: ml-platform}
  - {name: Kubernetes, category: containers}
blocked:
  - Amazon Managed Grafana
  - Amazon Elastic Kubernetes Service
)",
                                                            "small.yaml");
  return d;
}

}  // namespace

TEST_CASE("tools: the built-in vocabulary loads, with categories") {
  const ToolDictionary& d = builtin();
  CHECK(d.size() >= 400);
  CHECK(d.size() == d.tools().size());
  for (const auto& t : d.tools()) {
    CAPTURE(t.name);
    CHECK_FALSE(t.name.empty());
    CHECK_FALSE(t.category.empty());
    CHECK(d.lookup(t.name) == &t);
    for (std::string_view a : t.aliases) CHECK(d.lookup(a) == &t);
  }
  REQUIRE(d.lookup("Terraform"));
  CHECK(d.lookup("Terraform")->category == "infrastructure-as-code");
  CHECK(d.lookup("HashiCorp Terraform")->name == "Terraform");
  CHECK(d.lookup("Datadog")->category == "observability");
  CHECK(d.lookup("PagerDuty")->category == "incident-management");
  CHECK(d.lookup("Snowflake")->category == "data-warehouse");
  CHECK(d.lookup("Azure DevOps")->category == "ci-cd");
  CHECK(d.lookup("Jira")->category == "ticketing");
  CHECK(d.lookup("Okta")->category == "identity");
  // A sample of what case studies name, from simple-icons and from the extra file.
  for (const char* n : {"Pulumi", "Ansible", "Jenkins", "GitLab", "Bitbucket", "CircleCI", "Argo CD", "Helm",
                        "Kubernetes", "Docker", "New Relic", "Grafana", "Prometheus", "Splunk", "Elasticsearch",
                        "Opsgenie", "Slack", "Microsoft Teams", "Confluence", "ServiceNow", "Databricks", "Tableau",
                        "Power BI", "Looker", "dbt", "Airflow", "Kafka", "Confluent", "MongoDB", "PostgreSQL",
                        "MySQL", "Oracle Database", "SQL Server", "Redis", "Salesforce", "SAP", "Auth0",
                        "HashiCorp Vault", "Snyk", "SonarQube", "Trivy", "Wiz", "CrowdStrike", "Qlik", "Informatica",
                        "Talend", "Fivetran", "MLflow", "Weights & Biases", "Hugging Face", "TensorFlow", "PyTorch",
                        "scikit-learn", "Jupyter"}) {
    CAPTURE(n);
    CHECK(d.lookup(n) != nullptr);
  }
}

TEST_CASE("tools: a sentence's tools with their offsets and categories") {
  const std::string text = "We provisioned everything with Terraform, built in GitLab CI and alerted through Datadog.";
  auto found = builtin().find(text);
  REQUIRE(found.size() == 3);
  CHECK(text.substr(found[0].begin, found[0].end - found[0].begin) == "Terraform");
  CHECK(found[0].begin == 31);
  CHECK(found[0].name == "Terraform");
  CHECK(found[0].category == "infrastructure-as-code");
  CHECK(text.substr(found[1].begin, found[1].end - found[1].begin) == "GitLab CI");
  CHECK(found[1].name == "GitLab CI/CD");
  CHECK(found[1].category == "ci-cd");
  CHECK(text.substr(found[2].begin, found[2].end - found[2].begin) == "Datadog");
  CHECK(found[2].category == "observability");
  // An alias gives the tool's name; the hit spans the alias.
  const std::string alias = "Infrastructure is HashiCorp Terraform code.";
  auto a = builtin().find(alias);
  REQUIRE(a.size() == 1);
  CHECK(a[0].name == "Terraform");
  CHECK(alias.substr(a[0].begin, a[0].end - a[0].begin) == "HashiCorp Terraform");
}

TEST_CASE("tools: the longest form wins") {
  CHECK(hits(small(), "GitHub Actions runs on GitHub") == Strings{"GitHub Actions@0", "GitHub@23"});
  CHECK(names(builtin(), "GitHub Actions deploys") == Strings{"GitHub Actions"});
  CHECK(names(builtin(), "the GitLab CI/CD pipelines") == Strings{"GitLab CI/CD"});
  CHECK(names(builtin(), "Apache Kafka and Kafka") == Strings{"Apache Kafka", "Apache Kafka"});
  // A space in the form matches any run of whitespace, a line break included.
  CHECK(names(small(), "GitHub\n  Actions") == Strings{"GitHub Actions"});
  // But not none: "GitHubActions" is one word.
  CHECK(names(small(), "GitHubActions").empty());
}

TEST_CASE("tools: whole words only") {
  const ToolDictionary& d = small();
  CHECK(names(d, "Terraformed").empty());
  CHECK(names(d, "preTerraform").empty());
  CHECK(names(d, "Terraform_module").empty());
  CHECK(names(d, "Terraform2").empty());
  CHECK(names(d, "Terraformé").empty());
  // Punctuation and symbols end a word, ASCII or not.
  CHECK(names(d, "Terraform's state") == Strings{"Terraform"});
  CHECK(names(d, "Terraform\u2019s state") == Strings{"Terraform"});
  CHECK(names(d, "(Terraform)") == Strings{"Terraform"});
  CHECK(names(d, "\u201cTerraform\u201d") == Strings{"Terraform"});
  CHECK(names(d, "Terraform\u2122") == Strings{"Terraform"});
  CHECK(names(d, "Terraform/Kubernetes") == Strings{"Terraform", "Kubernetes"});
  CHECK(names(d, "**Terraform**") == Strings{"Terraform"});
  CHECK(names(d, "Terraform\u00a0and\u00a0Grafana") == Strings{"Terraform", "Grafana"});
  // A hyphen after is fine; one after a word before is not ("X-Ray").
  CHECK(names(d, "Terraform-managed stacks") == Strings{"Terraform"});
  CHECK(names(d, "AWS X-Ray traces") == Strings{});
  CHECK(names(d, "a Ray cluster") == Strings{"Ray"});
  CHECK(names(d, "- Ray") == Strings{"Ray"});
  // A dot joined to a word on either side makes another name.
  CHECK(names(d, "see terraform.io") == Strings{});
  CHECK(names(d, "foo.Terraform") == Strings{});
  CHECK(names(d, "Terraform.") == Strings{"Terraform"});
  CHECK(names(d, "Terraform. Then") == Strings{"Terraform"});
}

TEST_CASE("tools: forms with punctuation") {
  const ToolDictionary& d = small();
  CHECK(hits(d, "a Node.js service") == Strings{"Node.js@2"});
  CHECK(names(d, "Node. js").empty());
  CHECK(names(d, "in C# and C++, on .NET") == Strings{"C#", "C++", ".NET"});
  CHECK(names(d, "ASP.NET").empty());
  CHECK(names(d, "C#x").empty());
  CHECK(names(d, "tracked in Weights & Biases (W&B)") == Strings{"Weights & Biases", "Weights & Biases"});
  CHECK(names(d, "Weights &Biases").empty());
  CHECK(names(d, "scikit-learn models") == Strings{"scikit-learn"});
  CHECK(names(d, "scikit learn").empty());
  CHECK(names(d, "deployed by Argo CD") == Strings{"Argo CD"});
  CHECK(names(d, "deployed by Argo").empty());
}

TEST_CASE("tools: case-sensitive as written") {
  const ToolDictionary& d = small();
  CHECK(names(d, "TERRAFORM") == Strings{});
  CHECK(names(d, "TerraForm") == Strings{});
  CHECK(names(d, "github actions") == Strings{});
  // An all-lowercase alias is a form of its own.
  CHECK(names(d, "run terraform apply") == Strings{"Terraform"});
  CHECK(names(builtin(), "kubectl and kubernetes") == Strings{"Kubernetes"});
  CHECK(names(builtin(), "grafana") == Strings{"Grafana"});
  // None for names that are also words.
  CHECK(names(builtin(), "a snowflake schema at the helm") == Strings{});
}

TEST_CASE("tools: no tool inside a URL or an e-mail address") {
  const ToolDictionary& d = small();
  CHECK(names(d, "https://github.com/acme/terraform-modules").empty());
  CHECK(names(d, "see https://example.com/Terraform, then Terraform") == Strings{"Terraform"});
  CHECK(names(d, "[Terraform](https://terraform.example/Terraform) docs") == Strings{"Terraform"});
  CHECK(names(d, "at www.terraform.example or Grafana") == Strings{"Grafana"});
  CHECK(names(d, "mail terraform@example.com or Terraform.Team@example.com") == Strings{});
  CHECK(names(d, "mail terraform@example.com about Terraform") == Strings{"Terraform"});
  CHECK(names(d, "@Terraform") == Strings{"Terraform"});
}

TEST_CASE("tools: blocked phrases give no hit") {
  const ToolDictionary& d = small();
  CHECK(names(d, "Amazon Managed Grafana dashboards") == Strings{});
  CHECK(names(d, "Grafana on Amazon Elastic Kubernetes Service") == Strings{"Grafana"});
  CHECK(names(d, "Amazon Managed Kubernetes") == Strings{"Kubernetes"});
  // In the built-in vocabulary: AWS names holding a tool's name, and compatibility wording.
  const ToolDictionary& b = builtin();
  CHECK(names(b, "We moved from Grafana to Amazon Managed Grafana.") == Strings{"Grafana"});
  CHECK(names(b, "Amazon Managed Service for Prometheus") == Strings{});
  CHECK(names(b, "Amazon Managed Streaming for Apache Kafka (Amazon MSK)") == Strings{});
  CHECK(names(b, "Amazon Managed Workflows for Apache Airflow") == Strings{});
  CHECK(names(b, "Amazon Elastic Kubernetes Service (Amazon EKS)") == Strings{});
  CHECK(names(b, "migrated PostgreSQL to Aurora PostgreSQL") == Strings{"PostgreSQL"});
  CHECK(names(b, "Amazon RDS for Oracle") == Strings{});
  CHECK(names(b, "a PostgreSQL-compatible engine") == Strings{});
  CHECK(names(b, "Amazon DocumentDB (with MongoDB compatibility)") == Strings{});
  CHECK(names(b, "Amazon FSx for NetApp ONTAP") == Strings{});
}

TEST_CASE("tools: AWS names are never tools") {
  const ToolDictionary& b = builtin();
  for (const char* aws : {"Amazon", "AWS", "CloudWatch", "Amazon CloudWatch", "Amazon S3", "S3", "Lambda",
                          "AWS Lambda", "DynamoDB", "Aurora", "Redshift", "Kinesis", "SageMaker", "Bedrock", "EKS",
                          "Amazon Neptune", "Neptune", "OpenSearch", "Elastic Beanstalk", "X-Ray", "CodePipeline"}) {
    CAPTURE(aws);
    CHECK(b.lookup(aws) == nullptr);
    CHECK(b.find(aws).empty());
  }
  // No tool's form starts with Amazon or AWS, or is a form of an AWS service.
  const extract::ServiceDictionary& services = extract::ServiceDictionary::builtin();
  for (const auto& t : b.tools()) {
    std::vector<std::string_view> forms = t.aliases;
    forms.push_back(t.name);
    for (std::string_view f : forms) {
      CAPTURE(f);
      CHECK(f.rfind("Amazon", 0) != 0);
      CHECK(f.rfind("AWS", 0) != 0);
      for (const auto& s : services.find_services(f)) {
        CHECK_FALSE((s.begin == 0 && s.end == f.size()));
      }
    }
  }
  CHECK(names(b, "We use Amazon CloudWatch, AWS CodePipeline and Amazon S3.") == Strings{});
}

TEST_CASE("tools: denied generic words are no tools") {
  const ToolDictionary& b = builtin();
  for (const char* word : {"Go", "Make", "Swift", "Rust", "Chef", "Ray", "Kong", "Vault", "Consul", "Nomad", "Notion",
                           "Linear", "Box", "Square", "Elastic", "Serverless", "Apache", "Salt", "Harness", "Argo",
                           "Spanner", "Teams", "Segment", "Loki", "SAS", "Gremlin", "Claude"}) {
    CAPTURE(word);
    CHECK(names(b, word) == Strings{});
  }
  CHECK(names(b, "Go live in Hong Kong, said Ray.") == Strings{});
  CHECK(names(b, "Serverless architecture on AWS Lambda with AWS X-Ray") == Strings{});
  CHECK(names(b, "Elastic Load Balancing and AWS Elastic Beanstalk") == Strings{});
  // Their multi-word forms are tools.
  CHECK(names(b, "HashiCorp Vault, Kong Gateway, Chef Infra and Argo CD") ==
        Strings{"HashiCorp Vault", "Kong Gateway", "Chef Infra", "Argo CD"});
}

TEST_CASE("tools: a longer text is read in one pass, hits in order and not overlapping") {
  // Not a timing test: it checks that a text of many sentences (and no
  // spaces at all, the tokenizer's worst case) gives every hit, in order.
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "We deploy with Terraform and GitHub Actions to Kubernetes. ";
  auto found = builtin().find(text);
  REQUIRE(found.size() == 6000);
  for (std::size_t i = 1; i < found.size(); ++i) CHECK(found[i - 1].end <= found[i].begin);
  CHECK(found[4].name == "GitHub Actions");
  std::string dense(100000, '.');
  CHECK(builtin().find(dense).empty());
  std::string words;
  for (int i = 0; i < 20000; ++i) words += "GitHub/";
  CHECK(builtin().find(words).size() == 20000);
  CHECK(builtin().find("").empty());
  // Far into a long text, addresses are still masked and forms still whole.
  std::string far;
  for (int i = 0; i < 10000; ++i) far += "x ";
  CHECK(names(small(), far + "terraform@example.com https://x.example/Terraform Argo\nCD") == Strings{"Argo CD"});
  CHECK(hits(small(), far + "Terraform") == Strings{"Terraform@20000"});
}

TEST_CASE("tools: from_yaml rejects a malformed vocabulary") {
  auto load = [](const char* yaml) { return ToolDictionary::from_yaml(yaml, "t.yaml"); };
  CHECK_THROWS_WITH_AS(load("tools: ["), doctest::Contains("t.yaml:"), std::runtime_error);
  CHECK_THROWS_AS(load("tools: {}"), std::runtime_error);
  CHECK_THROWS_AS(load("other: []"), std::runtime_error);
  CHECK_THROWS_WITH_AS(load("tools:\n  - {name: A}\n"), doctest::Contains("category is missing"), std::runtime_error);
  CHECK_THROWS_WITH_AS(load("tools:\n  - {name: '', category: x}\n"), doctest::Contains("t.yaml:2"),
                       std::runtime_error);
  CHECK_THROWS_WITH_AS(load("tools:\n  - {name: A, category: x, aliases: [B]}\n  - {name: B, category: y}\n"),
                       doctest::Contains("already a form of A"), std::runtime_error);
  CHECK_THROWS_WITH_AS(load("tools:\n  - {name: A, category: x}\nblocked: [A]\n"),
                       doctest::Contains("is a form of A"), std::runtime_error);
  CHECK_THROWS_AS(load("tools:\n  - {name: '  ', category: x}\n"), std::runtime_error);
  CHECK(load("tools: []\n").size() == 0);
  CHECK(load("tools: []\n").find("anything").empty());
  // Moved, the dictionary's views stay valid.
  ToolDictionary d = load("tools:\n  - {name: Go, category: language}\n");
  ToolDictionary moved = std::move(d);
  auto h = moved.find("in Go");
  REQUIRE(h.size() == 1);
  CHECK(h[0].name == "Go");
  CHECK(h[0].category == "language");
}
