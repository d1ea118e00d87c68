// query_range_of: each key condition operator as the bounds the store reads.
#include "server/handlers/read_target.h"

#include <gtest/gtest.h>

namespace ddblocal {
namespace {

using expr::SortKeyOp;

AttributeValue number(std::string_view text) {
  return *Number::parse(text);
}

expr::KeyCondition condition(SortKeyOp op) {
  return {{std::string("p")}, {std::string("first")}, op, number("1"), number("9")};
}

::testing::AssertionResult is_bound(const std::optional<storage::SortBound>& bound,
                                    std::string_view value, bool inclusive) {
  if (!bound || bound->value != number(value) || bound->inclusive != inclusive) {
    return ::testing::AssertionFailure() << "another bound";
  }
  return ::testing::AssertionSuccess();
}

TEST(QueryRangeOf, KeepsThePartitionAndTheSortPrefix) {
  const storage::QueryRange range = query_range_of(condition(SortKeyOp::kNone));
  EXPECT_EQ(range.partition, std::vector<AttributeValue>{std::string("p")});
  EXPECT_EQ(range.sort_prefix, std::vector<AttributeValue>{std::string("first")});
  EXPECT_FALSE(range.lower || range.upper || range.begins_with);
}

TEST(QueryRangeOf, EachOperatorIsItsBounds) {
  storage::QueryRange eq = query_range_of(condition(SortKeyOp::kEq));
  EXPECT_TRUE(is_bound(eq.lower, "1", true) && is_bound(eq.upper, "1", true));
  storage::QueryRange lt = query_range_of(condition(SortKeyOp::kLt));
  EXPECT_TRUE(!lt.lower && is_bound(lt.upper, "1", false));
  storage::QueryRange le = query_range_of(condition(SortKeyOp::kLe));
  EXPECT_TRUE(!le.lower && is_bound(le.upper, "1", true));
  storage::QueryRange gt = query_range_of(condition(SortKeyOp::kGt));
  EXPECT_TRUE(is_bound(gt.lower, "1", false) && !gt.upper);
  storage::QueryRange ge = query_range_of(condition(SortKeyOp::kGe));
  EXPECT_TRUE(is_bound(ge.lower, "1", true) && !ge.upper);
  storage::QueryRange between = query_range_of(condition(SortKeyOp::kBetween));
  EXPECT_TRUE(is_bound(between.lower, "1", true) && is_bound(between.upper, "9", true));
  storage::QueryRange prefix = query_range_of(condition(SortKeyOp::kBeginsWith));
  EXPECT_EQ(prefix.begins_with, number("1"));
  EXPECT_FALSE(prefix.lower || prefix.upper);
}

}  // namespace
}  // namespace ddblocal
