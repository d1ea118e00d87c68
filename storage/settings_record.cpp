#include "storage/settings_record.h"

#include "protocol/attribute_value.h"
#include "storage/record_fields.h"

namespace ddblocal::storage {
namespace {

// The "settings" map (written to disk: do not rename):
//   protected BOOL | class S ("STANDARD"...) | class_ms N | kms S (the key as asked) |
//   od_read N, od_write N | warm_read N, warm_write N |
//   increase_ms N | decrease_ms N | decreases N | decrease_day N
// Every member is optional: absent means the default.

void add_time(AttributeMap& map, const char* name, const std::optional<double>& seconds) {
  if (seconds) {
    map.emplace(name, time_value(*seconds));
  }
}

}  // namespace

void add_settings(AttributeMap& record, const TableSettings& settings) {
  AttributeMap map{{"protected", settings.deletion_protection_enabled}};
  if (settings.table_class) {
    map.emplace("class", std::string(table_class_name(*settings.table_class)));
  }
  add_time(map, "class_ms", settings.table_class_updated);
  if (settings.kms_encryption) {
    map.emplace("kms", settings.kms_encryption->key_id);
  }
  if (settings.on_demand_throughput) {
    map.emplace("od_read", number_value(settings.on_demand_throughput->max_read_request_units));
    map.emplace("od_write", number_value(settings.on_demand_throughput->max_write_request_units));
  }
  if (settings.warm_throughput) {
    map.emplace("warm_read", number_value(settings.warm_throughput->read_units_per_second));
    map.emplace("warm_write", number_value(settings.warm_throughput->write_units_per_second));
  }
  const ThroughputHistory& history = settings.throughput_history;
  add_time(map, "increase_ms", history.last_increase);
  add_time(map, "decrease_ms", history.last_decrease);
  map.emplace("decreases", number_value(history.decreases));
  map.emplace("decrease_day", number_value(history.decrease_day));
  record.insert_or_assign("settings", std::move(map));
}

TableSettings settings_of(const AttributeMap& record) {
  TableSettings settings;
  const AttributeMap* map = map_of(record, "settings");
  if (map == nullptr) {
    return settings;
  }
  settings.deletion_protection_enabled = bool_of(*map, "protected");
  if (map->contains("class")) {
    settings.table_class = string_of(*map, "class") == "STANDARD_INFREQUENT_ACCESS"
                               ? TableClass::kStandardInfrequentAccess
                               : TableClass::kStandard;
  }
  settings.table_class_updated = time_of(*map, "class_ms");
  if (map->contains("kms")) {
    settings.kms_encryption = KmsEncryption{string_of(*map, "kms")};
  }
  if (map->contains("od_read")) {
    settings.on_demand_throughput =
        OnDemandThroughput{number_of(*map, "od_read"), number_of(*map, "od_write")};
  }
  if (map->contains("warm_read")) {
    settings.warm_throughput =
        WarmThroughput{number_of(*map, "warm_read"), number_of(*map, "warm_write")};
  }
  ThroughputHistory& history = settings.throughput_history;
  history.last_increase = time_of(*map, "increase_ms");
  history.last_decrease = time_of(*map, "decrease_ms");
  history.decreases = number_of(*map, "decreases");
  history.decrease_day = number_of(*map, "decrease_day");
  return settings;
}

}  // namespace ddblocal::storage
