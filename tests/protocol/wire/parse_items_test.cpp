// PutItem, GetItem, UpdateItem and DeleteItem parsing and the key checks against a table's schema:
// DynamoDB's exact messages (dynalite's tests recorded against DynamoDB, moto, real error
// reports; see /work/notes/messages-requests.md) and the requests built from good bodies.
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "protocol/wire/requests.h"
#include "protocol/wire/value_codec.h"
#include "tests/protocol/wire/wire_test_util.h"

namespace ddblocal::wire {
namespace {

using test_util::parse_json;
using test_util::validation_message;

constexpr std::string_view kTableNameNull =
    "Value null at 'tableName' failed to satisfy constraint: Member must not be null";
constexpr std::string_view kReturnValuesOnlyOld =
    "1 validation error detected: ReturnValues can only be ALL_OLD or NONE";
// Without the value, with DynamoDB's typo UPDATE_NEW (us-east-1 since 2026-08,
// nubo-db/dynamodb-conformance captures/2026-08-12-wording-drift.json).
constexpr std::string_view kReturnValuesNotInTheSet =
    "1 validation error detected: Failed to satisfy constraint: Member must satisfy enum value "
    "set: [ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATE_NEW, NONE]";

std::string table_name_violations(std::string_view name) {
  return "Value '" + std::string(name) +
         "' at 'tableName' failed to satisfy constraint: Member must satisfy regular "
         "expression pattern: [a-zA-Z0-9_.-]+; Value '" +
         std::string(name) +
         "' at 'tableName' failed to satisfy constraint: Member must have length greater than "
         "or equal to 3";
}

// --- PutItem ---

TEST(ParsePutItem, EmptyBodyListsTableNameAndItem) {
  EXPECT_EQ(validation_message(parse_put_item(parse_json("{}"))),
            "2 validation errors detected: " + std::string(kTableNameNull) +
                "; Value null at 'item' failed to satisfy constraint: Member must not be null");
}

// DynamoDB reads every member's JSON type before it validates any member: an expression member
// of the wrong type fails a body that also lacks TableName and Item.
TEST(ParsePutItem, MemberTypesComeBeforeConstraints) {
  for (const char* body :
       {R"({"ConditionExpression":true})", R"({"ExpressionAttributeNames":{"#a":5}})",
        R"({"ExpressionAttributeValues":{":v":{"L":[{"S":5}]}}})"}) {
    Result<PutItemRequest> parsed = parse_put_item(parse_json(body));
    ASSERT_FALSE(parsed.has_value()) << body;
    EXPECT_EQ(parsed.error().type(), ErrorType::kSerialization) << body;
  }
}

TEST(ParsePutItem, TableNameUsesTheModelConstraints) {
  EXPECT_EQ(validation_message(parse_put_item(parse_json(R"({"TableName":"a;","Item":{}})"))),
            "2 validation errors detected: " + table_name_violations("a;"));
  const std::string name(256, 'a');
  EXPECT_EQ(validation_message(
                parse_put_item(parse_json(R"({"TableName":")" + name + R"(","Item":{}})"))),
            "1 validation error detected: Value '" + name +
                "' at 'tableName' failed to satisfy constraint: Member must have length less "
                "than or equal to 255");
}

TEST(ParsePutItem, ListsEveryEnumViolation) {
  EXPECT_EQ(validation_message(parse_put_item(parse_json(
                R"({"TableName":"abc;","ReturnConsumedCapacity":"hi",
                    "ReturnItemCollectionMetrics":"hi","ReturnValues":"hi"})"))),
            "5 validation errors detected: "
            "Value 'hi' at 'returnConsumedCapacity' failed to satisfy constraint: "
            "Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; "
            "Value 'abc;' at 'tableName' failed to satisfy constraint: "
            "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
            "Value null at 'item' failed to satisfy constraint: Member must not be null; "
            "Failed to satisfy constraint: "
            "Member must satisfy enum value set: [ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATE_NEW, "
            "NONE]; "
            "Value 'hi' at 'returnItemCollectionMetrics' failed to satisfy constraint: "
            "Member must satisfy enum value set: [SIZE, NONE]");
}

TEST(ParsePutItem, ReturnValuesOtherThanOldItemAreRejected) {
  for (std::string value : {"UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"}) {
    EXPECT_EQ(validation_message(parse_put_item(parse_json(
                  R"({"TableName":"abc","Item":{},"ReturnValues":")" + value + R"("})"))),
              kReturnValuesOnlyOld)
        << value;
  }
}

TEST(ParsePutItem, ReturnValuesAreCaseSensitive) {
  EXPECT_EQ(validation_message(parse_put_item(
                parse_json(R"({"TableName":"abc","Item":{},"ReturnValues":"none"})"))),
            kReturnValuesNotInTheSet);
}

TEST(ParsePutItem, ReadsTableItemAndReturnValues) {
  auto result = parse_put_item(parse_json(
      R"({"TableName":"Music","Item":{"a":{"S":"x"},"n":{"N":"1.50"}},"ReturnValues":"ALL_OLD"})"));
  ASSERT_TRUE(result) << result.error().message();
  EXPECT_EQ(result->table_name, "Music");
  ASSERT_EQ(result->item.size(), 2u);
  EXPECT_EQ(result->item.at("a"), AttributeValue(std::string("x")));
  EXPECT_EQ(result->item.at("n").type(), ValueType::kN);
  EXPECT_EQ(result->return_values, ReturnValues::kAllOld);

  auto defaulted = parse_put_item(parse_json(R"({"TableName":"Music","Item":{}})"));
  ASSERT_TRUE(defaulted);
  EXPECT_EQ(defaulted->return_values, ReturnValues::kNone);
  auto none =
      parse_put_item(parse_json(R"({"TableName":"Music","Item":{},"ReturnValues":"NONE"})"));
  ASSERT_TRUE(none);
  EXPECT_EQ(none->return_values, ReturnValues::kNone);
}

// An item of name "a" with a 10-byte string and name "b" with a string that brings the item to
// `size` bytes: names and string bytes count, nothing else.
std::string item_of_size(std::size_t size) {
  return R"({"TableName":"abc","Item":{"a":{"S":"0123456789"},"b":{"S":")" +
         std::string(size - 12, 'x') + R"("}}})";
}

