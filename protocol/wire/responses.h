// Response bodies as JSON text, written straight from typed results with a rapidjson::Writer
// (no JSON DOM on the way out), in the shapes DynamoDB answers with.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/api_error.h"
#include "protocol/attribute_value.h"
#include "protocol/table_schema.h"
#include "protocol/wire/json.h"
#include "protocol/wire/response_metrics.h"
#include "protocol/wire/value_codec.h"

namespace ddblocal::wire {

// {"<member>":{...}}: DescribeTable answers with member "Table", CreateTable and DeleteTable
// with "TableDescription". A table in status DELETING is described as DeleteTable answers:
// without KeySchema, AttributeDefinitions and CreationDateTime.
std::string write_table_description_response(std::string_view member,
                                             const TableDescription& table);

// {"TableNames":[...]}, with "LastEvaluatedTableName" when `last_evaluated` holds a name.
std::string write_list_tables_response(const std::vector<std::string>& names,
                                       const std::optional<std::string>& last_evaluated);

// The part of an answer's writer that writes its items: whole, or from their events.
class ItemsWriter {
 public:
  ItemsWriter(const ItemsWriter&) = delete;
  ItemsWriter& operator=(const ItemsWriter&) = delete;

  // The next item.
  void add(const Item& item);
  // The next item, from the events `walk` hands the ItemEvents it is given; only the top-level
  // attributes `names` lists, when given. After a failure of `walk` the answer is unusable.
  template <typename Walk>
  Result<void> add_walked(const Walk& walk, const std::vector<std::string>* names) {
    write_member();
    writer_.StartObject();
    ItemJsonWriter events(writer_, names);
    DDB_RETURN_IF_ERROR(walk(events));
    writer_.EndObject();
    return {};
  }

 protected:
  // Each item is the value of `member` when given (an answer of one item), else an element.
  explicit ItemsWriter(std::string_view member = {});
  ~ItemsWriter() = default;

  rapidjson::StringBuffer buffer_;
  JsonWriter writer_;

 private:
  void write_member();

  std::string_view member_;
};

// {"<member>":{item}} (member "Item" for GetItem, "Attributes" for ReturnValues), or {} when
// no item is added; then the metrics of the one table read or written.
class ItemResponseWriter : public ItemsWriter {
 public:
  explicit ItemResponseWriter(std::string_view member);
  std::string finish(const ResponseMetrics& metrics = {});
};

// The same for an item at hand, or none when `item` is null.
std::string write_item_response(std::string_view member, const Item* item,
                                const ResponseMetrics& metrics = {});

// A Query or Scan page, {"Items":[...],"Count":n,"ScannedCount":m,"LastEvaluatedKey":{...}},
// written as the page is read: the items first, then the rest.
class PageResponseWriter : public ItemsWriter {
 public:
  // Without items (Select COUNT) the answer has no Items.
  explicit PageResponseWriter(bool with_items);

  // The answer: LastEvaluatedKey only when `last_evaluated_key` is not null.
  std::string finish(std::size_t count, std::size_t scanned_count, const Item* last_evaluated_key,
                     const ResponseMetrics& metrics = {});

 private:
  bool with_items_;
};

// One table's items in a BatchGetItem answer.
struct TableItems {
  std::string_view table_name;
  std::vector<Item> items;
};

// One table's keys left for the client to ask again, with the rest of the KeysAndAttributes
// object it sent (its projection, names and ConsistentRead).
struct UnprocessedKeys {
  std::string_view table_name;
  const JsonValue* keys_and_attributes;
  std::vector<const Item*> keys;
};

// {"Responses":{"<table>":[...]},"UnprocessedKeys":{...}}: every table asked for appears in
// Responses, UnprocessedKeys is always there, {} when every key was read.
std::string write_batch_get_response(const std::vector<TableItems>& responses,
                                     const std::vector<UnprocessedKeys>& unprocessed,
                                     const ResponseMetrics& metrics = {});

// {"UnprocessedItems":{}} and the metrics of each table written: a batch writes everything.
std::string write_batch_write_response(const ResponseMetrics& metrics);

// {"Responses":[{"Item":{...}},{},...]}: {} for an item that does not exist.
std::string write_transact_get_response(const std::vector<std::optional<Item>>& items,
                                        const ResponseMetrics& metrics = {});

// {} and the metrics of each table a transaction wrote.
std::string write_transact_write_response(const ResponseMetrics& metrics);

// {"__type":"<type name>","message":"..."}. DynamoDB spells the member "Message" in its
// SerializationException only.
std::string write_error_body(const ApiError& error);

}  // namespace ddblocal::wire
