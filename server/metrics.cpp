#include "server/metrics.h"

#include <algorithm>
#include <charconv>

#include "server/header_text.h"

namespace ddblocal {
namespace {

std::size_t shard_of_this_thread(std::size_t shards) {
  static std::atomic<std::size_t> next_shard{0};
  thread_local const std::size_t shard = next_shard.fetch_add(1, std::memory_order_relaxed);
  return shard % shards;
}

template <typename Number>
void append_number(std::string& out, Number value) {
  char text[32];
  auto [end, error] = std::to_chars(text, text + sizeof text, value);
  out.append(text, error == std::errc() ? end : text);
}

// A label value with Prometheus's escapes (an access key in a namespace may hold anything).
void append_label(std::string& out, std::string_view name, std::string_view value) {
  out.append(name).append("=\"");
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out.append("\\n");
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

void append_header(std::string& out, std::string_view name, std::string_view type,
                   std::string_view help) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

// "ValidationException" of "com.amazon.coral.validate#ValidationException".
std::string_view short_type_name(std::size_t error_type) {
  // type_name() views a string literal: it outlives the error.
  std::string_view name = ApiError(static_cast<ErrorType>(error_type), "").type_name();
  return name.substr(name.find('#') + 1);
}

// One gauge with a sample per table, labelled with its namespace and name.
void append_table_gauge(std::string& out, const std::vector<storage::TableUsage>& tables,
                        std::string_view name, std::string_view help,
                        std::int64_t storage::TableUsage::*figure) {
  append_header(out, name, "gauge", help);
  for (const storage::TableUsage& table : tables) {
    out.append(name).push_back('{');
    append_label(out, "namespace", table.region);
    out.push_back(',');
    append_label(out, "table", table.name);
    out.append("} ");
    append_number(out, table.*figure);
    out.push_back('\n');
  }
}

}  // namespace

Metrics::Metrics(std::vector<std::string_view> operations)
    : operations_(std::move(operations)),
      slots_(operations_.size() + 1),
      counters_(new Counters[kShards * slots_]) {
  for (std::size_t i = 0; i < bucket_bounds_ns_.size(); ++i) {
    bucket_bounds_ns_[i] = static_cast<std::uint64_t>(kLatencyBuckets[i] * 1e9);
  }
}

Metrics::~Metrics() = default;

void Metrics::record(std::optional<std::size_t> operation, std::optional<ErrorType> error,
                     std::chrono::nanoseconds latency) {
  const std::size_t slot =
      operation && *operation < operations_.size() ? *operation : operations_.size();
  Counters& counts = counters(shard_of_this_thread(kShards), slot);
  const auto nanoseconds = static_cast<std::uint64_t>(std::max<std::int64_t>(0, latency.count()));
  std::size_t bucket = 0;
  while (bucket < bucket_bounds_ns_.size() && nanoseconds > bucket_bounds_ns_[bucket]) {
    ++bucket;
  }
  counts.requests.fetch_add(1, std::memory_order_relaxed);
  counts.latency_nanoseconds.fetch_add(nanoseconds, std::memory_order_relaxed);
  counts.buckets[bucket].fetch_add(1, std::memory_order_relaxed);
  if (error && static_cast<std::size_t>(*error) < kErrorTypes) {
    counts.errors[static_cast<std::size_t>(*error)].fetch_add(1, std::memory_order_relaxed);
  }
}

Metrics::Totals Metrics::totals(std::size_t slot) const {
  Totals totals;
  for (std::size_t shard = 0; shard < kShards; ++shard) {
    const Counters& counts = counters(shard, slot);
    totals.requests += counts.requests.load(std::memory_order_relaxed);
    totals.latency_nanoseconds += counts.latency_nanoseconds.load(std::memory_order_relaxed);
    for (std::size_t i = 0; i < kBuckets; ++i) {
      totals.buckets[i] += counts.buckets[i].load(std::memory_order_relaxed);
    }
    for (std::size_t i = 0; i < kErrorTypes; ++i) {
      totals.errors[i] += counts.errors[i].load(std::memory_order_relaxed);
    }
  }
  return totals;
}

void Metrics::render_requests(std::string& out) const {
  std::vector<Totals> all;
  for (std::size_t slot = 0; slot < slots_; ++slot) {
    all.push_back(totals(slot));
  }
  const auto operation_label = [&](std::size_t slot) {
    std::string label;
    append_label(label, "operation", slot < operations_.size() ? operations_[slot] : "none");
    return label;
  };
  append_header(out, "ddblocal_requests_total", "counter",
                "Requests answered, by operation (none: a health check, a preflight, a target "
                "naming no operation).");
  for (std::size_t slot = 0; slot < slots_; ++slot) {
    out.append("ddblocal_requests_total{").append(operation_label(slot)).append("} ");
    append_number(out, all[slot].requests);
    out.push_back('\n');
  }
  append_header(out, "ddblocal_errors_total", "counter",
                "Error answers, by operation and DynamoDB error type.");
  for (std::size_t slot = 0; slot < slots_; ++slot) {
    for (std::size_t type = 0; type < kErrorTypes; ++type) {
      if (all[slot].errors[type] == 0) {
        continue;
      }
      out.append("ddblocal_errors_total{").append(operation_label(slot)).append(",");
      append_label(out, "type", short_type_name(type));
      out.append("} ");
      append_number(out, all[slot].errors[type]);
      out.push_back('\n');
    }
  }
  append_header(out, "ddblocal_request_duration_seconds", "histogram",
                "Time from a request read to its answer ready, by operation.");
  for (std::size_t slot = 0; slot < slots_; ++slot) {
    if (all[slot].requests == 0) {
      continue;
    }
    const std::string label = operation_label(slot);
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBuckets; ++i) {
      cumulative += all[slot].buckets[i];
      out.append("ddblocal_request_duration_seconds_bucket{").append(label).append(",le=\"");
      if (i < std::size(kLatencyBuckets)) {
        append_number(out, kLatencyBuckets[i]);
      } else {
        out.append("+Inf");
      }
      out.append("\"} ");
      append_number(out, cumulative);
      out.push_back('\n');
    }
    out.append("ddblocal_request_duration_seconds_sum{").append(label).append("} ");
    append_number(out, static_cast<double>(all[slot].latency_nanoseconds) / 1e9);
    out.append("\nddblocal_request_duration_seconds_count{").append(label).append("} ");
    append_number(out, all[slot].requests);
    out.push_back('\n');
  }
}

std::string Metrics::render(storage::Store& store) const {
  std::string out;
  render_requests(out);
  const std::vector<storage::TableUsage> tables = store.table_usage();
  append_table_gauge(out, tables, "ddblocal_table_items", "Items in a table (its ItemCount).",
                     &storage::TableUsage::item_count);
  append_table_gauge(out, tables, "ddblocal_table_bytes",
                     "Bytes of a table's items as DynamoDB counts them (its TableSizeBytes).",
                     &storage::TableUsage::size_bytes);
  for (const storage::EngineProperty& property : store.engine_properties()) {
    std::string name = concat("ddblocal_rocksdb_", property.name);
    std::replace(name.begin(), name.end(), '-', '_');
    append_header(out, name, "gauge",
                  concat("RocksDB's rocksdb.", property.name, ", summed over column families."));
    out.append(name).append(" ");
    append_number(out, property.value);
    out.push_back('\n');
  }
  return out;
}

}  // namespace ddblocal