TEST(ParsePutItem, ItemOf400KBIsAccepted) {
  auto result = parse_put_item(parse_json(item_of_size(kMaxItemBytes)));
  ASSERT_TRUE(result) << result.error().message();
  EXPECT_EQ(item_size(result->item), kMaxItemBytes);
}

TEST(ParsePutItem, ItemAbove400KBIsRejected) {
  EXPECT_EQ(validation_message(parse_put_item(parse_json(item_of_size(kMaxItemBytes + 1)))),
            "Item size has exceeded the maximum allowed size");
}

TEST(ParsePutItem, MemberConstraintsComeBeforeAttributeValues) {
  EXPECT_EQ(validation_message(parse_put_item(parse_json(R"({"TableName":"a;","Item":{"a":{}}})"))),
            "2 validation errors detected: " + table_name_violations("a;"));
}

// In the one-violation envelope since 2026 (paritysuite/dynamodb-conformance
// tests/tier3/error-messages/valueLayers.test.ts).
TEST(ParsePutItem, AttributeValueErrorsComeInTheEnvelope) {
  const JsonDocument body =
      parse_json(R"({"TableName":"abc","Item":{"a":{}},"ReturnValues":"ALL_NEW"})");
  auto direct = decode_item(body["Item"]);
  ASSERT_FALSE(direct);
  auto result = parse_put_item(body);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().type(), direct.error().type());
  EXPECT_EQ(result.error().message(), "1 validation error detected: " + direct.error().message());
}

TEST(ParsePutItem, SerializationErrorsComeBeforeMemberConstraints) {
  const JsonDocument body = parse_json(R"({"TableName":"a;","Item":{"a":{"S":5}}})");
  auto direct = decode_item(body["Item"]);
  ASSERT_FALSE(direct);
  ASSERT_EQ(direct.error().type(), ErrorType::kSerialization);
  auto result = parse_put_item(body);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().type(), ErrorType::kSerialization);
  EXPECT_EQ(result.error().message(), direct.error().message());
}

