// Response bodies as JSON text. Member order follows the service's responses; clients read
// members by name, but a familiar order makes captured traffic easy to compare.
#include "protocol/wire/responses.h"

#include "protocol/arn.h"
#include "protocol/streams.h"
#include "protocol/wire/json.h"
#include "protocol/wire/schema_writers.h"
#include "protocol/wire/value_codec.h"

namespace ddblocal::wire {
namespace {

const char* status_name(TableStatus status) {
  switch (status) {
    case TableStatus::kCreating:
      return "CREATING";
    case TableStatus::kUpdating:
      return "UPDATING";
    case TableStatus::kActive:
      return "ACTIVE";
    case TableStatus::kDeleting:
      return "DELETING";
  }
  return "ACTIVE";
}

const char* index_status_name(IndexStatus status) {
  switch (status) {
    case IndexStatus::kCreating:
      return "CREATING";
    case IndexStatus::kActive:
      return "ACTIVE";
    case IndexStatus::kDeleting:
      return "DELETING";
  }
  return "ACTIVE";
}

// GlobalSecondaryIndexes or LocalSecondaryIndexes, when the table has indexes of that kind. A
// local index has no status or throughput of its own; a global one is Backfilling while it is
// built.
void write_indexes(JsonWriter& writer, const TableDescription& table, const std::string& arn,
                   bool global) {
  const TableSchema& schema = table.schema;
  bool any = false;
  for (std::size_t i = 0; i < schema.indexes.size(); ++i) {
    const SecondaryIndex& index = schema.indexes[i];
    if (index.global != global) {
      continue;
    }
    if (!any) {
      write_key(writer, global ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes");
      writer.StartArray();
      any = true;
    }
    const IndexDescription& state = table.indexes[i];
    writer.StartObject();
    write_key(writer, "IndexName");
    write_string(writer, index.name);
    write_key(writer, "KeySchema");
    write_key_schema(writer, key_attributes(index.key_schema));
    write_key(writer, "Projection");
    write_projection(writer, index);
    if (global) {
      write_key(writer, "IndexStatus");
      writer.String(index_status_name(state.status));
      if (state.status == IndexStatus::kCreating) {
        write_key(writer, "Backfilling");
        writer.Bool(true);
      }
      write_key(writer, "ProvisionedThroughput");
      write_provisioned_throughput(writer, index.provisioned_throughput);
      write_key(writer, "WarmThroughput");
      write_warm_throughput(
          writer,
          effective_warm_throughput(std::nullopt, index.provisioned_throughput.read_capacity_units,
                                    index.provisioned_throughput.write_capacity_units),
          index_status_name(state.status));
    }
    write_key(writer, "IndexSizeBytes");
    writer.Int64(state.size_bytes);
    write_key(writer, "ItemCount");
    writer.Int64(state.item_count);
    write_key(writer, "IndexArn");
    write_string(writer, arn + "/index/" + index.name);
    writer.EndObject();
  }
  if (any) {
    writer.EndArray();
  }
}

void write_restore_summary(JsonWriter& writer, const RestoreSummary& summary) {
  writer.StartObject();
  if (summary.source_backup_arn) {
    write_key(writer, "SourceBackupArn");
    write_string(writer, *summary.source_backup_arn);
  }
  write_key(writer, "SourceTableArn");
  write_string(writer, summary.source_table_arn);
  write_key(writer, "RestoreDateTime");
  writer.Double(summary.restore_date_time);
  write_key(writer, "RestoreInProgress");
  writer.Bool(summary.restore_in_progress);
  writer.EndObject();
}

// The members after BillingModeSummary: RestoreSummary while restoring, SSEDescription for KMS
// encryption, TableClassSummary once a class was given, then deletion protection, the on-demand
// maxima and the warm throughput (a DELETING table has only the encryption).
void write_settings(JsonWriter& writer, const TableDescription& table) {
  const TableSettings& settings = table.schema.settings;
  const bool deleting = table.status == TableStatus::kDeleting;
  if (table.restore_summary) {
    write_key(writer, "RestoreSummary");
    write_restore_summary(writer, *table.restore_summary);
  }
  if (settings.kms_encryption) {
    write_key(writer, "SSEDescription");
    write_sse_description(writer, *settings.kms_encryption, table.region);
  }
  if (deleting) {
    return;
  }
  if (settings.table_class) {
    write_key(writer, "TableClassSummary");
    writer.StartObject();
    write_key(writer, "TableClass");
    writer.String(table_class_name(*settings.table_class));
    if (settings.table_class_updated) {
      write_key(writer, "LastUpdateDateTime");
      writer.Double(*settings.table_class_updated);
    }
    writer.EndObject();
  }
  write_key(writer, "DeletionProtectionEnabled");
  writer.Bool(settings.deletion_protection_enabled);
  if (settings.on_demand_throughput) {
    write_key(writer, "OnDemandThroughput");
    writer.StartObject();
    write_key(writer, "MaxReadRequestUnits");
    writer.Int64(settings.on_demand_throughput->max_read_request_units);
    write_key(writer, "MaxWriteRequestUnits");
    writer.Int64(settings.on_demand_throughput->max_write_request_units);
    writer.EndObject();
  }
  write_key(writer, "WarmThroughput");
  const ProvisionedThroughput& capacity = table.schema.provisioned_throughput;
  write_warm_throughput(
      writer,
      effective_warm_throughput(settings.warm_throughput, capacity.read_capacity_units,
                                capacity.write_capacity_units),
      status_name(table.status));
}

// StreamSpecification while a stream is enabled; the latest stream's label and ARN once the
// table had one, enabled or not (a 2026 probe of the service: disabling drops
// StreamSpecification and keeps the other two).
void write_stream_members(JsonWriter& writer, const TableDescription& table) {
  if (table.schema.stream) {
    write_key(writer, "StreamSpecification");
    writer.StartObject();
    write_key(writer, "StreamEnabled");
    writer.Bool(true);
    write_key(writer, "StreamViewType");
    writer.String(stream_view_type_name(*table.schema.stream));
    writer.EndObject();
  }
  if (table.latest_stream_label) {
    write_key(writer, "LatestStreamLabel");
    write_string(writer, *table.latest_stream_label);
    write_key(writer, "LatestStreamArn");
    write_string(writer,
                 stream_arn({table.region, table.schema.table_name, *table.latest_stream_label}));
  }
}

// The shape follows the service: DeleteTable's description leaves out the key schema, the
// attribute definitions and the creation time (Alternator's test_delete_table_description,
// verified on DynamoDB); BillingModeSummary appears once a table has been PAY_PER_REQUEST.
void write_table_description(JsonWriter& writer, const TableDescription& table) {
  const TableSchema& schema = table.schema;
  const bool deleting = table.status == TableStatus::kDeleting;
  writer.StartObject();
  if (!deleting) {
    write_key(writer, "AttributeDefinitions");
    write_attribute_definitions(writer, schema);
  }
  write_key(writer, "TableName");
  write_string(writer, schema.table_name);
  if (!deleting) {
    write_key(writer, "KeySchema");
    write_key_schema(writer, key_attributes(schema.partition_key, schema.sort_key));
  }
  write_key(writer, "TableStatus");
  writer.String(status_name(table.status));
  if (!deleting) {
    write_key(writer, "CreationDateTime");
    writer.Double(table.creation_date_time);
  }
  write_key(writer, "ProvisionedThroughput");
  write_provisioned_throughput(writer, schema.provisioned_throughput,
                               &schema.settings.throughput_history, table.decreases_today);
  write_key(writer, "TableSizeBytes");
  writer.Int64(table.size_bytes);
  write_key(writer, "ItemCount");
  writer.Int64(table.item_count);
  write_key(writer, "TableArn");
  const std::string arn = table_arn(table.region, schema.table_name);
  write_string(writer, arn);
  write_key(writer, "TableId");
  write_string(writer, table.table_id);
  if (!deleting) {
    write_indexes(writer, table, arn, true);
    write_indexes(writer, table, arn, false);
  }
  if (table.last_update_to_pay_per_request) {
    write_key(writer, "BillingModeSummary");
    writer.StartObject();
    write_key(writer, "BillingMode");
    writer.String(schema.billing_mode == BillingMode::kPayPerRequest ? "PAY_PER_REQUEST"
                                                                     : "PROVISIONED");
    write_key(writer, "LastUpdateToPayPerRequestDateTime");
    writer.Double(*table.last_update_to_pay_per_request);
    writer.EndObject();
  }
  write_stream_members(writer, table);
  write_settings(writer, table);
  writer.EndObject();
}

}  // namespace

std::string write_table_description_response(std::string_view member,
                                             const TableDescription& table) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_key(writer, member);
  write_table_description(writer, table);
  writer.EndObject();
  return text_of(buffer);
}

std::string write_list_tables_response(const std::vector<std::string>& names,
                                       const std::optional<std::string>& last_evaluated) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_key(writer, "TableNames");
  writer.StartArray();
  for (const std::string& name : names) {
    write_string(writer, name);
  }
  writer.EndArray();
  if (last_evaluated) {
    write_key(writer, "LastEvaluatedTableName");
    write_string(writer, *last_evaluated);
  }
  writer.EndObject();
  return text_of(buffer);
}

