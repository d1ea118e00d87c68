// Tests for the PartiQL parser: the statements DynamoDB runs parse into the expected trees, and
// the ones it refuses fail with its messages (recorded against AWS where the notes say so, see
// /work/notes/partiql.md; positions are line:column:length).
#include "protocol/partiql/parser.h"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace ddblocal::partiql {
namespace {

constexpr std::string_view kMalformed = "Statement wasn't well formed, can't be processed: ";

struct ParseCase {
  std::string_view statement;
  std::string_view error;  // empty: parses
};

std::string malformed_text(std::string_view detail) {
  return std::string(kMalformed) + std::string(detail);
}

constexpr std::string_view kAccepted[] = {
    "SELECT * FROM t1t",
    "select a, b.c, d[2].e, \"f\"['g'] from \"t-1\".\"i.2\" where a = 1",
    "SELECT * FROM tbl WHERE a = 1 AND NOT b <> 'x' OR c IS NOT MISSING;",
    "SELECT * FROM tbl WHERE a IN [1, 2] AND b IN (3, 4) AND c NOT IN ['x']",
    "SELECT * FROM tbl WHERE a BETWEEN 1 AND 2 AND b NOT BETWEEN -1 AND +1",
    "SELECT * FROM tbl WHERE begins_with(a, 'x') AND size(b) > 2 AND a IS NULL",
    "SELECT * FROM tbl WHERE p = ? ORDER BY p DESC, s ASC",
    "INSERT INTO tbl VALUE {'a': 1, 'b': [1, 'x', <<1, 2>>], 'c': {'d': null, 'e': true}}",
    "UPDATE tbl SET a = a + 1, b = list_append(b, [1]) REMOVE c SET d = ? WHERE p = 'x' "
    "RETURNING MODIFIED NEW *",
    "FROM tbl WHERE p = 'x' SET a = 1 REMOVE b",
    "DELETE FROM tbl WHERE p = 'x' RETURNING ALL OLD *",
    "EXISTS(SELECT * FROM tbl WHERE p = 'x' AND a = 1)",
    "-- a comment\nSELECT /* inline */ * FROM tbl",
};

TEST(PartiqlParser, ParsesTheStatementsDynamoDbRuns) {
  for (std::string_view text : kAccepted) {
    Result<Statement> statement = parse_statement(text);
    EXPECT_TRUE(statement.has_value())
        << text << ": " << (statement ? "" : statement.error().message());
  }
}

const ParseCase kRefused[] = {
    // Recorded against AWS.
    {"SELECT * FROM tbl WHERE pk = 1 foo", "Unexpected token after expression"},
    {"SELECT * FROM tbl WHERE pk = 1)", "Unexpected token after expression"},
    {"DELETE FROM tbl WHERE pk = 1 ORDER BY pk", "Unexpected token after expression"},
    {"SELECT * FROM tbl ORDER BY pk WHERE pk = 1", "Unexpected token after expression"},
    {"SELECT * FROM tbl WHERE", "Unexpected term"},
    {"SELECT * FROM tbl WHERE;", "Unexpected term"},
    {"SELECT * FROM tbl WHERE NOT", "Unexpected term"},
    {"SELECT * FROM tbl WHERE (", "Unexpected term"},
    {"UPDATE tbl SET a = 1 WHERE", "Unexpected term"},
    {"SELECT * FROM tbl WHERE pk = 'p1' AND",
     "Missing right-hand side expression of infix operator"},
    {"SELECT * FROM tbl WHERE pk = 'p1' OR",
     "Missing right-hand side expression of infix operator"},
    {"SELECT * FROM tbl WHERE ORDER BY pk", "Unexpected keyword"},
    {"SELECT * FROM tbl WHERE pk = 'a' AND x IS FOO", "Expected type name"},
    {"SELECT * FROM tbl WHERE IS NULL", "Unexpected operator"},
    {"SELECT * FROM tbl WHERE pk = LIKE", "Unexpected operator"},
    {"DELETE FROM", "Expected identifier for simple path"},
    {"DELETE FROM;", "Expected identifier for simple path"},
    {"SELECT * FROM", "Unexpected term"},
    {"SLECT * FROM tbl", "Expected data manipulation"},
    {"SELECT * FROM tbl WHERE pk = 1 # note", ""},
    {"FROM tbl SET c = 1 WHERE pk = 'x'", "Unexpected token after expression"},
    // Not recorded; DynamoDB's wording for similar mistakes.
    {"SELECT * FROM tbl WHERE (p = 'a'", "Expected right parenthesis"},
    {"SELECT * tbl", "Unexpected term"},
    {"SELECT *", "Missing FROM after SELECT list"},
    {"INSERT INTO tbl VALUES {'p': 1}", "Expected VALUE"},
    {"UPDATE tbl WHERE p = 'a'", "Expected data manipulation"},
    {"DELETE tbl WHERE p = 'a'", "Expected FROM"},
    {"SELECT * FROM tbl WHERE x = --1", "Missing right-hand side expression of infix operator"},
    {"SELECT * FROM tbl WHERE a.select = 1", "Invalid path dot component"},
};

TEST(PartiqlParser, RefusesMalformedStatementsWithDynamoDbsDetail) {
  for (const ParseCase& c : kRefused) {
    Result<Statement> statement = parse_statement(c.statement);
    ASSERT_FALSE(statement.has_value()) << c.statement;
    EXPECT_EQ(statement.error().message(), malformed_text(c.error)) << c.statement;
  }
}

const ParseCase kUnsupported[] = {
    {"SELECT * FROM tbl t WHERE pk = 'x'", "Aliasing is not supported"},
    {"SELECT * FROM tbl AS t WHERE pk = 'x'", "Aliasing is not supported"},
    {"UPDATE tbl t SET a = 3 WHERE pk = 'x'", "Aliasing is not supported"},
    {"SELECT a AS b FROM tbl", "Aliasing is not supported"},
    {"SELECT * FROM a.b.c", "A path may contain at most 2 components in the FROM clause"},
    {"SELECT * FROM tbl, other", "Only select from a single table or index is supported."},
    {"SELECT VALUE a FROM tbl", "Select projection doesn't support value or pivot keywords"},
    {"SELECT * FROM tbl WHERE a = 1 GROUP BY a", "Unsupported clause: GROUP BY"},
    {"SELECT * FROM tbl WHERE p = 'k1' LIMIT 1", "Unsupported clause: LIMIT at 1:40:1"},
    {"SELECT a, * FROM tbl",
     "Other attributes should not be present in the projection when '*' is used."},
    {"INSERT INTO tbl VALUE {'p': 'x'} RETURNING ALL OLD *",
     "RETURNING is not supported in INSERT"},
    {"DELETE FROM tbl WHERE p = 'x' RETURNING MODIFIED OLD *",
     "Invalid returning clause: RETURNING MODIFIED OLD *. Only RETURNING ALL OLD * is allowed in "
     "DELETE statements."},
    {"UPDATE tbl SET a = 1 WHERE p = 'x' RETURNING ALL OLD *, ALL NEW *",
     "Invalid syntax with multiple returning elements in RETURNING clause"},
    {"UPDATE tbl SET a = 1 WHERE p = 'x' RETURNING ALL OLD",
     "Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING clause"},
    {"x IS INT4", "Unsupported operation: IsType"},
    {"x IS DOUBLE PRECISION", "Unsupported operation: IsType"},
    {"1", "Unsupported operation: Lit"},
    {"CREATE TABLE x", "Unsupported operation: CreateTable"},
    {"INSERT INTO tbl <<{'p': 'a'}>>",
     "Unsupported operation: Inserting multiple items in a single statement is not supported, "
     "use \"INSERT INTO tableName VALUE item\" instead"},
};

TEST(PartiqlParser, RefusesFormsDynamoDbDoesNotRun) {
  for (const ParseCase& c : kUnsupported) {
    Result<Statement> statement = parse_statement(c.statement);
    ASSERT_FALSE(statement.has_value()) << c.statement;
    EXPECT_EQ(statement.error().message(), c.error) << c.statement;
  }
}

TEST(PartiqlParser, BuildsTheSelectTree) {
  Result<Statement> statement =
      parse_statement("SELECT a.b[2], \"c\" FROM \"tbl\".\"idx\" WHERE a.b[2] = ? ORDER BY p DESC");
  ASSERT_TRUE(statement.has_value());
  const auto& select = std::get<SelectStatement>(statement->node);
  EXPECT_FALSE(select.star);
  ASSERT_EQ(select.projection.size(), 2u);
  EXPECT_EQ(select.projection[0].kind, Expr::Kind::kPath);
  EXPECT_EQ(select.projection[0].text, "a");
  ASSERT_EQ(select.projection[0].steps.size(), 2u);
  EXPECT_EQ(select.projection[0].steps[0].text, "b");
  EXPECT_EQ(select.projection[0].steps[1].kind, PathStep::Kind::kIndex);
  EXPECT_EQ(select.projection[0].steps[1].text, "2");
  EXPECT_EQ(select.from.table, "tbl");
  EXPECT_EQ(select.from.index, "idx");
  ASSERT_TRUE(select.where.has_value());
  EXPECT_EQ(select.where->kind, Expr::Kind::kBinary);
  EXPECT_EQ(select.where->children[1].kind, Expr::Kind::kParameter);
  ASSERT_EQ(select.order_by.size(), 1u);
  EXPECT_TRUE(select.order_by[0].descending);
  EXPECT_EQ(statement->parameter_count, 1u);
}

// AND binds tighter than OR, NOT tighter than AND, comparisons tighter than NOT.
TEST(PartiqlParser, AppliesSqlPrecedence) {
  Result<Statement> statement =
      parse_statement("SELECT * FROM tbl WHERE NOT a = 1 AND b = 2 OR c = 3");
  ASSERT_TRUE(statement.has_value());
  const Expr& where = *std::get<SelectStatement>(statement->node).where;
  EXPECT_EQ(where.text, "or");
  EXPECT_EQ(where.children[0].text, "and");
  EXPECT_EQ(where.children[0].children[0].kind, Expr::Kind::kUnary);
  EXPECT_EQ(where.children[0].children[0].children[0].text, "=");
}

TEST(PartiqlParser, KeepsUpdateActionsInOrder) {
  Result<Statement> statement =
      parse_statement("UPDATE tbl SET a = 1 REMOVE b, c SET d = -2.5 WHERE p = 'x'");
  ASSERT_TRUE(statement.has_value());
  const auto& update = std::get<UpdateStatement>(statement->node);
  ASSERT_EQ(update.actions.size(), 4u);
  EXPECT_FALSE(update.actions[0].remove);
  EXPECT_TRUE(update.actions[1].remove);
  EXPECT_TRUE(update.actions[2].remove);
  EXPECT_EQ(update.actions[3].value.kind, Expr::Kind::kNumber);
  EXPECT_EQ(update.actions[3].value.text, "-2.5");
}

TEST(PartiqlParser, RefusesNestingDeeperThanTheLimit) {
  std::string statement = "SELECT * FROM tbl WHERE ";
  statement += std::string(10000, '(') + "a = 1" + std::string(10000, ')');
  Result<Statement> parsed = parse_statement(statement);
  ASSERT_FALSE(parsed.has_value());
  std::string nots = "SELECT * FROM tbl WHERE ";
  for (int i = 0; i < 5000; ++i) {
    nots += "NOT ";
  }
  EXPECT_FALSE(parse_statement(nots + "a = 1").has_value());
  EXPECT_FALSE(parse_statement("INSERT INTO tbl VALUE " + std::string(5000, '[')).has_value());
}

}  // namespace
}  // namespace ddblocal::partiql
