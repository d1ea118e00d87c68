// Shared checks for the request-parsing tests: a body parsed as JSON, and the message of the
// ValidationException a parse must fail with.
#pragma once

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "protocol/api_error.h"
#include "protocol/result.h"
#include "protocol/wire/classic_members.h"
#include "protocol/wire/json.h"

namespace ddblocal::wire::test_util {

// The parsed document; a test failure if `text` is not valid JSON.
inline JsonDocument parse_json(std::string_view text) {
  JsonDocument document;
  document.Parse(text.data(), text.size());
  EXPECT_FALSE(document.HasParseError()) << text;
  return document;
}

// The ValidationException's message; a test failure (and "") if `result` is anything else.
template <typename T>
std::string validation_message(const Result<T>& result) {
  EXPECT_FALSE(result.has_value());
  if (result.has_value()) {
    return "";
  }
  EXPECT_EQ(result.error().type(), ErrorType::kValidation) << result.error().message();
  return result.error().message();
}

// The classic members of a body, and the body their views point into.
struct Classic {
  explicit Classic(std::string_view body, const ClassicMembersTaken& taken)
      : document(parse_json(body)) {
    Result<ClassicMembers> read = read_classic_members(document, taken);
    EXPECT_TRUE(read.has_value()) << body << ": " << read.error().message();
    if (read.has_value()) {
      members = std::move(read).value();
    }
  }
  JsonDocument document;
  ClassicMembers members;
};

}  // namespace ddblocal::wire::test_util
