// Tests for the key rules of PartiQL statements: which item a write names, how a SELECT reads
// (Queries or a Scan), and DynamoDB's messages when a WHERE or ORDER BY does not fit the keys.
#include "protocol/partiql/plan.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "protocol/expressions/evaluate.h"
#include "protocol/partiql/parser.h"

namespace ddblocal::partiql {
namespace {

// A table with partition key p (S) and sort key s (N).
KeyAttributes composite() {
  static const KeySchema keys{{{"p", ScalarType::kS}}, {{"s", ScalarType::kN}}};
  return key_attributes(keys);
}
KeyAttributes simple() {
  static const KeySchema keys{{{"p", ScalarType::kS}}, {}};
  return key_attributes(keys);
}

AttributeValue N(std::string_view text) {
  return Number::parse(text).value();
}
AttributeValue S(std::string text) {
  return AttributeValue(std::move(text));
}

Result<Operation> translated(std::string_view text) {
  DDB_ASSIGN_OR_RETURN(Statement statement, parse_statement(text));
  return translate(statement, {});
}

Result<ItemWhere> where_of(std::string_view where, const KeyAttributes& keys) {
  DDB_ASSIGN_OR_RETURN(Operation operation,
                       translated("DELETE FROM tbl WHERE " + std::string(where)));
  return item_where(std::get<Delete>(operation).where, keys);
}

Result<ReadPlan> plan_of(std::string_view rest, const KeyAttributes& keys) {
  DDB_ASSIGN_OR_RETURN(Operation operation, translated("SELECT * FROM tbl " + std::string(rest)));
  return plan_read(std::get<Read>(operation), keys);
}

TEST(PartiqlPlan, TakesTheKeyFromTheWhereAndKeepsTheRestAsACondition) {
  Result<ItemWhere> item = where_of("s = 1 AND 'a' = p AND (x = 1 OR p = 'b')", composite());
  ASSERT_TRUE(item.has_value()) << item.error().message();
  EXPECT_EQ(item->key.at("p"), S("a"));
  EXPECT_EQ(item->key.at("s"), N("1"));
  ASSERT_TRUE(item->condition.has_value());
  Item holds;
  holds.emplace("x", N("1"));
  EXPECT_TRUE(expr::evaluate(*item->condition, &holds));
  EXPECT_FALSE(expr::evaluate(*item->condition, nullptr));

  Result<ItemWhere> key_only = where_of("p = 'a' AND p = 'a'", simple());
  ASSERT_TRUE(key_only.has_value());
  EXPECT_FALSE(key_only->condition.has_value());
}

struct WhereError {
  std::string_view where;
  std::string_view message;
};

const WhereError kWhereErrors[] = {
    {"p = 'a'", "Where clause does not contain a mandatory equality on all key attributes"},
    {"p = 'a' AND s > 1",
     "Where clause does not contain a mandatory equality on all key attributes"},
    {"p = 'a' OR s = 1",
     "Where clause does not contain a mandatory equality on all key attributes"},
    {"NOT p = 'a' AND s = 1",
     "Where clause does not contain a mandatory equality on all key attributes"},
    {"p IN ['a'] AND s = 1",
     "Where clause does not contain a mandatory equality on all key attributes"},
    {"p = 'a' AND p = 'b' AND s = 1",
     "Multiple conditions on same key p. Only single item Update/Insert/Delete are supported"},
    {"p = 'a' AND s = '1'",
     "Key attribute's data type should match its data type in table's schema: Key s"},
    {"p = 'a' AND s = 1 AND p.q = 1",
     "Key attributes must be scalars; list random access '[]' and map lookup '.' are not "
     "allowed: Key p"},
};

TEST(PartiqlPlan, RefusesAWriteWhoseWhereDoesNotNameOneItem) {
  for (const WhereError& c : kWhereErrors) {
    Result<ItemWhere> item = where_of(c.where, composite());
    ASSERT_FALSE(item.has_value()) << c.where;
    EXPECT_EQ(item.error().message(), c.message) << c.where;
  }
}

TEST(PartiqlPlan, QueriesThePartitionsTheWhereFixes) {
  Result<ReadPlan> one = plan_of("WHERE p = 'a' AND s > 1 AND x = 2", composite());
  ASSERT_TRUE(one.has_value());
  EXPECT_FALSE(one->scan);
  ASSERT_EQ(one->queries.size(), 1u);
  EXPECT_EQ(one->queries[0].partition_values, std::vector{S("a")});
  EXPECT_EQ(one->queries[0].sort_op, expr::SortKeyOp::kGt);
  EXPECT_EQ(one->queries[0].sort_value, N("1"));

  Result<ReadPlan> in = plan_of("WHERE p IN ['c', 'a', 'c']", composite());
  ASSERT_TRUE(in.has_value());
  ASSERT_EQ(in->queries.size(), 2u);
  EXPECT_EQ(in->queries[0].partition_values, std::vector{S("c")});
  EXPECT_EQ(in->queries[1].partition_values, std::vector{S("a")});

  Result<ReadPlan> branches =
      plan_of("WHERE p = 'a' AND s = 1 OR p = 'b' AND begins_with(x, 'y')", composite());
  ASSERT_TRUE(branches.has_value());
  ASSERT_EQ(branches->queries.size(), 2u);
  EXPECT_EQ(branches->queries[0].sort_op, expr::SortKeyOp::kEq);
  EXPECT_EQ(branches->queries[1].sort_op, expr::SortKeyOp::kNone);

  Result<ReadPlan> flipped = plan_of("WHERE p = 'a' AND 5 > s", composite());
  ASSERT_TRUE(flipped.has_value());
  EXPECT_EQ(flipped->queries[0].sort_op, expr::SortKeyOp::kLt);

  Result<ReadPlan> none = plan_of("WHERE p = 'a' AND p = 'b'", composite());
  ASSERT_TRUE(none.has_value());
  EXPECT_FALSE(none->scan);
  EXPECT_TRUE(none->queries.empty());
}

TEST(PartiqlPlan, ScansWhenTheWhereDoesNotFixThePartition) {
  for (std::string_view rest : {"", "WHERE s = 1", "WHERE p = 'a' OR x = 1", "WHERE NOT p = 'a'",
                                "WHERE p <> 'a'", "WHERE p > 'a'"}) {
    Result<ReadPlan> plan = plan_of(rest, composite());
    ASSERT_TRUE(plan.has_value()) << rest;
    EXPECT_TRUE(plan->scan) << rest;
  }
}

TEST(PartiqlPlan, OrdersByTheKeys) {
  Result<ReadPlan> descending = plan_of("WHERE p = 'a' ORDER BY s DESC", composite());
  ASSERT_TRUE(descending.has_value());
  EXPECT_FALSE(descending->forward);

  Result<ReadPlan> by_partition =
      plan_of("WHERE p IN ['a', 'c', 'b'] ORDER BY p DESC", composite());
  ASSERT_TRUE(by_partition.has_value());
  ASSERT_EQ(by_partition->queries.size(), 3u);
  EXPECT_EQ(by_partition->queries[0].partition_values, std::vector{S("c")});
  EXPECT_EQ(by_partition->queries[2].partition_values, std::vector{S("a")});
  EXPECT_TRUE(by_partition->forward);
}

struct PlanError {
  std::string_view rest;
  std::string_view message;
};

const PlanError kPlanErrors[] = {
    {"ORDER BY p", "Must have WHERE clause in the statement when using ORDER BY clause."},
    {"WHERE p = 'a' ORDER BY x",
     "Variable reference x in ORDER BY clause must be part of the primary key"},
    {"WHERE x = 1 ORDER BY p",
     "Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY "
     "clause."},
    {"WHERE p IN ['a', 'b'] ORDER BY s",
     "Must have hash key in ORDER BY clause when more than one hash key condition specified in "
     "WHERE clause."},
    {"WHERE p = 1",
     "Key attribute's data type should match its data type in table's schema: Key p"},
    {"WHERE p = 'a' AND s = '1'",
     "Key attribute's data type should match its data type in table's schema: Key s"},
    {"WHERE p.q = 'a'",
     "Key attributes must be scalars; list random access '[]' and map lookup '.' are not "
     "allowed: Key: p"},
    {"WHERE p = 'a' AND x = '1' OR p = 'a' AND s = 2",
     "Overlapping conditions with range keys are not supported in where clause"},
    {"WHERE p = 'a' AND s < 5 OR p = 'a' AND s BETWEEN 4 AND 9",
     "Overlapping conditions with range keys are not supported in where clause"},
};

TEST(PartiqlPlan, RefusesWhatDynamoDbRefuses) {
  for (const PlanError& c : kPlanErrors) {
    Result<ReadPlan> plan = plan_of(c.rest, composite());
    ASSERT_FALSE(plan.has_value()) << c.rest;
    EXPECT_EQ(plan.error().message(), c.message) << c.rest;
  }
}

TEST(PartiqlPlan, AllowsDisjointRangesOfOnePartition) {
  Result<ReadPlan> plan =
      plan_of("WHERE p = 'a' AND s = 1 OR p = 'a' AND s = 2 OR p = 'a' AND s > 2", composite());
  ASSERT_TRUE(plan.has_value()) << plan.error().message();
  EXPECT_EQ(plan->queries.size(), 3u);
}

TEST(PartiqlPlan, LimitsTheQueriesOfOneSelect) {
  std::string values;
  for (std::size_t i = 0; i <= kMaxQueries; ++i) {
    values += (i > 0 ? ", '" : "'") + std::to_string(i) + "'";
  }
  Result<ReadPlan> plan = plan_of("WHERE p IN [" + values + "]", simple());
  ASSERT_FALSE(plan.has_value());
  EXPECT_EQ(plan.error().message(), "Too many decomposed read operations for a given query.");
}

TEST(PartiqlPlan, ChecksAnInsertsKeys) {
  Item item;
  item.emplace("p", S("a"));
  Result<void> missing = check_item_keys(item, composite());
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().message(), "Key attribute should be present in the item: Key s");
  item.emplace("s", S("1"));
  Result<void> mistyped = check_item_keys(item, composite());
  ASSERT_FALSE(mistyped.has_value());
  EXPECT_EQ(mistyped.error().message(),
            "Key attribute's data type should match its data type in table's schema: Key s");
}

TEST(PartiqlPlan, ReturnsTheSelectedPathsUnderTheirNames) {
  Result<Operation> operation = translated("SELECT m.k, l[1], absent FROM tbl");
  ASSERT_TRUE(operation.has_value());
  Item item;
  AttributeMap m;
  m.emplace("k", S("v"));
  item.emplace("m", AttributeValue(m));
  item.emplace("l", AttributeValue(AttributeList{N("1"), N("2")}));
  Item result = selected(std::get<Read>(*operation), item);
  EXPECT_EQ(result.size(), 2u);
  EXPECT_EQ(result.at("k"), S("v"));
  EXPECT_EQ(result.at("l[1]"), N("2"));
}

}  // namespace
}  // namespace ddblocal::partiql
