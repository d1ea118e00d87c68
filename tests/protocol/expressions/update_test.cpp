// Tests for apply_update and updated_paths. Every expected item and error below is what
// DynamoDB Local did with the same UpdateExpression on the same item (UpdateItem with
// ReturnValues ALL_NEW); UPDATED_OLD/UPDATED_NEW follow Alternator's tests (real DynamoDB),
// which return only the updated nested parts where DynamoDB Local returns whole attributes.
#include "protocol/expressions/update.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "protocol/expressions/projection.h"
#include "tests/protocol/expressions/ast_builders.h"

namespace ddblocal::expr {
namespace {

using namespace builders;

const std::string kInvalidPath =
    "The document path provided in the update expression is invalid for update";
const std::string kMissing =
    "The provided expression refers to an attribute that does not exist in the item";
const std::string kWrongType = "An operand in the update expression has an incorrect data type";
const std::string kOverflow =
    "Number overflow. Attempting to store a number with magnitude larger than supported range";

Operand plus(Operand a, Operand b) {
  return {Arithmetic{'+', {std::move(a), std::move(b)}}};
}
Operand minus(Operand a, Operand b) {
  return {Arithmetic{'-', {std::move(a), std::move(b)}}};
}
Operand if_not_exists(std::string_view text, Operand fallback) {
  return {FunctionCall{"if_not_exists", {at(text), std::move(fallback)}}};
}
Operand list_append(Operand a, Operand b) {
  return {FunctionCall{"list_append", {std::move(a), std::move(b)}}};
}

// An UpdateExpression built clause by clause: Update().set("a", val(N("1"))).remove("b").
struct Update {
  UpdateExpression expression;
  Update& set(std::string_view target, Operand value) {
    expression.set.push_back({path(target), std::move(value)});
    return *this;
  }
  Update& remove(std::string_view target) {
    expression.remove.push_back({path(target)});
    return *this;
  }
  Update& add(std::string_view target, AttributeValue value) {
    expression.add.push_back({path(target), ValueRef{":v", std::move(value)}});
    return *this;
  }
  Update& del(std::string_view target, AttributeValue value) {
    expression.del.push_back({path(target), ValueRef{":v", std::move(value)}});
    return *this;
  }
};

// The oracle runs' item (key attribute left out).
Item sample() {
  return {
      {"n", N("5")},
      {"s", S("abc")},
      {"a", N("1")},
      {"b", N("2")},
      {"m", M({{"x", N("1")}, {"y", L({S("q")})}, {"st", SS({"a"})}})},
      {"l", L({N("1"), S("two"), M({{"z", N("3")}})})},
      {"ss", SS({"a", "b"})},
      {"ns", NS({"1", "2"})},
      {"bs", BS({"\x01"})},
  };
}

Item applied(const Update& update, Item item = sample()) {
  Result<Item> result = apply_update(update.expression, std::move(item));
  EXPECT_TRUE(result.has_value()) << result.error().message();
  return result.has_value() ? std::move(result).value() : Item{};
}

std::string failure(const Update& update, Item item = sample()) {
  Result<Item> result = apply_update(update.expression, std::move(item));
  if (result.has_value()) {
    ADD_FAILURE() << "the update applied";
    return "";
  }
  EXPECT_EQ(result.error().type(), ErrorType::kValidation);
  return result.error().message();
}

// The sample with some attributes replaced, or removed where the value is std::nullopt.
Item sample_with(std::vector<std::pair<std::string, std::optional<AttributeValue>>> changes) {
  Item item = sample();
  for (auto& [name, value] : changes) {
    if (value) {
      item[name] = std::move(*value);
    } else {
      item.erase(name);
    }
  }
  return item;
}

TEST(ApplyUpdate, SetValuesComeFromTheOldItem) {
  EXPECT_EQ(applied(Update().set("a", at("b")).set("b", at("a"))),
            sample_with({{"a", N("2")}, {"b", N("1")}}));
  EXPECT_EQ(applied(Update().set("a", val(N("9"))).set("c", at("a"))),
            sample_with({{"a", N("9")}, {"c", N("1")}}));
  EXPECT_EQ(applied(Update().set("m.x", val(N("5"))).set("m.k2", at("m.x"))).at("m"),
            M({{"x", N("5")}, {"k2", N("1")}, {"y", L({S("q")})}, {"st", SS({"a"})}}));
  EXPECT_EQ(applied(Update().remove("a").set("c", at("a"))),
            sample_with({{"a", std::nullopt}, {"c", N("1")}}));
  EXPECT_EQ(applied(Update().set("l[1]", at("l[0]")).set("l[0]", at("l[1]"))).at("l"),
            L({S("two"), N("1"), M({{"z", N("3")}})}));
  EXPECT_EQ(applied(Update().set("c", at("m"))).at("c"), sample().at("m"));
  EXPECT_EQ(applied(Update().set("m.x", at("m"))).at("m"),
            M({{"x", sample().at("m")}, {"y", L({S("q")})}, {"st", SS({"a"})}}));
}

TEST(ApplyUpdate, SetsNestedMembersAndListElements) {
  EXPECT_EQ(applied(Update().set("m.x", val(N("9")))).at("m"),
            M({{"x", N("9")}, {"y", L({S("q")})}, {"st", SS({"a"})}}));
  EXPECT_EQ(applied(Update().set("m.nw", val(N("9")))).at("m"),
            M({{"x", N("1")}, {"y", L({S("q")})}, {"st", SS({"a"})}, {"nw", N("9")}}));
  EXPECT_EQ(applied(Update().set("l[1]", val(N("9")))).at("l"),
            L({N("1"), N("9"), M({{"z", N("3")}})}));
  EXPECT_EQ(applied(Update().set("l[2].z", val(N("9")))).at("l"),
            L({N("1"), S("two"), M({{"z", N("9")}})}));
  EXPECT_EQ(applied(Update().set("m.y[0]", val(N("9")))).at("m").get_if<AttributeMap>()->at("y"),
            L({N("9")}));
}

TEST(ApplyUpdate, SetPastTheEndAppendsInIndexOrder) {
  AttributeList old = *sample().at("l").get_if<AttributeList>();
  auto with = [&](AttributeList tail) {
    AttributeList list = old;
    list.insert(list.end(), tail.begin(), tail.end());
    return AttributeValue(list);
  };
  EXPECT_EQ(applied(Update().set("l[3]", val(N("9")))).at("l"), with({N("9")}));
  EXPECT_EQ(applied(Update().set("l[5]", val(N("9")))).at("l"), with({N("9")}));
  EXPECT_EQ(applied(Update().set("l[5]", val(N("9"))).set("l[7]", val(N("10")))).at("l"),
            with({N("9"), N("10")}));
  EXPECT_EQ(applied(Update().set("l[7]", val(N("9"))).set("l[5]", val(N("10")))).at("l"),
            with({N("10"), N("9")}));
  EXPECT_EQ(
      applied(Update().set("l[5]", val(N("5"))).set("l[4]", val(N("4"))).set("l[3]", val(N("3"))))
          .at("l"),
      with({N("3"), N("4"), N("5")}));
  // Across clauses too.
  EXPECT_EQ(applied(Update().set("l[5]", val(N("9"))).add("l[4]", N("8"))).at("l"),
            with({N("8"), N("9")}));
  EXPECT_EQ(applied(Update().add("l[5]", N("8")).set("l[4]", val(N("9")))).at("l"),
            with({N("9"), N("8")}));
  EXPECT_EQ(applied(Update().set("m.y[3]", val(N("9")))).at("m").get_if<AttributeMap>()->at("y"),
            L({S("q"), N("9")}));
}

TEST(ApplyUpdate, SetThroughAMissingOrNonDocumentParentFails) {
  for (const char* target : {"m.q.r", "nx.r", "n.r", "m[0]", "s[0]", "nx[0]", "l.x", "l[9].z"}) {
    EXPECT_EQ(failure(Update().set(target, val(N("9")))), kInvalidPath) << target;
  }
  EXPECT_EQ(failure(Update().set("m.x", val(N("1"))), Item{}), kInvalidPath);
}

TEST(ApplyUpdate, SetFromAMissingAttributeFails) {
  for (const char* source : {"nx", "m.nx", "l[9]", "q.r", "s.t", "s[0]"}) {
    EXPECT_EQ(failure(Update().set("c", at(source))), kMissing) << source;
  }
  EXPECT_EQ(failure(Update().set("c", if_not_exists("nx", at("ny")))), kMissing);
  // The fallback is evaluated even when the attribute exists.
  EXPECT_EQ(failure(Update().set("c", if_not_exists("n", at("ny")))), kMissing);
  EXPECT_EQ(failure(Update().set("c", plus(at("nx"), val(N("1"))))), kMissing);
  EXPECT_EQ(failure(Update().set("c", minus(val(N("1")), at("nx")))), kMissing);
  EXPECT_EQ(failure(Update().set("c", list_append(at("nx"), val(L({N("9")}))))), kMissing);
}

TEST(ApplyUpdate, IfNotExists) {
  EXPECT_EQ(applied(Update().set("c", if_not_exists("nx", val(N("9"))))).at("c"), N("9"));
  EXPECT_EQ(applied(Update().set("c", if_not_exists("n", val(N("9"))))).at("c"), N("5"));
  EXPECT_EQ(applied(Update().set("c", if_not_exists("m.x", val(N("9"))))).at("c"), N("1"));
  EXPECT_EQ(applied(Update().set("c", if_not_exists("n.x", val(N("9"))))).at("c"), N("9"));
  EXPECT_EQ(applied(Update().set("c", plus(if_not_exists("nx", val(N("1"))), val(N("2"))))).at("c"),
            N("3"));
  EXPECT_EQ(
      applied(Update().set("c", list_append(if_not_exists("nx", val(L({}))), val(L({N("1")})))))
          .at("c"),
      L({N("1")}));
}

TEST(ApplyUpdate, AddsAndSubtractsNumbers) {
  EXPECT_EQ(applied(Update().set("c", plus(at("n"), val(N("1"))))).at("c"), N("6"));
  EXPECT_EQ(applied(Update().set("c", minus(at("n"), val(N("7"))))).at("c"), N("-2"));
  EXPECT_EQ(applied(Update().set("c", plus(val(N("1")), val(N("2"))))).at("c"), N("3"));
  EXPECT_EQ(applied(Update().set("c", plus(at("l[0]"), at("m.x")))).at("c"), N("2"));
  EXPECT_EQ(applied(Update().set("a", plus(at("a"), val(N("1")))),
                    {{"a", N("99999999999999999999999999999999999999")}})
                .at("a"),
            N("1e38"));
  EXPECT_EQ(failure(Update().set("c", plus(at("s"), val(N("1"))))), kWrongType);
  EXPECT_EQ(failure(Update().set("c", plus(val(N("1")), at("s")))), kWrongType);
  EXPECT_EQ(failure(Update().set("c", plus(if_not_exists("s", val(N("1"))), val(N("1"))))),
            kWrongType);
  EXPECT_EQ(failure(Update().set("c", plus(val(N("1e125")), val(N("9e125"))))), kOverflow);
  EXPECT_EQ(failure(Update().set("c", plus(val(N("1")), val(N("1e-40"))))), kOverflow);
}

TEST(ApplyUpdate, ListAppend) {
  AttributeList old = *sample().at("l").get_if<AttributeList>();
  AttributeList appended = old;
  appended.push_back(N("9"));
  AttributeList prepended = old;
  prepended.insert(prepended.begin(), N("9"));
  AttributeList twice = old;
  twice.insert(twice.end(), old.begin(), old.end());
  EXPECT_EQ(applied(Update().set("c", list_append(at("l"), val(L({N("9")}))))).at("c"),
            L(appended));
  EXPECT_EQ(applied(Update().set("c", list_append(val(L({N("9")})), at("l")))).at("c"),
            L(prepended));
  EXPECT_EQ(applied(Update().set("c", list_append(at("l"), at("l")))).at("c"), L(twice));
  EXPECT_EQ(applied(Update().set("c", list_append(at("l"), val(L({}))))).at("c"), L(old));
  EXPECT_EQ(applied(Update().set("c", list_append(val(L({N("9")})), val(L({N("9")}))))).at("c"),
            L({N("9"), N("9")}));
  EXPECT_EQ(failure(Update().set("c", list_append(at("ss"), val(L({N("9")}))))), kWrongType);
  EXPECT_EQ(failure(Update().set("c", list_append(at("s"), at("nx")))), kWrongType);
  EXPECT_EQ(failure(Update().set("c", list_append(at("nx"), at("s")))), kMissing);
}

// DynamoDB reports a wrong type anywhere before a missing attribute, and both before an
// invalid path, whatever the order of the actions; within one operand, left to right.
TEST(ApplyUpdate, ReportsErrorsInDynamoDbsPrecedence) {
  Operand bad_type = plus(at("s"), val(N("1")));
  EXPECT_EQ(failure(Update().set("c", at("nx")).set("d", bad_type)), kWrongType);
  EXPECT_EQ(failure(Update().set("d", bad_type).set("c", at("nx"))), kWrongType);
  EXPECT_EQ(failure(Update().set("c", plus(at("nx"), val(N("1")))).set("d", bad_type)), kWrongType);
  EXPECT_EQ(failure(Update().set("c", list_append(at("nx"), at("l"))).set("d", bad_type)),
            kWrongType);
  EXPECT_EQ(failure(Update().set("c", plus(at("nx"), at("s")))), kMissing);
  EXPECT_EQ(failure(Update().set("c", plus(at("s"), at("nx")))), kWrongType);
  EXPECT_EQ(failure(Update().set("q.r", val(N("1"))).set("c", at("nx"))), kMissing);
  EXPECT_EQ(failure(Update().set("c", at("nx")).remove("q.r")), kMissing);
  EXPECT_EQ(failure(Update().set("q.r", val(N("1"))).set("d", bad_type)), kWrongType);
  EXPECT_EQ(failure(Update().set("q.r", val(N("1"))).add("s", N("1"))), kWrongType);
  EXPECT_EQ(failure(Update().remove("q.r").add("s", N("1"))), kWrongType);
  EXPECT_EQ(failure(Update().add("q.r", N("1")).add("s", N("1"))), kWrongType);
  EXPECT_EQ(failure(Update().add("s", N("1")).set("c", at("nx"))), kMissing);
}

TEST(ApplyUpdate, RemovesAttributesAndMembers) {
  EXPECT_EQ(applied(Update().remove("a").remove("b")),
            sample_with({{"a", std::nullopt}, {"b", std::nullopt}}));
  EXPECT_EQ(applied(Update().remove("nx")), sample());
  EXPECT_EQ(applied(Update().remove("m.x")).at("m"), M({{"y", L({S("q")})}, {"st", SS({"a"})}}));
  EXPECT_EQ(applied(Update().remove("m.nx")), sample());
  EXPECT_EQ(applied(Update().remove("l[2].z")).at("l"), L({N("1"), S("two"), M({})}));
  EXPECT_EQ(applied(Update().remove("l[2].nope")), sample());
  EXPECT_EQ(applied(Update().remove("m.y[0]")).at("m").get_if<AttributeMap>()->at("y"), L({}));
  EXPECT_TRUE(applied(Update().remove("c"), Item{}).empty());
  for (const char* target : {"nx.y", "n.y", "m[0]", "s[0]", "l[0].z", "l.x"}) {
    EXPECT_EQ(failure(Update().remove(target)), kInvalidPath) << target;
  }
}

TEST(ApplyUpdate, RemovesListElementsByTheirOriginalIndexes) {
  AttributeValue z = M({{"z", N("3")}});
  EXPECT_EQ(applied(Update().remove("l[0]").remove("l[2]")).at("l"), L({S("two")}));
  EXPECT_EQ(applied(Update().remove("l[2]").remove("l[0]")).at("l"), L({S("two")}));
  EXPECT_EQ(applied(Update().remove("l[0]").remove("l[1]").remove("l[2]")).at("l"), L({}));
  EXPECT_EQ(applied(Update().remove("l[9]")), sample());
  EXPECT_EQ(applied(Update().remove("l[1]").remove("l[9]")).at("l"), L({N("1"), z}));
  EXPECT_EQ(applied(Update().set("l[1]", val(N("9"))).remove("l[0]")).at("l"), L({N("9"), z}));
  EXPECT_EQ(applied(Update().set("l[0]", val(N("9"))).remove("l[1]")).at("l"), L({N("9"), z}));
  EXPECT_EQ(applied(Update().set("l[3]", val(N("9"))).remove("l[0]")).at("l"),
            L({S("two"), z, N("9")}));
  // l[3] did not exist before the update, so its removal does nothing to the appended element.
  EXPECT_EQ(applied(Update().set("l[7]", val(N("9"))).remove("l[3]")).at("l"),
            L({N("1"), S("two"), z, N("9")}));
}

TEST(ApplyUpdate, AddsToNumbersAndSets) {
  EXPECT_EQ(applied(Update().add("n", N("3"))).at("n"), N("8"));
  EXPECT_EQ(applied(Update().add("nx", N("3"))).at("nx"), N("3"));
  EXPECT_EQ(applied(Update().add("nx", N("-3"))).at("nx"), N("-3"));
  EXPECT_EQ(applied(Update().add("ss", SS({"c", "a"}))).at("ss"), SS({"a", "b", "c"}));
  EXPECT_EQ(applied(Update().add("nx", SS({"c"}))).at("nx"), SS({"c"}));
  EXPECT_EQ(applied(Update().add("ns", NS({"3", "1.0"}))).at("ns"), NS({"1", "2", "3"}));
  EXPECT_EQ(applied(Update().add("bs", BS({"\xFF"}))).at("bs"), BS({"\x01", "\xFF"}));
  EXPECT_EQ(applied(Update().add("m.x", N("3"))).at("m").get_if<AttributeMap>()->at("x"), N("4"));
  EXPECT_EQ(applied(Update().add("m.nw", NS({"3"}))).at("m").get_if<AttributeMap>()->at("nw"),
            NS({"3"}));
  EXPECT_EQ(applied(Update().add("l[0]", N("3"))).at("l"),
            L({N("4"), S("two"), M({{"z", N("3")}})}));
  EXPECT_EQ(applied(Update().add("l[7]", N("3"))).at("l"),
            L({N("1"), S("two"), M({{"z", N("3")}}), N("3")}));
}

TEST(ApplyUpdate, AddOfTheWrongTypeFails) {
  EXPECT_EQ(failure(Update().add("ss", NS({"3"}))), kWrongType);
  EXPECT_EQ(failure(Update().add("n", NS({"3"}))), kWrongType);
  EXPECT_EQ(failure(Update().add("ss", N("3"))), kWrongType);
  EXPECT_EQ(failure(Update().add("s", N("3"))), kWrongType);
  EXPECT_EQ(failure(Update().add("s", SS({"x"}))), kWrongType);
  EXPECT_EQ(failure(Update().add("l[1]", N("3"))), kWrongType);
  EXPECT_EQ(failure(Update().add("l[1]", SS({"x"}))), kWrongType);
  EXPECT_EQ(failure(Update().add("nx.y", N("3"))), kInvalidPath);
  EXPECT_EQ(failure(Update().add("a", N("9e125")), {{"a", N("1e125")}}), kOverflow);
  EXPECT_EQ(failure(Update().add("a", N("1e-40")), {{"a", N("1")}}), kOverflow);
  // Resolution rejects an ADD operand that is not a number or set; this is the fallback.
  EXPECT_EQ(failure(Update().add("nx", S("x"))), kWrongType);
}

TEST(ApplyUpdate, DeletesFromSets) {
  EXPECT_EQ(applied(Update().del("ss", SS({"a"}))).at("ss"), SS({"b"}));
  EXPECT_EQ(applied(Update().del("ss", SS({"a", "b"}))), sample_with({{"ss", std::nullopt}}));
  EXPECT_EQ(applied(Update().del("ss", SS({"z"}))), sample());
  EXPECT_EQ(applied(Update().del("nx", SS({"z"}))), sample());
  EXPECT_EQ(applied(Update().del("ns", NS({"1.00"}))).at("ns"), NS({"2"}));
  EXPECT_EQ(applied(Update().del("bs", BS({"\x01"}))), sample_with({{"bs", std::nullopt}}));
  EXPECT_EQ(applied(Update().del("m.st", SS({"a"}))).at("m"),
            M({{"x", N("1")}, {"y", L({S("q")})}}));
  EXPECT_EQ(applied(Update().del("m.nx", SS({"z"}))), sample());
  EXPECT_EQ(applied(Update().del("l[9]", SS({"z"}))), sample());
  EXPECT_EQ(failure(Update().del("ss", NS({"1"}))), kWrongType);
  EXPECT_EQ(failure(Update().del("n", NS({"1"}))), kWrongType);
  EXPECT_EQ(failure(Update().del("nx.y", SS({"z"}))), kInvalidPath);
}

TEST(ApplyUpdate, EmptyingASetInAListRemovesTheElementAfterTheOtherActions) {
  Item item = {{"l", L({SS({"a"}), N("1"), N("2")})}};
  EXPECT_EQ(applied(Update().del("l[0]", SS({"a"})), item).at("l"), L({N("1"), N("2")}));
  EXPECT_EQ(applied(Update().del("l[0]", SS({"a"})).set("l[1]", val(N("9"))), item).at("l"),
            L({N("9"), N("2")}));
  EXPECT_EQ(applied(Update().del("l[0]", SS({"a"})).remove("l[1]"), item).at("l"), L({N("2")}));
}

TEST(ApplyUpdate, AppliesAllFourClauses) {
  EXPECT_EQ(
      applied(Update().set("a", val(N("7"))).remove("b").add("ns", NS({"5"})).del("ss", SS({"a"}))),
      sample_with(
          {{"a", N("7")}, {"b", std::nullopt}, {"ns", NS({"1", "2", "5"})}, {"ss", SS({"b"})}}));
}

// A map 31 levels deep is the deepest a top-level attribute may hold (the item being level 1).
AttributeValue nested_maps(int levels) {
  AttributeValue value = S("bottom");
  for (int i = 0; i < levels; ++i) {
    value = M({{"d", std::move(value)}});
  }
  return value;
}

TEST(ApplyUpdate, SetBeyondTheNestingLimitFails) {
  const std::string kNesting =
      "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels "
      "beyond supported limit";
  EXPECT_EQ(applied(Update().set("c", val(nested_maps(31)))).at("c"), nested_maps(31));
  EXPECT_EQ(failure(Update().set("m.c", val(nested_maps(31)))), kNesting);
  EXPECT_EQ(failure(Update().set("l[0]", val(L({nested_maps(30)})))), kNesting);
  EXPECT_EQ(
      applied(Update().set("m.c", val(nested_maps(30)))).at("m").get_if<AttributeMap>()->at("c"),
      nested_maps(30));
  // SET m.x = m nests the item one level deeper each time; the 31st would pass the limit.
  Item item = {{"m", nested_maps(1)}};
  for (int i = 0; i < 30; ++i) {
    item = applied(Update().set("m.x", at("m")), std::move(item));
  }
  EXPECT_EQ(failure(Update().set("m.x", at("m")), item), kNesting);
}

TEST(ApplyUpdate, UpsertsFromTheKeyAlone) {
  Item key = {{"p", S("k")}};
  EXPECT_EQ(applied(Update().set("c", val(N("1"))), key), (Item{{"p", S("k")}, {"c", N("1")}}));
  EXPECT_EQ(applied(Update().add("c", N("1")), key), (Item{{"p", S("k")}, {"c", N("1")}}));
  EXPECT_EQ(applied(Update().remove("c"), key), key);
}

TEST(UpdatedPaths, ListsSetRemoveAddDeleteInOrder) {
  Update update = Update()
                      .set("a", val(N("1")))
                      .set("m.x", val(N("2")))
                      .remove("l[1]")
                      .add("n", N("1"))
                      .del("ss", SS({"a"}));
  std::vector<Path> expected = {path("a"), path("m.x"), path("l[1]"), path("n"), path("ss")};
  EXPECT_EQ(updated_paths(update.expression), expected);
  EXPECT_TRUE(updated_paths(UpdateExpression{}).empty());
}

// ReturnValues UPDATED_OLD / UPDATED_NEW are the old and new items projected on
// updated_paths; these are Alternator's test_update_item_returnvalues_nested cases.
TEST(UpdatedPaths, ProjectOnlyTheUpdatedNestedParts) {
  Item item = {{"a", M({{"b", S("dog")}, {"c", L({N("1"), N("2"), N("3")})}})}, {"d", S("cat")}};
  auto returned = [&](const Update& update, bool updated_new) {
    Item after = applied(update, item);
    return project(updated_new ? after : item, updated_paths(update.expression));
  };
  EXPECT_EQ(returned(Update().set("a.b", val(S("hi"))), false),
            (Item{{"a", M({{"b", S("dog")}})}}));
  EXPECT_EQ(returned(Update().set("a.b", val(S("hi"))), true), (Item{{"a", M({{"b", S("hi")}})}}));
  EXPECT_EQ(returned(Update().set("a.c[1]", val(N("7"))), false),
            (Item{{"a", M({{"c", L({N("2")})}})}}));
  EXPECT_EQ(returned(Update().set("a.c[1]", val(N("7"))).set("a.b", val(S("x"))), true),
            (Item{{"a", M({{"b", S("x")}, {"c", L({N("7")})}})}}));
  EXPECT_EQ(returned(Update().remove("a.c[1]").remove("a.c[3]"), false),
            (Item{{"a", M({{"c", L({N("2")})}})}}));
  EXPECT_TRUE(returned(Update().set("a.x1", val(N("8"))), false).empty());
  EXPECT_EQ(returned(Update().set("a.x2", val(N("8"))), true), (Item{{"a", M({{"x2", N("8")}})}}));
  // Set past the end: the new element is not at the index written, so nothing is returned.
  EXPECT_TRUE(returned(Update().set("a.c[100]", val(N("70"))), true).empty());
  // Removal shifts the next element into the removed index, and that is returned.
  EXPECT_EQ(returned(Update().remove("a.c[1]"), true), (Item{{"a", M({{"c", L({N("3")})}})}}));
  EXPECT_TRUE(returned(Update().remove("d"), true).empty());
  EXPECT_EQ(returned(Update().remove("d"), false), (Item{{"d", S("cat")}}));
}

// A translation of the classic AttributeUpdates applies the same, but a value of the wrong type
// is reported in the classic words (dynalite's UpdateItem tests, recorded on DynamoDB).
TEST(ApplyUpdate, AttributeUpdatesReportATypeMismatch) {
  Update update;
  update.add("s", N("1"));
  EXPECT_EQ(failure(update), kWrongType);
  update.expression.from_attribute_updates = true;
  EXPECT_EQ(failure(update), "Type mismatch for attribute to update");
  Update fits;
  fits.add("n", N("1"));
  fits.expression.from_attribute_updates = true;
  EXPECT_EQ(applied(fits).at("n"), N("6"));
}

}  // namespace
}  // namespace ddblocal::expr