ItemsWriter::ItemsWriter(std::string_view member) : writer_(buffer_), member_(member) {}

void ItemsWriter::write_member() {
  if (!member_.empty()) {
    write_key(writer_, member_);
  }
}

void ItemsWriter::add(const Item& item) {
  write_member();
  write_item(writer_, item);
}

ItemResponseWriter::ItemResponseWriter(std::string_view member) : ItemsWriter(member) {
  writer_.StartObject();
}

std::string ItemResponseWriter::finish(const ResponseMetrics& metrics) {
  write_metrics(writer_, metrics, MetricsShape::kSingleTable);
  writer_.EndObject();
  return text_of(buffer_);
}

std::string write_item_response(std::string_view member, const Item* item,
                                const ResponseMetrics& metrics) {
  ItemResponseWriter answer(member);
  if (item != nullptr) {
    answer.add(*item);
  }
  return answer.finish(metrics);
}

PageResponseWriter::PageResponseWriter(bool with_items) : with_items_(with_items) {
  writer_.StartObject();
  if (with_items_) {
    write_key(writer_, "Items");
    writer_.StartArray();
  }
}

std::string PageResponseWriter::finish(std::size_t count, std::size_t scanned_count,
                                       const Item* last_evaluated_key,
                                       const ResponseMetrics& metrics) {
  if (with_items_) {
    writer_.EndArray();
  }
  write_key(writer_, "Count");
  writer_.Uint64(count);
  write_key(writer_, "ScannedCount");
  writer_.Uint64(scanned_count);
  if (last_evaluated_key != nullptr) {
    write_key(writer_, "LastEvaluatedKey");
    write_item(writer_, *last_evaluated_key);
  }
  write_metrics(writer_, metrics, MetricsShape::kSingleTable);
  writer_.EndObject();
  return text_of(buffer_);
}

