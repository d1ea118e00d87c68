#include "protocol/wire/table_settings_members.h"

#include <tuple>
#include <utility>

#include "protocol/wire/fields.h"
#include "protocol/wire/table_members.h"

namespace ddblocal::wire {
namespace {

constexpr std::string_view kSseTypes[] = {"AES256", "KMS"};
constexpr StringRule kSseTypeRule{.allowed = kSseTypes};
constexpr IntegerRule kWarmUnitsRule{.min = 1};

// The Developer Guide's limit on a resource-based policy, whitespace included.
constexpr std::size_t kMaxPolicyBytes = 20 * 1024;

Result<TableClass> table_class_of(std::string_view name) {
  if (name == "STANDARD") {
    return TableClass::kStandard;
  }
  if (name == "STANDARD_INFREQUENT_ACCESS") {
    return TableClass::kStandardInfrequentAccess;
  }
  return ApiError::validation(
      "Invalid table-class parameter provided. Please try again with a valid table-class value: "
      "[STANDARD, STANDARD_INFREQUENT_ACCESS].");
}

// SSESpecification's rules; the encryption it asks for (nullopt: an AWS owned key).
Result<EncryptionChange> encryption_of(const SettingsMembers& members) {
  const bool enabled = members.sse_enabled.value_or(false);
  if (!enabled) {
    if (members.sse_type) {
      return invalid_parameters("SSEType can not be specified if Enabled is false");
    }
    if (members.kms_key_id) {
      return invalid_parameters("KMSMasterKeyId can not be specified if Enabled is false");
    }
    return EncryptionChange();
  }
  if (members.sse_type == "AES256") {
    return invalid_parameters("SSEType AES256 is not supported");
  }
  if (members.kms_key_id && members.sse_type != "KMS") {
    return invalid_parameters("SSEType KMS is required if KMSMasterKeyId is specified");
  }
  return EncryptionChange(KmsEncryption{std::string(members.kms_key_id.value_or(""))});
}

// OnDemandThroughput's values: each at least 1, or -1 (no maximum; on UpdateTable, clears it).
Result<OnDemandThroughput> on_demand_of(const SettingsMembers& members) {
  OnDemandThroughput on_demand{members.max_read_request_units.value_or(-1),
                               members.max_write_request_units.value_or(-1)};
  for (auto [value, name] :
       {std::pair{on_demand.max_read_request_units, "MaxReadRequestUnits"},
        std::pair{on_demand.max_write_request_units, "MaxWriteRequestUnits"}}) {
    if (value == 0 || value < -1) {
      return invalid_parameters("Requested " + std::string(name) +
                                " for OnDemandThroughput for table is outside of valid range");
    }
  }
  return on_demand;
}

// The words of the OnDemandThroughput refusal under PROVISIONED around "BillingMode is
// PROVISIONED", by operation. UpdateTable: "when the table ...", no period (ack-api-quirks
// DDB-TABLE-059, 2026-10-08; CreateTable shares it: inferred); ImportTable: "when table ...",
// with a period (DDB-IMPORT-009, 2026-10-09).
struct OnDemandRefusalWords {
  std::string_view table;
  std::string_view end;
};
constexpr OnDemandRefusalWords kTableOperationWords{"the table", ""};
constexpr OnDemandRefusalWords kImportTableWords{"table", "."};

ApiError on_demand_under_provisioned(const OnDemandThroughput& on_demand,
                                     const OnDemandRefusalWords& words) {
  return invalid_parameters(
      std::string(on_demand.max_read_request_units != -1 ? "MaxReadRequestUnits"
                                                         : "MaxWriteRequestUnits") +
      " for OnDemandThroughput cannot be specified when " + std::string(words.table) +
      " BillingMode is PROVISIONED" + std::string(words.end));
}

}  // namespace

Result<SettingsMembers> read_settings_members(const JsonValue& body) {
  SettingsMembers members;
  DDB_ASSIGN_OR_RETURN(members.deletion_protection,
                       optional_bool(body, "DeletionProtectionEnabled"));
  DDB_ASSIGN_OR_RETURN(members.table_class, optional_string(body, "TableClass"));
  DDB_ASSIGN_OR_RETURN(members.sse, optional_object(body, "SSESpecification"));
  if (members.sse != nullptr) {
    DDB_ASSIGN_OR_RETURN(members.sse_enabled, optional_bool(*members.sse, "Enabled"));
    DDB_ASSIGN_OR_RETURN(members.sse_type, optional_string(*members.sse, "SSEType"));
    DDB_ASSIGN_OR_RETURN(members.kms_key_id, optional_string(*members.sse, "KMSMasterKeyId"));
  }
  DDB_ASSIGN_OR_RETURN(members.on_demand, optional_object(body, "OnDemandThroughput"));
  if (members.on_demand != nullptr) {
    DDB_ASSIGN_OR_RETURN(members.max_read_request_units,
                         optional_long(*members.on_demand, "MaxReadRequestUnits"));
    DDB_ASSIGN_OR_RETURN(members.max_write_request_units,
                         optional_long(*members.on_demand, "MaxWriteRequestUnits"));
  }
  DDB_ASSIGN_OR_RETURN(members.warm, optional_object(body, "WarmThroughput"));
  if (members.warm != nullptr) {
    DDB_ASSIGN_OR_RETURN(members.read_units_per_second,
                         optional_long(*members.warm, "ReadUnitsPerSecond"));
    DDB_ASSIGN_OR_RETURN(members.write_units_per_second,
                         optional_long(*members.warm, "WriteUnitsPerSecond"));
  }
  return members;
}

void check_settings_members(Violations& violations, const SettingsMembers& members) {
  check(violations, "sSESpecification.sSEType", members.sse_type, kSseTypeRule);
  check(violations, "sSESpecification.kMSMasterKeyId", members.kms_key_id, kKmsKeyIdRule);
  check(violations, "warmThroughput.readUnitsPerSecond", members.read_units_per_second,
        kWarmUnitsRule);
  check(violations, "warmThroughput.writeUnitsPerSecond", members.write_units_per_second,
        kWarmUnitsRule);
}

Result<SettingsUpdate> settings_update(const SettingsMembers& members) {
  SettingsUpdate update;
  update.deletion_protection = members.deletion_protection;
  if (members.table_class) {
    DDB_ASSIGN_OR_RETURN(update.table_class, table_class_of(*members.table_class));
  }
  if (members.sse != nullptr) {
    DDB_ASSIGN_OR_RETURN(update.encryption, encryption_of(members));
  }
  if (members.on_demand != nullptr) {
    DDB_ASSIGN_OR_RETURN(update.on_demand, on_demand_of(members));
  }
  if (members.warm != nullptr) {
    update.warm = WarmThroughput{members.read_units_per_second.value_or(0),
                                 members.write_units_per_second.value_or(0)};
  }
  return update;
}

Result<TableSettings> initial_settings(const SettingsUpdate& update, BillingMode billing_mode,
                                       TableCreator creator) {
  TableSettings settings;
  settings.deletion_protection_enabled = update.deletion_protection.value_or(false);
  settings.table_class = update.table_class;
  if (update.encryption) {
    settings.kms_encryption = *update.encryption;
  }
  if (update.on_demand && *update.on_demand != OnDemandThroughput{}) {
    if (billing_mode == BillingMode::kProvisioned) {
      return on_demand_under_provisioned(*update.on_demand, creator == TableCreator::kImportTable
                                                                ? kImportTableWords
                                                                : kTableOperationWords);
    }
    settings.on_demand_throughput = update.on_demand;
  }
  settings.warm_throughput = update.warm;
  return settings;
}

Result<void> apply_settings_update(const SettingsUpdate& update, const TableSchema& current,
                                   TableSchema& schema) {
  TableSettings& settings = schema.settings;
  if (update.deletion_protection) {
    settings.deletion_protection_enabled = *update.deletion_protection;
  }
  if (update.table_class) {
    settings.table_class = update.table_class;
  }
  if (update.encryption) {
    const EncryptionChange& asked = *update.encryption;
    if (!asked && !current.settings.kms_encryption) {
      return invalid_parameters("Table is already encrypted by default");
    }
    if (asked && current.settings.kms_encryption == asked) {
      return invalid_parameters(
          "Table is already encrypted with given KMSMasterKeyId. Use KMSMasterKeyId parameter if "
          "you want to change Master Key");
    }
    settings.kms_encryption = asked;
  }
  if (schema.billing_mode == BillingMode::kProvisioned) {
    if (update.on_demand && *update.on_demand != OnDemandThroughput{}) {
      return on_demand_under_provisioned(*update.on_demand, kTableOperationWords);
    }
    settings.on_demand_throughput.reset();
  } else if (update.on_demand) {
    settings.on_demand_throughput =
        *update.on_demand == OnDemandThroughput{} ? std::nullopt : std::optional(*update.on_demand);
  }
  if (update.warm) {
    const WarmThroughput now = effective_warm_throughput(
        current.settings.warm_throughput, current.provisioned_throughput.read_capacity_units,
        current.provisioned_throughput.write_capacity_units);
    WarmThroughput asked = *update.warm;
    for (auto [value, current_value, name] :
         {std::tuple{&asked.read_units_per_second, now.read_units_per_second, "ReadUnitsPerSecond"},
          std::tuple{&asked.write_units_per_second, now.write_units_per_second,
                     "WriteUnitsPerSecond"}}) {
      if (*value == 0) {
        *value = current_value;  // not given: stays as it is
      } else if (*value < current_value) {
        return invalid_parameters("Requested " + std::string(name) +
                                  " for WarmThroughput for table is lower than current "
                                  "WarmThroughput, decreasing WarmThroughput is not supported");
      }
    }
    settings.warm_throughput = asked;
  }
  return {};
}

Result<void> read_tag_types(const JsonValue& list) {
  for (const JsonValue& element : list.GetArray()) {
    DDB_RETURN_IF_ERROR(object_value(element, "Tag"));
    DDB_RETURN_IF_ERROR(optional_string(element, "Key"));
    DDB_RETURN_IF_ERROR(optional_string(element, "Value"));
  }
  return {};
}

Result<TagList> read_tag_list(const JsonValue& list) {
  DDB_RETURN_IF_ERROR(read_tag_types(list));
  TagList tags;
  for (const JsonValue& element : list.GetArray()) {
    std::optional<std::string_view> key = optional_string(element, "Key").value();
    std::optional<std::string_view> value = optional_string(element, "Value").value();
    // The key first: {} and a value alone are "Key: null" (2026-10-09, DDB-TABLE-457).
    if (!key) {
      return ApiError::validation("The Tag Key provided is invalid, Key: null");
    }
    if (!value) {
      return ApiError::validation("The Tag Value provided is invalid, Value: null");
    }
    tags.push_back({std::string(*key), std::string(*value)});
  }
  return tags;
}

Result<TagList> read_tags(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(const JsonValue* list, optional_array(body, "Tags"));
  if (list == nullptr) {
    return TagList();
  }
  DDB_ASSIGN_OR_RETURN(TagList tags, read_tag_list(*list));
  return add_tags({}, tags);
}

Result<void> check_policy_document(std::string_view document) {
  if (document.size() > kMaxPolicyBytes) {
    return invalid_parameters("Maximum policy size of " + std::to_string(kMaxPolicyBytes) +
                              " bytes exceeded");
  }
  JsonDocument parsed;
  // Iterative: a policy nested 20,000 levels deep must not exhaust the stack.
  parsed.Parse<rapidjson::kParseIterativeFlag>(document.data(), document.size());
  if (parsed.HasParseError() || !parsed.IsObject()) {
    return invalid_parameters("Invalid policy document: This policy contains invalid Json");
  }
  return {};
}

}  // namespace ddblocal::wire
