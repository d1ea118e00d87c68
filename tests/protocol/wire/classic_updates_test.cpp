// AttributeUpdates: the checks with DynamoDB's messages (dynalite's UpdateItem tests, recorded on
// DynamoDB) and what the translated update does to an item, applied by the expression language.
// The resulting items are DynamoDB Local's for the same updates.
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "protocol/expressions/update.h"
#include "protocol/wire/classic_members.h"
#include "protocol/wire/value_codec.h"
#include "tests/protocol/wire/wire_test_util.h"

namespace ddblocal::wire {
namespace {

using test_util::Classic;
using test_util::parse_json;
using test_util::validation_message;

Item item(std::string_view json) {
  return decode_item(parse_json(json)).value();
}

Result<std::optional<expr::UpdateExpression>> translated(std::string_view updates) {
  Classic classic("{\"AttributeUpdates\":" + std::string(updates) + "}",
                  {.attribute_updates = true});
  return translate_attribute_updates(classic.members);
}

// The item after `updates`; a test failure if they are refused.
Result<Item> applied(std::string_view updates, std::string_view old_item) {
  Result<std::optional<expr::UpdateExpression>> update = translated(updates);
  EXPECT_TRUE(update.has_value() && update->has_value())
      << (update.has_value() ? "nothing to apply" : update.error().message());
  if (!update.has_value() || !update->has_value()) {
    return ApiError::validation("no update");
  }
  return expr::apply_update(**update, item(old_item));
}

constexpr std::string_view kOld =
    R"({"p":{"S":"k"},"n":{"N":"1"},"s":{"S":"x"},"ss":{"SS":["a","b"]},"l":{"L":[{"N":"1"}]}})";

TEST(ClassicUpdates, PutDeleteAndAddAsTheirExpressions) {
  Result<Item> updated =
      applied(R"({"z":{"Value":{"N":"5"}},"s":{"Action":"DELETE"},"n":{"Action":"ADD",)"
              R"("Value":{"N":"2"}},"ss":{"Action":"DELETE","Value":{"SS":["a","c"]}},)"
              R"("m.x":{"Action":"PUT","Value":{"S":"dotted"}}})",
              kOld);
  ASSERT_TRUE(updated.has_value()) << updated.error().message();
  EXPECT_EQ(*updated, item(R"({"p":{"S":"k"},"n":{"N":"3"},"ss":{"SS":["b"]},)"
                           R"("l":{"L":[{"N":"1"}]},"z":{"N":"5"},"m.x":{"S":"dotted"}})"));
}

TEST(ClassicUpdates, AddStartsMissingAttributesAndAppendsToLists) {
  Result<Item> updated = applied(
      R"({"l":{"Action":"ADD","Value":{"L":[{"S":"two"}]}},"q":{"Action":"ADD","Value":{"L":[]}},)"
      R"("c":{"Action":"ADD","Value":{"N":"-2"}},"t":{"Action":"ADD","Value":{"NS":["7"]}}})",
      kOld);
  ASSERT_TRUE(updated.has_value()) << updated.error().message();
  EXPECT_EQ(updated->at("l"), item(R"({"l":{"L":[{"N":"1"},{"S":"two"}]}})").at("l"));
  EXPECT_EQ(updated->at("q"), AttributeValue(AttributeList{}));
  EXPECT_EQ(updated->at("c"), AttributeValue(Number::parse("-2").value()));
  EXPECT_EQ(updated->at("t"), item(R"({"t":{"NS":["7"]}})").at("t"));
}

TEST(ClassicUpdates, DeletingAWholeSetRemovesTheAttribute) {
  Result<Item> updated = applied(R"({"ss":{"Action":"DELETE","Value":{"SS":["a","b"]}}})", kOld);
  ASSERT_TRUE(updated.has_value());
  EXPECT_FALSE(updated->contains("ss"));
}

TEST(ClassicUpdates, ValuesOfTheWrongTypeAreATypeMismatch) {
  for (std::string_view updates : {R"({"s":{"Action":"ADD","Value":{"N":"1"}}})",
                                   R"({"n":{"Action":"ADD","Value":{"SS":["a"]}}})",
                                   R"({"n":{"Action":"ADD","Value":{"L":[]}}})",
                                   R"({"l":{"Action":"DELETE","Value":{"NS":["1"]}}})",
                                   R"({"ss":{"Action":"DELETE","Value":{"NS":["1"]}}})"}) {
    EXPECT_EQ(validation_message(applied(updates, kOld)), "Type mismatch for attribute to update")
        << updates;
  }
}

TEST(ClassicUpdates, ChecksOfEachUpdate) {
  const std::string prefix = "One or more parameter values were invalid: ";
  EXPECT_EQ(validation_message(translated(R"({"a":{"Action":"PUT"}})")),
            prefix + "Only DELETE action is allowed when no attribute value is specified");
  EXPECT_EQ(validation_message(translated(R"({"a":{}})")),
            prefix + "Only DELETE action is allowed when no attribute value is specified");
  EXPECT_EQ(validation_message(translated(R"({"a":{"Action":"DELETE","Value":{"S":"x"}}})")),
            prefix + "DELETE action with value is not supported for the type S");
  EXPECT_EQ(validation_message(translated(R"({"a":{"Action":"DELETE","Value":{"L":[]}}})")),
            prefix + "DELETE action with value is not supported for the type L");
  EXPECT_EQ(validation_message(translated(R"({"a":{"Action":"ADD","Value":{"BOOL":true}}})")),
            prefix + "ADD action is not supported for the type BOOL");
  EXPECT_EQ(validation_message(translated(R"({"a":{"Action":"ADD","Value":{"M":{}}}})")),
            prefix + "ADD action is not supported for the type M");
  EXPECT_EQ(validation_message(translated(R"({"a":{"Value":{"NS":[]}}})")),
            prefix + "An number set  may not be empty");
  EXPECT_EQ(validation_message(translated(R"({"":{"Value":{"N":"1"}}})")), "Empty attribute name");
  EXPECT_EQ(validation_message(translated(R"({"a":null})")),
            "Supplied AttributeValueUpdate is empty, must contain one of the supported actions: "
            "a is null");
}

TEST(ClassicUpdates, NoUpdatesNoExpression) {
  Result<std::optional<expr::UpdateExpression>> none = translated("{}");
  ASSERT_TRUE(none.has_value());
  EXPECT_FALSE(none->has_value());
}

}  // namespace
}  // namespace ddblocal::wire
