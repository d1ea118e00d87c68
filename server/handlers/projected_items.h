// Stored items written into an answer under a ProjectionExpression: straight from their stored
// encoding when the projection names top-level attributes only (or there is none), decoded and
// projected when it names nested paths.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "protocol/expressions/ast.h"
#include "protocol/wire/responses.h"
#include "storage/store.h"

namespace ddblocal {

class ProjectedItems {
 public:
  // `projection` (nullopt: every attribute) must outlive this.
  explicit ProjectedItems(const std::optional<expr::Projection>& projection);

  // Whether write(const StoredItem&) writes without decoding the item.
  bool streams() const { return !projection_ || names_; }

  Result<void> write(const storage::StoredItem& item, wire::ItemsWriter& out) const;
  // An item at hand (decoded to be filtered).
  void write(const Item& item, wire::ItemsWriter& out) const;

 private:
  const std::optional<expr::Projection>& projection_;
  // A projection of top-level attributes only: their names.
  std::optional<std::vector<std::string>> names_;
};

}  // namespace ddblocal
