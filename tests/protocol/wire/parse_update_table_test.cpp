// UpdateTable: parse_update_table's checks that need no table, and apply_table_update's against
// the current schema. Messages from /work/notes/messages-indexes.md section 4.
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "protocol/wire/requests.h"
#include "tests/protocol/wire/wire_test_util.h"

namespace ddblocal::wire {
namespace {

using test_util::parse_json;
using test_util::validation_message;

constexpr std::string_view kInvalid = "One or more parameter values were invalid: ";

Result<UpdateTableRequest> parse(std::string_view body) {
  return parse_update_table(parse_json(body));
}

// A PROVISIONED (5, 5) table "abc" keyed by p, with global index byg on g (2, 3).
TableSchema provisioned_with_index() {
  TableSchema schema;
  schema.table_name = "abc";
  schema.partition_key = {"p", ScalarType::kS};
  schema.attribute_definitions = {schema.partition_key, {"g", ScalarType::kN}};
  schema.provisioned_throughput = {5, 5};
  SecondaryIndex index;
  index.name = "byg";
  index.key_schema.partition = {{"g", ScalarType::kN}};
  index.provisioned_throughput = {2, 3};
  schema.indexes = {index};
  return schema;
}

TableSchema pay_per_request_with_index() {
  TableSchema schema = provisioned_with_index();
  schema.billing_mode = BillingMode::kPayPerRequest;
  schema.provisioned_throughput = {};
  schema.indexes[0].provisioned_throughput = {};
  return schema;
}

// `body` parsed and applied to `current`: the first error of either.
Result<TableSchema> updated_schema(const TableSchema& current, std::string_view body) {
  DDB_ASSIGN_OR_RETURN(auto request, parse(body));
  return apply_table_update(current, request);
}

// --- parse_update_table ---

TEST(ParseUpdateTable, SomethingMustChange) {
  const std::string expected =
      "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
      "GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, "
      "ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, "
      "OnDemandThroughput, WarmThroughput or TableClass is required";
  EXPECT_EQ(validation_message(parse(R"({"TableName":"abc"})")), expected);
  EXPECT_EQ(validation_message(parse(R"({"TableName":"abc","GlobalSecondaryIndexUpdates":[]})")),
            expected);
}

// dynalite's updateTable tests (recorded against the service): TableName's presence and length
// come first and alone; throughput out of bounds comes after the member constraints.
TEST(ParseUpdateTable, TableNameIsCheckedFirstAndAlone) {
  EXPECT_EQ(validation_message(parse(R"({"BillingMode":"X"})")),
            "The parameter 'TableName' is required but was not present in the request");
  EXPECT_EQ(validation_message(parse(R"({"TableName":"a;","BillingMode":"X"})")),
            "TableName must be at least 3 characters long and at most 255 characters long");
}

TEST(ParseUpdateTable, ThroughputOutOfBoundsAfterMemberConstraints) {
  EXPECT_EQ(validation_message(parse(R"({"TableName":"abc","ProvisionedThroughput":
                                         {"ReadCapacityUnits":1000000000001,
                                          "WriteCapacityUnits":1000000000001}})")),
            "Given value 1000000000001 for ReadCapacityUnits is out of bounds");
  EXPECT_EQ(validation_message(parse(R"({"TableName":"abc","ProvisionedThroughput":
                                         {"ReadCapacityUnits":1000000000001,
                                          "WriteCapacityUnits":-1}})")),
            "1 validation error detected: Value '-1' at 'provisionedThroughput.writeCapacityUnits' "
            "failed to satisfy constraint: Member must have value greater than or equal to 1");
}

TEST(ParseUpdateTable, EmptyIndexUpdatesBesideAnotherChange) {
  EXPECT_EQ(validation_message(parse(R"({"TableName":"abc","BillingMode":"PAY_PER_REQUEST",
                                         "GlobalSecondaryIndexUpdates":[]})")),
            std::string(kInvalid) + "List of GlobalSecondaryIndexUpdates is empty");
}

TEST(ParseUpdateTable, OneIndexCreatedOrDeletedAtATime) {
  const std::string_view expected =
      "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously "
      "per table";
  for (std::string_view updates : {
           R"([{"Create":{"IndexName":"one","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],
                          "Projection":{"ProjectionType":"ALL"}}},
               {"Create":{"IndexName":"two","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],
                          "Projection":{"ProjectionType":"ALL"}}}])",
           R"([{"Delete":{"IndexName":"one"}},{"Delete":{"IndexName":"two"}}])",
       }) {
    auto result = parse(R"({"TableName":"abc","AttributeDefinitions":[
        {"AttributeName":"g","AttributeType":"S"}],"GlobalSecondaryIndexUpdates":)" +
                        std::string(updates) + "}");
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().type(), ErrorType::kLimitExceeded);
    EXPECT_EQ(result.error().message(), expected);
  }
}

