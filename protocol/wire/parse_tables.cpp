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

namespace ddblocal::wire {
namespace {

constexpr std::string_view kAttributeTypes[] = {"B", "N", "S"};
constexpr std::string_view kKeyTypes[] = {"HASH", "RANGE"};
constexpr std::string_view kBillingModes[] = {"PROVISIONED", "PAY_PER_REQUEST"};

constexpr StringRule kKeyAttributeNameRule{.required = true, .min_length = 1, .max_length = 255};
constexpr StringRule kAttributeTypeRule{.required = true, .allowed = kAttributeTypes};
constexpr StringRule kKeyTypeRule{.required = true, .allowed = kKeyTypes};
constexpr StringRule kBillingModeRule{.allowed = kBillingModes};
constexpr IntegerRule kCapacityUnitsRule{.required = true, .min = 1};
constexpr ListRule kKeySchemaRule{.required = true, .min_length = 1, .max_length = 2};
constexpr IntegerRule kListTablesLimitRule{.min = 1, .max = 100};
constexpr StringRule kExclusiveStartTableNameRule = [] {
  StringRule rule = kTableNameRule;
  rule.required = false;
  return rule;
}();

// The largest capacity DynamoDB accepts before "is out of bounds" (dynalite's tests, which
// were recorded against the service).
constexpr std::int64_t kMaxCapacityUnits = 1'000'000'000'000;

// DescribeTable and DeleteTable check TableName's presence and length before anything else,
// with messages of their own (dynalite's tests); CreateTable checks them with its other member
// constraints ("1 validation error detected: Value 'ab' at 'tableName' ...", recorded on AWS).
Result<void> check_table_operation_name(std::optional<std::string_view> name) {
  if (!name) {
    return ApiError::validation(
        "The parameter 'TableName' is required but was not present in the request");
  }
  const std::size_t length = utf16_length(*name);
  if (length < 3 || length > 255) {
    return ApiError::validation(
        "TableName must be at least 3 characters long and at most 255 characters long");
  }
  return {};
}

// Describe/DeleteTable: TableName is their only member.
Result<std::string> parse_table_name_only(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto name, optional_string(body, "TableName"));
  DDB_RETURN_IF_ERROR(check_table_operation_name(name));
  Violations violations;
  check(violations, "tableName", name, kTableNameRule);
  DDB_RETURN_IF_ERROR(violations.to_result());
  return std::string(*name);
}

// One element of AttributeDefinitions or KeySchema: a name and a type ("S", or "HASH").
struct NameAndType {
  std::optional<std::string_view> name;
  std::optional<std::string_view> type;
};

// Reads a list of {AttributeName, <type_member>} structures. `shape` is the element's name in
// the API model, which DynamoDB's SerializationException mentions for a nested list.
Result<std::vector<NameAndType>> read_name_and_type_list(const JsonValue& list,
                                                         std::string_view shape,
                                                         std::string_view type_member) {
  std::vector<NameAndType> elements;
  for (const JsonValue& element : list.GetArray()) {
    // A null element reads as one without members, which the constraints then report.
    if (element.IsNull()) {
      elements.emplace_back();
      continue;
    }
    if (element.IsArray()) {
      return ApiError::serialization(
          "Unrecognized collection type class com.amazonaws.dynamodb.v20120810." +
          std::string(shape));
    }
    if (!element.IsObject()) {
      return ApiError::serialization("Unexpected value type in payload");
    }
    DDB_ASSIGN_OR_RETURN(auto name, optional_string(element, "AttributeName"));
    DDB_ASSIGN_OR_RETURN(auto type, optional_string(element, type_member));
    elements.push_back({name, type});
  }
  return elements;
}

// How DynamoDB prints a KeySchema list in a constraint message. Its tests match only
// "[...]" here; the element text follows the Java SDK's toString and is not verified.
std::string render_key_schema(const std::vector<NameAndType>& elements) {
  std::string text = "[";
  for (std::size_t i = 0; i < elements.size(); ++i) {
    text.append(i > 0 ? ", {" : "{");
    if (elements[i].name) {
      text.append("AttributeName: ").append(*elements[i].name);
    }
    if (elements[i].type) {
      text.append(elements[i].name ? "," : "").append("KeyType: ").append(*elements[i].type);
    }
    text.append("}");
  }
  return text.append("]");
}

std::string member_path(std::string_view list, std::size_t index, std::string_view member) {
  return std::string(list) + "." + std::to_string(index + 1) + ".member." + std::string(member);
}

ScalarType scalar_type(std::string_view name) {
  if (name == "N") {
    return ScalarType::kN;
  }
  return name == "B" ? ScalarType::kB : ScalarType::kS;
}

std::string join_names(const std::vector<NameAndType>& elements) {
  std::string text;
  for (std::size_t i = 0; i < elements.size(); ++i) {
    text.append(i > 0 ? ", " : "").append(*elements[i].name);
  }
  return text;
}

// The rules CreateTable applies once every member satisfies its own constraints, in the order
// the service applies them (dynalite's tests; Alternator's for duplicated definitions).
// REQUIRES: names and types present, 1 or 2 key elements.
Result<void> check_key_schema(const std::vector<NameAndType>& definitions,
                              const std::vector<NameAndType>& keys) {
  std::set<std::string_view> defined;
  for (const NameAndType& definition : definitions) {
    if (!defined.insert(*definition.name).second) {
      return ApiError::validation("Attribute Name is duplicated: " + std::string(*definition.name));
    }
  }
  if (keys.size() > definitions.size()) {
    return ApiError::validation("Invalid KeySchema: Some index key attribute have no definition");
  }
  for (const NameAndType& key : keys) {
    if (!defined.contains(*key.name)) {
      return ApiError::validation(
          "One or more parameter values were invalid: Some index key attributes are not defined "
          "in AttributeDefinitions. Keys: [" +
          join_names(keys) + "], AttributeDefinitions: [" + join_names(definitions) + "]");
    }
  }
  if (keys.size() == 2 && *keys[0].name == *keys[1].name) {
    return ApiError::validation(
        "Both the Hash Key and the Range Key element in the KeySchema have the same name");
  }
  if (*keys[0].type != "HASH") {
    return ApiError::validation(
        "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
  }
  if (keys.size() == 2 && *keys[1].type != "RANGE") {
    return ApiError::validation(
        "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
  }
  // Every definition must be used by a key; indexes, once supported, use them too.
  if (definitions.size() != keys.size()) {
    return ApiError::validation(
        "One or more parameter values were invalid: Number of attributes in KeySchema does not "
        "exactly match number of attributes defined in AttributeDefinitions");
  }
  return {};
}

// The throughput rules, checked before the key schema. REQUIRES: member constraints passed.
Result<void> check_billing(bool pay_per_request, const JsonValue* throughput,
                           std::int64_t read_units, std::int64_t write_units) {
  if (pay_per_request) {
    if (throughput != nullptr) {
      return ApiError::validation(
          "One or more parameter values were invalid: Neither ReadCapacityUnits nor "
          "WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
    }
    return {};
  }
  if (throughput == nullptr) {
    return ApiError::validation(
        "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits "
        "must both be specified when BillingMode is PROVISIONED");
  }
  if (read_units > kMaxCapacityUnits) {
    return ApiError::validation("Given value " + std::to_string(read_units) +
                                " for ReadCapacityUnits is out of bounds");
  }
  if (write_units > kMaxCapacityUnits) {
    return ApiError::validation("Given value " + std::to_string(write_units) +
                                " for WriteCapacityUnits is out of bounds");
  }
  return {};
}

// CreateTable's members as the request gave them; absent ones are nullopt, nullptr or false.
struct CreateTableMembers {
  std::optional<std::string_view> table_name;
  bool has_definitions = false;
  std::vector<NameAndType> definitions;
  bool has_key_schema = false;
  std::vector<NameAndType> key_schema;
  std::optional<std::string_view> billing_mode;
  const JsonValue* throughput = nullptr;
  std::optional<std::int64_t> read_units;
  std::optional<std::int64_t> write_units;
};

// Reads every member with its JSON type checked: SerializationException comes first.
Result<CreateTableMembers> read_create_table_members(const JsonValue& body) {
  CreateTableMembers members;
  DDB_ASSIGN_OR_RETURN(members.table_name, optional_string(body, "TableName"));
  DDB_ASSIGN_OR_RETURN(const JsonValue* definitions, optional_array(body, "AttributeDefinitions"));
  if (definitions != nullptr) {
    members.has_definitions = true;
    DDB_ASSIGN_OR_RETURN(
        members.definitions,
        read_name_and_type_list(*definitions, "AttributeDefinition", "AttributeType"));
  }
  DDB_ASSIGN_OR_RETURN(const JsonValue* key_schema, optional_array(body, "KeySchema"));
  if (key_schema != nullptr) {
    members.has_key_schema = true;
    DDB_ASSIGN_OR_RETURN(members.key_schema,
                         read_name_and_type_list(*key_schema, "KeySchemaElement", "KeyType"));
  }
  DDB_ASSIGN_OR_RETURN(members.billing_mode, optional_string(body, "BillingMode"));
  DDB_ASSIGN_OR_RETURN(members.throughput, optional_object(body, "ProvisionedThroughput"));
  if (members.throughput != nullptr) {
    DDB_ASSIGN_OR_RETURN(members.read_units,
                         optional_integer(*members.throughput, "ReadCapacityUnits"));
    DDB_ASSIGN_OR_RETURN(members.write_units,
                         optional_integer(*members.throughput, "WriteCapacityUnits"));
  }
  return members;
}

// Every member constraint of the API model, listed in the order DynamoDB lists them.
Result<void> check_member_constraints(const CreateTableMembers& members) {
  Violations violations;
  check_present(violations, "attributeDefinitions", members.has_definitions);
  for (std::size_t i = 0; i < members.definitions.size(); ++i) {
    check(violations, member_path("attributeDefinitions", i, "attributeName"),
          members.definitions[i].name, kKeyAttributeNameRule);
    check(violations, member_path("attributeDefinitions", i, "attributeType"),
          members.definitions[i].type, kAttributeTypeRule);
  }
  check(violations, "tableName", members.table_name, kTableNameRule);
  check(violations, "billingMode", members.billing_mode, kBillingModeRule);
  if (members.throughput != nullptr) {
    check(violations, "provisionedThroughput.writeCapacityUnits", members.write_units,
          kCapacityUnitsRule);
    check(violations, "provisionedThroughput.readCapacityUnits", members.read_units,
          kCapacityUnitsRule);
  }
  check(
      violations, "keySchema",
      members.has_key_schema ? std::optional<std::size_t>(members.key_schema.size()) : std::nullopt,
      render_key_schema(members.key_schema), kKeySchemaRule);
  for (std::size_t i = 0; i < members.key_schema.size(); ++i) {
    check(violations, member_path("keySchema", i, "attributeName"), members.key_schema[i].name,
          kKeyAttributeNameRule);
    check(violations, member_path("keySchema", i, "keyType"), members.key_schema[i].type,
          kKeyTypeRule);
  }
  return violations.to_result();
}

// REQUIRES: every check passed.
TableSchema build_schema(const CreateTableMembers& members, bool pay_per_request) {
  TableSchema schema;
  schema.table_name = std::string(*members.table_name);
  for (const NameAndType& definition : members.definitions) {
    schema.attribute_definitions.push_back(
        {std::string(*definition.name), scalar_type(*definition.type)});
  }
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
    schema.provisioned_throughput = {*members.read_units, *members.write_units};
  }
  return schema;
}

}  // namespace

Result<CreateTableRequest> parse_create_table(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto members, read_create_table_members(body));
  DDB_RETURN_IF_ERROR(check_member_constraints(members));
  const bool pay_per_request = members.billing_mode == "PAY_PER_REQUEST";
  DDB_RETURN_IF_ERROR(check_billing(pay_per_request, members.throughput,
                                    members.read_units.value_or(0),
                                    members.write_units.value_or(0)));
  DDB_RETURN_IF_ERROR(check_key_schema(members.definitions, members.key_schema));
  return CreateTableRequest{build_schema(members, pay_per_request)};
}

Result<DescribeTableRequest> parse_describe_table(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto name, parse_table_name_only(body));
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
