// RequestMetrics: what a request consumed (ReturnConsumedCapacity) and the item collections its
// writes touched (ReturnItemCollectionMetrics), gathered from what the store read and wrote as
// the request runs, for its answer. Each method does nothing unless the request asked for what
// it measures, so a request that asked for neither pays nothing. The arithmetic is
// protocol/capacity.h's.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "protocol/capacity.h"
#include "protocol/wire/response_metrics.h"
#include "storage/store.h"

namespace ddblocal {

class RequestMetrics {
 public:
  RequestMetrics(capacity::Report report, bool item_collections);
  // The answer points into this object.
  RequestMetrics(const RequestMetrics&) = delete;
  RequestMetrics& operator=(const RequestMetrics&) = delete;

  // The answer names `table` as the request did: by its ARN when `member`, its TableName member,
  // is one (API Reference, ConsumedCapacity.TableName). A name costs a prefix check.
  void name_table(const storage::Table& table, std::string_view member);

  // A read of one item of `table` (nullopt: it does not exist).
  void add_item_read(const storage::Table& table, const std::optional<Item>& item,
                     capacity::Read read);
  // A read of one item of `table` of `bytes`, as item_size counts them.
  void add_item_read(const storage::Table& table, std::size_t bytes, capacity::Read read);
  // One page of a Query or Scan of `table`, or of its `index`, that read `bytes`.
  void add_page_read(const storage::Table& table, const SecondaryIndex* index, std::size_t bytes,
                     capacity::Read read);
  // A write to one item of `table` and to the entries of its indexes.
  void add_item_write(const storage::Table& table, const storage::ItemWrite& write,
                      bool transactional = false);
  // A transaction's ConditionCheck of `item` (nullopt: missing), charged as a write of it.
  void add_condition_check(const storage::Table& table, const std::optional<Item>& item);

  // The item collection of `item` (an item or a key of `table`) after a write, for a table with
  // local secondary indexes. Fails only when storage does.
  Result<void> add_item_collection(storage::Store& store, const storage::Table& table,
                                   const Item& item);

  // What the answer reports.
  const wire::ResponseMetrics& response() const { return response_; }

 private:
  // The name the answer gives `table`.
  const std::string& shown_name(const storage::Table& table) const;

  // The tables the request named by their ARNs, with those ARNs.
  std::vector<std::pair<const storage::Table*, std::string>> arn_names_;
  capacity::Consumption consumption_;
  wire::ResponseMetrics response_;
  bool item_collections_;
};

}  // namespace ddblocal