// An index name lists its length before its pattern (DynamoDB 2026-10-09, ack-api-quirks
// DDB-TABLE-457, for Create; Update and Delete share the member: inferred).
TEST(ParseUpdateTable, IndexNameListsLengthBeforePattern) {
  for (std::string_view action : {"create", "update", "delete"}) {
    const std::string update = action == "create" ? R"({"Create":{"IndexName":"","KeySchema":[
                                   {"AttributeName":"g","KeyType":"HASH"}],
                                   "Projection":{"ProjectionType":"ALL"}}})"
                               : action == "update"
                                   ? R"({"Update":{"IndexName":"","ProvisionedThroughput":{
                                   "ReadCapacityUnits":1,"WriteCapacityUnits":1}}})"
                                   : R"({"Delete":{"IndexName":""}})";
    const std::string path =
        "'globalSecondaryIndexUpdates.1.member." + std::string(action) + ".indexName' ";
    EXPECT_EQ(validation_message(parse(R"({"TableName":"abc","AttributeDefinitions":[
        {"AttributeName":"g","AttributeType":"S"}],"GlobalSecondaryIndexUpdates":[)" +
                                       update + "]}")),
              "2 validation errors detected: Value '' at " + path +
                  "failed to satisfy constraint: Member must have length greater than or equal "
                  "to 3; Value '' at " +
                  path +
                  "failed to satisfy constraint: Member must satisfy regular expression pattern: "
                  "[a-zA-Z0-9_.-]+");
  }
}

TEST(ParseUpdateTable, OneUpdatePerIndex) {
  EXPECT_EQ(validation_message(parse(R"({"TableName":"abc","GlobalSecondaryIndexUpdates":[
        {"Update":{"IndexName":"byg","ProvisionedThroughput":{"ReadCapacityUnits":1,
                                                              "WriteCapacityUnits":1}}},
        {"Delete":{"IndexName":"byg"}}]})")),
            std::string(kInvalid) +
                "Only one global secondary index update per index is allowed simultaneously. "
                "Index: byg");
}

TEST(ParseUpdateTable, CreateNeedsAttributeDefinitions) {
  EXPECT_EQ(validation_message(parse(R"({"TableName":"abc","GlobalSecondaryIndexUpdates":[
        {"Create":{"IndexName":"byh","KeySchema":[{"AttributeName":"h","KeyType":"HASH"}],
                   "Projection":{"ProjectionType":"ALL"}}}]})")),
            std::string(kInvalid) + "AttributeDefinitions is not specified for index: byh");
}

TEST(ParseUpdateTable, ReadsBillingThroughputAndIndexUpdates) {
  auto request = parse(R"({"TableName":"abc","BillingMode":"PROVISIONED",
      "AttributeDefinitions":[{"AttributeName":"h","AttributeType":"B"}],
      "GlobalSecondaryIndexUpdates":[
        {"Create":{"IndexName":"byh","KeySchema":[{"AttributeName":"h","KeyType":"HASH"}],
                   "Projection":{"ProjectionType":"KEYS_ONLY"},
                   "ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":2}}},
        {"Update":{"IndexName":"byg","ProvisionedThroughput":{"ReadCapacityUnits":7,
                                                              "WriteCapacityUnits":8}}}]})");
  ASSERT_TRUE(request) << request.error().message();
  EXPECT_EQ(request->table_name, "abc");
  EXPECT_EQ(request->billing_mode, BillingMode::kProvisioned);
  ASSERT_EQ(request->index_updates.size(), 2u);
  const GlobalIndexUpdate& create = request->index_updates[0];
  EXPECT_EQ(create.action, GlobalIndexUpdate::Action::kCreate);
  EXPECT_EQ(create.index.name, "byh");
  EXPECT_EQ(create.index.key_schema.partition.front(), (AttributeDefinition{"h", ScalarType::kB}));
  EXPECT_EQ(create.index.projection, ProjectionType::kKeysOnly);
  EXPECT_EQ(create.throughput, (ProvisionedThroughput{1, 2}));
  EXPECT_EQ(request->index_updates[1].action, GlobalIndexUpdate::Action::kUpdate);
  EXPECT_EQ(request->index_updates[1].throughput, (ProvisionedThroughput{7, 8}));
}