std::string write_batch_get_response(const std::vector<TableItems>& responses,
                                     const std::vector<UnprocessedKeys>& unprocessed,
                                     const ResponseMetrics& metrics) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_key(writer, "Responses");
  writer.StartObject();
  for (const TableItems& table : responses) {
    write_key(writer, table.table_name);
    writer.StartArray();
    for (const Item& item : table.items) {
      write_item(writer, item);
    }
    writer.EndArray();
  }
  writer.EndObject();
  write_key(writer, "UnprocessedKeys");
  writer.StartObject();
  for (const UnprocessedKeys& table : unprocessed) {
    write_key(writer, table.table_name);
    writer.StartObject();
    for (const auto& member : table.keys_and_attributes->GetObject()) {
      if (std::string_view(member.name.GetString(), member.name.GetStringLength()) != "Keys") {
        member.name.Accept(writer);
        member.value.Accept(writer);
      }
    }
    write_key(writer, "Keys");
    writer.StartArray();
    for (const Item* key : table.keys) {
      write_item(writer, *key);
    }
    writer.EndArray();
    writer.EndObject();
  }
  writer.EndObject();
  write_metrics(writer, metrics, MetricsShape::kPerTable);
  writer.EndObject();
  return text_of(buffer);
}

std::string write_batch_write_response(const ResponseMetrics& metrics) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("UnprocessedItems");
  writer.StartObject();
  writer.EndObject();
  write_metrics(writer, metrics, MetricsShape::kPerTable);
  writer.EndObject();
  return text_of(buffer);
}

std::string write_transact_get_response(const std::vector<std::optional<Item>>& items,
                                        const ResponseMetrics& metrics) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_key(writer, "Responses");
  writer.StartArray();
  for (const std::optional<Item>& item : items) {
    writer.StartObject();
    if (item) {
      write_key(writer, "Item");
      write_item(writer, *item);
    }
    writer.EndObject();
  }
  writer.EndArray();
  write_metrics(writer, metrics, MetricsShape::kPerTableSplit);
  writer.EndObject();
  return text_of(buffer);
}

std::string write_transact_write_response(const ResponseMetrics& metrics) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_metrics(writer, metrics, MetricsShape::kPerTableSplit);
  writer.EndObject();
  return text_of(buffer);
}

std::string write_error_body(const ApiError& error) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_key(writer, "__type");
  write_string(writer, error.type_name());
  // DynamoDB sends no message at all when it has none (UnknownOperationException).
  if (!error.message().empty()) {
    write_key(writer, error.type() == ErrorType::kSerialization ? "Message" : "message");
    write_string(writer, error.message());
  }
  if (error.item() != nullptr) {
    write_key(writer, "Item");
    write_item(writer, *error.item());
  }
  if (!error.cancellation_reasons().empty()) {
    write_key(writer, "CancellationReasons");
    writer.StartArray();
    for (const CancellationReason& reason : error.cancellation_reasons()) {
      writer.StartObject();
      if (reason.item) {
        write_key(writer, "Item");
        write_item(writer, *reason.item);
      }
      write_key(writer, "Code");
      write_string(writer, reason.code);
      if (!reason.message.empty()) {
        write_key(writer, "Message");
        write_string(writer, reason.message);
      }
      writer.EndObject();
    }
    writer.EndArray();
  }
  writer.EndObject();
  return text_of(buffer);
}

}  // namespace ddblocal::wire
