// AWS account IDs: the values of the aws_account_id field read as IDs, and
// unlabelled IDs anywhere in the text (ARNs, "1234-5678-9012").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/vocab.h"

namespace caselint::extract {

struct AccountId {
  std::string written;             // as written, "1234-5678-9012"
  std::string digits;              // separators removed, "123456789012"
  std::size_t begin = 0, end = 0;  // where in the value it was found
  bool placeholder = false;        // a stand-in: 123456789012, one digit twelve times, xxxx-xxxx-xxxx
  // Twelve digits, the form of every AWS account ID.
  bool twelve_digits() const;
};

// The account IDs in a field value: runs of digits (or masking x's) of at
// least four characters, with hyphens, dots or spaces between groups.
// "6120-3345-7781 (production), 5518 2063 7742" gives two; "on request" none.
std::vector<AccountId> parse_account_ids(std::string_view value, const AccountIdVocab& vocab);

}  // namespace caselint::extract