// DynamoDB changes one kind of thing per call (the 2026 probes of
// /work/notes/control-plane.md).
TEST(ParseUpdateTable, OneKindOfChangePerCall) {
  EXPECT_EQ(validation_message(parse(R"({"TableName":"abc",
      "ProvisionedThroughput":{"ReadCapacityUnits":4,"WriteCapacityUnits":6},
      "AttributeDefinitions":[{"AttributeName":"h","AttributeType":"B"}],
      "GlobalSecondaryIndexUpdates":[{"Delete":{"IndexName":"byh"}}]})")),
            std::string(kInvalid) + "You cannot create or delete index while updating table IOPS");
  EXPECT_EQ(
      validation_message(
          parse(R"({"TableName":"abc","DeletionProtectionEnabled":true,"TableClass":"STANDARD"})")),
      std::string(kInvalid) + "TableClass modification must be the only operation in the request");
  EXPECT_EQ(validation_message(parse(R"({"TableName":"abc","BillingMode":"PAY_PER_REQUEST",
      "OnDemandThroughput":{"MaxReadRequestUnits":5},"DeletionProtectionEnabled":false})")),
            std::string(kInvalid) +
                "DeletionProtection modification must be the only operation in the request");
  auto request = parse(R"({"TableName":"abc","BillingMode":"PAY_PER_REQUEST",
      "OnDemandThroughput":{"MaxReadRequestUnits":5}})");
  ASSERT_TRUE(request) << request.error().message();
  EXPECT_EQ(request->settings.on_demand, (OnDemandThroughput{5, -1}));
}

TEST(ParseUpdateTable, ReadsSettings) {
  auto request = parse(R"({"TableName":"abc","SSESpecification":{"Enabled":true,
      "SSEType":"KMS","KMSMasterKeyId":"alias/k"}})");
  ASSERT_TRUE(request) << request.error().message();
  ASSERT_TRUE(request->settings.encryption);
  EXPECT_EQ(**request->settings.encryption, (KmsEncryption{"alias/k"}));
  EXPECT_EQ(validation_message(parse(R"({"TableName":"abc","SSESpecification":{
      "Enabled":false,"KMSMasterKeyId":"k"}})")),
            std::string(kInvalid) + "KMSMasterKeyId can not be specified if Enabled is false");
  EXPECT_EQ(validation_message(parse(R"({"TableName":"abc","TableClass":"COLD"})")),
            "Invalid table-class parameter provided. Please try again with a valid table-class "
            "value: [STANDARD, STANDARD_INFREQUENT_ACCESS].");
}

// --- apply_table_update ---

TEST(ApplyTableUpdate, CreatingAnExistingIndex) {
  EXPECT_EQ(validation_message(updated_schema(provisioned_with_index(), R"({"TableName":"abc",
      "AttributeDefinitions":[{"AttributeName":"g","AttributeType":"N"}],
      "GlobalSecondaryIndexUpdates":[
        {"Create":{"IndexName":"byg","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],
                   "Projection":{"ProjectionType":"ALL"},
                   "ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":1}}}]})")),
            "Attempting to create an index which already exists");
}

TEST(ApplyTableUpdate, DeletingOrUpdatingAMissingIndexIsNotFound) {
  for (std::string_view update : {
           R"({"Delete":{"IndexName":"nope"}})",
           R"({"Update":{"IndexName":"nope","ProvisionedThroughput":{"ReadCapacityUnits":1,
                                                                      "WriteCapacityUnits":1}}})",
       }) {
    auto result = updated_schema(
        provisioned_with_index(),
        R"({"TableName":"abc","GlobalSecondaryIndexUpdates":[)" + std::string(update) + "]}");
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().type(), ErrorType::kResourceNotFound);
    EXPECT_EQ(result.error().message(), "Requested resource not found: Index nope for table abc");
  }
}

