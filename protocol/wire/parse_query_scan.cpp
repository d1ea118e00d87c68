// Parsing and validation of Query and Scan, and the ExclusiveStartKey check against a table's
// schema. The order of the checks is DynamoDB's (dynalite's tests, recorded against the
// service): member types, member constraints, which expressions are present, the start key's
// values, the segments, then the expressions themselves.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "protocol/expressions/key_condition.h"
#include "protocol/expressions/projection.h"
#include "protocol/wire/field_rules.h"
#include "protocol/wire/fields.h"
#include "protocol/wire/item_members.h"
#include "protocol/wire/requests.h"
#include "protocol/wire/table_names.h"
#include "protocol/wire/value_codec.h"

namespace ddblocal::wire {
namespace {

// Enum sets in the order DynamoDB lists them in its messages.
constexpr std::string_view kSelectValues[] = {"SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES",
                                              "ALL_PROJECTED_ATTRIBUTES"};

constexpr StringRule kSelectRule{.allowed = kSelectValues};
// Query and Scan list an IndexName's pattern before its length (ddblocal's order before the
// 2026 captures, which record no Query or Scan IndexName breaking both: kept).
constexpr StringRule kOptionalIndexNameRule = [] {
  StringRule rule = kIndexNameRule;
  rule.required = false;
  rule.pattern_order = PatternOrder::kBeforeLength;
  return rule;
}();
constexpr IntegerRule kLimitRule{.min = 1};
constexpr IntegerRule kSegmentRule{.min = 0, .max = 999999};
constexpr IntegerRule kTotalSegmentsRule{.min = 1, .max = 1000000};

constexpr std::string_view kInvalidStartKey = "The provided starting key is invalid: ";

// Query words a Limit below 1 without the value, in PascalCase (nubo-db/dynamodb-conformance
// tests/tier3/error-messages/query.test.ts, 2026); Scan still answers "Value '0' at 'limit'" in
// us-east-1 (paritysuite captures/2026-10-07-sweep-follow-up.json).
void check_query_limit(Violations& violations, std::optional<std::int64_t> limit) {
  if (limit && *limit < *kLimitRule.min) {
    violations.add_without_value("Limit", "Member must have value greater than or equal to " +
                                              std::to_string(*kLimitRule.min));
  }
}

// The members Query and Scan share, as read from the body.
struct ReadMembers {
  std::optional<std::string_view> table_name;
  std::optional<std::string_view> index_name;
  std::optional<std::string_view> select;
  std::optional<std::string_view> return_consumed_capacity;
  std::optional<std::int64_t> limit;
  std::optional<bool> consistent_read;
  std::optional<Item> exclusive_start_key;
  // A ValidationException from the start key's values, reported after the member constraints
  // and the expression-member checks. SerializationExceptions end the parse at once.
  std::optional<ApiError> start_key_error;
};

// DynamoDB prefixes some errors in the start key's values with kInvalidStartKey and passes
// others on bare (dynalite's tests): the prefixed ones are those about the value's shape, a
// NULL false, an empty string or binary set.
ApiError start_key_error(ApiError error) {
  const std::string& message = error.message();
  for (std::string_view prefixed :
       {"Supplied AttributeValue", "One or more parameter values were invalid: Null attribute",
        "One or more parameter values were invalid: An string set  may not be empty",
        "One or more parameter values were invalid: Binary sets should not be empty"}) {
    if (message.starts_with(prefixed)) {
      return ApiError::validation(std::string(kInvalidStartKey) + message);
    }
  }
  return error;
}

// Query words a bad start key value in the current wording, Scan in the older one (value_codec.h).
Result<ReadMembers> read_members(const JsonValue& body, ValueWording wording) {
  ReadMembers read;
  DDB_ASSIGN_OR_RETURN(read.table_name, optional_string(body, "TableName"));
  DDB_ASSIGN_OR_RETURN(read.index_name, optional_string(body, "IndexName"));
  DDB_ASSIGN_OR_RETURN(read.select, optional_string(body, "Select"));
  DDB_ASSIGN_OR_RETURN(read.return_consumed_capacity,
                       optional_string(body, "ReturnConsumedCapacity"));
  DDB_ASSIGN_OR_RETURN(read.limit, optional_integer(body, "Limit"));
  DDB_ASSIGN_OR_RETURN(read.consistent_read, optional_bool(body, "ConsistentRead"));
  DDB_ASSIGN_OR_RETURN(const JsonValue* start_key, optional_object(body, "ExclusiveStartKey"));
  if (start_key != nullptr) {
    Result<Item> key = decode_item(*start_key, wording);
    if (key) {
      read.exclusive_start_key = std::move(*key);
    } else if (key.error().type() == ErrorType::kSerialization) {
      return std::move(key).error();
    } else {
      read.start_key_error = start_key_error(std::move(key).error());
    }
  }
  return read;
}

// Query's messages about Select carry the envelope of a constraint violation, Scan's do not
// (moto's and ExtendDB's tests, verified on DynamoDB in 2026).
constexpr std::string_view kQuerySelectPrefix = kOneViolationPrefix;

// Select against the projection (`projection_member` names it: "ProjectionExpression" or
// "AttributesToGet"; absent without one) and the index. REQUIRES: `text` is absent or in
// kSelectValues.
Result<Select> select_of(std::optional<std::string_view> text,
                         std::optional<std::string_view> projection_member, bool has_index,
                         std::string_view prefix) {
  auto refused = [&](std::string_view message) {
    return ApiError::validation(std::string(prefix) + std::string(message));
  };
  if (!text) {
    return projection_member ? Select::kSpecificAttributes
           : has_index       ? Select::kAllProjectedAttributes
                             : Select::kAllAttributes;
  }
  if (*text == "SPECIFIC_ATTRIBUTES") {
    if (!projection_member) {
      return refused(
          "Must specify the AttributesToGet or ProjectionExpression when choosing to get "
          "SPECIFIC_ATTRIBUTES");
    }
    return Select::kSpecificAttributes;
  }
  if (projection_member) {
    const std::string_view what = *text == "COUNT" ? "only the Count" : *text;
    return refused("Cannot specify the " + std::string(*projection_member) +
                   " when choosing to get " + std::string(what));
  }
  if (*text == "ALL_PROJECTED_ATTRIBUTES") {
    if (!has_index) {
      return refused("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
    }
    return Select::kAllProjectedAttributes;
  }
  return *text == "COUNT" ? Select::kCount : Select::kAllAttributes;
}

// The member that gives a read its projection, if any.
std::optional<std::string_view> projection_member(bool projection_expression,
                                                  const ClassicMembers& classic) {
  if (classic.attributes_to_get) {
    return "AttributesToGet";
  }
  return projection_expression ? std::optional<std::string_view>("ProjectionExpression")
                               : std::nullopt;
}

std::optional<std::string> to_string(std::optional<std::string_view> text) {
  return text ? std::optional<std::string>(*text) : std::nullopt;
}

}  // namespace

Result<QueryRequest> parse_query(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto read, read_members(body, ValueWording::kCurrent));
  DDB_ASSIGN_OR_RETURN(auto scan_index_forward, optional_bool(body, "ScanIndexForward"));
  DDB_ASSIGN_OR_RETURN(auto projection_text, optional_string(body, "ProjectionExpression"));
  DDB_ASSIGN_OR_RETURN(ClassicMembers classic,
                       read_classic_members(body, classic_members_taken(kQueryExpressions)));
  DDB_RETURN_IF_ERROR(read_expression_member_types(body, kQueryExpressions));

