// The answers of the backup operations, in the shapes the 2026 probes recorded: CreateBackup's
// BackupDetails alone, Describe/DeleteBackup's BackupDescription with the source table's
// details and features, ListBackups' summaries.
#include "protocol/arn.h"
#include "protocol/wire/backups.h"
#include "protocol/wire/schema_writers.h"

namespace ddblocal::wire {
namespace {

const char* status_name(BackupStatus status) {
  switch (status) {
    case BackupStatus::kCreating:
      return "CREATING";
    case BackupStatus::kDeleted:
      return "DELETED";
    case BackupStatus::kAvailable:
      return "AVAILABLE";
  }
  return "AVAILABLE";
}

const char* billing_mode_name(BillingMode mode) {
  return mode == BillingMode::kPayPerRequest ? "PAY_PER_REQUEST" : "PROVISIONED";
}

void write_backup_details(JsonWriter& writer, const Backup& backup) {
  writer.StartObject();
  write_key(writer, "BackupArn");
  write_string(writer, backup.arn);
  write_key(writer, "BackupName");
  write_string(writer, backup.name);
  write_key(writer, "BackupSizeBytes");
  writer.Int64(backup.size_bytes);
  write_key(writer, "BackupStatus");
  writer.String(status_name(backup.status));
  write_key(writer, "BackupType");
  writer.String("USER");
  write_key(writer, "BackupCreationDateTime");
  writer.Double(backup.creation_date_time);
  writer.EndObject();
}

void write_source_table_details(JsonWriter& writer, const Backup& backup) {
  const TableSchema& table = backup.table;
  writer.StartObject();
  write_key(writer, "TableName");
  write_string(writer, table.table_name);
  write_key(writer, "TableId");
  write_string(writer, backup.table_id);
  write_key(writer, "TableArn");
  write_string(writer, table_arn(backup.region, table.table_name));
  write_key(writer, "TableSizeBytes");
  writer.Int64(backup.size_bytes);
  write_key(writer, "KeySchema");
  write_key_schema(writer, key_attributes(table.partition_key, table.sort_key));
  write_key(writer, "TableCreationDateTime");
  writer.Double(backup.table_creation_date_time);
  write_key(writer, "ProvisionedThroughput");
  writer.StartObject();
  write_key(writer, "ReadCapacityUnits");
  writer.Int64(table.provisioned_throughput.read_capacity_units);
  write_key(writer, "WriteCapacityUnits");
  writer.Int64(table.provisioned_throughput.write_capacity_units);
  writer.EndObject();
  if (table.settings.on_demand_throughput) {
    write_key(writer, "OnDemandThroughput");
    writer.StartObject();
    write_key(writer, "MaxReadRequestUnits");
    writer.Int64(table.settings.on_demand_throughput->max_read_request_units);
    write_key(writer, "MaxWriteRequestUnits");
    writer.Int64(table.settings.on_demand_throughput->max_write_request_units);
    writer.EndObject();
  }
  write_key(writer, "ItemCount");
  writer.Int64(backup.item_count);
  write_key(writer, "BillingMode");
  writer.String(billing_mode_name(table.billing_mode));
  writer.EndObject();
}

// The indexes of one kind as *IndexInfo shapes: name, keys, projection, a GSI's throughput.
void write_index_infos(JsonWriter& writer, const TableSchema& table, bool global) {
  bool any = false;
  for (const SecondaryIndex& index : table.indexes) {
    if (index.global != global) {
      continue;
    }
    if (!any) {
      write_key(writer, global ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes");
      writer.StartArray();
      any = true;
    }
    writer.StartObject();
    write_key(writer, "IndexName");
    write_string(writer, index.name);
    write_key(writer, "KeySchema");
    write_key_schema(writer, key_attributes(index.key_schema));
    write_key(writer, "Projection");
    write_projection(writer, index);
    if (global) {
      write_key(writer, "ProvisionedThroughput");
      writer.StartObject();
      write_key(writer, "ReadCapacityUnits");
      writer.Int64(index.provisioned_throughput.read_capacity_units);
      write_key(writer, "WriteCapacityUnits");
      writer.Int64(index.provisioned_throughput.write_capacity_units);
      writer.EndObject();
    }
    writer.EndObject();
  }
  if (any) {
    writer.EndArray();
  }
}

// {} for a table without indexes, streams, TTL or KMS encryption.
void write_source_table_features(JsonWriter& writer, const Backup& backup) {
  writer.StartObject();
  write_index_infos(writer, backup.table, false);
  write_index_infos(writer, backup.table, true);
  if (backup.table.settings.kms_encryption) {
    write_key(writer, "SSEDescription");
    write_sse_description(writer, *backup.table.settings.kms_encryption, backup.region);
  }
  writer.EndObject();
}

}  // namespace

std::string write_create_backup_response(const Backup& backup) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_key(writer, "BackupDetails");
  write_backup_details(writer, backup);
  writer.EndObject();
  return text_of(buffer);
}

std::string write_backup_description_response(const Backup& backup) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_key(writer, "BackupDescription");
  writer.StartObject();
  write_key(writer, "BackupDetails");
  write_backup_details(writer, backup);
  write_key(writer, "SourceTableDetails");
  write_source_table_details(writer, backup);
  write_key(writer, "SourceTableFeatureDetails");
  write_source_table_features(writer, backup);
  writer.EndObject();
  writer.EndObject();
  return text_of(buffer);
}

