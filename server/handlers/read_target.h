// What Query, Scan and a PartiQL SELECT share before and after the store reads a page: the
// table (and index) read, checked as DynamoDB checks it, and the page request.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "protocol/expressions/ast.h"
#include "protocol/expressions/key_condition.h"
#include "protocol/wire/requests.h"
#include "server/handlers/handler.h"

namespace ddblocal {

// The table a read reads, and the index when it reads one.
struct ReadTarget {
  std::shared_ptr<const storage::Table> table;
  const SecondaryIndex* index = nullptr;
};

// The table `table_name` and its index `index_name` (when given), once the index exists, is
// built, and allows `read` (wire::validate_index_read).
Result<ReadTarget> target_to_read(RequestContext& context, const std::string& table_name,
                                  const std::optional<std::string>& index_name,
                                  const wire::IndexRead& read);

// Whether a read of a local index must read its items from the table: the index lacks
// attributes the read needs (DynamoDB does so; a global index refused such a read already).
bool reads_table_items(const ReadTarget& target, wire::Select select,
                       const expr::Projection* projection, const expr::Condition* filter);

// The keys a key condition chooses, in the store's terms.
storage::QueryRange query_range_of(expr::KeyCondition condition);

// A Query's answer when the store found its ExclusiveStartKey outside the key condition's range.
Result<void> check_start_in_range(const storage::PageSummary& page);

// The page request of a read of `target`; `read_table_items` as reads_table_items answers.
storage::PageRequest page_request(const ReadTarget& target, const Item* exclusive_start_key,
                                  const std::optional<std::int64_t>& limit, bool forward,
                                  bool read_table_items);

}  // namespace ddblocal
