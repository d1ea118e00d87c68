// The settings of a table beside its keys, indexes and billing: deletion protection, table
// class, encryption, on-demand maxima and warm throughput, as CreateTable and UpdateTable set
// them and DescribeTable reports them; and the history of provisioned throughput changes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ddblocal {

enum class TableClass : std::uint8_t { kStandard, kStandardInfrequentAccess };

// "STANDARD" or "STANDARD_INFREQUENT_ACCESS".
const char* table_class_name(TableClass table_class);

// Encryption with a KMS key (SSEType KMS); a table without it is encrypted with an AWS owned
// key, which DescribeTable does not mention.
struct KmsEncryption {
  // The key as the request named it (an id, an alias or an ARN); empty: the AWS managed key
  // (alias/aws/dynamodb).
  std::string key_id;
  bool operator==(const KmsEncryption&) const = default;
};

// The ARN of the KMS key (SSEDescription's KMSMasterKeyArn) in `region` of the local account.
std::string kms_key_arn(const KmsEncryption& encryption, std::string_view region);

// OnDemandThroughput: the most request units per second an on-demand table may use; -1: no
// maximum.
struct OnDemandThroughput {
  std::int64_t max_read_request_units = -1;
  std::int64_t max_write_request_units = -1;
  bool operator==(const OnDemandThroughput&) const = default;
};

struct WarmThroughput {
  std::int64_t read_units_per_second = 0;
  std::int64_t write_units_per_second = 0;
  bool operator==(const WarmThroughput&) const = default;
};

// What a new table can serve at once (the Developer Guide's "warm throughput": 12,000 reads and
// 4,000 writes per second for a new on-demand table).
inline constexpr WarmThroughput kInitialWarmThroughput{12'000, 4'000};

// When the table's provisioned throughput last went up and down (seconds since the Unix epoch),
// and how many decreases happened on `decrease_day` (days since the epoch, UTC).
struct ThroughputHistory {
  std::optional<double> last_increase;
  std::optional<double> last_decrease;
  std::int64_t decreases = 0;
  std::int64_t decrease_day = 0;
  bool operator==(const ThroughputHistory&) const = default;
};

struct TableSettings {
  bool deletion_protection_enabled = false;
  // nullopt: never given, and DescribeTable has no TableClassSummary (STANDARD).
  std::optional<TableClass> table_class;
  // When UpdateTable last changed the table class.
  std::optional<double> table_class_updated;
  std::optional<KmsEncryption> kms_encryption;
  // Only under PAY_PER_REQUEST.
  std::optional<OnDemandThroughput> on_demand_throughput;
  // The warm throughput asked for, if any (the table reports at least its initial one).
  std::optional<WarmThroughput> warm_throughput;
  ThroughputHistory throughput_history;
  bool operator==(const TableSettings&) const = default;
};

// The warm throughput DescribeTable reports: what was asked for, at least the initial warm
// throughput, and never below the provisioned capacity.
WarmThroughput effective_warm_throughput(const std::optional<WarmThroughput>& asked,
                                         std::int64_t read_capacity_units,
                                         std::int64_t write_capacity_units);

// The history after the provisioned throughput went from (old_read, old_write) to (new_read,
// new_write) at `now` (seconds since the Unix epoch).
ThroughputHistory record_throughput_change(ThroughputHistory history, std::int64_t old_read,
                                           std::int64_t old_write, std::int64_t new_read,
                                           std::int64_t new_write, double now);

// NumberOfDecreasesToday at `now`: the decreases of the current UTC day.
std::int64_t decreases_today(const ThroughputHistory& history, double now);

}  // namespace ddblocal