TEST(ParsePutItem, ItemMustBeAnObject) {
  auto result = parse_put_item(parse_json(R"({"TableName":"abc","Item":[]})"));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().type(), ErrorType::kSerialization);
}

// --- GetItem ---

TEST(ParseGetItem, EmptyBodyListsKeyAndTableName) {
  EXPECT_EQ(validation_message(parse_get_item(parse_json("{}"))),
            "2 validation errors detected: Value null at 'key' failed to satisfy constraint: "
            "Member must not be null; " +
                std::string(kTableNameNull));
}

TEST(ParseGetItem, ListsEveryViolation) {
  EXPECT_EQ(validation_message(parse_get_item(
                parse_json(R"({"TableName":"abc;","ReturnConsumedCapacity":"hi"})"))),
            "3 validation errors detected: "
            "Value 'hi' at 'returnConsumedCapacity' failed to satisfy constraint: "
            "Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; "
            "Value null at 'key' failed to satisfy constraint: Member must not be null; "
            "Value 'abc;' at 'tableName' failed to satisfy constraint: "
            "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
}

TEST(ParseGetItem, ReadsKeyAndConsistentRead) {
  auto result = parse_get_item(
      parse_json(R"({"TableName":"abc","Key":{"a":{"S":"x"}},"ConsistentRead":true})"));
  ASSERT_TRUE(result) << result.error().message();
  EXPECT_EQ(result->table_name, "abc");
  EXPECT_EQ(result->key, (Item{{"a", AttributeValue(std::string("x"))}}));
  EXPECT_TRUE(result->consistent_read);

  auto eventual = parse_get_item(parse_json(R"({"TableName":"abc","Key":{}})"));
  ASSERT_TRUE(eventual);
  EXPECT_FALSE(eventual->consistent_read);
}

TEST(ParseGetItem, ConsistentReadMustBeBoolean) {
  auto result = parse_get_item(parse_json(R"({"TableName":"abc","Key":{},"ConsistentRead":1})"));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().type(), ErrorType::kSerialization);
}

// --- DeleteItem ---

TEST(ParseDeleteItem, EmptyBodyListsTableNameAndKey) {
  EXPECT_EQ(validation_message(parse_delete_item(parse_json("{}"))),
            std::string("2 validation errors detected: ") + std::string(kTableNameNull) +
                "; Value null at 'key' failed to satisfy constraint: Member must not be null");
}

