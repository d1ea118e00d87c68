// Tests for parse_request_body: what it accepts, and that malformed JSON, bad UTF-8, roots that
// are not objects and excessive nesting (up to 100,000 levels) all become DynamoDB's bare
// SerializationException without crashing.
#include "protocol/wire/json.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace ddblocal::wire {
namespace {

// `levels` of JSON nesting in all, the body object included.
std::string nested_body(int levels, char open, char close) {
  std::string key = open == '{' ? "\"a\":" : "";
  std::string text = "{\"a\":";
  for (int i = 1; i < levels; ++i) {
    text += open;
    if (i + 1 < levels) {
      text += key;
    }
  }
  text.append(levels - 1, close);
  return text + "}";
}

void expect_bare_serialization_error(std::string_view body) {
  JsonDocument document;
  Result<void> result = parse_request_body(body, document);
  ASSERT_FALSE(result.has_value()) << "accepted: " << body.substr(0, 80);
  EXPECT_EQ(result.error().type(), ErrorType::kSerialization);
  // DynamoDB sends no message for a body it cannot read.
  EXPECT_EQ(result.error().message(), "");
}

TEST(ParseRequestBody, ReadsAnObject) {
  JsonDocument document;
  ASSERT_TRUE(
      parse_request_body(R"( {"TableName":"t","Limit":5,"Item":{"a":{"S":"x"}}} )", document)
          .has_value());
  ASSERT_TRUE(document.IsObject());
  EXPECT_STREQ(document["TableName"].GetString(), "t");
  EXPECT_EQ(document["Limit"].GetInt(), 5);
  EXPECT_STREQ(document["Item"]["a"]["S"].GetString(), "x");
}

TEST(ParseRequestBody, KeepsEscapedNulsInStrings) {
  JsonDocument document;
  ASSERT_TRUE(parse_request_body(R"({"a":"x\u0000y"})", document).has_value());
  EXPECT_EQ(std::string(document["a"].GetString(), document["a"].GetStringLength()),
            std::string("x\0y", 3));
}

TEST(ParseRequestBody, KeepsDuplicateMembersForTheGettersToResolve) {
  JsonDocument document;
  ASSERT_TRUE(parse_request_body(R"({"TableName":"a","TableName":"b"})", document).has_value());
  EXPECT_EQ(document.MemberCount(), 2u);
}

TEST(ParseRequestBody, RejectsMalformedJson) {
  // Alternator's test_incorrect_json cases, which DynamoDB rejects.
  const std::vector<std::string> bodies = {
      "}}}",
      "}{",
      "habababa",
      "124463gwe",
      "><#",
      "????",
      R"(""")",
      R"({"""})",
      R"({""})",
      "{7}",
      "{3: }}",
      R"({"2":{})",
      ",",
      "{,}",
      "{{}}",
      R"("a": "b")",
      "{{{",
      // Not in Alternator's list: empty bodies, trailing content (which DynamoDB Local ignores),
      // and JSON that lenient parsers accept.
      "",
      " ",
      "{} x",
      "{}{}",
      "{'a':1}",
      R"({"a":01})",
      R"({"a":tru})",
      R"({"a":"\x"})",
      R"({"a":1,})",
  };
  for (const std::string& body : bodies) {
    expect_bare_serialization_error(body);
  }
  // Every proper prefix of a valid request.
  const std::string request = R"({"TableName": "t", "Item": {"p": {"S": "x"}, "c": {"S": "x"}}})";
  for (std::size_t length = 0; length < request.size(); ++length) {
    expect_bare_serialization_error(request.substr(0, length));
  }
}

TEST(ParseRequestBody, RejectsRootsThatAreNotObjects) {
  for (const char* body : {"[]", "7", "\"a\"", "null", "true", "[{}]"}) {
    expect_bare_serialization_error(body);
  }
}

TEST(ParseRequestBody, RejectsInvalidUtf8) {
  const std::vector<std::string> bodies = {
      "{\"a\":\"\xff\xfe\"}",             // bytes that never occur in UTF-8
      "{\"a\":\"\xc0\xaf\"}",             // overlong encoding of '/'
      "{\"a\":\"\xc3\"}",                 // truncated sequence
      "{\"a\":\"\xed\xa0\x80\"}",         // an encoded surrogate
      "{\"\xe9t\xe9\":\"x\"}",            // Latin-1 in a member name
      "{\"a\":\"\\ud800\"}",              // an escaped lone high surrogate
      "{\"a\":\"x\\udc00y\"}",            // an escaped lone low surrogate
      "{\"\\udfff\":\"x\"}",              // ... in a member name
      std::string("{\"a\":\"x\0\"}", 9),  // a raw NUL
  };
  for (const std::string& body : bodies) {
    expect_bare_serialization_error(body);
  }
}

TEST(ParseRequestBody, AcceptsMultibyteUtf8) {
  JsonDocument document;
  ASSERT_TRUE(parse_request_body("{\"\xc3\xa9\":\"\xf0\x9f\x98\x80 \\ud83d\\ude00\"}", document)
                  .has_value());
  EXPECT_STREQ(document["\xc3\xa9"].GetString(), "\xf0\x9f\x98\x80 \xf0\x9f\x98\x80");
}

// U+D7FF and U+E000 border the surrogates; their encodings (ED 9F BF, EE 80 80) are characters.
TEST(ParseRequestBody, AcceptsTheCharactersBesideTheSurrogates) {
  JsonDocument document;
  ASSERT_TRUE(parse_request_body("{\"\\ud7ff\":\"\xed\x9f\xbf\\ue000\"}", document).has_value());
  EXPECT_STREQ(document["\xed\x9f\xbf"].GetString(), "\xed\x9f\xbf\xee\x80\x80");
}

TEST(ParseRequestBody, AllowsNestingUpToTheLimit) {
  for (char open : {'{', '['}) {
    char close = open == '{' ? '}' : ']';
    JsonDocument document;
    EXPECT_TRUE(parse_request_body(nested_body(1000, open, close), document).has_value());
    expect_bare_serialization_error(nested_body(1001, open, close));
  }
}

TEST(ParseRequestBody, RejectsHundredThousandLevelsWithoutRecursing) {
  expect_bare_serialization_error(nested_body(100000, '[', ']'));
  expect_bare_serialization_error(nested_body(100000, '{', '}'));
  // Alternator's test_deeply_nested_put, and one that is not even closed.
  std::string deep_item = R"({"TableName":"t","Item":{"p":{"S":"x"},"a":)";
  for (int i = 0; i < 100000; ++i) {
    deep_item += R"({"":)";
  }
  expect_bare_serialization_error(deep_item);
  deep_item += "{}";
  deep_item.append(100000, '}');
  expect_bare_serialization_error(deep_item + "}}");
}

}  // namespace
}  // namespace ddblocal::wire
