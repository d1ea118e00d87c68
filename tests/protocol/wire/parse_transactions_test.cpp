// TransactWriteItems and TransactGetItems parsing: actions, limits, the constraint messages of
// every action reported together (see /work/notes/messages-batch-txn.md).
#include <string>

#include <gtest/gtest.h>

#include "protocol/wire/requests.h"
#include "tests/protocol/wire/wire_test_util.h"

namespace ddblocal::wire {
namespace {

using test_util::parse_json;
using test_util::validation_message;

std::string puts(int count, std::size_t value_size = 1) {
  std::string list = "[";
  for (int i = 0; i < count; ++i) {
    list += std::string(i > 0 ? "," : "") + R"({"Put":{"TableName":"abc","Item":{"p":{"S":"k)" +
            std::to_string(i) + R"("},"v":{"S":")" + std::string(value_size, 'x') + R"("}}}})";
  }
  return list + "]";
}

TEST(ParseTransactWriteItems, ReadsEachKindOfAction) {
  auto request = parse_transact_write_items(parse_json(R"json({"TransactItems":[
      {"ConditionCheck":{"TableName":"abc","Key":{"p":{"S":"a"}},
                         "ConditionExpression":"attribute_exists(p)",
                         "ReturnValuesOnConditionCheckFailure":"ALL_OLD"}},
      {"Put":{"TableName":"abc","Item":{"p":{"S":"b"}}}},
      {"Delete":{"TableName":"def","Key":{"p":{"S":"c"}}}},
      {"Update":{"TableName":"abc","Key":{"p":{"S":"d"}},"UpdateExpression":"SET n = :n",
                 "ExpressionAttributeValues":{":n":{"N":"1"}}}}],
      "ClientRequestToken":"token"})json"));
  ASSERT_TRUE(request.has_value());
  ASSERT_EQ(request->actions.size(), 4u);
  EXPECT_EQ(request->actions[0].action, TransactionAction::kConditionCheck);
  EXPECT_TRUE(request->actions[0].condition.has_value());
  EXPECT_TRUE(request->actions[0].return_old_item_on_condition_failure);
  EXPECT_EQ(request->actions[1].action, TransactionAction::kPut);
  EXPECT_EQ(request->actions[1].item, (Item{{"p", std::string("b")}}));
  EXPECT_EQ(request->actions[2].action, TransactionAction::kDelete);
  EXPECT_EQ(request->actions[2].table_name, "def");
  EXPECT_EQ(request->actions[3].action, TransactionAction::kUpdate);
  EXPECT_TRUE(request->actions[3].update.has_value());
  EXPECT_EQ(request->client_request_token, "token");
}

TEST(ParseTransactWriteItems, DigestTellsRequestsApart) {
  auto first = parse_transact_write_items(parse_json(R"({"TransactItems":)" + puts(2) + "}"));
  auto again = parse_transact_write_items(
      parse_json(R"({"ClientRequestToken":"t","TransactItems":)" + puts(2) + "}"));
  auto other = parse_transact_write_items(parse_json(R"({"TransactItems":)" + puts(3) + "}"));
  ASSERT_TRUE(first.has_value() && again.has_value() && other.has_value());
  EXPECT_EQ(first->digest, again->digest);
  EXPECT_NE(first->digest, other->digest);
}

TEST(ParseTransactWriteItems, TransactItemsHoldOneTo100Actions) {
  EXPECT_EQ(validation_message(parse_transact_write_items(parse_json("{}"))),
            "1 validation error detected: Value null at 'transactItems' failed to satisfy "
            "constraint: Member must not be null");
  EXPECT_EQ(validation_message(parse_transact_write_items(parse_json(R"({"TransactItems":[]})"))),
            "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy "
            "constraint: Member must have length greater than or equal to 1");
  EXPECT_TRUE(
      parse_transact_write_items(parse_json(R"({"TransactItems":)" + puts(100) + "}")).has_value());
  EXPECT_EQ(validation_message(
                parse_transact_write_items(parse_json(R"({"TransactItems":)" + puts(101) + "}"))),
            "1 validation error detected: Value '[...]' at 'transactItems' failed to satisfy "
            "constraint: Member must have length less than or equal to 100");
}

TEST(ParseTransactWriteItems, EachElementHoldsExactlyOneAction) {
  EXPECT_EQ(validation_message(parse_transact_write_items(parse_json(R"({"TransactItems":[{}]})"))),
            "Invalid Request: TransactWriteRequest should contain Delete or Put or Update request");
  EXPECT_EQ(validation_message(parse_transact_write_items(
                parse_json(R"({"TransactItems":[{"Put":{"TableName":"abc","Item":{"p":{"S":"a"}}},)"
                           R"("Delete":{"TableName":"abc","Key":{"p":{"S":"a"}}}}]})"))),
            "TransactItems can only contain one of Check, Put, Update or Delete");
}

