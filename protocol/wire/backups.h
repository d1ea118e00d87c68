// The backup operations: CreateBackup, DescribeBackup, ListBackups, DeleteBackup,
// RestoreTableFromBackup; point-in-time recovery: DescribeContinuousBackups,
// UpdateContinuousBackups, RestoreTableToPointInTime. Their typed requests, parsers, the
// restores' overrides and the answers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/backup.h"
#include "protocol/point_in_time_recovery.h"
#include "protocol/result.h"
#include "protocol/wire/json.h"
#include "protocol/wire/table_members.h"

namespace ddblocal::wire {

struct CreateBackupRequest {
  std::string table_name;
  std::string backup_name;
};

// DescribeBackup and DeleteBackup.
struct BackupArnRequest {
  std::string backup_arn;
};

enum class BackupTypeFilter { kUser, kSystem, kAwsBackup, kAll };

struct ListBackupsRequest {
  std::optional<std::string> table_name;
  // Backups created at or after the lower bound and before the upper (seconds).
  std::optional<double> lower_bound;
  std::optional<double> upper_bound;
  BackupTypeFilter type = BackupTypeFilter::kUser;
  std::size_t limit = 100;
  std::optional<std::string> exclusive_start_backup_arn;
};

// What a restore may change of the source table's schema.
struct RestoreOverrides {
  std::optional<BillingMode> billing_mode_override;
  std::optional<ProvisionedThroughput> throughput_override;
  std::optional<std::vector<IndexMembers>> global_index_override;
  std::optional<std::vector<IndexMembers>> local_index_override;
  // Given: KMS encryption, or nullopt for an AWS owned key.
  std::optional<std::optional<KmsEncryption>> sse_override;
};

struct RestoreTableFromBackupRequest {
  std::string target_table_name;
  std::string backup_arn;
  RestoreOverrides overrides;
};

struct UpdateContinuousBackupsRequest {
  std::string table_name;
  bool enabled = false;
  std::optional<std::int32_t> recovery_period_days;
};

struct RestoreTableToPointInTimeRequest {
  // One of the two names the source table.
  std::optional<std::string> source_table_arn;
  std::optional<std::string> source_table_name;
  std::string target_table_name;
  // Seconds since the Unix epoch; nullopt: the latest restorable time.
  std::optional<double> restore_date_time;
  RestoreOverrides overrides;
};

Result<CreateBackupRequest> parse_create_backup(const JsonValue& body);
Result<BackupArnRequest> parse_describe_backup(const JsonValue& body);
Result<BackupArnRequest> parse_delete_backup(const JsonValue& body);
Result<ListBackupsRequest> parse_list_backups(const JsonValue& body);
Result<RestoreTableFromBackupRequest> parse_restore_table_from_backup(const JsonValue& body);
// DescribeContinuousBackups takes a TableName alone.
Result<UpdateContinuousBackupsRequest> parse_update_continuous_backups(const JsonValue& body);
Result<RestoreTableToPointInTimeRequest> parse_restore_table_to_point_in_time(
    const JsonValue& body);

// The restored table's schema: the source's with the request's overrides, or DynamoDB's error.
Result<TableSchema> apply_restore_overrides(const TableSchema& source,
                                            const RestoreOverrides& overrides);

// The page of `backups` (every backup, by creation time) that `request` asks for in `region`,
// and whether more follow.
struct BackupPage {
  std::vector<Backup> backups;
  bool truncated = false;
};
Result<BackupPage> select_backups(const std::vector<Backup>& backups,
                                  const ListBackupsRequest& request, std::string_view region);

// {"BackupDetails":{...}} (CreateBackup).
std::string write_create_backup_response(const Backup& backup);
// {"BackupDescription":{"BackupDetails","SourceTableDetails","SourceTableFeatureDetails"}}.
std::string write_backup_description_response(const Backup& backup);
// {"BackupSummaries":[...],"LastEvaluatedBackupArn":..}.
std::string write_list_backups_response(const BackupPage& page);
// {"ContinuousBackupsDescription":{...}} (DescribeContinuousBackups, UpdateContinuousBackups).
std::string write_continuous_backups_response(const PointInTimeRecoveryDescription& recovery);

}  // namespace ddblocal::wire
