#include "server/response.h"

#include <set>
#include <string>
#include <thread>
#include <vector>

#include <boost/uuid/string_generator.hpp>
#include <boost/uuid/uuid_io.hpp>
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
  // (std::regex would do, but GCC 12 warns inside it under the sanitizers' -O1.)
  for (const std::string& id : request_ids(100)) {
    const boost::uuids::uuid uuid = boost::uuids::string_generator()(id);
    EXPECT_EQ(uuid.version(), boost::uuids::uuid::version_random_number_based) << id;
    EXPECT_EQ(uuid.variant(), boost::uuids::uuid::variant_rfc_4122) << id;
    EXPECT_EQ(boost::uuids::to_string(uuid), id);
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