// Top-level and action members in one message; an element's own shape rule after them.
TEST(ParseTransactWriteItems, TopLevelAndActionConstraintsShareOneMessage) {
  EXPECT_EQ(validation_message(parse_transact_write_items(parse_json(R"({
                "ReturnConsumedCapacity":"BAD",
                "TransactItems":[{"Put":{"TableName":"abc"},"Delete":{"TableName":"abc"}}]})"))),
            "3 validation errors detected: Value 'BAD' at 'returnConsumedCapacity' failed to "
            "satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; "
            "Value null at 'transactItems.1.member.put.item' failed to satisfy constraint: "
            "Member must not be null; "
            "Value null at 'transactItems.1.member.delete.key' failed to satisfy constraint: "
            "Member must not be null");
  EXPECT_EQ(validation_message(parse_transact_get_items(parse_json(
                R"({"ReturnConsumedCapacity":"BAD","TransactItems":[{"Get":{"Key":{}}}]})"))),
            "2 validation errors detected: Value 'BAD' at 'returnConsumedCapacity' failed to "
            "satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; "
            "Value null at 'transactItems.1.member.get.tableName' failed to satisfy constraint: "
            "Member must not be null");
}

TEST(ParseTransactWriteItems, ConstraintsOfEveryActionAreListedTogether) {
  EXPECT_EQ(
      validation_message(parse_transact_write_items(parse_json(R"({"TransactItems":[
          {"Put":{"TableName":"abc"}},
          {"Update":{"Key":{"p":{"S":"a"}}}},
          {"ConditionCheck":{"TableName":"abc","Key":{"p":{"S":"a"}},
                             "ReturnValuesOnConditionCheckFailure":"BAD"}}]})"))),
      "5 validation errors detected: "
      "Value null at 'transactItems.1.member.put.item' failed to satisfy constraint: Member must "
      "not be null; "
      "Value null at 'transactItems.2.member.update.tableName' failed to satisfy constraint: "
      "Member must not be null; "
      "Value null at 'transactItems.2.member.update.updateExpression' failed to satisfy "
      "constraint: Member must not be null; "
      "Value 'BAD' at 'transactItems.3.member.conditionCheck.returnValuesOnConditionCheckFailure' "
      "failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]; "
      "Value null at 'transactItems.3.member.conditionCheck.conditionExpression' failed to "
      "satisfy constraint: Member must not be null");
}

TEST(ParseTransactWriteItems, ClientRequestTokenHasOneTo36Characters) {
  const std::string token(37, 't');
  EXPECT_EQ(validation_message(parse_transact_write_items(parse_json(
                R"({"TransactItems":)" + puts(1) + R"(,"ClientRequestToken":")" + token + "\"}"))),
            "1 validation error detected: Value '" + token +
                "' at 'clientRequestToken' failed to satisfy constraint: Member must have length "
                "less than or equal to 36");
}

// The payload is the sum of the Put items' sizes; 4 MB is 4,194,304 bytes.
TEST(ParseTransactWriteItems, PutItemsTogetherAtMost4MB) {
  // Each item: "p" with "k0".."k10" (3 or 4 bytes), and "v" with the value.
  EXPECT_TRUE(
      parse_transact_write_items(parse_json(R"({"TransactItems":)" + puts(10, 400'000) + "}"))
          .has_value());
  EXPECT_EQ(validation_message(parse_transact_write_items(
                parse_json(R"({"TransactItems":)" + puts(11, 400'000) + "}"))),
            "Transaction payload size cannot exceed 4MB. Payload Size: " +
                std::to_string(10 * 400'004 + 400'005));
}

TEST(ParseTransactGetItems, ReadsEachGet) {
  auto request = parse_transact_get_items(parse_json(R"({"TransactItems":[
      {"Get":{"TableName":"abc","Key":{"p":{"S":"a"}},"ProjectionExpression":"n"}},
      {"Get":{"TableName":"def","Key":{"p":{"S":"b"}}}}]})"));
  ASSERT_TRUE(request.has_value());
  ASSERT_EQ(request->gets.size(), 2u);
  EXPECT_EQ(request->gets[0].table_name, "abc");
  EXPECT_TRUE(request->gets[0].projection.has_value());
  EXPECT_EQ(request->gets[1].key, (Item{{"p", std::string("b")}}));
}

TEST(ParseTransactGetItems, EachElementNeedsAGetWithTableAndKey) {
  EXPECT_EQ(validation_message(parse_transact_get_items(
                parse_json(R"({"TransactItems":[{"Get":{"TableName":"abc"}},{}]})"))),
            "2 validation errors detected: "
            "Value null at 'transactItems.1.member.get.key' failed to satisfy constraint: Member "
            "must not be null; "
            "Value null at 'transactItems.2.member.get' failed to satisfy constraint: Member must "
            "not be null");
}

}  // namespace
}  // namespace ddblocal::wire