  Violations violations;
  check_query_limit(violations, read.limit);
  check(violations, "returnConsumedCapacity", read.return_consumed_capacity,
        kReturnConsumedCapacityRule);
  check_classic_constraints(classic, violations);
  check_table_name_or_arn(violations, "tableName", read.table_name);
  check(violations, "select", read.select, kSelectRule);
  check(violations, "indexName", read.index_name, kOptionalIndexNameRule);
  DDB_RETURN_IF_ERROR(violations.to_result());
  DDB_ASSIGN_OR_RETURN(
      Select select, select_of(read.select, projection_member(projection_text.has_value(), classic),
                               read.index_name.has_value(), kQuerySelectPrefix));
  DDB_RETURN_IF_ERROR(check_expression_members(body, kQueryExpressions));
  DDB_ASSIGN_OR_RETURN(auto expressions, translate_classic_members(classic));
  if (read.start_key_error) {
    return std::move(*read.start_key_error);
  }
  DDB_RETURN_IF_ERROR(parse_expressions(body, kQueryExpressions, classic, expressions));

  QueryRequest request;
  request.table_name = std::string(*read.table_name);
  request.index_name = to_string(read.index_name);
  if (expressions.key_conditions) {
    request.key_condition = std::move(*expressions.key_conditions);
  } else {
    request.key_condition = std::move(*expressions.key_condition);
  }
  request.filter = std::move(expressions.filter);
  request.filter_from_query_filter = expressions.filter_from_query_filter;
  request.projection = std::move(expressions.projection);
  request.select = select;
  request.limit = read.limit;
  request.scan_index_forward = scan_index_forward.value_or(true);
  request.exclusive_start_key = std::move(read.exclusive_start_key);
  request.consistent_read = read.consistent_read.value_or(false);
  request.return_consumed_capacity = consumed_capacity_report(read.return_consumed_capacity);
  return request;
}

Result<ScanRequest> parse_scan(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto read, read_members(body, ValueWording::kOlder));
  DDB_ASSIGN_OR_RETURN(auto segment, optional_integer(body, "Segment"));
  DDB_ASSIGN_OR_RETURN(auto total_segments, optional_integer(body, "TotalSegments"));
  DDB_ASSIGN_OR_RETURN(ClassicMembers classic,
                       read_classic_members(body, classic_members_taken(kScanExpressions)));
  DDB_RETURN_IF_ERROR(read_expression_member_types(body, kScanExpressions));

