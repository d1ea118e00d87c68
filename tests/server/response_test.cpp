#include "server/response.h"

#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace ddblocal {
namespace {

std::vector<std::string> request_ids(int count) {
  std::vector<std::string> ids;
  for (int i = 0; i < count; ++i) {
    RequestIdScope scope;
    ids.emplace_back(current_request_id());
  }
  return ids;
}

// Request ids are version 4 UUIDs in their usual text form, as DynamoDB's are.
TEST(RequestIdTest, IsARandomUuidInTextForm) {
  const std::regex uuid_v4("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  for (const std::string& id : request_ids(100)) {
    EXPECT_TRUE(std::regex_match(id, uuid_v4)) << id;
  }
}

// Each thread draws ids from its own generator: seeded apart, so no two threads repeat one
// another's ids.
TEST(RequestIdTest, DistinctAcrossThreads) {
  constexpr int kIdsPerThread = 1000;
  std::vector<std::vector<std::string>> drawn(4);
  std::vector<std::thread> threads;
  for (auto& ids : drawn) {
    threads.emplace_back([&ids] { ids = request_ids(kIdsPerThread); });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  std::set<std::string> distinct;
  for (const auto& ids : drawn) {
    distinct.insert(ids.begin(), ids.end());
  }
  EXPECT_EQ(distinct.size(), drawn.size() * kIdsPerThread);
}

}  // namespace
}  // namespace ddblocal
