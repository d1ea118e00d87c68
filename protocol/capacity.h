// Capacity: the read and write units DynamoDB charges a request, computed from the sizes of the
// items it read and wrote (as item_size counts them). Pure arithmetic: throughput is accounted,
// never throttled. The rules come from the Developer Guide's "DynamoDB read and write operations"
// (reads in 4 KB units, writes in 1 KB units), the secondary index pages ("Provisioned throughput
// considerations") and "Capacity management for transactions"; the capacity conformance tests
// pin each one.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ddblocal::capacity {

// ReturnConsumedCapacity: what an answer reports of the capacity its request consumed.
enum class Report : std::uint8_t { kNone, kTotal, kIndexes };

// How a read is made: an eventually consistent read costs half a strongly consistent one, a
// transactional read twice.
enum class Read : std::uint8_t { kEventual, kStrong, kTransactional };

// The Read of a request's ConsistentRead.
constexpr Read read_of(bool consistent_read) {
  return consistent_read ? Read::kStrong : Read::kEventual;
}

inline constexpr std::size_t kReadUnitBytes = 4 * 1024;
inline constexpr std::size_t kWriteUnitBytes = 1024;

// The read units of one read of `bytes`: one item (0 bytes when it does not exist), or one page
// of a Query or Scan (every item it read, before any filter, summed). Rounded up to 4 KB, at least
// one unit: a read that finds nothing still costs one.
double read_units(std::size_t bytes, Read read);

// The write units of writing an item whose larger image (before or after the write) has `bytes`:
// rounded up to 1 KB, at least one unit (a delete of a missing item still costs one), twice that
// in a transaction.
double write_units(std::size_t bytes, bool transactional = false);

// One secondary index's entry of an item, before and after a write that changed it: the sizes of
// the entry as the index stores it (the projected attributes; nullopt when the item was or is not
// in the index), and whether the entry moved to another index key.
struct IndexEntryWrite {
  std::optional<std::size_t> before;
  std::optional<std::size_t> after;
  bool moved = false;
};

// The write units an index consumes for one changed entry: a put or a delete costs one write of
// that entry, a move two (a delete of the old entry and a put of the new one, each rounded on its
// own), a rewrite in place the larger of the two entries. Never doubled in a transaction.
double index_write_units(const IndexEntryWrite& write);

// Units consumed on one table or index.
struct Units {
  double read = 0;
  double write = 0;

  double total() const { return read + write; }
  Units& operator+=(const Units& other) {
    read += other.read;
    write += other.write;
    return *this;
  }
};

// What one table and its secondary indexes consumed in one request.
struct TableConsumption {
  struct Index {
    std::string name;
    bool global = true;
    Units units;
  };

  std::string table_name;
  Units table;
  // In the order they were first charged.
  std::vector<Index> indexes;

  // Adds `units` to the index named `name` (global or local), listing it if new.
  void add_to_index(std::string_view name, bool global, const Units& units);
  // The table's and every index's units together.
  Units total() const;
};

// What a request consumed: one TableConsumption per table, in the order the request first used
// them (the order DynamoDB lists them in a batch's or transaction's ConsumedCapacity).
class Consumption {
 public:
  // The consumption of table `name`, listed (with nothing consumed) if new.
  TableConsumption& of(std::string_view name);
  const std::vector<TableConsumption>& tables() const { return tables_; }

 private:
  std::vector<TableConsumption> tables_;
};

// ItemCollectionMetrics' SizeEstimateRangeGB for an item collection of `bytes`: the whole
// gigabytes it lies between ([0, 1] below a gigabyte), as DynamoDB answers it.
std::array<double, 2> size_estimate_range_gb(std::uint64_t bytes);

}  // namespace ddblocal::capacity