  Violations violations;
  check(violations, "select", read.select, kSelectRule);
  check(violations, "indexName", read.index_name, kOptionalIndexNameRule);
  check(violations, "totalSegments", total_segments, kTotalSegmentsRule);
  check(violations, "returnConsumedCapacity", read.return_consumed_capacity,
        kReturnConsumedCapacityRule);
  check_table_name_or_arn(violations, "tableName", read.table_name);
  check(violations, "segment", segment, kSegmentRule);
  check(violations, "limit", read.limit, kLimitRule);
  check_classic_constraints(classic, violations);
  DDB_RETURN_IF_ERROR(violations.to_result());
  DDB_RETURN_IF_ERROR(check_expression_members(body, kScanExpressions));
  DDB_ASSIGN_OR_RETURN(auto expressions, translate_classic_members(classic));
  if (read.start_key_error) {
    return std::move(*read.start_key_error);
  }
  if (segment && !total_segments) {
    return ApiError::validation(
        "The TotalSegments parameter is required but was not present in the request when "
        "Segment parameter is present");
  }
  if (total_segments && !segment) {
    return ApiError::validation(
        "The Segment parameter is required but was not present in the request when parameter "
        "TotalSegments is present");
  }
  if (segment && *segment >= *total_segments) {
    return ApiError::validation(
        "The Segment parameter is zero-based and must be less than parameter TotalSegments: "
        "Segment: " +
        std::to_string(*segment) +
        " is not less than TotalSegments: " + std::to_string(*total_segments));
  }
  DDB_RETURN_IF_ERROR(parse_expressions(body, kScanExpressions, classic, expressions));
  DDB_ASSIGN_OR_RETURN(
      Select select,
      select_of(read.select, projection_member(expressions.projection.has_value(), classic),
                read.index_name.has_value(), ""));

  ScanRequest request;
  request.table_name = std::string(*read.table_name);
  request.index_name = to_string(read.index_name);
  request.filter = std::move(expressions.filter);
  request.projection = std::move(expressions.projection);
  request.select = select;
  request.limit = read.limit;
  request.exclusive_start_key = std::move(read.exclusive_start_key);
  request.segment = segment;
  request.total_segments = total_segments;
  request.consistent_read = read.consistent_read.value_or(false);
  request.return_consumed_capacity = consumed_capacity_report(read.return_consumed_capacity);
  return request;
}

// dynalite's tests (recorded on DynamoDB): a start key without exactly the key attributes is
// "invalid", a key attribute of the wrong type does "not match the schema", and the value
// checks (empty, too long) carry kInvalidStartKey before their own message.
namespace {

// The key attributes of the table and, when given, of its index, each once.
std::vector<const AttributeDefinition*> key_definitions(const TableSchema& schema,
                                                        const SecondaryIndex* index) {
  std::vector<const AttributeDefinition*> keys;
  auto add = [&](const AttributeDefinition& key) {
    if (std::none_of(keys.begin(), keys.end(),
                     [&](const AttributeDefinition* known) { return known->name == key.name; })) {
      keys.push_back(&key);
    }
  };
  key_attributes(schema).for_each(add);
  if (index != nullptr) {
    key_attributes(index->key_schema).for_each(add);
  }
  return keys;
}

}  // namespace

