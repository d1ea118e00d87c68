// The request parsers: raw bytes as an HTTP body would arrive, through parse_request_body and
// the parser of one operation, as the router and the handlers run them. The first byte chooses
// the operation (its value minus 'a', mod the count: 'a' CreateTable, 'b' DescribeTable, ...,
// as kOperations lists them); the rest is the body. Nothing may crash or throw (an escaped
// JsonContractViolation is a type check the parser forgot); a failure must be a client error;
// every item a request carries must survive the item codec and the JSON writer unchanged; and
// its expressions are exercised against it as the handlers would.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "protocol/expressions/evaluate.h"
#include "protocol/expressions/projection.h"
#include "protocol/expressions/update.h"
#include "protocol/wire/backups.h"
#include "protocol/wire/control_requests.h"
#include "protocol/wire/exports.h"
#include "protocol/wire/json.h"
#include "protocol/wire/partiql_requests.h"
#include "protocol/wire/requests.h"
#include "protocol/wire/stream_requests.h"
#include "protocol/wire/table_names.h"
#include "protocol/wire/ttl.h"
#include "tests/fuzz/fuzz_check.h"

namespace ddblocal::fuzz {
namespace {

void exercise_condition(const std::optional<expr::Condition>& condition, const Item& item) {
  if (condition) {
    expr::evaluate(*condition, &item);
    expr::evaluate(*condition, nullptr);
  }
}

void exercise_projection(const std::optional<expr::Projection>& projection, const Item& item) {
  if (projection) {
    check_storable(expr::project(item, projection->paths), "project");
  }
}

void exercise_update(const std::optional<expr::UpdateExpression>& update, const Item& key) {
  if (!update) {
    return;
  }
  Result<Item> updated = expr::apply_update(*update, key);
  if (succeeded(updated)) {
    check_storable(*updated, "apply_update");
  }
}

void put_item(const wire::JsonValue& body) {
  Result<wire::PutItemRequest> request = wire::parse_put_item(body);
  if (succeeded(request)) {
    check_storable(request->item, "PutItem Item");
    exercise_condition(request->condition, request->item);
  }
}

void get_item(const wire::JsonValue& body) {
  Result<wire::GetItemRequest> request = wire::parse_get_item(body);
  if (succeeded(request)) {
    // A TableName the parser let through, name or ARN, resolves to the name itself or to the end
    // of its ARN, or fails as a client error (AccessDeniedException: another account's table).
    Result<std::string_view> name = wire::table_name_in_namespace(request->table_name, "us-east-1");
    if (name) {
      check(request->table_name.ends_with(*name), "a table name that is not its TableName's end");
    } else if (name.error().type() != ErrorType::kAccessDenied) {
      check_client_error(name.error());
    }
    check_storable(request->key, "GetItem Key");
    exercise_projection(request->projection, request->key);
  }
}

void delete_item(const wire::JsonValue& body) {
  Result<wire::DeleteItemRequest> request = wire::parse_delete_item(body);
  if (succeeded(request)) {
    check_storable(request->key, "DeleteItem Key");
    exercise_condition(request->condition, request->key);
  }
}

void update_item(const wire::JsonValue& body) {
  Result<wire::UpdateItemRequest> request = wire::parse_update_item(body);
  if (succeeded(request)) {
    check_storable(request->key, "UpdateItem Key");
    exercise_condition(request->condition, request->key);
    exercise_update(request->update, request->key);
  }
}

void query(const wire::JsonValue& body) {
  Result<wire::QueryRequest> request = wire::parse_query(body);
  if (!succeeded(request)) {
    return;
  }
  static const KeySchema table{{{"p", ScalarType::kS}}, {{"s", ScalarType::kN}}};
  static const KeySchema hash_only{{{"p", ScalarType::kS}}, {}};
  static const KeySchema multi{{{"p", ScalarType::kS}, {"g", ScalarType::kN}},
                               {{"s", ScalarType::kN}, {"m", ScalarType::kS}}};
  for (const KeySchema* key : {&table, &hash_only, &multi}) {
    (void)succeeded(wire::query_key_range(*request, key_attributes(*key)));
  }
  if (request->exclusive_start_key) {
    check_storable(*request->exclusive_start_key, "Query ExclusiveStartKey");
  }
}

void scan(const wire::JsonValue& body) {
  Result<wire::ScanRequest> request = wire::parse_scan(body);
  if (succeeded(request) && request->exclusive_start_key) {
    check_storable(*request->exclusive_start_key, "Scan ExclusiveStartKey");
    exercise_condition(request->filter, *request->exclusive_start_key);
    exercise_projection(request->projection, *request->exclusive_start_key);
  }
}

void batch_write_item(const wire::JsonValue& body) {
  Result<wire::BatchWriteItemRequest> request = wire::parse_batch_write_item(body);
  if (succeeded(request)) {
    for (const wire::BatchWrite& write : request->writes) {
      check_storable(write.item, "BatchWriteItem item");
    }
  }
}

void batch_get_item(const wire::JsonValue& body) {
  Result<wire::BatchGetItemRequest> request = wire::parse_batch_get_item(body);
  if (succeeded(request)) {
    for (const wire::BatchGetTable& table : request->tables) {
      for (const Item& key : table.keys) {
        check_storable(key, "BatchGetItem key");
        exercise_projection(table.projection, key);
      }
    }
  }
}

void transact_write_items(const wire::JsonValue& body) {
  Result<wire::TransactWriteItemsRequest> request = wire::parse_transact_write_items(body);
  if (succeeded(request)) {
    for (const wire::TransactWrite& action : request->actions) {
      check_storable(action.item, "TransactWriteItems item");
      exercise_condition(action.condition, action.item);
      exercise_update(action.update, action.item);
    }
  }
}

void transact_get_items(const wire::JsonValue& body) {
  Result<wire::TransactGetItemsRequest> request = wire::parse_transact_get_items(body);
  if (succeeded(request)) {
    for (const wire::GetItemRequest& get : request->gets) {
      check_storable(get.key, "TransactGetItems key");
      exercise_projection(get.projection, get.key);
    }
  }
}

// A PROVISIONED table (p, c) with a global index on g, a global index with a multi-attribute
// key (g, h; m, n) and a local one on l, for UpdateTable.
TableSchema indexed_schema() {
  TableSchema schema;
  schema.table_name = "fuzz";
  schema.partition_key = {"p", ScalarType::kS};
  schema.sort_key = AttributeDefinition{"c", ScalarType::kN};
  schema.provisioned_throughput = {5, 5};
  SecondaryIndex global{.name = "byg", .key_schema = {{{"g", ScalarType::kS}}, {}}};
  global.provisioned_throughput = {1, 1};
  SecondaryIndex multi{.name = "bymulti",
                       .key_schema = {{{"g", ScalarType::kS}, {"h", ScalarType::kN}},
                                      {{"m", ScalarType::kS}, {"n", ScalarType::kN}}}};
  multi.provisioned_throughput = {1, 1};
  SecondaryIndex local{.name = "byl",
                       .global = false,
                       .key_schema = {{schema.partition_key}, {{"l", ScalarType::kB}}}};
  schema.indexes = {global, multi, local};
  schema.attribute_definitions = {
      schema.partition_key,  *schema.sort_key,      {"g", ScalarType::kS}, {"h", ScalarType::kN},
      {"m", ScalarType::kS}, {"n", ScalarType::kN}, {"l", ScalarType::kB}};
  return schema;
}

void update_table(const wire::JsonValue& body) {
  Result<wire::UpdateTableRequest> request = wire::parse_update_table(body);
  if (succeeded(request)) {
    (void)succeeded(wire::apply_table_update(indexed_schema(), *request));
  }
}

void restore_table_from_backup(const wire::JsonValue& body) {
  Result<wire::RestoreTableFromBackupRequest> request = wire::parse_restore_table_from_backup(body);
  if (succeeded(request)) {
    (void)succeeded(wire::apply_restore_overrides(indexed_schema(), request->overrides));
  }
}

void restore_table_to_point_in_time(const wire::JsonValue& body) {
  Result<wire::RestoreTableToPointInTimeRequest> request =
      wire::parse_restore_table_to_point_in_time(body);
  if (succeeded(request)) {
    (void)succeeded(wire::apply_restore_overrides(indexed_schema(), request->overrides));
  }
}

void update_time_to_live(const wire::JsonValue& body) {
  Result<wire::UpdateTimeToLiveRequest> request = wire::parse_update_time_to_live(body);
  if (succeeded(request)) {
    (void)succeeded(wire::apply_time_to_live_update(std::nullopt, *request));
    (void)succeeded(wire::apply_time_to_live_update("expires", *request));
  }
}

// A shard iterator read from a request survives encoding and decoding unchanged.
void get_records(const wire::JsonValue& body) {
  Result<wire::GetRecordsRequest> request = wire::parse_get_records(body);
  if (!succeeded(request)) {
    return;
  }
  const ShardIterator& iterator = request->iterator;
  std::optional<ShardIterator> again = decode_shard_iterator(encode_shard_iterator(iterator));
  if (!again || again->stream_arn != iterator.stream_arn || again->position != iterator.position ||
      again->issued_ms != iterator.issued_ms) {
    fail("GetRecords: a shard iterator does not survive encoding");
  }
}

// A PartiQL statement's parameters, each as the value of an item's attribute.
void check_parameters(const std::vector<wire::StatementRequest>& statements, const char* what) {
  for (const wire::StatementRequest& statement : statements) {
    for (const AttributeValue& parameter : statement.parameters) {
      check_storable(Item{{"v", parameter}}, what);
    }
  }
}

void execute_statement(const wire::JsonValue& body) {
  Result<wire::ExecuteStatementRequest> request = wire::parse_execute_statement(body);
  if (succeeded(request)) {
    check_parameters({request->statement}, "ExecuteStatement parameter");
    if (request->next_token) {
      Result<wire::PageToken> token =
          wire::decode_page_token(*request->next_token, request->digest);
      if (succeeded(token)) {
        check_storable(token->exclusive_start_key, "NextToken key");
      }
    }
  }
}

void batch_execute_statement(const wire::JsonValue& body) {
  Result<wire::BatchExecuteStatementRequest> request = wire::parse_batch_execute_statement(body);
  if (succeeded(request)) {
    check_parameters(request->statements, "BatchExecuteStatement parameter");
  }
}

void execute_transaction(const wire::JsonValue& body) {
  Result<wire::ExecuteTransactionRequest> request = wire::parse_execute_transaction(body);
  if (succeeded(request)) {
    check_parameters(request->statements, "ExecuteTransaction parameter");
  }
}

using Operation = void (*)(const wire::JsonValue& body);

constexpr Operation kOperations[] = {
    [](const wire::JsonValue& body) { (void)succeeded(wire::parse_create_table(body)); },
    [](const wire::JsonValue& body) { (void)succeeded(wire::parse_describe_table(body)); },
    [](const wire::JsonValue& body) { (void)succeeded(wire::parse_delete_table(body)); },
    [](const wire::JsonValue& body) { (void)succeeded(wire::parse_list_tables(body)); },
    put_item,
    get_item,
    delete_item,
    update_item,
    query,
    scan,
    batch_write_item,
    batch_get_item,
    transact_write_items,
    transact_get_items,
    update_table,
    [](const wire::JsonValue& body) { (void)succeeded(wire::parse_tag_resource(body)); },
    [](const wire::JsonValue& body) { (void)succeeded(wire::parse_untag_resource(body)); },
    [](const wire::JsonValue& body) { (void)succeeded(wire::parse_list_tags_of_resource(body)); },
    [](const wire::JsonValue& body) { (void)succeeded(wire::parse_put_resource_policy(body)); },
    [](const wire::JsonValue& body) { (void)succeeded(wire::parse_delete_resource_policy(body)); },
    [](const wire::JsonValue& body) { (void)succeeded(wire::parse_create_backup(body)); },
    [](const wire::JsonValue& body) { (void)succeeded(wire::parse_describe_backup(body)); },
    [](const wire::JsonValue& body) { (void)succeeded(wire::parse_list_backups(body)); },
    restore_table_from_backup,
    [](const wire::JsonValue& body) { (void)succeeded(wire::parse_export_table(body)); },
    [](const wire::JsonValue& body) { (void)succeeded(wire::parse_import_table(body)); },
    [](const wire::JsonValue& body) { (void)succeeded(wire::parse_list_exports(body)); },
    [](const wire::JsonValue& body) { (void)succeeded(wire::parse_describe_import(body)); },
    execute_statement,
    batch_execute_statement,
    execute_transaction,
    update_time_to_live,
    [](const wire::JsonValue& body) { (void)succeeded(wire::parse_describe_time_to_live(body)); },
    [](const wire::JsonValue& body) { (void)succeeded(wire::parse_list_streams(body)); },
    [](const wire::JsonValue& body) { (void)succeeded(wire::parse_describe_stream(body)); },
    [](const wire::JsonValue& body) { (void)succeeded(wire::parse_get_shard_iterator(body)); },
    get_records,
    [](const wire::JsonValue& body) {
      (void)succeeded(wire::parse_update_continuous_backups(body));
    },
    restore_table_to_point_in_time,
};
constexpr std::size_t kOperationCount = sizeof(kOperations) / sizeof(kOperations[0]);

}  // namespace
}  // namespace ddblocal::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ddblocal;
  if (size == 0) {
    return 0;
  }
  const std::size_t operation = static_cast<std::uint8_t>(data[0] - 'a') % fuzz::kOperationCount;
  const std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  wire::JsonDocument document;
  if (!fuzz::succeeded(wire::parse_request_body(body, document))) {
    return 0;
  }
  fuzz::kOperations[operation](document);
  return 0;
}
