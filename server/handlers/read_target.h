// What Query, Scan and a PartiQL SELECT share before and after the store reads a page: the
// table (and index) read, checked as DynamoDB checks it; the page request; and the items a
// local index lacks, read back from the table.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "protocol/expressions/ast.h"
#include "protocol/wire/requests.h"
#include "server/handlers/handler.h"
#include "server/handlers/request_metrics.h"

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

// Replaces each index entry of the page by its item in the table (an item deleted since the
// index was read keeps its entry). Each item fetched is a read of its own, in `metrics`.
Result<void> read_table_items(RequestContext& context, const storage::Table& table,
                              storage::ItemPage& page, capacity::Read read,
                              RequestMetrics& metrics);

storage::PageRequest page_request(const ReadTarget& target, const Item* exclusive_start_key,
                                  const std::optional<std::int64_t>& limit, bool forward);

}  // namespace ddblocal
