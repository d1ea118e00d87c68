// What a translated statement (translate.h) asks of a table, once its key schema is known: the
// key of the one item a write names, or the Queries a SELECT runs (one per partition key value
// its WHERE fixes; none: a Scan). DynamoDB's rules and messages for both, from its PartiQL front
// end (/work/notes/partiql.md).
#pragma once

#include <optional>
#include <vector>

#include "protocol/expressions/ast.h"
#include "protocol/expressions/key_condition.h"
#include "protocol/partiql/translate.h"
#include "protocol/result.h"
#include "protocol/table_schema.h"

namespace ddblocal::partiql {

// The one item a write's WHERE names, and what the WHERE says besides.
struct ItemWhere {
  Item key;
  std::optional<expr::Condition> condition;  // nullopt when the WHERE is the key alone
};

// The WHERE of an UPDATE, DELETE, EXISTS or of a batch's or transaction's SELECT: equality on
// every key attribute, joined by AND to anything else. Fails with DynamoDB's message when a key
// attribute has no equality ("Where clause does not contain a mandatory equality on all key
// attributes"), two different ones, a value of the wrong type, or a path into it.
// REQUIRES: where resolved (translate.h).
Result<ItemWhere> item_where(const std::optional<expr::Condition>& where,
                             const KeyAttributes& keys);

// The key attributes of an INSERT's item: each present ("Key attribute should be present in the
// item: Key s") and of its declared type.
Result<void> check_item_keys(const Item& item, const KeyAttributes& keys);

// How a SELECT reads: a Scan, or the Queries in the order their items are returned (none when
// the WHERE contradicts itself, `p = 'a' AND p = 'b'`), all in one direction.
struct ReadPlan {
  bool scan = true;
  std::vector<expr::KeyCondition> queries;
  bool forward = true;
};

// At most this many Queries for one SELECT (the Developer Guide: IN takes at most 50 partition
// key values).
inline constexpr std::size_t kMaxQueries = 50;

// The plan of `read` on a table or index with the key `keys`. A WHERE whose every OR branch fixes
// the partition key (with = or IN) becomes Queries, narrowed by the first condition on the sort key
// of each branch; any other WHERE is a Scan. The whole WHERE still filters every item read.
// Fails with DynamoDB's ValidationException for a key value of the wrong type, branches that read
// one partition's overlapping sort key ranges, too many Queries, or an ORDER BY DynamoDB cannot
// honour (not a key, without WHERE, on a Scan, or over several partitions without the partition
// key).
Result<ReadPlan> plan_read(const Read& read, const KeyAttributes& keys);

// What a SELECT returns of `item`: all of it for `*`, else each path's value under its output
// name (a path with nothing there is left out).
Item selected(const Read& read, Item item);

}  // namespace ddblocal::partiql
