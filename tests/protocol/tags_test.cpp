#include "protocol/tags.h"

#include <gtest/gtest.h>

#include "protocol/api_error.h"

namespace ddblocal {
namespace {

TEST(Tags, AddReplacesValueOfExistingKeyInPlace) {
  Result<TagList> tags = add_tags({{"a", "1"}, {"b", "2"}}, {{"a", "3"}, {"c", "4"}});
  ASSERT_TRUE(tags);
  EXPECT_EQ(*tags, (TagList{{"a", "3"}, {"b", "2"}, {"c", "4"}}));
}

TEST(Tags, LimitCountsTheMergedSet) {
  TagList full;
  for (int i = 0; i < 50; ++i) {
    full.push_back({"k" + std::to_string(i), "v"});
  }
  EXPECT_TRUE(add_tags(full, {{"k0", "new"}}));
  Result<TagList> over = add_tags(full, {{"k50", "v"}});
  ASSERT_FALSE(over);
  EXPECT_EQ(over.error().message(),
            "Number of Tags exceed the current limit for the provided ResourceArn");
}

TEST(Tags, RefusesReservedPrefixDuplicatesAndBadCharacters) {
  EXPECT_EQ(add_tags({}, {{"aws:x", "v"}}).error().message(),
            "Tag Key cannot be prefixed with aws:, Key: aws:x");
  EXPECT_EQ(add_tags({}, {{"k", "1"}, {"k", "2"}}).error().message(),
            "Duplicate Tag Keys provided as input: Duplicate Tag Key found k");
  EXPECT_EQ(add_tags({}, {{"a#b", "v"}}).error().message(),
            "The Tag Key provided is invalid, Key: a#b");
  EXPECT_EQ(add_tags({}, {{"k", std::string(257, 'v')}}).error().type(), ErrorType::kValidation);
}

TEST(Tags, LengthsCountCharactersNotBytes) {
  std::string key;
  for (int i = 0; i < 128; ++i) {
    key += "é";  // two bytes each
  }
  EXPECT_TRUE(validate_tag({key, ""}));
  EXPECT_FALSE(validate_tag({key + "e", ""}));
}

TEST(Tags, RemoveIgnoresAbsentKeys) {
  Result<TagList> tags = remove_tags({{"a", "1"}, {"b", "2"}}, {"a", "zzz"});
  ASSERT_TRUE(tags);
  EXPECT_EQ(*tags, (TagList{{"b", "2"}}));
}

}  // namespace
}  // namespace ddblocal
