// DynamoDB's reserved words, which an expression may not use as an attribute name unless it
// writes them through an ExpressionAttributeNames placeholder.
#pragma once

#include <string_view>

namespace ddblocal::expr {

// True when `word` (in any letter case) is one of DynamoDB's reserved words.
bool is_reserved_word(std::string_view word);

}  // namespace ddblocal::expr
