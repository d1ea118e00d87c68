#include "protocol/wire/table_members.h"

#include <algorithm>

#include "protocol/wire/fields.h"
#include "protocol/wire/table_names.h"

namespace ddblocal::wire {
namespace {

constexpr std::string_view kAttributeTypes[] = {"B", "N", "S"};
constexpr std::string_view kKeyTypes[] = {"HASH", "RANGE"};
constexpr std::string_view kProjectionTypes[] = {"ALL", "INCLUDE", "KEYS_ONLY"};

constexpr StringRule kKeyAttributeNameRule{.required = true, .min_length = 1, .max_length = 255};
constexpr StringRule kAttributeTypeRule{.required = true, .allowed = kAttributeTypes};
constexpr StringRule kKeyTypeRule{.required = true, .allowed = kKeyTypes};
constexpr IntegerRule kCapacityUnitsRule{.required = true, .min = 1};
constexpr ListRule kKeySchemaRule{.required = true, .min_length = 1, .max_length = 2};
// A global secondary index's key may have up to 4 partition and 4 sort key attributes.
constexpr ListRule kGlobalIndexKeySchemaRule{
    .required = true, .min_length = 1, .max_length = 2 * kMaxKeyAttributesPerPart};
constexpr StringRule kProjectionTypeRule{.allowed = kProjectionTypes};
constexpr StringRule kNonKeyAttributeRule{.min_length = 1, .max_length = 255};
// The API model allows 20 NonKeyAttributes per index (and 100 over all indexes, a rule).
constexpr ListRule kNonKeyAttributesRule{.min_length = 1, .max_length = 20};

// How DynamoDB prints a list of strings in a constraint message: Java's List.toString.
template <typename Names>
std::string render_list(const Names& names) {
  std::string text = "[";
  for (std::size_t i = 0; i < names.size(); ++i) {
    text.append(i > 0 ? ", " : "").append(names[i] ? *names[i] : "null");
  }
  return text.append("]");
}

// How DynamoDB prints a KeySchema list in a constraint message: the Java toString of each
// element, a missing member as "null" ("[KeySchemaElement(attributeName=pk, keyType=HASH), ...]";
// us-east-1 since 2026-08, nubo-db/dynamodb-conformance captures/2026-08-12-wording-drift.json).
std::string render_key_schema(const std::vector<NameAndType>& elements) {
  std::string text = "[";
  for (std::size_t i = 0; i < elements.size(); ++i) {
    text.append(i > 0 ? ", " : "")
        .append("KeySchemaElement(attributeName=")
        .append(elements[i].name.value_or("null"))
        .append(", keyType=")
        .append(elements[i].type.value_or("null"))
        .append(")");
  }
  return text.append("]");
}

ScalarType scalar_type(std::string_view name) {
  if (name == "N") {
    return ScalarType::kN;
  }
  return name == "B" ? ScalarType::kB : ScalarType::kS;
}

ProjectionType projection_type(std::string_view name) {
  if (name == "KEYS_ONLY") {
    return ProjectionType::kKeysOnly;
  }
  return name == "INCLUDE" ? ProjectionType::kInclude : ProjectionType::kAll;
}

const AttributeDefinition* find_definition(const std::vector<AttributeDefinition>& definitions,
                                           std::string_view name) {
  auto it =
      std::find_if(definitions.begin(), definitions.end(),
                   [&](const AttributeDefinition& definition) { return definition.name == name; });
  return it == definitions.end() ? nullptr : &*it;
}

// The projection rules of an index. REQUIRES: member constraints passed.
Result<void> check_projection(const IndexMembers& members) {
  if (!members.projection_type) {
    return invalid_parameters("Unknown ProjectionType: null");
  }
  const std::string type(*members.projection_type);
  if (type != "INCLUDE" && members.has_non_key_attributes) {
    return invalid_parameters("ProjectionType is " + type + ", but NonKeyAttributes is specified");
  }
  if (type == "INCLUDE" && !members.has_non_key_attributes) {
    return invalid_parameters("ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
  }
  return {};
}

}  // namespace

std::string member_path(std::string_view list, std::size_t index, std::string_view member) {
  return std::string(list) + "." + std::to_string(index + 1) + ".member." + std::string(member);
}

Result<std::optional<std::vector<NameAndType>>> read_attribute_definitions(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(const JsonValue* definitions, optional_array(body, "AttributeDefinitions"));
  if (definitions == nullptr) {
    return std::optional<std::vector<NameAndType>>();
  }
  DDB_ASSIGN_OR_RETURN(
      auto elements, read_name_and_type_list(*definitions, "AttributeDefinition", "AttributeType"));
  return std::optional<std::vector<NameAndType>>(std::move(elements));
}

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
    DDB_RETURN_IF_ERROR(object_value(element, shape));
    DDB_ASSIGN_OR_RETURN(auto name, optional_string(element, "AttributeName"));
    DDB_ASSIGN_OR_RETURN(auto type, optional_string(element, type_member));
    elements.push_back({name, type});
  }
  return elements;
}

