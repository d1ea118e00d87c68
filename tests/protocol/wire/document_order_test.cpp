// serialization_error_in_document_order: of two top-level members of the wrong JSON type,
// DynamoDB reports the first in the document (its deserializer reads in document order;
// /work/notes/serialization-shapes.md), whatever order ddblocal's parser reads them in.
#include "protocol/wire/document_order.h"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "protocol/wire/requests.h"
#include "tests/protocol/wire/wire_test_util.h"

namespace ddblocal::wire {
namespace {

using test_util::parse_json;

constexpr std::string_view kItemNotAMap = "Unexpected field type";
constexpr std::string_view kNameNotAString = "NUMBER_VALUE cannot be converted to String";

// PutItem's answer for `body`: its parser's SerializationException, in document order.
std::string put_item_error(std::string_view body) {
  const JsonDocument document = parse_json(body);
  Result<PutItemRequest> parsed = parse_put_item(document);
  EXPECT_FALSE(parsed.has_value());
  if (parsed.has_value()) {
    return "";
  }
  EXPECT_EQ(parsed.error().type(), ErrorType::kSerialization);
  const ApiError error =
      serialization_error_in_document_order("PutItem", document, std::move(parsed).error());
  EXPECT_EQ(error.type(), ErrorType::kSerialization);
  return error.message();
}

TEST(SerializationErrorInDocumentOrder, TheFirstWrongMemberInTheDocumentWins) {
  // The parser reads TableName before Item.
  EXPECT_EQ(parse_put_item(parse_json(R"({"Item":23,"TableName":23})")).error().message(),
            kNameNotAString);
  EXPECT_EQ(put_item_error(R"({"Item":23,"TableName":23})"), kItemNotAMap);
  EXPECT_EQ(put_item_error(R"({"TableName":23,"Item":23})"), kNameNotAString);
}

TEST(SerializationErrorInDocumentOrder, RightMembersBeforeAndBetweenAreSkipped) {
  EXPECT_EQ(put_item_error(R"({"ReturnValues":"NONE","Item":[],"ConditionExpression":"x",)"
                           R"("TableName":false})"),
            "Unrecognized collection type java.util.Map<java.lang.String, "
            "com.amazonaws.dynamodb.v20120810.AttributeValue>");
}

TEST(SerializationErrorInDocumentOrder, AnOperationWithoutAParserKeepsTheError) {
  const JsonDocument document = parse_json(R"({"TableName":23})");
  EXPECT_EQ(serialization_error_in_document_order("DescribeEndpoints", document,
                                                  ApiError::serialization("given"))
                .message(),
            "given");
}

}  // namespace
}  // namespace ddblocal::wire
