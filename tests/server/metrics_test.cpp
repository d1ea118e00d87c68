#include "server/metrics.h"

#include <thread>

#include <gtest/gtest.h>

#include "tests/server/in_memory_store.h"

namespace ddblocal {
namespace {

bool has_line(const std::string& text, const std::string& line) {
  return text.find("\n" + line + "\n") != std::string::npos;
}

TEST(Metrics, CountsRequestsAndErrorsPerOperation) {
  std::unique_ptr<storage::Store> store = open_in_memory_store();
  Metrics metrics({"GetItem", "PutItem"});
  using std::chrono::microseconds;
  metrics.record(0, std::nullopt, microseconds(80));
  metrics.record(0, ErrorType::kResourceNotFound, microseconds(300));
  metrics.record(1, std::nullopt, std::chrono::seconds(20));
  metrics.record(std::nullopt, ErrorType::kInternalFailure, microseconds(10));
  const std::string text = metrics.render(*store);
  EXPECT_TRUE(has_line(text, R"(ddblocal_requests_total{operation="GetItem"} 2)")) << text;
  EXPECT_TRUE(has_line(text, R"(ddblocal_requests_total{operation="PutItem"} 1)"));
  EXPECT_TRUE(has_line(text, R"(ddblocal_requests_total{operation="none"} 1)"));
  EXPECT_TRUE(has_line(
      text, R"(ddblocal_errors_total{operation="GetItem",type="ResourceNotFoundException"} 1)"));
  EXPECT_TRUE(
      has_line(text, R"(ddblocal_errors_total{operation="none",type="InternalFailure"} 1)"));
  // Buckets are cumulative: 80 us is under 0.1 ms, 300 us under 0.5 ms, 20 s only under +Inf.
  EXPECT_TRUE(has_line(
      text, R"(ddblocal_request_duration_seconds_bucket{operation="GetItem",le="5e-05"} 0)"));
  EXPECT_TRUE(has_line(
      text, R"(ddblocal_request_duration_seconds_bucket{operation="GetItem",le="1e-04"} 1)"));
  EXPECT_TRUE(has_line(
      text, R"(ddblocal_request_duration_seconds_bucket{operation="GetItem",le="5e-04"} 2)"));
  EXPECT_TRUE(
      has_line(text, R"(ddblocal_request_duration_seconds_bucket{operation="PutItem",le="10"} 0)"));
  EXPECT_TRUE(has_line(
      text, R"(ddblocal_request_duration_seconds_bucket{operation="PutItem",le="+Inf"} 1)"));
  EXPECT_TRUE(
      has_line(text, R"(ddblocal_request_duration_seconds_sum{operation="GetItem"} 0.00038)"));
  EXPECT_TRUE(has_line(text, R"(ddblocal_request_duration_seconds_count{operation="GetItem"} 2)"));
}

TEST(Metrics, CountsFromManyThreadsExactly) {
  std::unique_ptr<storage::Store> store = open_in_memory_store();
  Metrics metrics({"GetItem"});
  std::vector<std::thread> threads;
  for (int t = 0; t < 12; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 1000; ++i) {
        metrics.record(0, std::nullopt, std::chrono::microseconds(1));
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  EXPECT_TRUE(
      has_line(metrics.render(*store), R"(ddblocal_requests_total{operation="GetItem"} 12000)"));
}

TEST(Metrics, ShowsEachTablesItemsAndBytesAndRocksDbFigures) {
  std::unique_ptr<storage::Store> store = open_in_memory_store();
  TableSchema schema;
  schema.table_name = "users";
  schema.partition_key = {"id", ScalarType::kS};
  schema.attribute_definitions = {{"id", ScalarType::kS}};
  ASSERT_TRUE(store->create_table("eu-west-1/a\"key", schema));
  const std::string text = Metrics({}).render(*store);
  EXPECT_TRUE(
      has_line(text, R"(ddblocal_table_items{namespace="eu-west-1/a\"key",table="users"} 0)"))
      << text;
  EXPECT_TRUE(
      has_line(text, R"(ddblocal_table_bytes{namespace="eu-west-1/a\"key",table="users"} 0)"));
  EXPECT_NE(text.find("\nddblocal_rocksdb_estimate_num_keys "), std::string::npos);
  EXPECT_NE(text.find("# TYPE ddblocal_rocksdb_cur_size_all_mem_tables gauge"), std::string::npos);
}

}  // namespace
}  // namespace ddblocal
