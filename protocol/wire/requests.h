// The typed requests of the DynamoDB operations and their parsers. A parser takes the body
// object of one operation and returns the request validated as far as it can be without the
// table, or the exact error DynamoDB answers the same body with. The validate_* functions run
// the checks that need the table's schema; handlers call them once they found the table.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "protocol/attribute_value.h"
#include "protocol/capacity.h"
#include "protocol/expressions/ast.h"
#include "protocol/expressions/key_condition.h"
#include "protocol/result.h"
#include "protocol/table_schema.h"
#include "protocol/tags.h"
#include "protocol/wire/json.h"
#include "protocol/wire/parse_expressions.h"

namespace ddblocal::wire {

// Limits from the Developer Guide's "Service, account, and table quotas": an item of at most
// 400 KB, a partition key value of at most 2048 bytes, a sort key value of at most 1024 bytes.
inline constexpr std::size_t kMaxItemBytes = 400 * 1024;
inline constexpr std::size_t kMaxPartitionKeyBytes = 2048;
inline constexpr std::size_t kMaxSortKeyBytes = 1024;

// The batch and transaction limits of the API Reference.
inline constexpr std::size_t kMaxBatchWrites = 25;
inline constexpr std::size_t kMaxBatchGetKeys = 100;
inline constexpr std::size_t kMaxTransactionActions = 100;
inline constexpr std::size_t kMaxTransactionBytes = 4 * 1024 * 1024;

// What DynamoDB says of a Key of the wrong shape, without telling which attribute is wrong.
inline constexpr std::string_view kKeyDoesNotMatchSchema =
    "The provided key element does not match the schema";

struct CreateTableRequest {
  TableSchema schema;
  TagList tags;
  std::optional<std::string> resource_policy;
};

struct DescribeTableRequest {
  std::string table_name;
};

struct DeleteTableRequest {
  std::string table_name;
};

// One element of UpdateTable's GlobalSecondaryIndexUpdates.
struct GlobalIndexUpdate {
  enum class Action { kCreate, kUpdate, kDelete };
  Action action = Action::kCreate;
  // kCreate: the index, its throughput not yet set. kUpdate, kDelete: its name.
  SecondaryIndex index;
  // kCreate, kUpdate: the ProvisionedThroughput given.
  std::optional<ProvisionedThroughput> throughput;
};

// The settings an UpdateTable changes; each nullopt when the request leaves it alone.
struct SettingsUpdate {
  std::optional<bool> deletion_protection;
  std::optional<TableClass> table_class;
  // Given: KMS encryption, or nullopt for an AWS owned key.
  std::optional<std::optional<KmsEncryption>> encryption;
  std::optional<OnDemandThroughput> on_demand;
  std::optional<WarmThroughput> warm;
};

// UpdateTable's StreamSpecification: enable a stream of view type `enable`, or (nullopt)
// disable the table's stream.
struct StreamUpdate {
  std::optional<StreamViewType> enable;
};

struct UpdateTableRequest {
  std::string table_name;
  std::optional<BillingMode> billing_mode;
  std::optional<ProvisionedThroughput> throughput;
  // At most one kCreate or kDelete, and one update per index.
  std::vector<GlobalIndexUpdate> index_updates;
  SettingsUpdate settings;
  std::optional<StreamUpdate> stream;
};

struct ListTablesRequest {
  std::optional<std::string> exclusive_start_table_name;
  int limit = 100;
};

enum class ReturnValues { kNone, kAllOld, kUpdatedOld, kAllNew, kUpdatedNew };

// Conditions, updates and projections come parsed and resolved.
struct PutItemRequest {
  std::string table_name;
  Item item;
  // kNone or kAllOld: the only two PutItem accepts.
  ReturnValues return_values = ReturnValues::kNone;
  std::optional<expr::Condition> condition;
  // ReturnValuesOnConditionCheckFailure ALL_OLD.
  bool return_old_item_on_condition_failure = false;
  capacity::Report return_consumed_capacity = capacity::Report::kNone;
  // ReturnItemCollectionMetrics SIZE.
  bool return_item_collection_metrics = false;
};

struct GetItemRequest {
  std::string table_name;
  Item key;
  bool consistent_read = false;
  std::optional<expr::Projection> projection;
  capacity::Report return_consumed_capacity = capacity::Report::kNone;
};

struct DeleteItemRequest {
  std::string table_name;
  Item key;
  // kNone or kAllOld: the only two DeleteItem accepts.
  ReturnValues return_values = ReturnValues::kNone;
  std::optional<expr::Condition> condition;
  bool return_old_item_on_condition_failure = false;
  capacity::Report return_consumed_capacity = capacity::Report::kNone;
  // ReturnItemCollectionMetrics SIZE.
  bool return_item_collection_metrics = false;
};

struct UpdateItemRequest {
  std::string table_name;
  Item key;
  ReturnValues return_values = ReturnValues::kNone;
  // Absent: the item is only created (with its key) when missing.
  std::optional<expr::UpdateExpression> update;
  std::optional<expr::Condition> condition;
  bool return_old_item_on_condition_failure = false;
  capacity::Report return_consumed_capacity = capacity::Report::kNone;
  // ReturnItemCollectionMetrics SIZE.
  bool return_item_collection_metrics = false;
};

// What a Query or Scan returns of each item. An absent Select is kSpecificAttributes when the
// request has a ProjectionExpression, else kAllAttributes (kAllProjectedAttributes on an
// index).
enum class Select { kAllAttributes, kAllProjectedAttributes, kSpecificAttributes, kCount };

// Expressions come parsed and resolved, classic parameters translated; the key condition is
// still a condition (or the checked KeyConditions), as only the table's (or index's) key schema
// can turn it into an expr::KeyCondition: query_key_range does.
struct QueryRequest {
  std::string table_name;
  std::optional<std::string> index_name;
  std::variant<expr::Condition, KeyConditionTerms> key_condition;
  std::optional<expr::Condition> filter;
  bool filter_from_query_filter = false;
  std::optional<expr::Projection> projection;
  Select select = Select::kAllAttributes;
  std::optional<std::int64_t> limit;
  bool scan_index_forward = true;
  std::optional<Item> exclusive_start_key;
  bool consistent_read = false;
  capacity::Report return_consumed_capacity = capacity::Report::kNone;
};

struct ScanRequest {
  std::string table_name;
  std::optional<std::string> index_name;
  std::optional<expr::Condition> filter;
  std::optional<expr::Projection> projection;
  Select select = Select::kAllAttributes;
  std::optional<std::int64_t> limit;
  std::optional<Item> exclusive_start_key;
  // Both or neither; segment < total_segments.
  std::optional<std::int64_t> segment, total_segments;
  bool consistent_read = false;
  capacity::Report return_consumed_capacity = capacity::Report::kNone;
};

// One WriteRequest of a BatchWriteItem.
struct BatchWrite {
  std::string table_name;
  // A PutRequest's Item, or a DeleteRequest's Key when !put.
  Item item;
  bool put = true;
};

struct BatchWriteItemRequest {
  // In the order of the request: table by table, each table's list in order.
  std::vector<BatchWrite> writes;
  capacity::Report return_consumed_capacity = capacity::Report::kNone;
  // ReturnItemCollectionMetrics SIZE.
  bool return_item_collection_metrics = false;
};

// One table's KeysAndAttributes of a BatchGetItem.
struct BatchGetTable {
  std::string table_name;
  std::vector<Item> keys;
  bool consistent_read = false;
  std::optional<expr::Projection> projection;
  // The KeysAndAttributes object as sent: UnprocessedKeys repeats it with fewer keys.
  const JsonValue* json = nullptr;
};

struct BatchGetItemRequest {
  std::vector<BatchGetTable> tables;
  capacity::Report return_consumed_capacity = capacity::Report::kNone;
};

enum class TransactionAction { kConditionCheck, kPut, kDelete, kUpdate };

// One of TransactWriteItems' actions.
struct TransactWrite {
  TransactionAction action = TransactionAction::kPut;
  std::string table_name;
  // A Put's Item; the Key of the others.
  Item item;
  // Required for a ConditionCheck.
  std::optional<expr::Condition> condition;
  // An Update's, required.
  std::optional<expr::UpdateExpression> update;
  bool return_old_item_on_condition_failure = false;
};

struct TransactWriteItemsRequest {
  std::vector<TransactWrite> actions;
  std::optional<std::string> client_request_token;
  // SHA-256 of TransactItems as sent: what tells a retry of this request (same digest) from a
  // different request under the same token. DynamoDB compares TransactItems alone.
  std::string digest;
  capacity::Report return_consumed_capacity = capacity::Report::kNone;
  // ReturnItemCollectionMetrics SIZE.
  bool return_item_collection_metrics = false;
};

struct TransactGetItemsRequest {
  std::vector<GetItemRequest> gets;
  capacity::Report return_consumed_capacity = capacity::Report::kNone;
};

// Each parser takes the body of its operation (a JSON object, as parse_request_body
// guarantees) and fails with DynamoDB's error for that body: SerializationException for a
// member of the wrong JSON type, ValidationException for a value the service rejects. Where
// several member constraints fail, the message lists them all, as the service does.

// The operation a table is created by: CreateTable, or ImportTable with its
// TableCreationParameters, which words some refusals differently.
enum class TableCreator { kCreateTable, kImportTable };

// Also checks the key schema against the attribute definitions; the schema it returns is
// complete (partition key, optional sort key, billing, zero throughput under PAY_PER_REQUEST).
Result<CreateTableRequest> parse_create_table(const JsonValue& body,
                                              TableCreator creator = TableCreator::kCreateTable);
Result<DescribeTableRequest> parse_describe_table(const JsonValue& body);
Result<DeleteTableRequest> parse_delete_table(const JsonValue& body);
Result<ListTablesRequest> parse_list_tables(const JsonValue& body);
// Checks what it can without the table: member constraints, something to update, the
// definitions of a created index's keys, one index created or deleted at a time.
Result<UpdateTableRequest> parse_update_table(const JsonValue& body);

// The table's schema once `request` applies to `current`, or DynamoDB's error when it cannot:
// an index that does not exist or already does, throughput against the billing mode, the index
// limits. Attribute definitions follow the keys: those of a new index are added, those no key
// uses any more are dropped.
Result<TableSchema> apply_table_update(const TableSchema& current,
                                       const UpdateTableRequest& request);
// Also rejects an item larger than kMaxItemBytes.
Result<PutItemRequest> parse_put_item(const JsonValue& body);
Result<GetItemRequest> parse_get_item(const JsonValue& body);
Result<DeleteItemRequest> parse_delete_item(const JsonValue& body);
Result<UpdateItemRequest> parse_update_item(const JsonValue& body);
Result<QueryRequest> parse_query(const JsonValue& body);
// Also rejects more than kMaxBatchWrites requests and an item larger than kMaxItemBytes.
Result<BatchWriteItemRequest> parse_batch_write_item(const JsonValue& body);
// Also rejects more than kMaxBatchGetKeys keys and a key given twice for one table.
Result<BatchGetItemRequest> parse_batch_get_item(const JsonValue& body);
// Also rejects Put items larger than kMaxItemBytes and together larger than
// kMaxTransactionBytes.
Result<TransactWriteItemsRequest> parse_transact_write_items(const JsonValue& body);
Result<TransactGetItemsRequest> parse_transact_get_items(const JsonValue& body);
Result<ScanRequest> parse_scan(const JsonValue& body);

// A Key (GetItem, DeleteItem) against the table's schema: exactly the key attributes, of the
// declared types, a string or binary key not empty, within kMaxPartitionKeyBytes and
// kMaxSortKeyBytes. Fails with DynamoDB's ValidationException.
Result<void> validate_key(const TableSchema& schema, const Item& key);

// The table's key attributes `item` (an item or a key) has with their declared type: none an
// empty string or binary. TransactWriteItems checks this for every action before it runs any,
// and fails the whole request with validate_key's message (not a cancellation reason).
Result<void> validate_key_values_not_empty(const TableSchema& schema, const Item& item);

// An ExclusiveStartKey against the schema of the table read, or of its `index` (the table's
// keys and the index's): the checks of validate_key, its messages prefixed with "The provided
// starting key is invalid: ". Whether the key lies within a Query's key condition is the
// query's business.
Result<void> validate_exclusive_start_key(const TableSchema& schema, const Item& key,
                                          const SecondaryIndex* index = nullptr);

// What a Query or Scan of a secondary index asks for.
struct IndexRead {
  Select select = Select::kAllProjectedAttributes;
  const expr::Projection* projection = nullptr;
  const expr::Condition* filter = nullptr;
  bool consistent_read = false;
};

// The rules of reading `index` of the table: no ConsistentRead on a global index, which also
// must project every attribute the read asks for (Select ALL_ATTRIBUTES, ProjectionExpression,
// FilterExpression). A local index reads what it lacks from the table.
Result<void> validate_index_read(const TableSchema& schema, const SecondaryIndex& index,
                                 const IndexRead& read);

// The key range a Query reads, from its KeyConditionExpression or KeyConditions, on the table
// or index with the key `keys`; then its filter (FilterExpression or QueryFilter) must not name
// those keys. Fails with DynamoDB's ValidationException, worded for the parameter given.
Result<expr::KeyCondition> query_key_range(const QueryRequest& request, const KeyAttributes& keys);

// Whether `index` holds attribute `name` of the items it indexes.
bool index_projects(const TableSchema& schema, const SecondaryIndex& index,
                    const std::string& name);

// The key attributes `item` has, of the table's key schema and, when given, of `index` (all
// of them once validate_item_keys passed): a LastEvaluatedKey.
Item key_of(const TableSchema& schema, const Item& item, const SecondaryIndex* index = nullptr);

// An update must not write or remove a key attribute.
Result<void> validate_update_keys(const TableSchema& schema, const expr::UpdateExpression& update);

// The key attributes of an item to write (PutItem): each present, of the declared type, not
// empty, within the key size limits; and the index key attributes it has (validate_index_keys).
// Other attributes are not looked at.
Result<void> validate_item_keys(const TableSchema& schema, const Item& item);

// The secondary index key attributes `item` has: not empty, of the declared type. With
// `old_item`, `item` is the result of an update and only the values the update changed are
// checked (an index created later may have skipped an item whose value does not fit it).
Result<void> validate_index_keys(const TableSchema& schema, const Item& item,
                                 const Item* old_item = nullptr);

}  // namespace ddblocal::wire
