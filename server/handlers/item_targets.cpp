#include "server/handlers/item_targets.h"

#include <algorithm>

#include "protocol/wire/requests.h"

namespace ddblocal {

Result<void> ItemTargets::add(const std::string& table_name, const Item& item, bool put) {
  auto found = tables_.find(table_name);
  if (found == tables_.end()) {
    DDB_ASSIGN_OR_RETURN(auto table, find_table(context_, table_name));
    found = tables_.emplace(table_name, std::move(table)).first;
  }
  const storage::Table* table = found->second.get();
  keys_.push_back(put ? wire::key_of(table->schema, item) : item);
  addresses_.push_back({table, &keys_.back()});
  return {};
}

std::optional<std::size_t> ItemTargets::first_repeated() const {
  for (auto address = addresses_.begin(); address != addresses_.end(); ++address) {
    const bool repeated =
        std::any_of(addresses_.begin(), address, [&](const storage::ItemAddress& earlier) {
          return earlier.table == address->table && *earlier.key == *address->key;
        });
    if (repeated) {
      return static_cast<std::size_t>(address - addresses_.begin());
    }
  }
  return std::nullopt;
}

}  // namespace ddblocal
