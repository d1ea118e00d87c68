// Response bodies: the JSON shapes of DescribeTable/CreateTable/DeleteTable, ListTables, item
// responses and error bodies, as the service answers them.
#include "protocol/wire/responses.h"

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "protocol/wire/json.h"

namespace ddblocal::wire {
namespace {

JsonDocument parse_json(const std::string& text) {
  JsonDocument document;
  document.Parse(text.data(), text.size());
  EXPECT_FALSE(document.HasParseError()) << text;
  EXPECT_TRUE(document.IsObject()) << text;
  return document;
}

std::string string_of(const JsonValue& value) {
  return std::string(value.GetString(), value.GetStringLength());
}

TableDescription provisioned_table() {
  TableDescription table;
  table.schema.table_name = "Music";
  table.schema.partition_key = {"Artist", ScalarType::kS};
  table.schema.attribute_definitions = {table.schema.partition_key};
  table.schema.billing_mode = BillingMode::kProvisioned;
  table.schema.provisioned_throughput = {5, 7};
  table.region = "us-east-1";
  table.table_id = "0f0e3a2c-4d1b-4c6e-9a41-2b7d7c1e5f10";
  table.creation_date_time = 1700000000.123;
  table.status = TableStatus::kActive;
  table.item_count = 3;
  table.size_bytes = 120;
  return table;
}

TableDescription pay_per_request_table() {
  TableDescription table = provisioned_table();
  table.schema.sort_key = AttributeDefinition{"Song", ScalarType::kN};
  table.schema.attribute_definitions.push_back(*table.schema.sort_key);
  table.schema.billing_mode = BillingMode::kPayPerRequest;
  table.schema.provisioned_throughput = {0, 0};
  table.last_update_to_pay_per_request = table.creation_date_time;
  return table;
}

TEST(WriteTableDescription, DescribeTableOfProvisionedTable) {
  const JsonDocument body =
      parse_json(write_table_description_response("Table", provisioned_table()));
  ASSERT_EQ(body.MemberCount(), 1u);
  ASSERT_TRUE(body.HasMember("Table"));
  const JsonValue& table = body["Table"];
  EXPECT_EQ(string_of(table["TableName"]), "Music");
  EXPECT_EQ(string_of(table["TableStatus"]), "ACTIVE");
  EXPECT_EQ(string_of(table["TableArn"]), "arn:aws:dynamodb:us-east-1:000000000000:table/Music");
  EXPECT_EQ(string_of(table["TableId"]), "0f0e3a2c-4d1b-4c6e-9a41-2b7d7c1e5f10");
  ASSERT_TRUE(table["CreationDateTime"].IsNumber());
  EXPECT_DOUBLE_EQ(table["CreationDateTime"].GetDouble(), 1700000000.123);
  EXPECT_EQ(table["ItemCount"].GetInt64(), 3);
  EXPECT_EQ(table["TableSizeBytes"].GetInt64(), 120);
  EXPECT_FALSE(table["DeletionProtectionEnabled"].GetBool());

  const JsonValue& key_schema = table["KeySchema"];
  ASSERT_EQ(key_schema.Size(), 1u);
  EXPECT_EQ(string_of(key_schema[0]["AttributeName"]), "Artist");
  EXPECT_EQ(string_of(key_schema[0]["KeyType"]), "HASH");
  const JsonValue& definitions = table["AttributeDefinitions"];
  ASSERT_EQ(definitions.Size(), 1u);
  EXPECT_EQ(string_of(definitions[0]["AttributeName"]), "Artist");
  EXPECT_EQ(string_of(definitions[0]["AttributeType"]), "S");

  const JsonValue& throughput = table["ProvisionedThroughput"];
  EXPECT_EQ(throughput.MemberCount(), 3u);
  EXPECT_EQ(throughput["NumberOfDecreasesToday"].GetInt(), 0);
  EXPECT_EQ(throughput["ReadCapacityUnits"].GetInt64(), 5);
  EXPECT_EQ(throughput["WriteCapacityUnits"].GetInt64(), 7);
  // A table always provisioned has no billing summary (DynamoDB, DynamoDB Local).
  EXPECT_FALSE(table.HasMember("BillingModeSummary"));
}

TEST(WriteTableDescription, PayPerRequestTableHasBillingSummaryAndZeroThroughput) {
  const JsonDocument body =
      parse_json(write_table_description_response("TableDescription", pay_per_request_table()));
  ASSERT_TRUE(body.HasMember("TableDescription"));
  const JsonValue& table = body["TableDescription"];
  const JsonValue& summary = table["BillingModeSummary"];
  EXPECT_EQ(string_of(summary["BillingMode"]), "PAY_PER_REQUEST");
  EXPECT_DOUBLE_EQ(summary["LastUpdateToPayPerRequestDateTime"].GetDouble(),
                   table["CreationDateTime"].GetDouble());
  EXPECT_EQ(table["ProvisionedThroughput"]["ReadCapacityUnits"].GetInt64(), 0);
  EXPECT_EQ(table["ProvisionedThroughput"]["WriteCapacityUnits"].GetInt64(), 0);
  EXPECT_EQ(table["ProvisionedThroughput"]["NumberOfDecreasesToday"].GetInt(), 0);

  const JsonValue& key_schema = table["KeySchema"];
  ASSERT_EQ(key_schema.Size(), 2u);
  EXPECT_EQ(string_of(key_schema[1]["AttributeName"]), "Song");
  EXPECT_EQ(string_of(key_schema[1]["KeyType"]), "RANGE");
  ASSERT_EQ(table["AttributeDefinitions"].Size(), 2u);
  EXPECT_EQ(string_of(table["AttributeDefinitions"][1]["AttributeType"]), "N");
}

TEST(WriteTableDescription, CreatingStatus) {
  TableDescription creating = provisioned_table();
  creating.status = TableStatus::kCreating;
  const JsonDocument body =
      parse_json(write_table_description_response("TableDescription", creating));
  EXPECT_EQ(string_of(body["TableDescription"]["TableStatus"]), "CREATING");
}

TEST(WriteTableDescription, DeletingTableIsDescribedAsDeleteTableAnswers) {
  TableDescription deleting = pay_per_request_table();
  deleting.status = TableStatus::kDeleting;
  const JsonDocument body =
      parse_json(write_table_description_response("TableDescription", deleting));
  const JsonValue& table = body["TableDescription"];
  EXPECT_EQ(string_of(table["TableStatus"]), "DELETING");
  EXPECT_EQ(string_of(table["TableName"]), "Music");
  EXPECT_TRUE(table.HasMember("TableArn"));
  EXPECT_TRUE(table.HasMember("TableId"));
  EXPECT_EQ(table["ItemCount"].GetInt64(), 3);
  EXPECT_EQ(table["TableSizeBytes"].GetInt64(), 120);
  EXPECT_EQ(table["ProvisionedThroughput"]["NumberOfDecreasesToday"].GetInt(), 0);
  EXPECT_TRUE(table["BillingModeSummary"].HasMember("LastUpdateToPayPerRequestDateTime"));
  EXPECT_FALSE(table.HasMember("KeySchema"));
  EXPECT_FALSE(table.HasMember("AttributeDefinitions"));
  EXPECT_FALSE(table.HasMember("CreationDateTime"));
}

TEST(WriteTableDescription, EscapesNames) {
  TableDescription table = provisioned_table();
  table.schema.partition_key.name = "say \"hi\"\n";
  table.schema.attribute_definitions = {table.schema.partition_key};
  const JsonDocument body = parse_json(write_table_description_response("Table", table));
  EXPECT_EQ(string_of(body["Table"]["KeySchema"][0]["AttributeName"]), "say \"hi\"\n");
}

// pay_per_request_table with a global index on Year (INCLUDE Album), CREATING, and a local one on
// (Artist, Label) (KEYS_ONLY).
TableDescription indexed_table() {
  TableDescription table = pay_per_request_table();
  table.schema.billing_mode = BillingMode::kProvisioned;
  table.schema.provisioned_throughput = {5, 7};
  table.last_update_to_pay_per_request.reset();
  SecondaryIndex global;
  global.name = "byYear";
  global.key_schema.partition = {{"Year", ScalarType::kN}};
  global.key_schema.sort = {*table.schema.sort_key};
  global.projection = ProjectionType::kInclude;
  global.non_key_attributes = {"Album"};
  global.provisioned_throughput = {2, 3};
  SecondaryIndex local;
  local.name = "byLabel";
  local.global = false;
  local.key_schema.partition = {table.schema.partition_key};
  local.key_schema.sort = {{"Label", ScalarType::kS}};
  local.projection = ProjectionType::kKeysOnly;
  table.schema.indexes = {global, local};
  table.indexes = {{IndexStatus::kCreating, 4, 100}, {IndexStatus::kActive, 2, 50}};
  return table;
}

TEST(WriteTableDescription, GlobalIndexes) {
  const JsonDocument body = parse_json(write_table_description_response("Table", indexed_table()));
  const JsonValue& table = body["Table"];
  ASSERT_TRUE(table.HasMember("GlobalSecondaryIndexes"));
  ASSERT_EQ(table["GlobalSecondaryIndexes"].Size(), 1u);
  const JsonValue& index = table["GlobalSecondaryIndexes"][0];
  EXPECT_EQ(string_of(index["IndexName"]), "byYear");
  ASSERT_EQ(index["KeySchema"].Size(), 2u);
  EXPECT_EQ(string_of(index["KeySchema"][0]["AttributeName"]), "Year");
  EXPECT_EQ(string_of(index["KeySchema"][0]["KeyType"]), "HASH");
  EXPECT_EQ(string_of(index["KeySchema"][1]["AttributeName"]), "Song");
  EXPECT_EQ(string_of(index["KeySchema"][1]["KeyType"]), "RANGE");
  EXPECT_EQ(string_of(index["Projection"]["ProjectionType"]), "INCLUDE");
  ASSERT_EQ(index["Projection"]["NonKeyAttributes"].Size(), 1u);
  EXPECT_EQ(string_of(index["Projection"]["NonKeyAttributes"][0]), "Album");
  EXPECT_EQ(string_of(index["IndexStatus"]), "CREATING");
  EXPECT_TRUE(index.HasMember("Backfilling"));
  EXPECT_EQ(index["ProvisionedThroughput"]["ReadCapacityUnits"].GetInt64(), 2);
  EXPECT_EQ(index["ProvisionedThroughput"]["WriteCapacityUnits"].GetInt64(), 3);
  EXPECT_EQ(index["ProvisionedThroughput"]["NumberOfDecreasesToday"].GetInt(), 0);
  EXPECT_EQ(index["IndexSizeBytes"].GetInt64(), 100);
  EXPECT_EQ(index["ItemCount"].GetInt64(), 4);
  EXPECT_EQ(string_of(index["IndexArn"]), string_of(table["TableArn"]) + "/index/byYear");
}

TEST(WriteTableDescription, ActiveGlobalIndexIsNotBackfilling) {
  TableDescription described = indexed_table();
  described.indexes[0].status = IndexStatus::kActive;
  const JsonDocument body = parse_json(write_table_description_response("Table", described));
  const JsonValue& index = body["Table"]["GlobalSecondaryIndexes"][0];
  EXPECT_EQ(string_of(index["IndexStatus"]), "ACTIVE");
  EXPECT_FALSE(index.HasMember("Backfilling"));
}

TEST(WriteTableDescription, LocalIndexesHaveNoStatusOrThroughput) {
  const JsonDocument body = parse_json(write_table_description_response("Table", indexed_table()));
  const JsonValue& table = body["Table"];
  ASSERT_TRUE(table.HasMember("LocalSecondaryIndexes"));
  ASSERT_EQ(table["LocalSecondaryIndexes"].Size(), 1u);
  const JsonValue& index = table["LocalSecondaryIndexes"][0];
  EXPECT_EQ(string_of(index["IndexName"]), "byLabel");
  EXPECT_EQ(string_of(index["KeySchema"][0]["AttributeName"]), "Artist");
  EXPECT_EQ(string_of(index["KeySchema"][1]["AttributeName"]), "Label");
  EXPECT_EQ(string_of(index["Projection"]["ProjectionType"]), "KEYS_ONLY");
  EXPECT_FALSE(index["Projection"].HasMember("NonKeyAttributes"));
  EXPECT_FALSE(index.HasMember("IndexStatus"));
  EXPECT_FALSE(index.HasMember("ProvisionedThroughput"));
  EXPECT_EQ(index["IndexSizeBytes"].GetInt64(), 50);
  EXPECT_EQ(index["ItemCount"].GetInt64(), 2);
  EXPECT_EQ(string_of(index["IndexArn"]), string_of(table["TableArn"]) + "/index/byLabel");
}

TEST(WriteTableDescription, TableWithoutIndexesHasNoIndexMembers) {
  const JsonDocument body =
      parse_json(write_table_description_response("Table", pay_per_request_table()));
  EXPECT_FALSE(body["Table"].HasMember("GlobalSecondaryIndexes"));
  EXPECT_FALSE(body["Table"].HasMember("LocalSecondaryIndexes"));
}

TEST(WriteTableDescription, BillingSummaryOfATableBackToProvisioned) {
  TableDescription table = indexed_table();
  EXPECT_FALSE(parse_json(write_table_description_response("Table", table))["Table"].HasMember(
      "BillingModeSummary"));
  table.last_update_to_pay_per_request = 1700000100.5;
  const JsonDocument body = parse_json(write_table_description_response("Table", table));
  const JsonValue& summary = body["Table"]["BillingModeSummary"];
  EXPECT_EQ(string_of(summary["BillingMode"]), "PROVISIONED");
  EXPECT_DOUBLE_EQ(summary["LastUpdateToPayPerRequestDateTime"].GetDouble(), 1700000100.5);
}

TEST(WriteListTables, NamesAndLastEvaluated) {
  EXPECT_EQ(write_list_tables_response({"a1", "b2"}, std::string("b2")),
            R"({"TableNames":["a1","b2"],"LastEvaluatedTableName":"b2"})");
}

TEST(WriteListTables, NoLastEvaluatedWhenListIsComplete) {
  EXPECT_EQ(write_list_tables_response({"abc"}, std::nullopt), R"({"TableNames":["abc"]})");
  EXPECT_EQ(write_list_tables_response({}, std::nullopt), R"({"TableNames":[]})");
}

TEST(WriteItemResponse, NoItemIsEmptyObject) {
  EXPECT_EQ(write_item_response("Item", nullptr), "{}");
  EXPECT_EQ(write_item_response("Attributes", nullptr), "{}");
}

TEST(WriteItemResponse, ItemUnderItsMember) {
  const Item item{{"a", AttributeValue(std::string("x"))}, {"b", AttributeValue(true)}};
  const JsonDocument body = parse_json(write_item_response("Attributes", &item));
  ASSERT_EQ(body.MemberCount(), 1u);
  const JsonValue& attributes = body["Attributes"];
  ASSERT_EQ(attributes.MemberCount(), 2u);
  EXPECT_EQ(string_of(attributes["a"]["S"]), "x");
  EXPECT_TRUE(attributes["b"]["BOOL"].GetBool());
}

TEST(PageResponseWriter, ItemsCountsAndLastEvaluatedKeyInTheServiceOrder) {
  PageResponseWriter page(true);
  page.add({{"p", AttributeValue(std::string("a"))}});
  page.add({{"p", AttributeValue(std::string("b"))}});
  const Item last{{"p", AttributeValue(std::string("b"))}};
  EXPECT_EQ(page.finish(2, 3, &last),
            R"({"Items":[{"p":{"S":"a"}},{"p":{"S":"b"}}],"Count":2,"ScannedCount":3,)"
            R"("LastEvaluatedKey":{"p":{"S":"b"}}})");
}

TEST(PageResponseWriter, WalkedItemsTakeTheirPlaceAmongTheOthers) {
  PageResponseWriter page(true);
  page.add({{"p", AttributeValue(std::string("a"))}});
  const std::vector<std::string> names{"q"};
  ASSERT_TRUE(page.add_walked(
      [](ItemEvents& events) -> Result<void> {
        for (const char* name : {"p", "q"}) {
          if (events.attribute(name)) {
            events.scalar(ValueType::kN, "1");
          }
        }
        return {};
      },
      &names));
  EXPECT_EQ(page.finish(2, 2, nullptr),
            R"({"Items":[{"p":{"S":"a"}},{"q":{"N":"1"}}],"Count":2,"ScannedCount":2})");
}

TEST(ItemResponseWriter, AWalkedItemIsTheMembersValue) {
  ItemResponseWriter answer("Item");
  ASSERT_TRUE(answer.add_walked(
      [](ItemEvents& events) -> Result<void> {
        events.attribute("p");
        events.boolean(true);
        return {};
      },
      nullptr));
  EXPECT_EQ(answer.finish(), R"({"Item":{"p":{"BOOL":true}}})");
  EXPECT_EQ(ItemResponseWriter("Item").finish(), "{}");
}

TEST(PageResponseWriter, EmptyPageStillHasItems) {
  EXPECT_EQ(PageResponseWriter(true).finish(0, 0, nullptr),
            R"({"Items":[],"Count":0,"ScannedCount":0})");
}

TEST(PageResponseWriter, SelectCountLeavesOutItems) {
  const Item last{{"p", AttributeValue(std::string("a"))}};
  EXPECT_EQ(PageResponseWriter(false).finish(1, 4, nullptr), R"({"Count":1,"ScannedCount":4})");
  EXPECT_EQ(PageResponseWriter(false).finish(1, 1, &last),
            R"({"Count":1,"ScannedCount":1,"LastEvaluatedKey":{"p":{"S":"a"}}})");
}

TEST(WriteErrorBody, TypeAndLowercaseMessage) {
  const ApiError error = ApiError::validation("Value 'a;' at 'tableName' \"quoted\"");
  const JsonDocument body = parse_json(write_error_body(error));
  EXPECT_EQ(body.MemberCount(), 2u);
  EXPECT_EQ(string_of(body["__type"]), std::string(error.type_name()));
  EXPECT_EQ(string_of(body["message"]), error.message());
}

TEST(WriteErrorBody, SerializationExceptionSpellsMessageWithCapital) {
  const ApiError error = ApiError::serialization("Unexpected field type");
  const JsonDocument body = parse_json(write_error_body(error));
  EXPECT_EQ(string_of(body["__type"]), std::string(error.type_name()));
  EXPECT_EQ(string_of(body["Message"]), "Unexpected field type");
  EXPECT_FALSE(body.HasMember("message"));
}

TEST(WriteErrorBody, ResourceNotFound) {
  const ApiError error = ApiError::resource_not_found("Requested resource not found");
  EXPECT_EQ(write_error_body(error), R"({"__type":")" + std::string(error.type_name()) +
                                         R"(","message":"Requested resource not found"})");
}

