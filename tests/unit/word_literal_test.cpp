#include "test_support.h"

#include <string>

#include "extract/vocab.h"
#include "extract/word_literal.h"

using namespace caselint;

namespace {

// The pattern the literal search replaces; both must agree on every subject.
std::string by_pattern(const std::string& name, const std::string& subject) {
  extract::Pattern p("(?<!\\w)\\Q" + name + "\\E(?!\\w)");
  auto m = p.find(subject);
  return m ? std::to_string(m->begin) + "-" + std::to_string(m->end) : "none";
}

std::string by_literal(const std::string& name, const std::string& subject) {
  auto m = extract::WordLiteral(name).find(subject);
  return m ? std::to_string(m->begin) + "-" + std::to_string(m->end) : "none";
}

}  // namespace

TEST_CASE("a name is found as a whole word, in any case, as the pattern finds it") {
  struct Case {
    const char* name;
    const char* subject;
    const char* expected;
  } cases[] = {
      {"Harbor Analytics", "How HARBOR analytics cut costs", "4-20"},
      {"Harbor Analytics", "Harbor Analyticsware is another firm", "none"},
      {"Harbor", "SeaHarbor and then Harbor.", "19-25"},
      {"Harbor", "Harbor_x Harbor", "9-15"},
      {"Acme", "Café Acme, Acmé", "6-10"},        // the second is "Acmé", not a whole word
      {"Acme", "Acmé Acme", "6-10"},              // "Acmé": the é is a letter, so the first is not a whole word
      {"Acme", "éAcme Acme", "7-11"},             // a letter before, too
      {"Acme", "Acme\u00a0Corp", "0-4"},          // a no-break space is no word character
      {"Acme", "Acme\u0301 Acme", "0-4"},         // a combining mark is no word character to PCRE2
      {"Kestrel", "the \u212Aestrel Energy study", "4-13"},  // KELVIN SIGN (3 bytes) folds to k
      {"Sabletree", "\u017Fabletree", "0-10"},   // LONG S folds to s
      {"Zürich Re", "ZÜRICH RE and zürich re", "0-10"},
      {"C++ Shop", "the c++ shop", "4-12"},
      {"Ltd (UK)", "ltd (uk) again", "0-8"},
      {"Northwind", "", "none"},
  };
  for (const Case& c : cases) {
    std::string name = c.name, subject = c.subject, expected = c.expected;
    CAPTURE(name);
    CAPTURE(subject);
    CHECK(by_pattern(name, subject) == expected);
    CHECK(by_literal(name, subject) == expected);
  }
}
