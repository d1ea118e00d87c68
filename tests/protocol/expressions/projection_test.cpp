// Tests for project: each expected item is what DynamoDB Local's GetItem returned with the same
// ProjectionExpression on the same item.
#include "protocol/expressions/projection.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "tests/protocol/expressions/ast_builders.h"

namespace ddblocal::expr {
namespace {

using namespace builders;

// "a, b.c" as the projection's paths.
std::vector<Path> paths(std::string_view text) {
  std::vector<Path> result;
  while (!text.empty()) {
    std::size_t comma = std::min(text.find(", "), text.size());
    result.push_back(path(text.substr(0, comma)));
    text.remove_prefix(std::min(comma + 2, text.size()));
  }
  return result;
}

// The oracle runs' item (key attribute left out).
Item sample() {
  return {
      {"n", N("5")},
      {"s", S("abc")},
      {"m",
       M({{"x", N("1")}, {"y", L({S("q"), S("r")})}, {"w", M({{"a", N("1")}, {"b", N("2")}})}})},
      {"l", L({N("1"), S("two"), M({{"z", N("3")}, {"u", N("4")}}), L({N("7"), N("8")})})},
  };
}

Item projected(std::string_view expression) {
  return project(sample(), paths(expression));
}

TEST(Project, KeepsTopLevelAttributes) {
  EXPECT_EQ(projected("n"), (Item{{"n", N("5")}}));
  EXPECT_EQ(projected("n, s"), (Item{{"n", N("5")}, {"s", S("abc")}}));
  EXPECT_EQ(projected("m"), (Item{{"m", sample().at("m")}}));
  EXPECT_EQ(projected("n, nx"), (Item{{"n", N("5")}}));
  EXPECT_TRUE(projected("nx").empty());
  EXPECT_TRUE(project(sample(), {}).empty());
}

TEST(Project, KeepsNestedMembersInTheirMaps) {
  EXPECT_EQ(projected("m.x"), (Item{{"m", M({{"x", N("1")}})}}));
  EXPECT_EQ(projected("m.w.a, m.w.b"),
            (Item{{"m", M({{"w", M({{"a", N("1")}, {"b", N("2")}})}})}}));
  EXPECT_EQ(projected("m.w.a, m.y[0]"),
            (Item{{"m", M({{"y", L({S("q")})}, {"w", M({{"a", N("1")}})}})}}));
  EXPECT_EQ(projected("m.y[1], m.x"), (Item{{"m", M({{"x", N("1")}, {"y", L({S("r")})}})}}));
}

TEST(Project, KeepsListElementsInIndexOrder) {
  AttributeValue zu = M({{"z", N("3")}, {"u", N("4")}});
  EXPECT_EQ(projected("l[2], l[0]"), (Item{{"l", L({N("1"), zu})}}));
  EXPECT_EQ(projected("l[0], l[2]"), (Item{{"l", L({N("1"), zu})}}));
  EXPECT_EQ(projected("l[2].z, l[0]"), (Item{{"l", L({N("1"), M({{"z", N("3")}})})}}));
  EXPECT_EQ(projected("l[2].z, l[2].u"), (Item{{"l", L({zu})}}));
  EXPECT_EQ(projected("l[3][1]"), (Item{{"l", L({L({N("8")})})}}));
  EXPECT_EQ(projected("l[3][1], l[3][0]"), (Item{{"l", L({L({N("7"), N("8")})})}}));
  EXPECT_EQ(projected("l[3][1], l[2].u, l[1]"),
            (Item{{"l", L({S("two"), M({{"u", N("4")}}), L({N("8")})})}}));
  EXPECT_EQ(projected("m.y[1]"), (Item{{"m", M({{"y", L({S("r")})}})}}));
}

TEST(Project, SkipsPathsThatNameNothing) {
  for (const char* expression :
       {"l[9]", "m.nx", "l[1].z", "s[0]", "m.x.q", "l[2].nope", "n.x", "l[3][5]", "m[0]", "l.x"}) {
    EXPECT_TRUE(projected(expression).empty()) << expression;
  }
  EXPECT_EQ(projected("m.nx, n"), (Item{{"n", N("5")}}));
  EXPECT_EQ(projected("l[2].nope, l[0]"), (Item{{"l", L({N("1")})}}));
  EXPECT_EQ(projected("l[9], l[1]"), (Item{{"l", L({S("two")})}}));
}

TEST(Project, KeepsEmptyDocumentsThatArePathsThemselves) {
  Item item = {{"e", M({})}, {"m", M({{"e", L({})}})}};
  EXPECT_EQ(project(item, paths("e")), (Item{{"e", M({})}}));
  EXPECT_EQ(project(item, paths("m.e")), (Item{{"m", M({{"e", L({})}})}}));
}

}  // namespace
}  // namespace ddblocal::expr