Result<void> check_table_name_present(std::optional<std::string_view> name) {
  if (!name) {
    return ApiError::validation(
        "The parameter 'TableName' is required but was not present in the request");
  }
  return {};
}

Result<void> check_table_operation_name(std::optional<std::string_view> name) {
  DDB_RETURN_IF_ERROR(check_table_name_present(name));
  // An ARN's length is a member constraint (check_table_name_or_arn).
  const std::size_t length = utf16_length(*name);
  if (!is_arn(*name) && (length < 3 || length > 255)) {
    return ApiError::validation(
        "TableName must be at least 3 characters long and at most 255 characters long");
  }
  return {};
}

Result<std::string> parse_table_name_only(const JsonValue& body, TableNameLength length) {
  DDB_ASSIGN_OR_RETURN(auto name, optional_string(body, "TableName"));
  const bool own_message = length == TableNameLength::kOwnMessage;
  DDB_RETURN_IF_ERROR(own_message ? check_table_operation_name(name)
                                  : check_table_name_present(name));
  Violations violations;
  check_table_name_or_arn(violations, "tableName", name,
                          own_message ? kTableNameRule : kDescribedTableNameRule);
  DDB_RETURN_IF_ERROR(violations.to_result());
  return std::string(*name);
}

Result<void> check_throughput_bounds(const ThroughputMembers& throughput) {
  if (throughput.read_units && *throughput.read_units > kMaxCapacityUnits) {
    return ApiError::validation("Given value " + std::to_string(*throughput.read_units) +
                                " for ReadCapacityUnits is out of bounds");
  }
  if (throughput.write_units && *throughput.write_units > kMaxCapacityUnits) {
    return ApiError::validation("Given value " + std::to_string(*throughput.write_units) +
                                " for WriteCapacityUnits is out of bounds");
  }
  return {};
}

Result<ThroughputMembers> read_throughput(const JsonValue& object) {
  ThroughputMembers throughput;
  DDB_ASSIGN_OR_RETURN(throughput.object, optional_object(object, "ProvisionedThroughput"));
  if (throughput.object != nullptr) {
    DDB_ASSIGN_OR_RETURN(throughput.read_units,
                         optional_long(*throughput.object, "ReadCapacityUnits"));
    DDB_ASSIGN_OR_RETURN(throughput.write_units,
                         optional_long(*throughput.object, "WriteCapacityUnits"));
  }
  return throughput;
}

Result<IndexMembers> read_index(const JsonValue& index) {
  IndexMembers members;
  DDB_ASSIGN_OR_RETURN(members.name, optional_string(index, "IndexName"));
  DDB_ASSIGN_OR_RETURN(const JsonValue* key_schema, optional_array(index, "KeySchema"));
  if (key_schema != nullptr) {
    members.has_key_schema = true;
    DDB_ASSIGN_OR_RETURN(members.key_schema,
                         read_name_and_type_list(*key_schema, "KeySchemaElement", "KeyType"));
  }
  DDB_ASSIGN_OR_RETURN(members.projection, optional_object(index, "Projection"));
  if (members.projection != nullptr) {
    DDB_ASSIGN_OR_RETURN(members.projection_type,
                         optional_string(*members.projection, "ProjectionType"));
    DDB_ASSIGN_OR_RETURN(const JsonValue* non_key,
                         optional_array(*members.projection, "NonKeyAttributes"));
    if (non_key != nullptr) {
      members.has_non_key_attributes = true;
      for (const JsonValue& name : non_key->GetArray()) {
        if (name.IsNull()) {
          members.non_key_attributes.emplace_back();
        } else {
          DDB_ASSIGN_OR_RETURN(std::string_view text, string_value(name));
          members.non_key_attributes.emplace_back(text);
        }
      }
    }
  }
  DDB_ASSIGN_OR_RETURN(members.throughput, read_throughput(index));
  return members;
}