TEST(ApplyTableUpdate, PayPerRequestZeroesTableAndIndexThroughput) {
  auto schema = updated_schema(provisioned_with_index(),
                               R"({"TableName":"abc","BillingMode":"PAY_PER_REQUEST"})");
  ASSERT_TRUE(schema) << schema.error().message();
  EXPECT_EQ(schema->billing_mode, BillingMode::kPayPerRequest);
  EXPECT_EQ(schema->provisioned_throughput, (ProvisionedThroughput{0, 0}));
  EXPECT_EQ(schema->indexes[0].provisioned_throughput, (ProvisionedThroughput{0, 0}));
}

TEST(ApplyTableUpdate, ProvisionedNeedsThroughputForTableAndEachIndex) {
  EXPECT_EQ(
      validation_message(updated_schema(pay_per_request_with_index(),
                                        R"({"TableName":"abc","BillingMode":"PROVISIONED"})")),
      std::string(kInvalid) +
          "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
  constexpr std::string_view kTableThroughput =
      R"({"TableName":"abc","BillingMode":"PROVISIONED",
          "ProvisionedThroughput":{"ReadCapacityUnits":4,"WriteCapacityUnits":6})";
  EXPECT_EQ(validation_message(
                updated_schema(pay_per_request_with_index(), std::string(kTableThroughput) + "}")),
            std::string(kInvalid) + "ProvisionedThroughput must be specified for index: byg");
  auto schema = updated_schema(pay_per_request_with_index(), std::string(kTableThroughput) + R"(,
      "GlobalSecondaryIndexUpdates":[{"Update":{"IndexName":"byg",
          "ProvisionedThroughput":{"ReadCapacityUnits":7,"WriteCapacityUnits":8}}}]})");
  ASSERT_TRUE(schema) << schema.error().message();
  EXPECT_EQ(schema->billing_mode, BillingMode::kProvisioned);
  EXPECT_EQ(schema->provisioned_throughput, (ProvisionedThroughput{4, 6}));
  EXPECT_EQ(schema->indexes[0].provisioned_throughput, (ProvisionedThroughput{7, 8}));
}

TEST(ApplyTableUpdate, EqualTableThroughputIsRefused) {
  EXPECT_EQ(validation_message(updated_schema(provisioned_with_index(), R"({"TableName":"abc",
      "ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":5}})")),
            "The provisioned throughput for the table will not change. The requested value equals "
            "the current value. Current ReadCapacityUnits provisioned for the table: 5. "
            "Requested ReadCapacityUnits: 5. Current WriteCapacityUnits provisioned for the "
            "table: 5. Requested WriteCapacityUnits: 5. Refer to the Amazon DynamoDB Developer "
            "Guide for current limits and how to request higher limits.");
}

TEST(ApplyTableUpdate, CreatedIndexAddsItsKeyDefinition) {
  auto schema = updated_schema(provisioned_with_index(), R"({"TableName":"abc",
      "AttributeDefinitions":[{"AttributeName":"h","AttributeType":"S"},
                              {"AttributeName":"stale","AttributeType":"N"}],
      "GlobalSecondaryIndexUpdates":[
        {"Create":{"IndexName":"byh","KeySchema":[{"AttributeName":"h","KeyType":"HASH"}],
                   "Projection":{"ProjectionType":"ALL"},
                   "ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":2}}}]})");
  ASSERT_TRUE(schema) << schema.error().message();
  EXPECT_EQ(schema->attribute_definitions,
            (std::vector<AttributeDefinition>{
                {"p", ScalarType::kS}, {"g", ScalarType::kN}, {"h", ScalarType::kS}}));
  const SecondaryIndex* created = find_index(*schema, "byh");
  ASSERT_NE(created, nullptr);
  EXPECT_EQ(created->provisioned_throughput, (ProvisionedThroughput{1, 2}));
  EXPECT_EQ(schema->indexes.size(), 2u);
}

TEST(ApplyTableUpdate, DeletedIndexDropsItsUnusedDefinition) {
  auto schema = updated_schema(provisioned_with_index(),
                               R"({"TableName":"abc","GlobalSecondaryIndexUpdates":[
                            {"Delete":{"IndexName":"byg"}}]})");
  ASSERT_TRUE(schema) << schema.error().message();
  EXPECT_TRUE(schema->indexes.empty());
  EXPECT_EQ(schema->attribute_definitions,
            (std::vector<AttributeDefinition>{{"p", ScalarType::kS}}));
}

}  // namespace
}  // namespace ddblocal::wire
