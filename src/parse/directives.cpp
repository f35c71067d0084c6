#include <sstream>

#include "parse/parse.h"

namespace caselint::parse {

std::optional<doc::Directive> parse_directive(std::string_view comment, int line) {
  std::string text(comment);
  // Strip `<!--` / `-->` when given the whole comment.
  if (text.rfind("<!--", 0) == 0) text.erase(0, 4);
  if (auto end = text.rfind("-->"); end != std::string::npos) text.erase(end);
  std::istringstream in(text);
  std::string word;
  if (!(in >> word)) return std::nullopt;
  doc::Directive d;
  d.line = line;
  if (word == "caselint-disable") {
    d.kind = doc::Directive::Kind::disable;
  } else if (word == "caselint-enable") {
    d.kind = doc::Directive::Kind::enable;
  } else if (word == "caselint-disable-next-line") {
    d.kind = doc::Directive::Kind::disable_next_line;
  } else {
    return std::nullopt;
  }
  while (in >> word) {
    // Allow "CS101,CS104" as well as space-separated codes.
    std::stringstream parts(word);
    std::string code;
    while (std::getline(parts, code, ',')) {
      if (!code.empty()) d.codes.push_back(code);
    }
  }
  return d;
}

}  // namespace caselint::parse