Result<std::optional<std::vector<IndexMembers>>> read_index_list(const JsonValue& body,
                                                                 std::string_view member,
                                                                 std::string_view shape) {
  DDB_ASSIGN_OR_RETURN(const JsonValue* list, optional_array(body, member));
  if (list == nullptr) {
    return std::optional<std::vector<IndexMembers>>();
  }
  std::vector<IndexMembers> indexes;
  for (const JsonValue& element : list->GetArray()) {
    DDB_RETURN_IF_ERROR(object_value(element, shape));
    DDB_ASSIGN_OR_RETURN(auto index, read_index(element));
    indexes.push_back(std::move(index));
  }
  return std::optional<std::vector<IndexMembers>>(std::move(indexes));
}

// The type is listed before the name (CreateTable and UpdateTable, DynamoDB 2026-10-09:
// ack-api-quirks DDB-TABLE-457), unlike a key schema element's name and key type.
void check_definition_members(Violations& violations, const std::vector<NameAndType>& definitions) {
  for (std::size_t i = 0; i < definitions.size(); ++i) {
    check(violations, member_path("attributeDefinitions", i, "attributeType"), definitions[i].type,
          kAttributeTypeRule);
    check(violations, member_path("attributeDefinitions", i, "attributeName"), definitions[i].name,
          kKeyAttributeNameRule);
  }
}

void check_key_schema_members(Violations& violations, std::string_view path, bool present,
                              const std::vector<NameAndType>& keys, bool global_index) {
  check(violations, path, present ? std::optional<std::size_t>(keys.size()) : std::nullopt,
        render_key_schema(keys), global_index ? kGlobalIndexKeySchemaRule : kKeySchemaRule);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    check(violations, member_path(path, i, "attributeName"), keys[i].name, kKeyAttributeNameRule);
    check(violations, member_path(path, i, "keyType"), keys[i].type, kKeyTypeRule);
  }
}

void check_throughput_members(Violations& violations, std::string_view path,
                              const ThroughputMembers& throughput) {
  if (throughput.object != nullptr) {
    check(violations, std::string(path) + ".writeCapacityUnits", throughput.write_units,
          kCapacityUnitsRule);
    check(violations, std::string(path) + ".readCapacityUnits", throughput.read_units,
          kCapacityUnitsRule);
  }
}

void check_index_members(Violations& violations, std::string_view path, const IndexMembers& index,
                         bool global) {
  const std::string prefix(path);
  check(violations, prefix + ".indexName", index.name, kIndexNameRule);
  check_key_schema_members(violations, prefix + ".keySchema", index.has_key_schema,
                           index.key_schema, global);
  check_present(violations, prefix + ".projection", index.projection != nullptr);
  check(violations, prefix + ".projection.projectionType", index.projection_type,
        kProjectionTypeRule);
  if (index.has_non_key_attributes) {
    check(violations, prefix + ".projection.nonKeyAttributes", index.non_key_attributes.size(),
          render_list(index.non_key_attributes), kNonKeyAttributesRule);
    for (std::size_t i = 0; i < index.non_key_attributes.size(); ++i) {
      check(violations,
            prefix + ".projection.nonKeyAttributes." + std::to_string(i + 1) + ".member",
            index.non_key_attributes[i], kNonKeyAttributeRule);
    }
  }
  if (global) {
    check_throughput_members(violations, prefix + ".provisionedThroughput", index.throughput);
  }
}

std::vector<AttributeDefinition> to_definitions(const std::vector<NameAndType>& definitions) {
  std::vector<AttributeDefinition> result;
  for (const NameAndType& definition : definitions) {
    result.push_back({std::string(*definition.name), scalar_type(*definition.type)});
  }
  return result;
}

std::string join_names(const std::vector<NameAndType>& elements) {
  std::string text;
  for (std::size_t i = 0; i < elements.size(); ++i) {
    text.append(i > 0 ? ", " : "").append(*elements[i].name);
  }
  return text;
}

std::string join_names(const std::vector<AttributeDefinition>& definitions) {
  std::string text;
  for (std::size_t i = 0; i < definitions.size(); ++i) {
    text.append(i > 0 ? ", " : "").append(definitions[i].name);
  }
  return text;
}

