// Tests for the translation of PartiQL into the expression language: a WHERE selects the items
// the same WHERE selects on DynamoDB (evaluated by the expression language's evaluator), SET and
// REMOVE change an item as DynamoDB's UPDATE does (applied by its update code), and what
// DynamoDB's PartiQL refuses fails with its message.
#include "protocol/partiql/translate.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "protocol/expressions/evaluate.h"
#include "protocol/expressions/update.h"
#include "protocol/partiql/parser.h"

namespace ddblocal::partiql {
namespace {

Result<Operation> translated(std::string_view text,
                             const std::vector<AttributeValue>& parameters = {}) {
  DDB_ASSIGN_OR_RETURN(Statement statement, parse_statement(text));
  return translate(statement, parameters);
}

AttributeValue N(std::string_view text) {
  return Number::parse(text).value();
}
AttributeValue S(std::string text) {
  return AttributeValue(std::move(text));
}

// The item every WHERE test runs against.
Item sample_item() {
  Item item;
  item.emplace("p", S("a"));
  item.emplace("x", N("1"));
  item.emplace("b", AttributeValue(true));
  item.emplace("n", AttributeValue(Null{}));
  item.emplace("ss", AttributeValue(StringSet{{"a", "b"}}));
  AttributeMap inner;
  inner.emplace("d", N("5"));
  AttributeMap m;
  m.emplace("k", S("v"));
  m.emplace("n", AttributeValue(inner));
  item.emplace("m", AttributeValue(m));
  item.emplace(
      "l", AttributeValue(AttributeList{N("1"), S("two"), AttributeValue(AttributeList{N("3")})}));
  item.emplace("select", N("1"));
  return item;
}

struct WhereCase {
  std::string_view where;
  bool matches;
};

const WhereCase kWhereCases[] = {
    {"p = 'a'", true},
    {"'a' = p", true},
    {"p <> 'a'", false},
    {"x < 2 AND x >= 1", true},
    {"x BETWEEN 0 AND 1", true},
    {"x NOT BETWEEN 0 AND 1", false},
    {"x IN [3, 1]", true},
    {"x IN (3, 4)", false},
    {"x NOT IN [3, 4]", true},
    {"y IS MISSING", true},
    {"x IS MISSING", false},
    {"x IS NOT MISSING", true},
    {"n IS NULL", true},
    {"y IS NULL", false},
    {"y IS NOT NULL", true},
    {"n IS NOT NULL", false},
    {"b IS BOOLEAN AND m IS TUPLE AND m IS STRUCT AND l IS LIST AND p IS STRING", true},
    {"x IS NUMERIC AND NOT x IS STRING AND x IS NOT STRING", true},
    {"b = true", true},
    {"n = NULL", true},
    {"x = 1.0", true},
    {"x = 1e0", true},
    {"begins_with(p, 'a')", true},
    {"NOT begins_with(p, 'a')", false},
    {"contains(ss, 'b') AND contains(l, 'two')", true},
    {"attribute_type(m, 'M')", true},
    {"attribute_exists(x) AND attribute_not_exists(y)", true},
    {"size(l) = 3 AND size(m) > 1", true},
    {"m.k = 'v' AND m.n.d = 5 AND l[2][0] = 3 AND m['k'] = 'v'", true},
    {"\"select\" = 1", true},
    {"m = {'k': 'v', 'n': {'d': 5}}", true},
    {"l = [1, 'two', [3]]", true},
    {"ss = <<'b', 'a'>>", true},
    {"p = 'b' OR NOT (x = 2)", true},
};

TEST(PartiqlTranslate, WhereSelectsTheItemsDynamoDbSelects) {
  const Item item = sample_item();
  for (const WhereCase& c : kWhereCases) {
    Result<Operation> operation = translated("SELECT * FROM tbl WHERE " + std::string(c.where));
    ASSERT_TRUE(operation.has_value()) << c.where << ": " << operation.error().message();
    const Read& read = std::get<Read>(*operation);
    ASSERT_TRUE(read.where.has_value());
    EXPECT_EQ(expr::evaluate(*read.where, &item), c.matches) << c.where;
  }
}

TEST(PartiqlTranslate, BindsParametersInOrder) {
  Result<Operation> operation =
      translated("SELECT * FROM tbl WHERE p = ? AND x = ?", {S("a"), N("1"), S("unused")});
  ASSERT_TRUE(operation.has_value());
  const Item item = sample_item();
  EXPECT_TRUE(expr::evaluate(*std::get<Read>(*operation).where, &item));
}

TEST(PartiqlTranslate, NeedsAValueForEveryParameter) {
  Result<Operation> operation = translated("SELECT * FROM tbl WHERE p = ? AND x = ?", {S("a")});
  ASSERT_FALSE(operation.has_value());
  EXPECT_EQ(operation.error().message(),
            "Number of parameters in request and statement don't match.");
}

TEST(PartiqlTranslate, NamesEachSelectedPathByItsLastName) {
  Result<Operation> operation = translated("SELECT m.n.d, l[0], \"select\" FROM \"t.t\".\"idx\"");
  ASSERT_TRUE(operation.has_value());
  const Read& read = std::get<Read>(*operation);
  EXPECT_EQ(read.target.table, "t.t");
  EXPECT_EQ(read.target.index, "idx");
  EXPECT_EQ(read.output_names, (std::vector<std::string>{"d", "l[0]", "select"}));
  ASSERT_EQ(read.projection.paths.size(), 3u);
  EXPECT_EQ(read.projection.paths[0].elements[0].name, "m");
  EXPECT_EQ(read.projection.paths[1].elements[1].index, 0u);
}

// SET and REMOVE as UpdateItem applies them.
TEST(PartiqlTranslate, UpdateChangesTheItemAsDynamoDbDoes) {
  Result<Operation> operation = translated(
      "UPDATE tbl SET x = x + 1 SET m.k = 'w', l = list_append(l, [9]) REMOVE m.n.d, b "
      "SET ss = set_add(ss, <<'c'>>) SET q = if_not_exists(q, 7) WHERE p = 'a'");
  ASSERT_TRUE(operation.has_value()) << operation.error().message();
  const Update& update = std::get<Update>(*operation);
  Result<Item> item = expr::apply_update(update.update, sample_item());
  ASSERT_TRUE(item.has_value()) << item.error().message();
  EXPECT_EQ(item->at("x"), N("2"));
  EXPECT_EQ(item->at("m").get_if<AttributeMap>()->at("k"), S("w"));
  EXPECT_EQ(item->at("m").get_if<AttributeMap>()->at("n"), AttributeValue(AttributeMap{}));
  EXPECT_EQ(item->at("l").get_if<AttributeList>()->size(), 4u);
  EXPECT_FALSE(item->contains("b"));
  EXPECT_EQ(item->at("ss"), AttributeValue(StringSet{{"a", "b", "c"}}));
  EXPECT_EQ(item->at("q"), N("7"));
}

TEST(PartiqlTranslate, SetDeleteRemovesMembersAndAnEmptiedSet) {
  Result<Operation> operation =
      translated("UPDATE tbl SET ss = set_delete(ss, <<'a', 'b'>>) WHERE p = 'a'");
  ASSERT_TRUE(operation.has_value());
  Result<Item> item = expr::apply_update(std::get<Update>(*operation).update, sample_item());
  ASSERT_TRUE(item.has_value());
  EXPECT_FALSE(item->contains("ss"));
}

TEST(PartiqlTranslate, ReadsInsertAndDeleteStatements) {
  Result<Operation> insert = translated("INSERT INTO tbl VALUE {'p': ?, 'v': [1]}", {S("k")});
  ASSERT_TRUE(insert.has_value());
  EXPECT_EQ(std::get<Insert>(*insert).item.at("p"), S("k"));
  Result<Operation> del = translated("DELETE FROM tbl WHERE p = 'a' RETURNING ALL OLD *");
  ASSERT_TRUE(del.has_value());
  EXPECT_EQ(std::get<Delete>(*del).returning, Returning::kAllOld);
  EXPECT_FALSE(is_read(*del));
}

struct RefusedCase {
  std::string_view statement;
  std::string_view message;
};

const RefusedCase kRefused[] = {
    {"SELECT * FROM tb",
     "Table name should be within the length [3, 255] and only contain 'a-z', "
     "'A-Z', '0-9', '-', '_', '.'."},
    {"SELECT * FROM \"\" WHERE p = 'x'", "Path component cannot be an empty string"},
    {"SELECT * FROM tbl WHERE x.\"\" = 1", "Path component cannot be an empty string"},
    {"SELECT * FROM tbl WHERE exists(x)", "Unrecognized function: exists at 1:25:6"},
    {"SELECT * FROM tbl WHERE foo(p)", "Unrecognized function: foo at 1:25:3"},
    {"SELECT * FROM tbl WHERE p LIKE 'k%'",
     "Unsupported operator in Condition Expression. Operator: like"},
    {"SELECT * FROM tbl WHERE x = 1 + 1",
     "Unsupported operator in Condition Expression. Operator: +"},
    {"SELECT * FROM tbl WHERE x = MISSING", "MISSING must be compared using IS operator"},
    {"SELECT * FROM tbl WHERE b",
     "WHERE clause must contain an expression that resolves to a boolean"},
    {"SELECT * FROM tbl WHERE a = 1 AND b", "The arguments to AND/OR must be Expressions"},
    {"SELECT * FROM tbl WHERE x IS INT",
     "Unsupported data type for IS operator: INTEGER. Supported data types are [MISSING, NULL, "
     "BOOLEAN, BLOB, STRING, NUMERIC, STRUCT, TUPLE, LIST] at 1:27:2"},
    {"SELECT * FROM tbl WHERE x IN []",
     "IN operator must have a left hand argument of type Variable Reference and right hand "
     "argument of type Seq with at least one member"},
    {"SELECT * FROM tbl WHERE x < true",
     "Incorrect operand type for operator or function; operator or function: <, operand type: "
     "BOOL"},
    {"SELECT * FROM tbl WHERE x BETWEEN 2 AND 1",
     "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower "
     "bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}"},
    {"SELECT * FROM tbl WHERE begins_with(p)",
     "Incorrect number of operands for operator or function; operator or function: begins_with, "
     "number of operands: 1"},
    {"SELECT * FROM tbl WHERE x[-1] = 1",
     "List index is not within the allowable range; index: [-1] at 1:28:1"},
    {"SELECT * FROM tbl WHERE x[99999999999] = 'a'",
     "List index is not within the allowable range; index: [99999999999] at 1:27:11"},
    {"SELECT * FROM tbl WHERE x[1.5] = 'a'", "Unexpected path component at 1:27:3"},
    {"SELECT * FROM tbl WHERE x[a] = 'a'", "Unexpected path component at 1:27:1"},
    {"SELECT * FROM tbl WHERE x[*] = 'a'", "Wildcard path component like a[*].b are not supported"},
    {"SELECT count(*) FROM tbl", "Unexpected path component at 1:8:5"},
    {"SELECT \"v\", 'v' FROM tbl", "Unexpected path component at 1:13:3"},
    {"SELECT m.k, k FROM tbl", "Duplicate identifiers in select clause: k"},
    {"SELECT m, m.k FROM tbl",
     "Two document paths overlap with each other; must remove or rewrite one of these paths; path "
     "one: [m, k], path two: [m]"},
    {"UPDATE tbl SET a = 1 SET a.b = 2 WHERE p = 'a'",
     "Two document paths overlap with each other; must remove or rewrite one of these paths; path "
     "one: [a, b], path two: [a]"},
    {"UPDATE tbl SET x = x * 2 WHERE p = 'a'",
     "Unsupported operator in Update Expression. Operator: *"},
    {"UPDATE tbl SET z = x IS MISSING WHERE p = 'a'",
     "IS operator is not supported in update expressions"},
    {"UPDATE tbl SET z = size(x) WHERE p = 'a'",
     "The function is not allowed in an update expression; function: size"},
    {"UPDATE tbl SET z = 1 + 'a' WHERE p = 'a'",
     "Incorrect operand type for operator or function; operator or function: +, operand type: S"},
    {"UPDATE tbl SET t = set_add(ss, <<'x'>>) WHERE p = 'a'",
     "The first argument to SET_ADD must equal the assignment value at 1:20:7"},
    {"UPDATE tbl SET ss = set_add(ss, 'x') WHERE p = 'a'",
     "The second argument to SET_ADD must be a value with type SET at 1:29:2"},
    {"UPDATE tbl SET ss = set_delete(ss) WHERE p = 'a'",
     "SET_DELETE must have exactly two arguments at 1:21:10"},
    {"UPDATE tbl SET ss = set_add(ss, <<>>) WHERE p = 'a'",
     "Empty bags are not supported at 1:33:2"},
    {"INSERT INTO tbl VALUE [1]",
     "Unsupported format in item expression. Please use struct format {...} to express item "
     "values for insert statement. at 1:23:1"},
    {"INSERT INTO tbl VALUE {'p': 'k9', 's': 1, 'p': 'z'}",
     "Duplicate keys in tuple. Key: p under root at 1:43:3"},
};

TEST(PartiqlTranslate, RefusesWhatDynamoDbRefuses) {
  for (const RefusedCase& c : kRefused) {
    Result<Operation> operation = translated(c.statement);
    ASSERT_FALSE(operation.has_value()) << c.statement;
    EXPECT_EQ(operation.error().message(), c.message) << c.statement;
  }
}

}  // namespace
}  // namespace ddblocal::partiql