std::string write_list_backups_response(const BackupPage& page) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_key(writer, "BackupSummaries");
  writer.StartArray();
  for (const Backup& backup : page.backups) {
    writer.StartObject();
    write_key(writer, "TableName");
    write_string(writer, backup.table.table_name);
    write_key(writer, "TableId");
    write_string(writer, backup.table_id);
    write_key(writer, "TableArn");
    write_string(writer, table_arn(backup.region, backup.table.table_name));
    write_key(writer, "BackupArn");
    write_string(writer, backup.arn);
    write_key(writer, "BackupName");
    write_string(writer, backup.name);
    write_key(writer, "BackupCreationDateTime");
    writer.Double(backup.creation_date_time);
    write_key(writer, "BackupStatus");
    writer.String(status_name(backup.status));
    write_key(writer, "BackupType");
    writer.String("USER");
    write_key(writer, "BackupSizeBytes");
    writer.Int64(backup.size_bytes);
    writer.EndObject();
  }
  writer.EndArray();
  if (page.truncated) {
    write_key(writer, "LastEvaluatedBackupArn");
    write_string(writer, page.backups.back().arn);
  }
  writer.EndObject();
  return text_of(buffer);
}

// Continuous backups (on-demand backups) are always ENABLED; point-in-time recovery reports its
// period and window only while enabled.
std::string write_continuous_backups_response(const PointInTimeRecoveryDescription& recovery) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_key(writer, "ContinuousBackupsDescription");
  writer.StartObject();
  write_key(writer, "ContinuousBackupsStatus");
  writer.String("ENABLED");
  write_key(writer, "PointInTimeRecoveryDescription");
  writer.StartObject();
  write_key(writer, "PointInTimeRecoveryStatus");
  writer.String(recovery.enabled ? "ENABLED" : "DISABLED");
  if (recovery.enabled) {
    write_key(writer, "RecoveryPeriodInDays");
    writer.Int(recovery.recovery_period_days);
    write_key(writer, "EarliestRestorableDateTime");
    writer.Double(static_cast<double>(recovery.window.earliest_ms) / 1000);
    write_key(writer, "LatestRestorableDateTime");
    writer.Double(static_cast<double>(recovery.window.latest_ms) / 1000);
  }
  writer.EndObject();
  writer.EndObject();
  writer.EndObject();
  return text_of(buffer);
}

}  // namespace ddblocal::wire
