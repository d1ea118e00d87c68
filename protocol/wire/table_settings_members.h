// The table settings members CreateTable and UpdateTable share: DeletionProtectionEnabled,
// TableClass, SSESpecification, OnDemandThroughput and WarmThroughput; and CreateTable's Tags
// and ResourcePolicy. Read with their JSON types checked, then checked against DynamoDB's
// rules. Internal to the wire layer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "protocol/result.h"
#include "protocol/table_schema.h"
#include "protocol/tags.h"
#include "protocol/wire/field_rules.h"
#include "protocol/wire/json.h"
#include "protocol/wire/requests.h"

namespace ddblocal::wire {

// KMSMasterKeyId: an empty one is a member constraint (CreateTable, UpdateTable and restores'
// SSESpecificationOverride, DynamoDB 2026-10-09: ack-api-quirks DDB-TABLE-457).
inline constexpr StringRule kKmsKeyIdRule{.min_length = 1};

// The settings members as given; each absent one is nullopt or nullptr.
struct SettingsMembers {
  std::optional<bool> deletion_protection;
  std::optional<std::string_view> table_class;
  const JsonValue* sse = nullptr;
  std::optional<bool> sse_enabled;
  std::optional<std::string_view> sse_type;
  std::optional<std::string_view> kms_key_id;
  const JsonValue* on_demand = nullptr;
  std::optional<std::int64_t> max_read_request_units;
  std::optional<std::int64_t> max_write_request_units;
  const JsonValue* warm = nullptr;
  std::optional<std::int64_t> read_units_per_second;
  std::optional<std::int64_t> write_units_per_second;
};

Result<SettingsMembers> read_settings_members(const JsonValue& body);
// The member constraints of the API model (SSEType's values, the warm throughput minimum).
void check_settings_members(Violations& violations, const SettingsMembers& members);

// An SSESpecification: KMS encryption (nullopt: an AWS owned key).
using EncryptionChange = std::optional<KmsEncryption>;

// The rules that need no table, then the typed values. REQUIRES: member constraints passed.
Result<SettingsUpdate> settings_update(const SettingsMembers& members);

// CreateTable (ImportTable's TableCreationParameters when `creator` says so): the settings the
// new table starts with, under `billing_mode`.
Result<TableSettings> initial_settings(const SettingsUpdate& update, BillingMode billing_mode,
                                       TableCreator creator);

// UpdateTable: `schema` (the table after the request's billing changes) with `update` applied
// over `current`'s settings, or DynamoDB's error when it cannot be.
Result<void> apply_settings_update(const SettingsUpdate& update, const TableSchema& current,
                                   TableSchema& schema);

// CreateTable's Tags (empty when absent), each checked.
Result<TagList> read_tags(const JsonValue& body);
// A list of {Key, Value} structures (TagResource, CreateTable). REQUIRES: list.IsArray().
Result<TagList> read_tag_list(const JsonValue& list);
// The JSON types of such a list's members alone (a SerializationException, before any
// constraint is checked). REQUIRES: list.IsArray().
Result<void> read_tag_types(const JsonValue& list);

// A resource policy document: JSON, at most 20 KB. ValidationException otherwise.
Result<void> check_policy_document(std::string_view document);

}  // namespace ddblocal::wire