TEST(ParseDeleteItem, ListsEveryViolation) {
  EXPECT_EQ(validation_message(parse_delete_item(parse_json(
                R"({"TableName":"abc;","ReturnConsumedCapacity":"hi",
                    "ReturnItemCollectionMetrics":"hi","ReturnValues":"hi"})"))),
            "5 validation errors detected: "
            "Value 'hi' at 'returnConsumedCapacity' failed to satisfy constraint: "
            "Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; "
            "Value 'abc;' at 'tableName' failed to satisfy constraint: "
            "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
            "Failed to satisfy constraint: "
            "Member must satisfy enum value set: [ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATE_NEW, "
            "NONE]; "
            "Value 'hi' at 'returnItemCollectionMetrics' failed to satisfy constraint: "
            "Member must satisfy enum value set: [SIZE, NONE]; "
            "Value null at 'key' failed to satisfy constraint: Member must not be null");
}

TEST(ParseDeleteItem, ReturnValuesOtherThanOldItemAreRejected) {
  for (std::string value : {"UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"}) {
    EXPECT_EQ(validation_message(parse_delete_item(
                  parse_json(R"({"TableName":"abc","Key":{},"ReturnValues":")" + value + R"("})"))),
              kReturnValuesOnlyOld)
        << value;
  }
}

TEST(ParseDeleteItem, ReadsKeyAndReturnValues) {
  auto result = parse_delete_item(
      parse_json(R"({"TableName":"abc","Key":{"a":{"N":"7"}},"ReturnValues":"ALL_OLD"})"));
  ASSERT_TRUE(result) << result.error().message();
  EXPECT_EQ(result->table_name, "abc");
  ASSERT_EQ(result->key.size(), 1u);
  EXPECT_EQ(result->key.at("a").type(), ValueType::kN);
  EXPECT_EQ(result->return_values, ReturnValues::kAllOld);
}

// --- validate_key and validate_item_keys ---

TableSchema hash_table() {
  TableSchema schema;
  schema.table_name = "hash";
  schema.partition_key = {"a", ScalarType::kS};
  schema.attribute_definitions = {schema.partition_key};
  return schema;
}

TableSchema range_table() {
  TableSchema schema;
  schema.table_name = "range";
  schema.partition_key = {"a", ScalarType::kS};
  schema.sort_key = AttributeDefinition{"b", ScalarType::kB};
  schema.attribute_definitions = {schema.partition_key, *schema.sort_key};
  return schema;
}

AttributeValue s(std::string text) {
  return AttributeValue(std::move(text));
}
AttributeValue b(std::string bytes) {
  return AttributeValue(Binary{std::move(bytes)});
}
AttributeValue n(std::string_view text) {
  return AttributeValue(*Number::parse(text));
}

constexpr std::string_view kKeyMismatch = "The provided key element does not match the schema";

TEST(ValidateKey, AcceptsExactlyTheKeyAttributes) {
  EXPECT_TRUE(validate_key(hash_table(), {{"a", s("x")}}));
  EXPECT_TRUE(validate_key(range_table(), {{"a", s("x")}, {"b", b("\x01")}}));
}

TEST(ValidateKey, WrongShapeDoesNotMatchTheSchema) {
  const TableSchema schema = hash_table();
  for (const Item& key :
       {Item{}, Item{{"b", s("x")}}, Item{{"a", s("x")}, {"b", s("x")}}, Item{{"a", n("1")}},
        Item{{"a", b("x")}}, Item{{"a", AttributeValue(true)}}, Item{{"a", AttributeValue(Null{})}},
        Item{{"a", AttributeValue(AttributeMap{})}},
        Item{{"a", AttributeValue(StringSet{{"x"}})}}}) {
    EXPECT_EQ(validation_message(validate_key(schema, key)), kKeyMismatch);
  }
  EXPECT_EQ(validation_message(validate_key(range_table(), {{"a", s("x")}})), kKeyMismatch);
}

TEST(ValidateKey, EmptyStringOrBinaryKey) {
  EXPECT_EQ(validation_message(validate_key(hash_table(), {{"a", s("")}})),
            "One or more parameter values are not valid. The AttributeValue for a key attribute "
            "cannot contain an empty string value. Key: a");
  EXPECT_EQ(validation_message(validate_key(range_table(), {{"a", s("x")}, {"b", b("")}})),
            "One or more parameter values are not valid. The AttributeValue for a key attribute "
            "cannot contain an empty binary value. Key: b");
}

// TransactWriteItems' check of every action before any runs: only empty key values of the
// declared type; a missing, extra or mistyped key is left to the action's own checks.
TEST(ValidateKeyValuesNotEmpty, RefusesOnlyEmptyKeyValues) {
  EXPECT_TRUE(validate_key_values_not_empty(range_table(), {{"a", s("x")}, {"b", b("\x01")}}));
  EXPECT_TRUE(validate_key_values_not_empty(range_table(), {{"a", b("")}, {"c", s("")}}));
  EXPECT_TRUE(validate_key_values_not_empty(range_table(), {}));
  EXPECT_EQ(validation_message(validate_key_values_not_empty(range_table(), {{"a", s("")}})),
            "One or more parameter values are not valid. The AttributeValue for a key attribute "
            "cannot contain an empty string value. Key: a");
  EXPECT_EQ(validation_message(
                validate_key_values_not_empty(range_table(), {{"a", s("x")}, {"b", b("")}})),
            "One or more parameter values are not valid. The AttributeValue for a key attribute "
            "cannot contain an empty binary value. Key: b");
}

TEST(ValidateKey, PartitionKeyOfAtMost2048Bytes) {
  EXPECT_TRUE(validate_key(hash_table(), {{"a", s(std::string(2048, 'x'))}}));
  EXPECT_EQ(validation_message(validate_key(hash_table(), {{"a", s(std::string(2049, 'x'))}})),
            "One or more parameter values were invalid: Size of hashkey has exceeded the "
            "maximum size limit of2048 bytes");
}

TEST(ValidateKey, KeySizeCountsUtf8Bytes) {
  // 683 euro signs are 683 characters but 2049 bytes.
  std::string euros;
  for (int i = 0; i < 683; ++i) {
    euros += "\xE2\x82\xAC";
  }
  EXPECT_FALSE(validate_key(hash_table(), {{"a", s(euros)}}));
}

TEST(ValidateKey, SortKeyOfAtMost1024Bytes) {
  EXPECT_TRUE(validate_key(range_table(), {{"a", s("x")}, {"b", b(std::string(1024, 'x'))}}));
  EXPECT_EQ(validation_message(
                validate_key(range_table(), {{"a", s("x")}, {"b", b(std::string(1025, 'x'))}})),
            "One or more parameter values were invalid: Aggregated size of all range keys has "
            "exceeded the size limit of 1024 bytes");
}

TEST(ValidateKey, NumberKeysHaveNoSizeCheck) {
  TableSchema schema = hash_table();
  schema.partition_key.type = ScalarType::kN;
  EXPECT_TRUE(validate_key(schema, {{"a", n("-1.2345678901234567890123456789012345678e-100")}}));
}

TEST(ValidateItemKeys, ExtraAttributesAreFine) {
  EXPECT_TRUE(validate_item_keys(range_table(),
                                 {{"a", s("x")}, {"b", b("y")}, {"c", AttributeValue(true)}}));
}

TEST(ValidateItemKeys, MissingKeyIsNamed) {
  EXPECT_EQ(validation_message(validate_item_keys(hash_table(), {})),
            "One or more parameter values were invalid: Missing the key a in the item");
  EXPECT_EQ(validation_message(validate_item_keys(range_table(), {{"a", s("x")}})),
            "One or more parameter values were invalid: Missing the key b in the item");
}

TEST(ValidateItemKeys, TypeMismatchNamesBothTypes) {
  EXPECT_EQ(validation_message(validate_item_keys(hash_table(), {{"a", n("1")}})),
            "One or more parameter values were invalid: Type mismatch for key a expected: S "
            "actual: N");
  EXPECT_EQ(validation_message(validate_item_keys(hash_table(), {{"a", AttributeValue(true)}})),
            "One or more parameter values were invalid: Type mismatch for key a expected: S "
            "actual: BOOL");
  EXPECT_EQ(validation_message(validate_item_keys(range_table(), {{"a", s("x")}, {"b", s("y")}})),
            "One or more parameter values were invalid: Type mismatch for key b expected: B "
            "actual: S");
}

TEST(ValidateItemKeys, EmptyAndOversizedKeys) {
  EXPECT_EQ(validation_message(validate_item_keys(hash_table(), {{"a", s("")}})),
            "One or more parameter values are not valid. The AttributeValue for a key attribute "
            "cannot contain an empty string value. Key: a");
  EXPECT_EQ(
      validation_message(validate_item_keys(hash_table(), {{"a", s(std::string(2049, 'k'))}})),
      "One or more parameter values were invalid: Size of hashkey has exceeded the "
      "maximum size limit of2048 bytes");
  EXPECT_EQ(validation_message(validate_item_keys(
                range_table(), {{"a", s("x")}, {"b", b(std::string(1025, 'k'))}})),
            "One or more parameter values were invalid: Aggregated size of all range keys has "
            "exceeded the size limit of 1024 bytes");
}

// --- validate_index_keys ---

// hash_table with global index byg on (g S, gb B).
TableSchema indexed_table() {
  TableSchema schema = hash_table();
  SecondaryIndex index;
  index.name = "byg";
  index.key_schema.partition = {{"g", ScalarType::kS}};
  index.key_schema.sort = {{"gb", ScalarType::kB}};
  schema.attribute_definitions.push_back(index.key_schema.partition.front());
  schema.attribute_definitions.push_back(index.key_schema.sort.front());
  schema.indexes = {index};
  return schema;
}

TEST(ValidateIndexKeys, ItemWithoutIndexKeysIsFine) {
  EXPECT_TRUE(validate_item_keys(indexed_table(), {{"a", s("x")}, {"c", n("1")}}));
  EXPECT_TRUE(validate_index_keys(indexed_table(), {{"a", s("x")}, {"g", s("y")}}));
}

TEST(ValidateIndexKeys, EmptyIndexKeyOfAPutNamesIndexAndKey) {
  EXPECT_EQ(validation_message(validate_item_keys(indexed_table(), {{"a", s("x")}, {"g", s("")}})),
            "One or more parameter values are not valid. A value specified for a secondary index "
            "key is not supported. The AttributeValue for a key attribute cannot contain an empty "
            "string value. IndexName: byg, IndexKey: g");
  EXPECT_EQ(validation_message(validate_index_keys(indexed_table(), {{"gb", b("")}})),
            "One or more parameter values are not valid. A value specified for a secondary index "
            "key is not supported. The AttributeValue for a key attribute cannot contain an empty "
            "binary value. IndexName: byg, IndexKey: gb");
}

TEST(ValidateIndexKeys, EmptyIndexKeyOfAnUpdate) {
  const Item old_item{{"a", s("x")}, {"g", s("old")}};
  EXPECT_EQ(validation_message(
                validate_index_keys(indexed_table(), {{"a", s("x")}, {"g", s("")}}, &old_item)),
            "One or more parameter values are not valid. The update expression attempted to "
            "update a secondary index key to a value that is not supported. The AttributeValue "
            "for a key attribute cannot contain an empty string value.");
}

TEST(ValidateIndexKeys, TypeMismatchNamesKeyTypesAndIndex) {
  EXPECT_EQ(validation_message(validate_index_keys(indexed_table(), {{"g", n("1")}})),
            "One or more parameter values were invalid: Type mismatch for Index Key g Expected: S "
            "Actual: N IndexName: byg");
}

TEST(ValidateIndexKeys, EmptyValueIsReportedBeforeTypeMismatch) {
  EXPECT_EQ(
      validation_message(validate_index_keys(indexed_table(), {{"g", n("1")}, {"gb", b("")}})),
      "One or more parameter values are not valid. A value specified for a secondary index "
      "key is not supported. The AttributeValue for a key attribute cannot contain an empty "
      "binary value. IndexName: byg, IndexKey: gb");
}

TEST(ValidateIndexKeys, UpdateChecksOnlyTheValuesItChanged) {
  const Item old_item{{"a", s("x")}, {"g", n("1")}};
  const Item updated{{"a", s("x")}, {"g", n("1")}, {"c", s("new")}};
  EXPECT_TRUE(validate_index_keys(indexed_table(), updated, &old_item));
  EXPECT_FALSE(validate_index_keys(indexed_table(), updated));
  const Item changed{{"a", s("x")}, {"g", n("2")}};
  EXPECT_FALSE(validate_index_keys(indexed_table(), changed, &old_item));
}

// --- UpdateItem ---

// An empty TableName is the one violation reported, without its value (us-east-1 since 2026-08,
// nubo-db/dynamodb-conformance captures/2026-08-12-wording-drift.json).
TEST(ParseItemWrites, EmptyTableNameIsTheOnlyViolation) {
  constexpr std::string_view kEmptyTableName =
      "1 validation error detected: Value at 'TableName' failed to satisfy constraint: Member "
      "must have length greater than or equal to 1";
  EXPECT_EQ(validation_message(parse_put_item(
                parse_json(R"({"TableName":"","Item":{},"ReturnValues":"INVALID"})"))),
            kEmptyTableName);
  EXPECT_EQ(validation_message(parse_delete_item(parse_json(R"({"TableName":"","Key":{}})"))),
            kEmptyTableName);
  EXPECT_EQ(validation_message(parse_update_item(
                parse_json(R"({"TableName":"","Key":{},"ReturnConsumedCapacity":"hi"})"))),
            kEmptyTableName);
}

// UpdateItem reports a bad ReturnValues alone (paritysuite/dynamodb-conformance
// captures/2026-10-07-sweep-follow-up.json, all regions).
TEST(ParseUpdateItem, BadReturnValuesIsReportedAlone) {
  EXPECT_EQ(
      validation_message(parse_update_item(parse_json(
          R"({"TableName":"a;","Key":{},"ReturnConsumedCapacity":"hi","ReturnValues":"x"})"))),
      kReturnValuesNotInTheSet);
}

// Expression errors of PutItem, UpdateItem and DeleteItem come in the one-violation envelope
// (us-east-1 since 2026-08, nubo-db/dynamodb-conformance captures/2026-08-12-wording-drift.json).
TEST(ParseItemWrites, ExpressionErrorsComeInTheEnvelope) {
  EXPECT_EQ(validation_message(parse_update_item(parse_json(
                R"({"TableName":"abc","Key":{"k":{"S":"x"}},"UpdateExpression":"SET a = :v",)"
                R"("ExpressionAttributeValues":{":v":{"S":"x"},":w":{"S":"y"}}})"))),
            "1 validation error detected: Value provided in ExpressionAttributeValues unused in "
            "expressions: keys: {:w}");
  EXPECT_EQ(validation_message(parse_delete_item(parse_json(
                R"({"TableName":"abc","Key":{"k":{"S":"x"}},"ConditionExpression":""})"))),
            "1 validation error detected: Invalid ConditionExpression: The expression can not be "
            "empty;");
}

TEST(ParseUpdateItem, AcceptsEveryReturnValuesAndTheExpressions) {
  Result<UpdateItemRequest> request = parse_update_item(parse_json(
      R"({"TableName":"users","Key":{"p":{"S":"k"}},"ReturnValues":"UPDATED_NEW",)"
      R"("UpdateExpression":"ADD c :one","ExpressionAttributeValues":{":one":{"N":"1"}},)"
      R"("ReturnValuesOnConditionCheckFailure":"ALL_OLD"})"));
  ASSERT_TRUE(request.has_value()) << request.error().message();
  EXPECT_EQ(request->return_values, ReturnValues::kUpdatedNew);
  ASSERT_TRUE(request->update.has_value());
  EXPECT_EQ(request->update->add.size(), 1u);
  EXPECT_FALSE(request->condition.has_value());
  EXPECT_TRUE(request->return_old_item_on_condition_failure);
}

TEST(ParseUpdateItem, WithoutAnUpdateOnlyCreatesTheKey) {
  Result<UpdateItemRequest> request =
      parse_update_item(parse_json(R"({"TableName":"users","Key":{"p":{"S":"k"}}})"));
  ASSERT_TRUE(request.has_value());
  EXPECT_FALSE(request->update.has_value());
}

TEST(ParseUpdateItem, ReturnValuesOnConditionCheckFailureIsAnEnum) {
  EXPECT_EQ(validation_message(parse_update_item(
                parse_json(R"({"TableName":"users","Key":{"p":{"S":"k"}},)"
                           R"("ReturnValuesOnConditionCheckFailure":"ALL_NEW"})"))),
            "1 validation error detected: Value 'ALL_NEW' at "
            "'returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must "
            "satisfy enum value set: [ALL_OLD, NONE]");
}

TEST(ValidateUpdateKeys, KeyAttributesCannotBeUpdated) {
  TableSchema schema;
  schema.partition_key = {"p", ScalarType::kS};
  Result<UpdateItemRequest> request = parse_update_item(
      parse_json(R"({"TableName":"users","Key":{"p":{"S":"k"}},"UpdateExpression":"REMOVE p"})"));
  ASSERT_TRUE(request.has_value());
  EXPECT_EQ(validation_message(validate_update_keys(schema, *request->update)),
            "One or more parameter values were invalid: Cannot update attribute p. This "
            "attribute is part of the key");
}

}  // namespace
}  // namespace ddblocal::wire
