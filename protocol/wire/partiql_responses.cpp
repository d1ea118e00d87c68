#include "protocol/wire/partiql_responses.h"

#include "protocol/wire/json.h"
#include "protocol/wire/value_codec.h"

namespace ddblocal::wire {
namespace {

void write_error(JsonWriter& writer, const BatchStatementError& error) {
  writer.Key("Error");
  writer.StartObject();
  writer.Key("Code");
  write_string(writer, error.code);
  writer.Key("Message");
  write_string(writer, error.message);
  if (error.item) {
    writer.Key("Item");
    write_item(writer, *error.item);
  }
  writer.EndObject();
}

}  // namespace

std::string write_statement_response(const std::vector<Item>& items, const std::string* next_token,
                                     const ResponseMetrics& metrics) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("Items");
  writer.StartArray();
  for (const Item& item : items) {
    write_item(writer, item);
  }
  writer.EndArray();
  if (next_token != nullptr) {
    writer.Key("NextToken");
    write_string(writer, *next_token);
  }
  write_metrics(writer, metrics, MetricsShape::kSingleTable);
  writer.EndObject();
  return text_of(buffer);
}

std::string write_batch_statement_response(const std::vector<BatchStatementResult>& results,
                                           const ResponseMetrics& metrics) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("Responses");
  writer.StartArray();
  for (const BatchStatementResult& result : results) {
    writer.StartObject();
    if (result.error) {
      write_error(writer, *result.error);
    }
    if (result.table_name) {
      writer.Key("TableName");
      write_string(writer, *result.table_name);
    }
    if (result.item) {
      writer.Key("Item");
      write_item(writer, *result.item);
    }
    writer.EndObject();
  }
  writer.EndArray();
  write_metrics(writer, metrics, MetricsShape::kPerTable);
  writer.EndObject();
  return text_of(buffer);
}

std::string write_transaction_writes_response(const ResponseMetrics& metrics) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("Responses");
  writer.StartArray();
  writer.EndArray();
  write_metrics(writer, metrics, MetricsShape::kPerTableSplit);
  writer.EndObject();
  return text_of(buffer);
}

}  // namespace ddblocal::wire
