#include "server/handlers/read_target.h"

#include <algorithm>
#include <vector>

#include "protocol/expressions/projection.h"

namespace ddblocal {

Result<ReadTarget> target_to_read(RequestContext& context, const std::string& table_name,
                                  const std::optional<std::string>& index_name,
                                  const wire::IndexRead& read) {
  DDB_ASSIGN_OR_RETURN(auto table, find_table(context, table_name));
  ReadTarget target{std::move(table)};
  if (!index_name) {
    return target;
  }
  const TableSchema& schema = target.table->schema;
  target.index = find_index(schema, *index_name);
  if (target.index == nullptr) {
    return ApiError::validation("The table does not have the specified index: " + *index_name);
  }
  if (target.table->indexes[index_position(schema, *target.index)].status ==
      IndexStatus::kCreating) {
    // The service's text, as a CloudFormation user quoted it (cloudformation-coverage-roadmap
    // issue 1075).
    return ApiError::validation("Cannot read from backfilling global secondary index");
  }
  DDB_RETURN_IF_ERROR(wire::validate_index_read(schema, *target.index, read));
  return target;
}

bool reads_table_items(const ReadTarget& target, wire::Select select,
                       const expr::Projection* projection, const expr::Condition* filter) {
  const SecondaryIndex* index = target.index;
  if (index == nullptr || index->projection == ProjectionType::kAll) {
    return false;
  }
  if (select == wire::Select::kAllAttributes) {
    return true;
  }
  std::vector<std::string> names;
  if (projection != nullptr) {
    names = expr::attribute_names(projection->paths);
  }
  if (filter != nullptr) {
    std::vector<std::string> filtered = expr::attribute_names(*filter);
    names.insert(names.end(), filtered.begin(), filtered.end());
  }
  return std::any_of(names.begin(), names.end(), [&](const std::string& name) {
    return !wire::index_projects(target.table->schema, *index, name);
  });
}

storage::QueryRange query_range_of(expr::KeyCondition condition) {
  using expr::SortKeyOp;
  storage::QueryRange range;
  range.partition = std::move(condition.partition_values);
  range.sort_prefix = std::move(condition.sort_prefix);
  storage::SortBound value{std::move(condition.sort_value), true};
  switch (condition.sort_op) {
    case SortKeyOp::kNone:
      break;
    case SortKeyOp::kEq:
      range.lower = value;
      range.upper = std::move(value);
      break;
    case SortKeyOp::kLt:
    case SortKeyOp::kLe:
      value.inclusive = condition.sort_op == SortKeyOp::kLe;
      range.upper = std::move(value);
      break;
    case SortKeyOp::kGt:
    case SortKeyOp::kGe:
      value.inclusive = condition.sort_op == SortKeyOp::kGe;
      range.lower = std::move(value);
      break;
    case SortKeyOp::kBetween:
      range.lower = std::move(value);
      range.upper = storage::SortBound{std::move(condition.sort_high), true};
      break;
    case SortKeyOp::kBeginsWith:
      range.begins_with = std::move(value.value);
      break;
  }
  return range;
}

Result<void> check_start_in_range(const storage::PageSummary& page) {
  if (page.start_outside_range) {
    return ApiError::validation(
        "The provided starting key is outside query boundaries based on provided conditions");
  }
  return {};
}

storage::PageRequest page_request(const ReadTarget& target, const Item* exclusive_start_key,
                                  const std::optional<std::int64_t>& limit, bool forward,
                                  bool read_table_items) {
  storage::PageRequest request;
  request.exclusive_start_key = exclusive_start_key;
  if (limit) {
    request.limit = static_cast<std::size_t>(*limit);
  }
  request.forward = forward;
  request.index = target.index;
  request.read_table_items = read_table_items;
  return request;
}

}  // namespace ddblocal
