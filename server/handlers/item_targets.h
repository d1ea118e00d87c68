// ItemTargets: the items a multi-item request (a batch, a transaction) names, each with its
// table (looked up once per name) and its key. The tables stay alive until the request ends.
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "server/handlers/handler.h"

namespace ddblocal {

class ItemTargets {
 public:
  explicit ItemTargets(RequestContext& context) : context_(context) {}

  // Adds the item of a put (its key attributes are the key) or the item with key `item`.
  // Fails with ResourceNotFoundException, as a single-item operation on the table would.
  Result<void> add(const std::string& table_name, const Item& item, bool put);

  const std::vector<storage::ItemAddress>& addresses() const { return addresses_; }
  // The first address that names the same item as an earlier one, if any.
  std::optional<std::size_t> first_repeated() const;

 private:
  RequestContext& context_;
  std::map<std::string, std::shared_ptr<const storage::Table>, std::less<>> tables_;
  std::deque<Item> keys_;  // a deque: addresses_ point into it
  std::vector<storage::ItemAddress> addresses_;
};

}  // namespace ddblocal
