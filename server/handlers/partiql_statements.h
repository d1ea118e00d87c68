// What ExecuteStatement, BatchExecuteStatement and ExecuteTransaction share: a statement parsed
// and translated (protocol/partiql/), a write bound to its table and item as a storage change
// (the same changes PutItem, UpdateItem and DeleteItem make), and a read of one item by its key.
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "protocol/partiql/plan.h"
#include "protocol/partiql/translate.h"
#include "protocol/wire/partiql_requests.h"
#include "server/handlers/handler.h"

namespace ddblocal {

// EXISTS(SELECT ...) anywhere but in a transaction of writes.
inline constexpr std::string_view kExistsOutsideTransaction =
    "EXISTS can only be used in ExecuteTransaction write requests.";

// The operation of one statement: parsed, its `?` bound, translated. Fails with DynamoDB's
// ValidationException for the statement alone (syntax, parameters, what PartiQL refuses).
Result<partiql::Operation> prepare(const wire::StatementRequest& request);

// An INSERT, UPDATE, DELETE or EXISTS bound to its table and its item's key.
struct BoundWrite {
  std::shared_ptr<const storage::Table> table;
  partiql::Operation operation;
  Item key;
  // What the change checks: an UPDATE's WHERE beyond the key, with the item's existence; a
  // DELETE's or EXISTS's WHERE beyond the key. nullopt: nothing.
  std::optional<expr::Condition> condition;
  // An UPDATE's SET and REMOVE (moved out of the operation).
  std::optional<expr::UpdateExpression> update;
  bool return_old_item = false;
};

// Binds a write to its table. Fails with ResourceNotFoundException, or DynamoDB's
// ValidationException for what needs the key schema: an index, a WHERE without the full key,
// key values or an INSERT's item that do not fit the schema, an UPDATE of a key attribute.
// REQUIRES: `operation` is not a Read.
Result<BoundWrite> bind_write(RequestContext& context, partiql::Operation operation,
                              bool return_old_item);

// The change the write makes to its item. REQUIRES: `write` outlives the change.
storage::ItemChange change_of(const BoundWrite& write);

// What the write's RETURNING clause returns of `result`, if anything.
std::optional<Item> returned_item(const BoundWrite& write, const storage::ItemWrite& result);

// A SELECT of one item by its full key (BatchExecuteStatement, ExecuteTransaction).
struct BoundGet {
  std::shared_ptr<const storage::Table> table;
  partiql::Read read;
  Item key;
};

// Binds a SELECT that must name one item: a table (not an index), equality on every key
// attribute and nothing else, else ValidationException "Select statements within <operation>
// must specify the primary key in the where clause.".
Result<BoundGet> bind_get(RequestContext& context, partiql::Read read, std::string_view operation);

}  // namespace ddblocal
