// Tests for find_path: map members by name and list elements by index, at any depth, and
// nullptr for a missing item, attribute, member or index, or a step into a non-document value.
#include "protocol/expressions/path.h"

#include <string>

#include <gtest/gtest.h>

#include "tests/protocol/expressions/ast_builders.h"

namespace ddblocal::expr {
namespace {

using namespace builders;

// {"a": {"b": [1, "two", {"c": true}], "e": {}}, "s": "text", "n": 5}
Item sample() {
  AttributeList b = {N("1"), std::string("two"), AttributeMap{{"c", true}}};
  return {{"a", AttributeMap{{"b", b}, {"e", AttributeMap{}}}},
          {"s", std::string("text")},
          {"n", N("5")}};
}

TEST(FindPath, FindsTopLevelAttributes) {
  Item item = sample();
  ASSERT_NE(find_path(&item, path("s")), nullptr);
  EXPECT_EQ(*find_path(&item, path("s")), AttributeValue(std::string("text")));
  EXPECT_EQ(*find_path(&item, path("n")), N("5"));
  EXPECT_EQ(find_path(&item, path("a")), &item.at("a"));
}

TEST(FindPath, FollowsMapMembersAndListElements) {
  Item item = sample();
  EXPECT_EQ(*find_path(&item, path("a.b[0]")), N("1"));
  EXPECT_EQ(*find_path(&item, path("a.b[1]")), AttributeValue(std::string("two")));
  EXPECT_EQ(*find_path(&item, path("a.b[2].c")), AttributeValue(true));
  EXPECT_EQ(*find_path(&item, path("a.e")), AttributeValue(AttributeMap{}));
}

TEST(FindPath, ReturnsNullForMissingParts) {
  Item item = sample();
  EXPECT_EQ(find_path(&item, path("missing")), nullptr);
  EXPECT_EQ(find_path(&item, path("a.missing")), nullptr);
  EXPECT_EQ(find_path(&item, path("a.e.x")), nullptr);
  EXPECT_EQ(find_path(&item, path("a.b[3]")), nullptr);
  EXPECT_EQ(find_path(&item, path("a.b[4294967295]")), nullptr);
  EXPECT_EQ(find_path(&item, path("a.b[2].d")), nullptr);
  EXPECT_EQ(find_path(nullptr, path("a")), nullptr);
  EXPECT_EQ(find_path(&item, Path{}), nullptr);
}

TEST(FindPath, ReturnsNullForStepsOfTheWrongKind) {
  Item item = sample();
  EXPECT_EQ(find_path(&item, path("a[0]")), nullptr);      // index into a map
  EXPECT_EQ(find_path(&item, path("a.b.c")), nullptr);     // name into a list
  EXPECT_EQ(find_path(&item, path("s[0]")), nullptr);      // index into a string
  EXPECT_EQ(find_path(&item, path("n.x")), nullptr);       // name into a number
  EXPECT_EQ(find_path(&item, path("a.b[0].x")), nullptr);  // name into a list's number
  Path starts_with_index{{index_element(0)}};
  EXPECT_EQ(find_path(&item, starts_with_index), nullptr);
}

}  // namespace
}  // namespace ddblocal::expr
