#include "server/handlers/projected_items.h"

#include "protocol/expressions/projection.h"

namespace ddblocal {

ProjectedItems::ProjectedItems(const std::optional<expr::Projection>& projection)
    : projection_(projection) {
  if (projection && expr::names_only(projection->paths)) {
    names_ = expr::attribute_names(projection->paths);
  }
}

Result<void> ProjectedItems::write(const storage::StoredItem& item, wire::ItemsWriter& out) const {
  if (streams()) {
    return out.add_walked([&](ItemEvents& events) { return item.walk(events); },
                          names_ ? &*names_ : nullptr);
  }
  DDB_ASSIGN_OR_RETURN(Item decoded, item.decode());
  write(decoded, out);
  return {};
}

void ProjectedItems::write(const Item& item, wire::ItemsWriter& out) const {
  if (projection_) {
    out.add(expr::project(item, projection_->paths));
  } else {
    out.add(item);
  }
}

}  // namespace ddblocal