// On an index the start key holds the index's keys too, each of its declared type.
Result<void> validate_exclusive_start_key(const TableSchema& schema, const Item& key,
                                          const SecondaryIndex* index) {
  const std::vector<const AttributeDefinition*> keys = key_definitions(schema, index);
  if (key.size() != keys.size() ||
      std::any_of(keys.begin(), keys.end(), [&](const AttributeDefinition* definition) {
        return !key.contains(definition->name);
      })) {
    return ApiError::validation("The provided starting key is invalid");
  }
  for (const AttributeDefinition* definition : keys) {
    if (key.at(definition->name).type() != value_type_of(definition->type)) {
      return ApiError::validation(std::string(kKeyDoesNotMatchSchema));
    }
  }
  Result<void> valid = validate_key(schema, key_of(schema, key));
  if (!valid) {
    return ApiError::validation(std::string(kInvalidStartKey) + valid.error().message());
  }
  return {};
}

Result<expr::KeyCondition> query_key_range(const QueryRequest& request, const KeyAttributes& keys) {
  DDB_ASSIGN_OR_RETURN(
      expr::KeyCondition range,
      std::visit([&](const auto& condition) { return to_key_condition(condition, keys); },
                 request.key_condition));
  if (!request.filter) {
    return range;
  }
  if (!request.filter_from_query_filter) {
    DDB_RETURN_IF_ERROR(expr::check_filter_keys(*request.filter, keys));
    return range;
  }
  const std::vector<std::string> filtered = expr::attribute_names(*request.filter);
  const AttributeDefinition* filtered_key = nullptr;
  keys.for_each([&](const AttributeDefinition& key) {
    if (filtered_key == nullptr &&
        std::find(filtered.begin(), filtered.end(), key.name) != filtered.end()) {
      filtered_key = &key;
    }
  });
  if (filtered_key != nullptr) {
    return ApiError::validation(
        "QueryFilter can only contain non-primary key attributes: Primary key attribute: " +
        filtered_key->name);
  }
  return range;
}

bool index_projects(const TableSchema& schema, const SecondaryIndex& index,
                    const std::string& name) {
  const std::vector<const AttributeDefinition*> keys = key_definitions(schema, &index);
  const std::vector<std::string>& included = index.non_key_attributes;
  return index.projection == ProjectionType::kAll ||
         std::any_of(keys.begin(), keys.end(),
                     [&](const AttributeDefinition* key) { return key->name == name; }) ||
         std::find(included.begin(), included.end(), name) != included.end();
}

Result<void> validate_index_read(const TableSchema& schema, const SecondaryIndex& index,
                                 const IndexRead& read) {
  if (!index.global) {
    return {};
  }
  if (read.consistent_read) {
    return ApiError::validation("Consistent reads are not supported on global secondary indexes");
  }
  if (index.projection == ProjectionType::kAll) {
    return {};
  }
  if (read.select == Select::kAllAttributes) {
    return ApiError::validation(
        "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported "
        "for global secondary index " +
        index.name + " because its projection type is not ALL");
  }
  // The names the index lacks, "[a, b]".
  auto missing = [&](const std::vector<std::string>& names) {
    std::string list;
    for (const std::string& name : names) {
      if (!index_projects(schema, index, name)) {
        list.append(list.empty() ? "[" : ", ").append(name);
      }
    }
    return list.empty() ? list : list + "]";
  };
  if (read.projection != nullptr) {
    if (std::string list = missing(expr::attribute_names(read.projection->paths)); !list.empty()) {
      return ApiError::validation(
          "One or more parameter values were invalid: Global secondary index " + index.name +
          " does not project " + list);
    }
  }
  if (read.filter != nullptr) {
    if (std::string list = missing(expr::attribute_names(*read.filter)); !list.empty()) {
      return ApiError::validation("One or more parameter values were invalid: Secondary index " +
                                  index.name +
                                  " does not project one or more filter attributes: " + list);
    }
  }
  return {};
}

}  // namespace ddblocal::wire
