// UpdateTable: billing mode and throughput changes, global secondary indexes created, updated
// and deleted, and the table's settings (deletion protection, table class, encryption,
// on-demand and warm throughput), one kind of change per call as DynamoDB allows. Messages from
// dynalite's tests and a 2026 probe of the service
// (/work/notes/messages-indexes.md lists the sources).
#include <algorithm>
#include <set>

#include "protocol/wire/fields.h"
#include "protocol/wire/requests.h"
#include "protocol/wire/stream_specification.h"
#include "protocol/wire/table_members.h"
#include "protocol/wire/table_names.h"
#include "protocol/wire/table_settings_members.h"

namespace ddblocal::wire {
namespace {

// UpdateTable members ddblocal accepts and has nothing to do for (no replicas locally); they
// still count as something to update.
constexpr std::string_view kAcceptedMembers[] = {"ReplicaUpdates", "MultiRegionConsistency"};

// One GlobalSecondaryIndexUpdates element as given; each action nullptr when absent.
struct IndexUpdateMembers {
  std::optional<IndexMembers> create;
  const JsonValue* update = nullptr;
  std::optional<std::string_view> update_name;
  ThroughputMembers update_throughput;
  const JsonValue* del = nullptr;
  std::optional<std::string_view> delete_name;

  int actions() const { return create.has_value() + (update != nullptr) + (del != nullptr); }
  std::optional<std::string_view> name() const {
    return create ? create->name : update ? update_name : delete_name;
  }
};

struct UpdateTableMembers {
  std::optional<std::string_view> table_name;
  bool has_definitions = false;
  std::vector<NameAndType> definitions;
  std::optional<std::string_view> billing_mode;
  ThroughputMembers throughput;
  std::optional<std::vector<IndexUpdateMembers>> index_updates;
  StreamSpecificationMembers stream;
  bool has_accepted_member = false;
  SettingsMembers settings;
};

// The Java classes of a GlobalSecondaryIndexUpdate's members, which DynamoDB names for a JSON
// array.
constexpr std::string_view kCreateAction =
    "class com.amazonaws.dynamodb.v20120810.CreateGlobalSecondaryIndexAction";
constexpr std::string_view kUpdateAction =
    "class com.amazonaws.dynamodb.v20120810.UpdateGlobalSecondaryIndexAction";
constexpr std::string_view kDeleteAction =
    "class com.amazonaws.dynamodb.v20120810.DeleteGlobalSecondaryIndexAction";

Result<IndexUpdateMembers> read_index_update(const JsonValue& element) {
  IndexUpdateMembers members;
  DDB_ASSIGN_OR_RETURN(const JsonValue* create, optional_object(element, "Create", kCreateAction));
  if (create != nullptr) {
    DDB_ASSIGN_OR_RETURN(members.create, read_index(*create));
  }
  DDB_ASSIGN_OR_RETURN(members.update, optional_object(element, "Update", kUpdateAction));
  if (members.update != nullptr) {
    DDB_ASSIGN_OR_RETURN(members.update_name, optional_string(*members.update, "IndexName"));
    DDB_ASSIGN_OR_RETURN(members.update_throughput, read_throughput(*members.update));
  }
  DDB_ASSIGN_OR_RETURN(members.del, optional_object(element, "Delete", kDeleteAction));
  if (members.del != nullptr) {
    DDB_ASSIGN_OR_RETURN(members.delete_name, optional_string(*members.del, "IndexName"));
  }
  return members;
}

Result<UpdateTableMembers> read_members(const JsonValue& body) {
  UpdateTableMembers members;
  DDB_ASSIGN_OR_RETURN(members.table_name, optional_string(body, "TableName"));
  DDB_ASSIGN_OR_RETURN(auto definitions, read_attribute_definitions(body));
  members.has_definitions = definitions.has_value();
  members.definitions = std::move(definitions).value_or(std::vector<NameAndType>());
  DDB_ASSIGN_OR_RETURN(members.billing_mode, optional_string(body, "BillingMode"));
  DDB_ASSIGN_OR_RETURN(members.throughput, read_throughput(body));
  DDB_ASSIGN_OR_RETURN(const JsonValue* updates,
                       optional_array(body, "GlobalSecondaryIndexUpdates"));
  if (updates != nullptr) {
    members.index_updates.emplace();
    for (const JsonValue& element : updates->GetArray()) {
      DDB_RETURN_IF_ERROR(object_value(element, "GlobalSecondaryIndexUpdate"));
      DDB_ASSIGN_OR_RETURN(auto update, read_index_update(element));
      members.index_updates->push_back(std::move(update));
    }
  }
  DDB_ASSIGN_OR_RETURN(members.settings, read_settings_members(body));
  DDB_ASSIGN_OR_RETURN(members.stream, read_stream_specification(body));
  members.has_accepted_member = std::any_of(
      std::begin(kAcceptedMembers), std::end(kAcceptedMembers), [&](std::string_view name) {
        return body.HasMember(rapidjson::StringRef(name.data(), name.size()));
      });
  return members;
}

Result<void> check_member_constraints(const UpdateTableMembers& members) {
  Violations violations;
  check_definition_members(violations, members.definitions);
  check_table_name_or_arn(violations, "tableName", members.table_name);
  check(violations, "billingMode", members.billing_mode, kBillingModeRule);
  check_throughput_members(violations, "provisionedThroughput", members.throughput);
  check_stream_specification_members(violations, members.stream);
  const auto& updates = members.index_updates;
  for (std::size_t i = 0; updates && i < updates->size(); ++i) {
    const IndexUpdateMembers& update = (*updates)[i];
    const std::string path = "globalSecondaryIndexUpdates." + std::to_string(i + 1) + ".member";
    if (update.create) {
      check_index_members(violations, path + ".create", *update.create, true);
    }
    if (update.update != nullptr) {
      check(violations, path + ".update.indexName", update.update_name, kIndexNameRule);
      check_present(violations, path + ".update.provisionedThroughput",
                    update.update_throughput.object != nullptr);
      check_throughput_members(violations, path + ".update.provisionedThroughput",
                               update.update_throughput);
    }
    if (update.del != nullptr) {
      check(violations, path + ".delete.indexName", update.delete_name, kIndexNameRule);
    }
  }
  check_settings_members(violations, members.settings);
  return violations.to_result();
}

// The rules of GlobalSecondaryIndexUpdates that need no table. REQUIRES: member constraints
// passed.
Result<std::vector<GlobalIndexUpdate>> index_updates(const UpdateTableMembers& members) {
  const std::vector<IndexUpdateMembers>& updates = *members.index_updates;
  std::set<std::string_view> names;
  int online_changes = 0;
  for (const IndexUpdateMembers& update : updates) {
    if (update.actions() == 0) {
      return invalid_parameters(
          "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, "
          "GlobalSecondaryIndexUpdate.Delete must not be null");
    }
    if (update.actions() > 1) {
      return invalid_parameters(
          "Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate "
          "object");
    }
    if (!names.insert(*update.name()).second) {
      return invalid_parameters(
          "Only one global secondary index update per index is allowed simultaneously. Index: " +
          std::string(*update.name()));
    }
    online_changes += update.update == nullptr;
  }
  if (online_changes > 1) {
    return ApiError::limit_exceeded(
        "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously "
        "per table");
  }
  const std::vector<AttributeDefinition> definitions = to_definitions(members.definitions);
  std::vector<GlobalIndexUpdate> result;
  for (const IndexUpdateMembers& update : updates) {
    GlobalIndexUpdate& out = result.emplace_back();
    if (update.create) {
      if (!members.has_definitions) {
        return invalid_parameters("AttributeDefinitions is not specified for index: " +
                                  std::string(*update.create->name));
      }
      out.action = GlobalIndexUpdate::Action::kCreate;
      DDB_ASSIGN_OR_RETURN(out.index, build_index(*update.create, definitions, nullptr, true));
      out.throughput = throughput_of(update.create->throughput);
    } else if (update.update != nullptr) {
      out.action = GlobalIndexUpdate::Action::kUpdate;
      out.index.name = std::string(*update.update_name);
      out.throughput = throughput_of(update.update_throughput);
    } else {
      out.action = GlobalIndexUpdate::Action::kDelete;
      out.index.name = std::string(*update.delete_name);
    }
  }
  return result;
}

// Every key attribute of the table and its indexes.
std::set<std::string> key_names(const TableSchema& schema) {
  std::set<std::string> names{schema.partition_key.name};
  if (schema.sort_key) {
    names.insert(schema.sort_key->name);
  }
  for (const SecondaryIndex& index : schema.indexes) {
    key_attributes(index.key_schema).for_each([&](const AttributeDefinition& key) {
      names.insert(key.name);
    });
  }
  return names;
}

ApiError index_not_found(const std::string& index, const std::string& table) {
  return ApiError::resource_not_found("Requested resource not found: Index " + index +
                                      " for table " + table);
}

// The table's own throughput and billing mode after the update.
Result<void> apply_billing(const TableSchema& current, const UpdateTableRequest& request,
                           TableSchema& schema) {
  schema.billing_mode = request.billing_mode.value_or(current.billing_mode);
  if (schema.billing_mode == BillingMode::kPayPerRequest) {
    if (request.throughput) {
      return invalid_parameters(
          "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is "
          "PAY_PER_REQUEST");
    }
    schema.provisioned_throughput = {};
    return {};
  }
  if (!request.throughput) {
    if (current.billing_mode == BillingMode::kPayPerRequest) {
      return invalid_parameters(
          "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
    }
    return {};
  }
  const ProvisionedThroughput& now = current.provisioned_throughput;
  const ProvisionedThroughput& asked = *request.throughput;
  if (current.billing_mode == BillingMode::kProvisioned && asked == now &&
      request.index_updates.empty()) {
    return ApiError::validation(
        "The provisioned throughput for the table will not change. The requested value equals "
        "the current value. Current ReadCapacityUnits provisioned for the table: " +
        std::to_string(now.read_capacity_units) +
        ". Requested ReadCapacityUnits: " + std::to_string(asked.read_capacity_units) +
        ". Current WriteCapacityUnits provisioned for the table: " +
        std::to_string(now.write_capacity_units) +
        ". Requested WriteCapacityUnits: " + std::to_string(asked.write_capacity_units) +
        ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to request "
        "higher limits.");
  }
  schema.provisioned_throughput = asked;
  return {};
}

bool has_settings(const SettingsMembers& settings) {
  return settings.deletion_protection || settings.table_class || settings.sse != nullptr ||
         settings.on_demand != nullptr || settings.warm != nullptr;
}

// DynamoDB changes one kind of thing per UpdateTable: encryption, table class, deletion
// protection and warm throughput each alone, on-demand maxima with the billing mode at most, and
// no index created or deleted with a change of the table's capacity (the 2026 probes of
// /work/notes/control-plane.md).
Result<void> check_one_kind_of_change(const UpdateTableMembers& members) {
  const SettingsMembers& settings = members.settings;
  const bool index_changes =
      members.index_updates &&
      std::any_of(members.index_updates->begin(), members.index_updates->end(),
                  [](const IndexUpdateMembers& update) { return update.update == nullptr; });
  const bool index_creates =
      members.index_updates &&
      std::any_of(members.index_updates->begin(), members.index_updates->end(),
                  [](const IndexUpdateMembers& update) { return update.create.has_value(); });
  const int changes = members.billing_mode.has_value() + (members.throughput.object != nullptr) +
                      (members.index_updates && !members.index_updates->empty()) +
                      members.has_accepted_member + settings.deletion_protection.has_value() +
                      settings.table_class.has_value() + (settings.sse != nullptr) +
                      (settings.on_demand != nullptr) + (settings.warm != nullptr) +
                      (members.stream.object != nullptr);
  if (settings.sse != nullptr && changes > 1) {
    return invalid_parameters(
        "Server-Side Encryption modification must be the only operation in the request");
  }
  if (settings.table_class && changes > 1) {
    return invalid_parameters("TableClass modification must be the only operation in the request");
  }
  if (settings.deletion_protection && changes > 1) {
    return invalid_parameters(
        "DeletionProtection modification must be the only operation in the request");
  }
  if (settings.warm != nullptr && changes > 1) {
    return invalid_parameters(index_creates ? "Create global secondary index cannot be specified "
                                              "when updating WarmThroughput"
                                            : "WarmThroughput must be the only operation in the "
                                              "request");
  }
  if (settings.on_demand != nullptr && changes > 1 + members.billing_mode.has_value()) {
    return invalid_parameters(
        "OnDemandThroughput can only be combined with BillingMode in an UpdateTable request");
  }
  if (index_changes && members.throughput.object != nullptr) {
    return invalid_parameters("You cannot create or delete index while updating table IOPS");
  }
  return {};
}

// The stream the request asks for, and the changes it cannot make together with a stream's
// (2026 probe of the service, /work/notes/streams-ttl.md). REQUIRES: members.stream.object.
Result<StreamUpdate> stream_update(const UpdateTableMembers& members,
                                   const UpdateTableRequest& request) {
  StreamUpdate update;
  DDB_ASSIGN_OR_RETURN(
      update.enable,
      requested_stream(members.stream, "If stream is being enabled then UpdateViewType is required",
                       "If stream is being disabled, then UpdateViewType must not be specified"));
  const bool adds_or_drops_index =
      std::any_of(request.index_updates.begin(), request.index_updates.end(),
                  [](const GlobalIndexUpdate& index_update) {
                    return index_update.action != GlobalIndexUpdate::Action::kUpdate;
                  });
  if (adds_or_drops_index) {
    return invalid_parameters("You cannot create or delete index while changing stream status");
  }
  if (request.throughput) {
    return invalid_parameters("You cannot modify stream status while updating table IOPS");
  }
  return update;
}

// The table's stream after the update: a stream is enabled only when there is none, and
// disabled only when there is one; its view type never changes in place.
Result<std::optional<StreamViewType>> apply_stream_update(const TableSchema& current,
                                                          const StreamUpdate& update) {
  if (update.enable && current.stream) {
    return ApiError::validation("Table already has an enabled stream: TableName: " +
                                current.table_name);
  }
  if (!update.enable && !current.stream) {
    return ApiError::validation("Table has no stream to disable: TableName: " + current.table_name);
  }
  return update.enable;
}

}  // namespace

Result<UpdateTableRequest> parse_update_table(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto members, read_members(body));
  DDB_RETURN_IF_ERROR(check_table_operation_name(members.table_name));
  DDB_RETURN_IF_ERROR(check_member_constraints(members));
  DDB_RETURN_IF_ERROR(check_throughput_bounds(members.throughput));
  const bool has_index_updates = members.index_updates && !members.index_updates->empty();
  if (!members.billing_mode && !members.throughput.object && !has_index_updates &&
      !members.stream.object && !members.has_accepted_member && !has_settings(members.settings)) {
    return ApiError::validation(
        "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
        "GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, "
        "MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency, "
        "DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is "
        "required");
  }
  if (members.index_updates && members.index_updates->empty()) {
    return invalid_parameters("List of GlobalSecondaryIndexUpdates is empty");
  }
  DDB_RETURN_IF_ERROR(check_one_kind_of_change(members));
  UpdateTableRequest request;
  request.table_name = std::string(*members.table_name);
  if (members.billing_mode) {
    request.billing_mode = *members.billing_mode == "PAY_PER_REQUEST" ? BillingMode::kPayPerRequest
                                                                      : BillingMode::kProvisioned;
  }
  request.throughput = throughput_of(members.throughput);
  if (has_index_updates) {
    DDB_ASSIGN_OR_RETURN(request.index_updates, index_updates(members));
  }
  DDB_ASSIGN_OR_RETURN(request.settings, settings_update(members.settings));
  if (members.stream.object != nullptr) {
    DDB_ASSIGN_OR_RETURN(request.stream, stream_update(members, request));
  }
  return request;
}

Result<TableSchema> apply_table_update(const TableSchema& current,
                                       const UpdateTableRequest& request) {
  TableSchema schema = current;
  if (request.stream) {
    DDB_ASSIGN_OR_RETURN(schema.stream, apply_stream_update(current, *request.stream));
  }
  DDB_RETURN_IF_ERROR(apply_billing(current, request, schema));
  using Action = GlobalIndexUpdate::Action;
  // The indexes' throughput follows the table's billing mode; under PROVISIONED each index
  // keeps its own unless updated (one that was PAY_PER_REQUEST must be).
  for (SecondaryIndex& index : schema.indexes) {
    if (!index.global) {
      continue;
    }
    auto update =
        std::find_if(request.index_updates.begin(), request.index_updates.end(),
                     [&](const GlobalIndexUpdate& update) {
                       return update.action == Action::kUpdate && update.index.name == index.name;
                     });
    std::optional<ProvisionedThroughput> given;
    if (update != request.index_updates.end()) {
      if (schema.billing_mode == BillingMode::kPayPerRequest) {
        return invalid_parameters("The only Updates for index: " + index.name +
                                  " when TableThroughputMode is PAY_PER_REQUEST can be to "
                                  "OnDemandThroughput, WarmThroughput");
      }
      given = update->throughput;
    } else if (current.billing_mode == BillingMode::kProvisioned) {
      given = index.provisioned_throughput;
    }
    if (schema.billing_mode == BillingMode::kProvisioned && !given) {
      return invalid_parameters("ProvisionedThroughput must be specified for index: " + index.name);
    }
    index.provisioned_throughput =
        schema.billing_mode == BillingMode::kProvisioned ? *given : ProvisionedThroughput{};
  }
  for (const GlobalIndexUpdate& update : request.index_updates) {
    const SecondaryIndex* existing = find_index(schema, update.index.name);
    if (update.action != Action::kCreate && (existing == nullptr || !existing->global)) {
      return index_not_found(update.index.name, current.table_name);
    }
    if (update.action == Action::kDelete) {
      schema.indexes.erase(schema.indexes.begin() +
                           static_cast<std::ptrdiff_t>(index_position(schema, *existing)));
    } else if (update.action == Action::kCreate) {
      if (existing != nullptr) {
        return ApiError::validation("Attempting to create an index which already exists");
      }
      const auto global_count =
          std::count_if(schema.indexes.begin(), schema.indexes.end(),
                        [](const SecondaryIndex& index) { return index.global; });
      if (static_cast<std::size_t>(global_count) >= kMaxGlobalIndexes) {
        return ApiError::limit_exceeded(
            "Subscriber limit exceeded: Number of global secondary indexes exceeds per-table "
            "limit of " +
            std::to_string(kMaxGlobalIndexes));
      }
      SecondaryIndex index = update.index;
      DDB_ASSIGN_OR_RETURN(index.provisioned_throughput,
                           index_throughput(index.name, update.throughput, schema.billing_mode));
      key_attributes(index.key_schema).for_each([&](const AttributeDefinition& key) {
        const bool defined =
            std::any_of(schema.attribute_definitions.begin(), schema.attribute_definitions.end(),
                        [&](const AttributeDefinition& known) { return known.name == key.name; });
        if (!defined) {
          schema.attribute_definitions.push_back(key);
        }
      });
      schema.indexes.push_back(std::move(index));
    }
  }
  DDB_RETURN_IF_ERROR(check_projected_attribute_count(schema));
  DDB_RETURN_IF_ERROR(apply_settings_update(request.settings, current, schema));
  const std::set<std::string> keys = key_names(schema);
  std::erase_if(schema.attribute_definitions, [&](const AttributeDefinition& definition) {
    return !keys.contains(definition.name);
  });
  return schema;
}

}  // namespace ddblocal::wire