namespace {

// A global secondary index's key schema: its HASH elements, then its RANGE elements, at most
// kMaxKeyAttributesPerPart of each, no attribute twice (wording recorded on DynamoDB by
// alchemy-run/alchemy#1216, with the "Invalid KeySchema: " prefix of its neighbours).
Result<void> check_multi_attribute_key(const std::vector<NameAndType>& keys) {
  std::size_t hash = 0;
  std::size_t range = 0;
  for (const NameAndType& key : keys) {
    if (*key.type == "HASH") {
      if (range > 0) {
        return ApiError::validation(
            "Invalid KeySchema: All HASH key attributes must precede RANGE key attributes in "
            "the KeySchema");
      }
      ++hash;
    } else {
      ++range;
    }
  }
  for (auto [count, type] : {std::pair{hash, "HASH"}, std::pair{range, "RANGE"}}) {
    if (count > kMaxKeyAttributesPerPart) {
      return ApiError::validation(
          std::string("Invalid KeySchema: The KeySchema exceeds the maximum allowed number of ") +
          type + " key attributes");
    }
  }
  for (std::size_t i = 0; i < keys.size(); ++i) {
    for (std::size_t j = i + 1; j < keys.size(); ++j) {
      if (*keys[i].name == *keys[j].name) {
        return ApiError::validation("Invalid KeySchema: Some KeySchemaElement names are repeated");
      }
    }
  }
  return {};
}

}  // namespace

Result<void> check_key_elements(const std::vector<AttributeDefinition>& definitions,
                                const std::vector<NameAndType>& keys, bool global_index) {
  for (const NameAndType& key : keys) {
    if (!find_definition(definitions, *key.name)) {
      return invalid_parameters(
          "Some index key attributes are not defined in AttributeDefinitions. Keys: [" +
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
  if (!global_index) {
    if (keys.size() == 2 && *keys[1].type != "RANGE") {
      return ApiError::validation(
          "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
    }
    return {};
  }
  return check_multi_attribute_key(keys);
}

Result<SecondaryIndex> build_index(const IndexMembers& members,
                                   const std::vector<AttributeDefinition>& definitions,
                                   const TableSchema* table, bool global) {
  const std::string name(*members.name);
  DDB_RETURN_IF_ERROR(check_key_elements(definitions, members.key_schema, global));
  if (!global) {
    if (members.key_schema.size() < 2) {
      return invalid_parameters("Index KeySchema does not have a range key for index: " + name);
    }
    if (*members.key_schema[0].name != table->partition_key.name) {
      return invalid_parameters(
          "Index KeySchema does not have the same leading hash key as table KeySchema "
          "for index: " +
          name + ". index hash key: " + std::string(*members.key_schema[0].name) +
          ", table hash key: " + table->partition_key.name);
    }
  }
  DDB_RETURN_IF_ERROR(check_projection(members));
  SecondaryIndex index;
  index.name = name;
  index.global = global;
  for (const NameAndType& key : members.key_schema) {
    const AttributeDefinition& definition = *find_definition(definitions, *key.name);
    (*key.type == "HASH" ? index.key_schema.partition : index.key_schema.sort)
        .push_back(definition);
  }
  index.projection = projection_type(*members.projection_type);
  for (const std::optional<std::string_view>& attribute : members.non_key_attributes) {
    index.non_key_attributes.emplace_back(*attribute);
  }
  return index;
}

std::optional<ProvisionedThroughput> throughput_of(const ThroughputMembers& members) {
  if (members.object == nullptr) {
    return std::nullopt;
  }
  return ProvisionedThroughput{*members.read_units, *members.write_units};
}

Result<ProvisionedThroughput> index_throughput(const std::string& index_name,
                                               const std::optional<ProvisionedThroughput>& given,
                                               BillingMode billing_mode) {
  if (billing_mode == BillingMode::kPayPerRequest) {
    if (given) {
      return invalid_parameters("ProvisionedThroughput should not be specified for index: " +
                                index_name + " when BillingMode is PAY_PER_REQUEST");
    }
    return ProvisionedThroughput{};
  }
  if (!given) {
    return invalid_parameters("ProvisionedThroughput is not specified for index: " + index_name);
  }
  return *given;
}

Result<void> check_projected_attribute_count(const TableSchema& schema) {
  std::size_t count = 0;
  for (const SecondaryIndex& index : schema.indexes) {
    count += index.non_key_attributes.size();
  }
  if (count > kMaxProjectedAttributes) {
    return invalid_parameters("Number of projected attributes in all indexes exceeds limit of " +
                              std::to_string(kMaxProjectedAttributes));
  }
  return {};
}

}  // namespace ddblocal::wire
