#include "protocol/table_settings.h"

#include <algorithm>
#include <cmath>

#include "protocol/arn.h"

namespace ddblocal {
namespace {

constexpr double kSecondsPerDay = 86'400;

std::int64_t day_of(double seconds) {
  return static_cast<std::int64_t>(std::floor(seconds / kSecondsPerDay));
}

}  // namespace

const char* table_class_name(TableClass table_class) {
  return table_class == TableClass::kStandardInfrequentAccess ? "STANDARD_INFREQUENT_ACCESS"
                                                              : "STANDARD";
}

std::string kms_key_arn(const KmsEncryption& encryption, std::string_view region) {
  if (encryption.key_id.starts_with("arn:")) {
    return encryption.key_id;
  }
  // The AWS managed key (alias/aws/dynamodb) has one fixed id per account and region here.
  const std::string resource = encryption.key_id.empty() ? "key/aws-dynamodb-managed-key"
                               : encryption.key_id.starts_with("alias/")
                                   ? encryption.key_id
                                   : "key/" + encryption.key_id;
  std::string arn = "arn:aws:kms:";
  arn.append(region).append(":").append(kAccountId).append(":").append(resource);
  return arn;
}

WarmThroughput effective_warm_throughput(const std::optional<WarmThroughput>& asked,
                                         std::int64_t read_capacity_units,
                                         std::int64_t write_capacity_units) {
  WarmThroughput warm = asked.value_or(kInitialWarmThroughput);
  warm.read_units_per_second =
      std::max({warm.read_units_per_second, kInitialWarmThroughput.read_units_per_second,
                read_capacity_units});
  warm.write_units_per_second =
      std::max({warm.write_units_per_second, kInitialWarmThroughput.write_units_per_second,
                write_capacity_units});
  return warm;
}

ThroughputHistory record_throughput_change(ThroughputHistory history, std::int64_t old_read,
                                           std::int64_t old_write, std::int64_t new_read,
                                           std::int64_t new_write, double now) {
  if (new_read > old_read || new_write > old_write) {
    history.last_increase = now;
  }
  if (new_read < old_read || new_write < old_write) {
    history.last_decrease = now;
    history.decreases = decreases_today(history, now) + 1;
    history.decrease_day = day_of(now);
  }
  return history;
}

std::int64_t decreases_today(const ThroughputHistory& history, double now) {
  return history.decrease_day == day_of(now) ? history.decreases : 0;
}

}  // namespace ddblocal
