#include "server/handlers/partiql_statements.h"

#include <utility>

#include "protocol/partiql/parser.h"
#include "server/handlers/item_changes.h"

namespace ddblocal {
namespace {

// UPDATE changes an item that exists: its WHERE holds only for an item, so DynamoDB answers
// ConditionalCheckFailedException for a key with none.
expr::Condition item_exists(const AttributeDefinition& partition_key,
                            std::optional<expr::Condition> rest) {
  expr::PathElement name;
  name.name = partition_key.name;
  std::vector<expr::Operand> arguments;
  arguments.push_back(expr::Operand{expr::Path{{name}}});
  expr::Condition exists{expr::FunctionCondition{"attribute_exists", std::move(arguments)}};
  if (!rest) {
    return exists;
  }
  expr::Logical both{expr::Logical::Op::kAnd, {}};
  both.operands.push_back(std::move(exists));
  both.operands.push_back(std::move(*rest));
  return expr::Condition{std::move(both)};
}

wire::ReturnValues return_values(partiql::Returning returning) {
  switch (returning) {
    case partiql::Returning::kAllOld:
      return wire::ReturnValues::kAllOld;
    case partiql::Returning::kModifiedOld:
      return wire::ReturnValues::kUpdatedOld;
    case partiql::Returning::kAllNew:
      return wire::ReturnValues::kAllNew;
    case partiql::Returning::kModifiedNew:
      return wire::ReturnValues::kUpdatedNew;
    case partiql::Returning::kNone:
      break;
  }
  return wire::ReturnValues::kNone;
}

Result<void> bind_insert(const TableSchema& schema, const partiql::Insert& insert,
                         BoundWrite& write) {
  DDB_RETURN_IF_ERROR(partiql::check_item_keys(insert.item, key_attributes(schema)));
  DDB_RETURN_IF_ERROR(wire::validate_item_keys(schema, insert.item));
  if (item_size(insert.item) > wire::kMaxItemBytes) {
    return ApiError::validation("Item size has exceeded the maximum allowed size");
  }
  write.key = wire::key_of(schema, insert.item);
  return {};
}

// The key and condition of an UPDATE, DELETE or EXISTS.
Result<void> bind_where(const TableSchema& schema, const std::optional<expr::Condition>& where,
                        BoundWrite& write) {
  DDB_ASSIGN_OR_RETURN(partiql::ItemWhere item, partiql::item_where(where, key_attributes(schema)));
  DDB_RETURN_IF_ERROR(wire::validate_key(schema, item.key));
  write.key = std::move(item.key);
  write.condition = std::move(item.condition);
  return {};
}

}  // namespace

Result<partiql::Operation> prepare(const wire::StatementRequest& request) {
  DDB_ASSIGN_OR_RETURN(partiql::Statement statement, partiql::parse_statement(request.statement));
  return partiql::translate(statement, request.parameters);
}

Result<BoundWrite> bind_write(RequestContext& context, partiql::Operation operation,
                              bool return_old_item) {
  const partiql::Target& target = partiql::target_of(operation);
  BoundWrite write;
  DDB_ASSIGN_OR_RETURN(write.table, context.store.find_table(context.region, target.table));
  if (target.index) {
    return ApiError::validation("This operation is not supported on an index");
  }
  const TableSchema& schema = write.table->schema;
  write.return_old_item = return_old_item;
  if (const auto* insert = std::get_if<partiql::Insert>(&operation)) {
    DDB_RETURN_IF_ERROR(bind_insert(schema, *insert, write));
  } else if (auto* update = std::get_if<partiql::Update>(&operation)) {
    DDB_RETURN_IF_ERROR(bind_where(schema, update->where, write));
    DDB_RETURN_IF_ERROR(wire::validate_update_keys(schema, update->update));
    write.condition = item_exists(schema.partition_key, std::move(write.condition));
    write.update = std::move(update->update);
  } else if (const auto* del = std::get_if<partiql::Delete>(&operation)) {
    DDB_RETURN_IF_ERROR(bind_where(schema, del->where, write));
  } else {
    DDB_RETURN_IF_ERROR(bind_where(schema, std::get<partiql::Check>(operation).where, write));
  }
  write.operation = std::move(operation);
  return write;
}

storage::ItemChange change_of(const BoundWrite& write) {
  const WriteCondition condition = write_condition(write.condition, write.return_old_item);
  if (const auto* insert = std::get_if<partiql::Insert>(&write.operation)) {
    return insert_change(insert->item);
  }
  if (write.update) {
    return update_change(condition, write.table->schema, write.key, write.update);
  }
  if (std::holds_alternative<partiql::Delete>(write.operation)) {
    return delete_change(condition);
  }
  return check_change(condition);
}

std::optional<Item> returned_item(const BoundWrite& write, const storage::ItemWrite& result) {
  if (const auto* update = std::get_if<partiql::Update>(&write.operation)) {
    return returned_attributes(return_values(update->returning), result, write.update);
  }
  if (const auto* del = std::get_if<partiql::Delete>(&write.operation)) {
    return returned_attributes(return_values(del->returning), result, std::nullopt);
  }
  return std::nullopt;
}

Result<BoundGet> bind_get(RequestContext& context, partiql::Read read, std::string_view operation) {
  const ApiError not_by_key =
      ApiError::validation("Select statements within " + std::string(operation) +
                           " must specify the primary key in the where clause.");
  BoundGet get;
  DDB_ASSIGN_OR_RETURN(get.table, context.store.find_table(context.region, read.target.table));
  if (read.target.index) {
    return not_by_key;
  }
  const TableSchema& schema = get.table->schema;
  Result<partiql::ItemWhere> item = partiql::item_where(read.where, key_attributes(schema));
  if (!item || item->condition || !read.order_by.empty()) {
    return not_by_key;
  }
  DDB_RETURN_IF_ERROR(wire::validate_key(schema, item->key));
  get.key = std::move(item->key);
  get.read = std::move(read);
  return get;
}

}  // namespace ddblocal