TEST(WriteErrorBody, OmitsAnEmptyMessage) {
  EXPECT_EQ(write_error_body(ApiError::unknown_operation()),
            R"({"__type":"com.amazon.coral.service#UnknownOperationException"})");
}

TEST(WriteErrorBody, CarriesTheOldItemOfAFailedCondition) {
  auto old_item = std::make_shared<const Item>(Item{{"p", std::string("k")}});
  const JsonDocument body =
      parse_json(write_error_body(ApiError::conditional_check_failed(old_item)));
  EXPECT_EQ(string_of(body["message"]), "The conditional request failed");
  EXPECT_EQ(string_of(body["Item"]["p"]["S"]), "k");
  EXPECT_FALSE(
      parse_json(write_error_body(ApiError::conditional_check_failed())).HasMember("Item"));
}

TEST(WriteErrorBody, ListsCancellationReasonsInOrder) {
  const ApiError error = ApiError::transaction_canceled(
      {{"None", "", nullptr},
       {"ConditionalCheckFailed", "The conditional request failed",
        std::make_shared<const Item>(Item{{"p", std::string("k")}})},
       {"ValidationError", "Item size to update has exceeded the maximum allowed size", nullptr}});
  EXPECT_EQ(write_error_body(error),
            R"({"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException",)"
            R"("message":"Transaction cancelled, please refer cancellation reasons for specific )"
            R"(reasons [None, ConditionalCheckFailed, ValidationError]",)"
            R"("CancellationReasons":[{"Code":"None"},)"
            R"({"Item":{"p":{"S":"k"}},"Code":"ConditionalCheckFailed",)"
            R"("Message":"The conditional request failed"},)"
            R"({"Code":"ValidationError",)"
            R"("Message":"Item size to update has exceeded the maximum allowed size"}]})");
}

