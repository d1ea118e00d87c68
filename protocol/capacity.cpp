#include "protocol/capacity.h"

#include <algorithm>

namespace ddblocal::capacity {
namespace {

// `bytes` in whole `unit`s, rounded up, at least one.
double whole_units(std::size_t bytes, std::size_t unit) {
  return static_cast<double>(std::max<std::size_t>(1, (bytes + unit - 1) / unit));
}

constexpr std::uint64_t kGigabyte = std::uint64_t{1} << 30;

}  // namespace

double read_units(std::size_t bytes, Read read) {
  const double units = whole_units(bytes, kReadUnitBytes);
  switch (read) {
    case Read::kEventual:
      return units / 2;
    case Read::kStrong:
      return units;
    case Read::kTransactional:
      return units * 2;
  }
  return units;
}

double write_units(std::size_t bytes, bool transactional) {
  const double units = whole_units(bytes, kWriteUnitBytes);
  return transactional ? units * 2 : units;
}

double index_write_units(const IndexEntryWrite& write) {
  if (write.before && write.after) {
    const double before = write_units(*write.before);
    const double after = write_units(*write.after);
    return write.moved ? before + after : std::max(before, after);
  }
  if (write.before || write.after) {
    return write_units(write.before ? *write.before : *write.after);
  }
  return 0;
}

void TableConsumption::add_to_index(std::string_view name, bool global, const Units& units) {
  auto found = std::find_if(indexes.begin(), indexes.end(),
                            [&](const Index& index) { return index.name == name; });
  if (found == indexes.end()) {
    found = indexes.insert(indexes.end(), Index{std::string(name), global, {}});
  }
  found->units += units;
}

Units TableConsumption::total() const {
  Units sum = table;
  for (const Index& index : indexes) {
    sum += index.units;
  }
  return sum;
}

TableConsumption& Consumption::of(std::string_view name) {
  auto found = std::find_if(tables_.begin(), tables_.end(), [&](const TableConsumption& table) {
    return table.table_name == name;
  });
  if (found != tables_.end()) {
    return *found;
  }
  return tables_.emplace_back(TableConsumption{std::string(name), {}, {}});
}

std::array<double, 2> size_estimate_range_gb(std::uint64_t bytes) {
  const double lower = static_cast<double>(bytes / kGigabyte);
  return {lower, lower + 1};
}

}  // namespace ddblocal::capacity
