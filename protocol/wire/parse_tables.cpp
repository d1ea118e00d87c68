// Parsing and validation of the table operations: CreateTable, DescribeTable, DeleteTable,
// ListTables. The order of the checks is DynamoDB's: member types, then TableName's own
// checks, then every member constraint at once, then the rules that relate members.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/wire/field_rules.h"
#include "protocol/wire/fields.h"
#include "protocol/wire/requests.h"
#include "protocol/wire/stream_specification.h"
#include "protocol/wire/table_members.h"
#include "protocol/wire/table_settings_members.h"

namespace ddblocal::wire {
namespace {

constexpr IntegerRule kListTablesLimitRule{.min = 1, .max = 100};
constexpr StringRule kExclusiveStartTableNameRule = [] {
  StringRule rule = kTableNameRule;
  rule.required = false;
  return rule;
}();

// The rules CreateTable applies to the table's key schema once every member satisfies its own
// constraints, in the order the service applies them (dynalite's tests; Alternator's for
// duplicated definitions). Every definition must be used by a key of the table or of an index
// (`index_keys`). REQUIRES: names and types present, 1 or 2 key elements.
Result<void> check_key_schema(const std::vector<NameAndType>& definitions,
                              const std::vector<NameAndType>& keys,
                              const std::vector<std::string_view>& index_keys) {
  std::set<std::string_view> defined;
  for (const NameAndType& definition : definitions) {
    if (!defined.insert(*definition.name).second) {
      return ApiError::validation("Attribute Name is duplicated: " + std::string(*definition.name));
    }
  }
  if (keys.size() > definitions.size()) {
    return ApiError::validation("Invalid KeySchema: Some index key attribute have no definition");
  }
  DDB_RETURN_IF_ERROR(check_key_elements(to_definitions(definitions), keys, false));
  if (index_keys.empty()) {
    if (definitions.size() != keys.size()) {
      return invalid_parameters(
          "Number of attributes in KeySchema does not exactly match "
          "number of attributes defined in AttributeDefinitions");
    }
    return {};
  }
  // With indexes, the rule names the definitions and the keys (the table's, then the
  // indexes'), before any index rule.
  std::vector<std::string_view> used;
  for (const NameAndType& key : keys) {
    used.push_back(*key.name);
  }
  for (std::string_view key : index_keys) {
    if (std::find(used.begin(), used.end(), key) == used.end()) {
      used.push_back(key);
    }
  }
  const bool all_used =
      std::all_of(definitions.begin(), definitions.end(), [&](const NameAndType& definition) {
        return std::find(used.begin(), used.end(), *definition.name) != used.end();
      });
  if (!all_used) {
    std::string keys_used;
    for (std::string_view key : used) {
      keys_used.append(keys_used.empty() ? "" : ", ").append(key);
    }
    return invalid_parameters("Some AttributeDefinitions are not used. AttributeDefinitions: [" +
                              join_names(definitions) + "], keys used: [" + keys_used + "]");
  }
  return {};
}

// The throughput rules, checked before the key schema. REQUIRES: member constraints passed.
Result<void> check_billing(bool pay_per_request, const ThroughputMembers& throughput) {
  if (pay_per_request) {
    if (throughput.object != nullptr) {
      return ApiError::validation(
          "One or more parameter values were invalid: Neither ReadCapacityUnits nor "
          "WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
    }
    return {};
  }
  if (throughput.object == nullptr) {
    return ApiError::validation(
        "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits "
        "must both be specified when BillingMode is PROVISIONED");
  }
  return check_throughput_bounds(throughput);
}

// CreateTable's members as the request gave them; absent ones are nullopt, nullptr or false.
struct CreateTableMembers {
  std::optional<std::string_view> table_name;
  bool has_definitions = false;
  std::vector<NameAndType> definitions;
  bool has_key_schema = false;
  std::vector<NameAndType> key_schema;
  std::optional<std::string_view> billing_mode;
  ThroughputMembers throughput;
  std::optional<std::vector<IndexMembers>> global_indexes;
  std::optional<std::vector<IndexMembers>> local_indexes;
  SettingsMembers settings;
  std::optional<std::string_view> resource_policy;
  StreamSpecificationMembers stream;
};

// Reads every member with its JSON type checked: SerializationException comes first.
Result<CreateTableMembers> read_create_table_members(const JsonValue& body) {
  CreateTableMembers members;
  DDB_ASSIGN_OR_RETURN(members.table_name, optional_string(body, "TableName"));
  DDB_ASSIGN_OR_RETURN(auto definitions, read_attribute_definitions(body));
  members.has_definitions = definitions.has_value();
  members.definitions = std::move(definitions).value_or(std::vector<NameAndType>());
  DDB_ASSIGN_OR_RETURN(const JsonValue* key_schema, optional_array(body, "KeySchema"));
  if (key_schema != nullptr) {
    members.has_key_schema = true;
    DDB_ASSIGN_OR_RETURN(members.key_schema,
                         read_name_and_type_list(*key_schema, "KeySchemaElement", "KeyType"));
  }
  DDB_ASSIGN_OR_RETURN(members.billing_mode, optional_string(body, "BillingMode"));
  DDB_ASSIGN_OR_RETURN(members.throughput, read_throughput(body));
  DDB_ASSIGN_OR_RETURN(members.global_indexes,
                       read_index_list(body, "GlobalSecondaryIndexes", "GlobalSecondaryIndex"));
  DDB_ASSIGN_OR_RETURN(members.local_indexes,
                       read_index_list(body, "LocalSecondaryIndexes", "LocalSecondaryIndex"));
  DDB_ASSIGN_OR_RETURN(members.settings, read_settings_members(body));
  DDB_ASSIGN_OR_RETURN(members.resource_policy, optional_string(body, "ResourcePolicy"));
  DDB_ASSIGN_OR_RETURN(members.stream, read_stream_specification(body));
  return members;
}

// Every member constraint of the API model, listed in the order DynamoDB lists them.
Result<void> check_member_constraints(const CreateTableMembers& members) {
  Violations violations;
  check_present(violations, "attributeDefinitions", members.has_definitions);
  check_definition_members(violations, members.definitions);
  check(violations, "tableName", members.table_name, kTableNameRule);
  check(violations, "billingMode", members.billing_mode, kBillingModeRule);
  check_throughput_members(violations, "provisionedThroughput", members.throughput);
  check_key_schema_members(violations, "keySchema", members.has_key_schema, members.key_schema,
                           false);
  for (bool global : {true, false}) {
    const auto& indexes = global ? members.global_indexes : members.local_indexes;
    for (std::size_t i = 0; indexes && i < indexes->size(); ++i) {
      const std::string path = (global ? "globalSecondaryIndexes." : "localSecondaryIndexes.") +
                               std::to_string(i + 1) + ".member";
      check_index_members(violations, path, (*indexes)[i], global);
    }
  }
  check_settings_members(violations, members.settings);
  check_stream_specification_members(violations, members.stream);
  return violations.to_result();
}

// REQUIRES: every check passed.
TableSchema build_schema(const CreateTableMembers& members, bool pay_per_request) {
  TableSchema schema;
  schema.table_name = std::string(*members.table_name);
  schema.attribute_definitions = to_definitions(members.definitions);
  // check_key_schema found a definition for every key.
  auto definition_of = [&](std::string_view key_name) {
    return *std::find_if(
        schema.attribute_definitions.begin(), schema.attribute_definitions.end(),
        [&](const AttributeDefinition& definition) { return definition.name == key_name; });
  };
  schema.partition_key = definition_of(*members.key_schema[0].name);
  if (members.key_schema.size() == 2) {
    schema.sort_key = definition_of(*members.key_schema[1].name);
  }
  if (pay_per_request) {
    schema.billing_mode = BillingMode::kPayPerRequest;
  } else {
    schema.billing_mode = BillingMode::kProvisioned;
    schema.provisioned_throughput = {*members.throughput.read_units,
                                     *members.throughput.write_units};
  }
  return schema;
}

// The key attributes of every index the request declares.
std::vector<std::string_view> index_key_names(const CreateTableMembers& members) {
  std::vector<std::string_view> names;
  for (const auto* indexes : {&members.local_indexes, &members.global_indexes}) {
    for (const IndexMembers& index : indexes->value_or(std::vector<IndexMembers>())) {
      for (const NameAndType& key : index.key_schema) {
        names.push_back(*key.name);
      }
    }
  }
  return names;
}

// The index rules, local indexes first (dynalite's order), then the limits.
Result<void> add_indexes(const CreateTableMembers& members, TableSchema& schema) {
  auto add = [&](const IndexMembers& index_members, bool global) -> Result<void> {
    DDB_ASSIGN_OR_RETURN(auto index,
                         build_index(index_members, schema.attribute_definitions, &schema, global));
    if (global) {
      DDB_ASSIGN_OR_RETURN(index.provisioned_throughput,
                           index_throughput(index.name, throughput_of(index_members.throughput),
                                            schema.billing_mode));
    }
    if (find_index(schema, index.name)) {
      return invalid_parameters("Duplicate index name: " + index.name);
    }
    schema.indexes.push_back(std::move(index));
    return {};
  };
  if (members.local_indexes) {
    if (members.local_indexes->empty()) {
      return invalid_parameters("List of LocalSecondaryIndexes is empty");
    }
    if (!schema.sort_key) {
      return invalid_parameters(
          "Table KeySchema does not have a range key, which is required "
          "when specifying a LocalSecondaryIndex");
    }
    for (const IndexMembers& index : *members.local_indexes) {
      DDB_RETURN_IF_ERROR(add(index, false));
    }
    if (members.local_indexes->size() > kMaxLocalIndexes) {
      return invalid_parameters("Number of LocalSecondaryIndexes exceeds per-table limit of " +
                                std::to_string(kMaxLocalIndexes));
    }
  }
  if (members.global_indexes) {
    if (members.global_indexes->empty()) {
      return invalid_parameters("List of GlobalSecondaryIndexes is empty");
    }
    for (const IndexMembers& index : *members.global_indexes) {
      DDB_RETURN_IF_ERROR(add(index, true));
    }
    if (members.global_indexes->size() > kMaxGlobalIndexes) {
      return invalid_parameters("GlobalSecondaryIndex count exceeds the per-table limit of " +
                                std::to_string(kMaxGlobalIndexes));
    }
  }
  return check_projected_attribute_count(schema);
}

}  // namespace

Result<CreateTableRequest> parse_create_table(const JsonValue& body, TableCreator creator) {
  DDB_ASSIGN_OR_RETURN(auto members, read_create_table_members(body));
  // The tags' constraints come last, their JSON types with the other members' (a
  // SerializationException before any ValidationException).
  Result<TagList> tags = read_tags(body);
  if (!tags && tags.error().type() == ErrorType::kSerialization) {
    return std::move(tags).error();
  }
  DDB_RETURN_IF_ERROR(check_member_constraints(members));
  const bool pay_per_request = members.billing_mode == "PAY_PER_REQUEST";
  DDB_RETURN_IF_ERROR(check_billing(pay_per_request, members.throughput));
  DDB_RETURN_IF_ERROR(
      check_key_schema(members.definitions, members.key_schema, index_key_names(members)));
  TableSchema schema = build_schema(members, pay_per_request);
  DDB_RETURN_IF_ERROR(add_indexes(members, schema));
  if (members.stream.object != nullptr) {
    DDB_ASSIGN_OR_RETURN(
        schema.stream,
        requested_stream(members.stream,
                         "Table is being created with a stream enabled, UpdateViewType is required",
                         "Table is being created with a stream disabled, UpdateViewType should not "
                         "be specified"));
  }
  DDB_ASSIGN_OR_RETURN(auto settings, settings_update(members.settings));
  DDB_ASSIGN_OR_RETURN(schema.settings, initial_settings(settings, schema.billing_mode, creator));
  CreateTableRequest request;
  request.schema = std::move(schema);
  DDB_ASSIGN_OR_RETURN(request.tags, std::move(tags));
  if (members.resource_policy) {
    DDB_RETURN_IF_ERROR(check_policy_document(*members.resource_policy));
    request.resource_policy = std::string(*members.resource_policy);
  }
  return request;
}

Result<DescribeTableRequest> parse_describe_table(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto name, parse_table_name_only(body, TableNameLength::kMemberConstraint));
  return DescribeTableRequest{std::move(name)};
}

Result<DeleteTableRequest> parse_delete_table(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto name, parse_table_name_only(body));
  return DeleteTableRequest{std::move(name)};
}

Result<ListTablesRequest> parse_list_tables(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto start, optional_string(body, "ExclusiveStartTableName"));
  DDB_ASSIGN_OR_RETURN(auto limit, optional_integer(body, "Limit"));
  Violations violations;
  check(violations, "limit", limit, kListTablesLimitRule);
  check(violations, "exclusiveStartTableName", start, kExclusiveStartTableNameRule);
  DDB_RETURN_IF_ERROR(violations.to_result());
  ListTablesRequest request;
  if (start) {
    request.exclusive_start_table_name = std::string(*start);
  }
  if (limit) {
    request.limit = static_cast<int>(*limit);
  }
  return request;
}

}  // namespace ddblocal::wire