TEST(WriteBatchGetResponse, EveryTableInResponsesAndUnprocessedKeysWithTheirRequest) {
  const Item a{{"p", std::string("a")}};
  const Item b{{"p", std::string("b")}};
  const JsonDocument request =
      parse_json(R"({"Keys":[{"p":{"S":"a"}},{"p":{"S":"b"}}],"ProjectionExpression":"p"})");
  const std::vector<TableItems> responses{{"one", {a}}, {"two", {}}};
  const std::vector<UnprocessedKeys> unprocessed{{"two", &request, {&b}}};
  EXPECT_EQ(write_batch_get_response(responses, unprocessed),
            R"({"Responses":{"one":[{"p":{"S":"a"}}],"two":[]},)"
            R"("UnprocessedKeys":{"two":{"ProjectionExpression":"p","Keys":[{"p":{"S":"b"}}]}}})");
  EXPECT_EQ(write_batch_get_response({}, {}), R"({"Responses":{},"UnprocessedKeys":{}})");
}

TEST(WriteTransactGetResponse, MissingItemIsAnEmptyResponse) {
  const std::vector<std::optional<Item>> items{Item{{"p", std::string("a")}}, std::nullopt, Item{}};
  EXPECT_EQ(write_transact_get_response(items),
            R"({"Responses":[{"Item":{"p":{"S":"a"}}},{},{"Item":{}}]})");
}

}  // namespace
}  // namespace ddblocal::wire
