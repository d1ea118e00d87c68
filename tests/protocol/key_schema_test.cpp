// The key schema module: which attributes make a key, and which values of an item form it.
#include "protocol/key_schema.h"

#include <gtest/gtest.h>

namespace ddblocal {
namespace {

const KeySchema& multi() {
  static const KeySchema keys{{{"a", ScalarType::kS}, {"b", ScalarType::kN}},
                              {{"c", ScalarType::kB}}};
  return keys;
}

TEST(KeyAttributes, FindsEveryAttributeOfEitherPart) {
  const KeyAttributes keys = key_attributes(multi());
  for (const char* name : {"a", "b", "c"}) {
    ASSERT_NE(keys.find(name), nullptr) << name;
    EXPECT_EQ(keys.find(name)->name, name);
  }
  EXPECT_FALSE(keys.contains("d"));
  EXPECT_FALSE(keys.single());
}

TEST(KeyAttributes, ATableKeyIsSingle) {
  const AttributeDefinition partition{"p", ScalarType::kS};
  const std::optional<AttributeDefinition> sort = AttributeDefinition{"s", ScalarType::kN};
  EXPECT_TRUE(key_attributes(partition, sort).single());
  EXPECT_TRUE(key_attributes(partition, std::nullopt).sort.empty());
  std::vector<std::string> order;
  key_attributes(partition, sort).for_each([&](const AttributeDefinition& key) {
    order.push_back(key.name);
  });
  EXPECT_EQ(order, (std::vector<std::string>{"p", "s"}));
}

TEST(KeyValues, InKeySchemaOrderWhenEveryOneHasItsType) {
  const Item item{{"b", Number::parse("5").value()}, {"a", std::string("x")}};
  auto values = key_values(item, multi().partition);
  ASSERT_TRUE(values.has_value());
  ASSERT_EQ(values->size(), 2u);
  EXPECT_EQ(*(*values)[0], AttributeValue(std::string("x")));
  EXPECT_EQ(*(*values)[1], AttributeValue(Number::parse("5").value()));
  EXPECT_FALSE(key_values(item, multi().sort).has_value());
  const Item wrong_type{{"a", std::string("x")}, {"b", std::string("5")}};
  EXPECT_FALSE(key_values(wrong_type, multi().partition).has_value());
}

}  // namespace
}  // namespace ddblocal
