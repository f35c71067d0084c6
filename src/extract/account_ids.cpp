#include "extract/account_ids.h"

#include <algorithm>
#include <cctype>

namespace caselint::extract {

bool AccountId::twelve_digits() const {
  return digits.size() == 12 &&
         std::all_of(digits.begin(), digits.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

std::vector<AccountId> parse_account_ids(std::string_view value, const AccountIdVocab& vocab) {
  // Groups of digits or mask characters; a group separator is a hyphen, dash
  // or dot (spaces around it allowed) or a single space.
  static const Pattern token("(?<![\\w])[0-9x*#]+(?:(?:\\s*[-–.]\\s*| )[0-9x*#]+)*(?![\\w])");
  std::vector<AccountId> out;
  std::size_t from = 0;
  while (auto m = token.find(value, from)) {
    from = m->end > from ? m->end : from + 1;
    AccountId id;
    id.written = std::string(value.substr(m->begin, m->end - m->begin));
    for (char c : id.written) {
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '*' || c == '#') {
        id.digits += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
    }
    if (id.digits.size() < 4) continue;  // "2 accounts", "eu-west-1"
    id.begin = m->begin;
    id.end = m->end;
    id.placeholder = std::any_of(vocab.placeholders.begin(), vocab.placeholders.end(),
                                 [&](const Pattern& p) { return p.matches(id.digits); });
    out.push_back(std::move(id));
  }
  return out;
}

}  // namespace caselint::extract
