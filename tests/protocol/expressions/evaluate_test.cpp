// Tests for evaluate: every expected answer below is what DynamoDB Local returned for the same
// condition on a conditional PutItem against the same item (Alternator's tests, written
// against real DynamoDB, agree wherever they cover the case).
#include "protocol/expressions/evaluate.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "tests/protocol/expressions/ast_builders.h"

namespace ddblocal::expr {
namespace {

using namespace builders;

Operand size(std::string_view text) {
  return {FunctionCall{"size", {at(text)}}};
}

Condition cmp(Operand left, CompareOp op, Operand right) {
  return {Comparison{op, std::move(left), std::move(right)}};
}
Condition eq(Operand left, Operand right) {
  return cmp(std::move(left), CompareOp::kEq, std::move(right));
}
Condition ne(Operand left, Operand right) {
  return cmp(std::move(left), CompareOp::kNe, std::move(right));
}
Condition between(Operand value, Operand low, Operand high) {
  return {Between{std::move(value), std::move(low), std::move(high)}};
}
Condition in(Operand value, std::vector<Operand> candidates) {
  return {In{std::move(value), std::move(candidates)}};
}
Condition fn(std::string name, std::vector<Operand> arguments) {
  return {FunctionCondition{std::move(name), std::move(arguments)}};
}
Condition both(Condition a, Condition b) {
  return {Logical{Logical::Op::kAnd, {std::move(a), std::move(b)}}};
}
Condition either(Condition a, Condition b) {
  return {Logical{Logical::Op::kOr, {std::move(a), std::move(b)}}};
}
Condition negate(Condition a) {
  return {Logical{Logical::Op::kNot, {std::move(a)}}};
}

// The item the oracle runs used.
Item sample() {
  return {
      {"n", N("5")},
      {"n2", N("5.000")},
      {"s", S("abc")},
      {"es", S("")},
      {"hi", S("\xC3\xA9")},  // é: two UTF-8 bytes, one UTF-16 unit
      {"lo", S("z")},
      {"emoji", S("\xF0\x9F\x98\x80")},  // U+1F600: four bytes, two UTF-16 units
      {"half", S("\xEF\xBD\xA1")},       // U+FF61: above U+1F600 in UTF-16 order only
      {"b", B("\x01\x02")},
      {"bhi", B("\xFF")},
      {"blo", B("\x7F")},
      {"t", true},
      {"nul", Null{}},
      {"m", M({{"x", N("1")}, {"y", L({S("q")})}})},
      {"l", L({N("1"), S("two"), M({{"z", N("3")}})})},
      {"ss", SS({"a", "b"})},
      {"ns", NS({"1", "2.5"})},
      {"bs", BS({"\x01", "\xFF"})},
      {"sl", L({SS({"a", "b"}), L({N("1")})})},
  };
}

struct Case {
  std::string expression;  // as sent to the oracle, for failure messages
  Condition condition;
  bool expected;
};

void expect_cases(const std::vector<Case>& cases) {
  Item item = sample();
  for (const Case& c : cases) {
    EXPECT_EQ(evaluate(c.condition, &item), c.expected) << c.expression;
  }
}

TEST(Evaluate, ComparesValuesOfOneType) {
  expect_cases({
      {"n = :v {N:5}", eq(at("n"), val(N("5"))), true},
      {"n <> :v {N:6}", ne(at("n"), val(N("6"))), true},
      {"n = n2 (5.000)", eq(at("n"), at("n2")), true},
      {"n <= n2", cmp(at("n"), CompareOp::kLe, at("n2")), true},
      {"n < :v {N:5.0000000000000000000000000000000000001}",
       cmp(at("n"), CompareOp::kLt, val(N("5.0000000000000000000000000000000000001"))), true},
      {"n > :v {N:-1e125}", cmp(at("n"), CompareOp::kGt, val(N("-1e125"))), true},
      {"n >= :v {N:6}", cmp(at("n"), CompareOp::kGe, val(N("6"))), false},
      {"s > :v {S:abb}", cmp(at("s"), CompareOp::kGt, val(S("abb"))), true},
      {"s < :v {S:abcd}", cmp(at("s"), CompareOp::kLt, val(S("abcd"))), true},
      {"s < :v {S:abc\\0}", cmp(at("s"), CompareOp::kLt, val(S(std::string("abc\0", 4)))), true},
      {"t = :v {BOOL:true}", eq(at("t"), val(true)), true},
      {"nul = :v {NULL}", eq(at("nul"), val(Null{})), true},
      {"nul <> :v {NULL}", ne(at("nul"), val(Null{})), false},
  });
}

TEST(Evaluate, OrdersStringsAndBinariesByUnsignedBytes) {
  expect_cases({
      {"hi > lo", cmp(at("hi"), CompareOp::kGt, at("lo")), true},
      {"emoji > half", cmp(at("emoji"), CompareOp::kGt, at("half")), true},
      {"emoji < half", cmp(at("emoji"), CompareOp::kLt, at("half")), false},
      {"bhi > blo", cmp(at("bhi"), CompareOp::kGt, at("blo")), true},
  });
}

TEST(Evaluate, DifferentTypesAreUnequalAndUnordered) {
  expect_cases({
      {"n = :v {S:5}", eq(at("n"), val(S("5"))), false},
      {"n <> :v {S:5}", ne(at("n"), val(S("5"))), true},
      {"n < :v {S:6}", cmp(at("n"), CompareOp::kLt, val(S("6"))), false},
      {"n >= :v {S:6}", cmp(at("n"), CompareOp::kGe, val(S("6"))), false},
      {"t = :v {N:1}", eq(at("t"), val(N("1"))), false},
      {"nul <> :v {BOOL:false}", ne(at("nul"), val(false)), true},
  });
}

TEST(Evaluate, DocumentsCompareOnlyForEquality) {
  expect_cases({
      {"ss = :v {SS:[b,a]}", eq(at("ss"), val(SS({"b", "a"}))), true},
      {"ss <> :v {SS:[b,a]}", ne(at("ss"), val(SS({"b", "a"}))), false},
      {"ns = :v {NS:[2.50,1]}", eq(at("ns"), val(NS({"2.50", "1"}))), true},
      {"ns = :v {NS:[1,2.5,3]}", eq(at("ns"), val(NS({"1", "2.5", "3"}))), false},
      {"m = :v (members in another order, 1.0)",
       eq(at("m"), val(M({{"y", L({S("q")})}, {"x", N("1.0")}}))), true},
      {"l = :v", eq(at("l"), val(L({N("1"), S("two"), M({{"z", N("3")}})}))), true},
      {"l <> :v (elements reordered)", ne(at("l"), val(L({S("two"), N("1"), M({{"z", N("3")}})}))),
       true},
      // An ordering of a document from ExpressionAttributeValues is rejected before evaluation;
      // from the item it is just false (Alternator's test_update_condition_lt).
      {"ss < ss", cmp(at("ss"), CompareOp::kLt, at("ss")), false},
      {"m >= m", cmp(at("m"), CompareOp::kGe, at("m")), false},
      {"t <= t", cmp(at("t"), CompareOp::kLe, at("t")), false},
      {"nul < nul", cmp(at("nul"), CompareOp::kLt, at("nul")), false},
  });
}

TEST(Evaluate, MissingOperandsMakeEverythingFalseButNotEqual) {
  expect_cases({
      {"nx = :v", eq(at("nx"), val(N("5"))), false},
      {"nx <> :v", ne(at("nx"), val(N("5"))), true},
      {"nx < :v", cmp(at("nx"), CompareOp::kLt, val(N("5"))), false},
      {"nx >= :v", cmp(at("nx"), CompareOp::kGe, val(N("5"))), false},
      {":v <= nx", cmp(val(N("5")), CompareOp::kLe, at("nx")), false},
      {"nx = ny", eq(at("nx"), at("ny")), false},
      {"nx <> ny", ne(at("nx"), at("ny")), true},
      {"n <> nx", ne(at("n"), at("nx")), true},
      {"nx <> n", ne(at("nx"), at("n")), true},
      {"nx = nul", eq(at("nx"), at("nul")), false},
      {"nx <> nul", ne(at("nx"), at("nul")), true},
      {"m.zz = :v", eq(at("m.zz"), val(N("1"))), false},
      {"l[9] <> :v", ne(at("l[9]"), val(N("1"))), true},
      {"NOT (nx = :v)", negate(eq(at("nx"), val(N("1")))), true},
      {"NOT nx < :v", negate(cmp(at("nx"), CompareOp::kLt, val(N("1")))), true},
  });
}

TEST(Evaluate, ReadsNestedPaths) {
  expect_cases({
      {"m.y[0] = :v", eq(at("m.y[0]"), val(S("q"))), true},
      {"l[1] = :v", eq(at("l[1]"), val(S("two"))), true},
      {"l[2].z = :v", eq(at("l[2].z"), val(N("3"))), true},
      {"m.x < l[2].z", cmp(at("m.x"), CompareOp::kLt, at("l[2].z")), true},
  });
}

TEST(Evaluate, Between) {
  expect_cases({
      {"n BETWEEN 1 AND 5", between(at("n"), val(N("1")), val(N("5"))), true},
      {"n BETWEEN 5 AND 5", between(at("n"), val(N("5")), val(N("5"))), true},
      {"n BETWEEN 6 AND 9", between(at("n"), val(N("6")), val(N("9"))), false},
      {"s BETWEEN a AND b", between(at("s"), val(S("a")), val(S("b"))), true},
      {"n BETWEEN {S:1} AND {S:9}", between(at("n"), val(S("1")), val(S("9"))), false},
      {"s BETWEEN {N:1} AND {N:9}", between(at("s"), val(N("1")), val(N("9"))), false},
      {"n BETWEEN s AND :b", between(at("n"), at("s"), val(N("9"))), false},
      {"n BETWEEN :b AND s", between(at("n"), val(N("1")), at("s")), false},
      {"nx BETWEEN 1 AND 5", between(at("nx"), val(N("1")), val(N("5"))), false},
      {"NOT nx BETWEEN 1 AND 5", negate(between(at("nx"), val(N("1")), val(N("5")))), true},
      {"size(n) BETWEEN 0 AND 10", between(size("n"), val(N("0")), val(N("10"))), false},
  });
}

TEST(Evaluate, In) {
  expect_cases({
      {"n IN ({S:5}, {N:5.0})", in(at("n"), {val(S("5")), val(N("5.0"))}), true},
      {"n IN ({S:5})", in(at("n"), {val(S("5"))}), false},
      {"ss IN ({SS:[b,a]})", in(at("ss"), {val(SS({"b", "a"}))}), true},
      {"n IN (nx, :a)", in(at("n"), {at("nx"), val(N("5"))}), true},
      {"n IN (:a, nx)", in(at("n"), {val(N("4")), at("nx")}), false},
      {"nx IN (:a)", in(at("nx"), {val(S("5"))}), false},
      {"NOT nx IN (:a)", negate(in(at("nx"), {val(S("5"))})), true},
      {"size(n) IN (1)", in(size("n"), {val(N("1"))}), false},
  });
}

TEST(Evaluate, AttributeExistsAndNotExists) {
  expect_cases({
      {"attribute_exists(m.x)", fn("attribute_exists", {at("m.x")}), true},
      {"attribute_exists(m.zz)", fn("attribute_exists", {at("m.zz")}), false},
      {"attribute_exists(l[2].z)", fn("attribute_exists", {at("l[2].z")}), true},
      {"attribute_exists(l[5])", fn("attribute_exists", {at("l[5]")}), false},
      {"attribute_exists(n.x)", fn("attribute_exists", {at("n.x")}), false},
      {"attribute_exists(m[0])", fn("attribute_exists", {at("m[0]")}), false},
      {"attribute_exists(nul)", fn("attribute_exists", {at("nul")}), true},
      {"attribute_not_exists(n.x)", fn("attribute_not_exists", {at("n.x")}), true},
      {"attribute_not_exists(l[3])", fn("attribute_not_exists", {at("l[3]")}), true},
      {"attribute_not_exists(n)", fn("attribute_not_exists", {at("n")}), false},
  });
}

TEST(Evaluate, AttributeTypeMatchesTheTenTypeNames) {
  Item item = {{"S", S("x")},     {"N", N("1")},    {"B", B("x")}, {"BOOL", false},
               {"NULL", Null{}},  {"M", M({})},     {"L", L({})},  {"SS", SS({"x"})},
               {"NS", NS({"1"})}, {"BS", BS({"x"})}};
  for (const auto& [attribute, value] : item) {
    for (const auto& [type, other] : item) {
      EXPECT_EQ(evaluate(fn("attribute_type", {at(attribute), val(S(type))}), &item),
                attribute == type)
          << "attribute_type(" << attribute << ", " << type << ")";
    }
  }
  expect_cases({
      {"attribute_type(nx, NULL)", fn("attribute_type", {at("nx"), val(S("NULL"))}), false},
      {"attribute_type(:v {N:1}, N)", fn("attribute_type", {val(N("1")), val(S("N"))}), true},
      {"attribute_type(n, s) (not a type name)", fn("attribute_type", {at("n"), at("s")}), false},
  });
}

TEST(Evaluate, BeginsWith) {
  expect_cases({
      {"begins_with(s, ab)", fn("begins_with", {at("s"), val(S("ab"))}), true},
      {"begins_with(s, '')", fn("begins_with", {at("s"), val(S(""))}), true},
      {"begins_with(s, abc)", fn("begins_with", {at("s"), val(S("abc"))}), true},
      {"begins_with(s, abcd)", fn("begins_with", {at("s"), val(S("abcd"))}), false},
      {"begins_with(b, {B:01})", fn("begins_with", {at("b"), val(B("\x01"))}), true},
      {"begins_with(b, {S:a})", fn("begins_with", {at("b"), val(S("a"))}), false},
      {"begins_with(s, {B:a})", fn("begins_with", {at("s"), val(B("a"))}), false},
      {"begins_with(n, {S:5})", fn("begins_with", {at("n"), val(S("5"))}), false},
      {"begins_with(l, {S:5})", fn("begins_with", {at("l"), val(S("5"))}), false},
      {"begins_with(ss, {S:a})", fn("begins_with", {at("ss"), val(S("a"))}), false},
      {"begins_with(nx, {S:5})", fn("begins_with", {at("nx"), val(S("5"))}), false},
      {"begins_with(s, nx)", fn("begins_with", {at("s"), at("nx")}), false},
      {"begins_with(s, n)", fn("begins_with", {at("s"), at("n")}), false},
      {"begins_with(:v {S:abcd}, s)", fn("begins_with", {val(S("abcd")), at("s")}), true},
  });
}

TEST(Evaluate, Contains) {
  expect_cases({
      {"contains(s, bc)", fn("contains", {at("s"), val(S("bc"))}), true},
      {"contains(s, '')", fn("contains", {at("s"), val(S(""))}), true},
      {"contains(s, x)", fn("contains", {at("s"), val(S("x"))}), false},
      {"contains(s, {N:5})", fn("contains", {at("s"), val(N("5"))}), false},
      {"contains(s, {B:b})", fn("contains", {at("s"), val(B("b"))}), false},
      {"contains(b, {B:02})", fn("contains", {at("b"), val(B("\x02"))}), true},
      {"contains(ss, a)", fn("contains", {at("ss"), val(S("a"))}), true},
      {"contains(ss, c)", fn("contains", {at("ss"), val(S("c"))}), false},
      {"contains(ss, {N:1})", fn("contains", {at("ss"), val(N("1"))}), false},
      {"contains(ss, s)", fn("contains", {at("ss"), at("s")}), false},
      {"contains(ns, 2.50)", fn("contains", {at("ns"), val(N("2.50"))}), true},
      {"contains(bs, {B:ff})", fn("contains", {at("bs"), val(B("\xFF"))}), true},
      {"contains(l, 1.0)", fn("contains", {at("l"), val(N("1.0"))}), true},
      {"contains(l, {M:{z:3}})", fn("contains", {at("l"), val(M({{"z", N("3")}}))}), true},
      {"contains(l, tw)", fn("contains", {at("l"), val(S("tw"))}), false},
      {"contains(l, n)", fn("contains", {at("l"), at("n")}), false},
      {"contains(sl, {SS:[b,a]})", fn("contains", {at("sl"), val(SS({"b", "a"}))}), true},
      {"contains(sl, {L:[1.0]})", fn("contains", {at("sl"), val(L({N("1.0")}))}), true},
      {"contains(m, x)", fn("contains", {at("m"), val(S("x"))}), false},
      {"contains(n, 5)", fn("contains", {at("n"), val(N("5"))}), false},
      {"contains(nx, 5)", fn("contains", {at("nx"), val(N("5"))}), false},
      {"contains(ss, nx)", fn("contains", {at("ss"), at("nx")}), false},
      {"contains(:v {S:xxabcxx}, s)", fn("contains", {val(S("xxabcxx")), at("s")}), true},
      {"NOT contains(n, 5)", negate(fn("contains", {at("n"), val(N("5"))})), true},
  });
}

TEST(Evaluate, SizeCountsUtf16UnitsBytesAndElements) {
  expect_cases({
      {"size(s) = 3", eq(size("s"), val(N("3"))), true},
      {"size(es) = 0", eq(size("es"), val(N("0"))), true},
      {"size(hi) = 1", eq(size("hi"), val(N("1"))), true},
      {"size(hi) = 2", eq(size("hi"), val(N("2"))), false},
      {"size(emoji) = 2", eq(size("emoji"), val(N("2"))), true},
      {"size(emoji) = 4", eq(size("emoji"), val(N("4"))), false},
      {"size(b) = 2", eq(size("b"), val(N("2"))), true},
      {"size(ss) = 2", eq(size("ss"), val(N("2"))), true},
      {"size(ns) = 2", eq(size("ns"), val(N("2"))), true},
      {"size(bs) = 2", eq(size("bs"), val(N("2"))), true},
      {"size(m) = 2", eq(size("m"), val(N("2"))), true},
      {"size(l) = 3", eq(size("l"), val(N("3"))), true},
      {"size(m.y) = 1", eq(size("m.y"), val(N("1"))), true},
      {"size(s) > size(ss)", cmp(size("s"), CompareOp::kGt, size("ss")), true},
      {"size(ns) = size(ss)", eq(size("ns"), size("ss")), true},
      {"size(s) = {S:3}", eq(size("s"), val(S("3"))), false},
      {"size(l) = n (5)", eq(size("l"), at("n")), false},
  });
}

TEST(Evaluate, SizeOfAValueWithoutASizeActsLikeAMissingAttribute) {
  expect_cases({
      {"size(n) = 1", eq(size("n"), val(N("1"))), false},
      {"size(n) <> 1", ne(size("n"), val(N("1"))), true},
      {"size(n) < 100", cmp(size("n"), CompareOp::kLt, val(N("100"))), false},
      {"size(n) >= 0", cmp(size("n"), CompareOp::kGe, val(N("0"))), false},
      {"size(t) <> 1", ne(size("t"), val(N("1"))), true},
      {"size(nul) <> 1", ne(size("nul"), val(N("1"))), true},
      {"size(m.x) = 1", eq(size("m.x"), val(N("1"))), false},
      {"size(n) = size(n)", eq(size("n"), size("n")), false},
      {"size(n) <> size(s)", ne(size("n"), size("s")), true},
      {"size(nx) = 0", eq(size("nx"), val(N("0"))), false},
      {"size(nx) <> 1", ne(size("nx"), val(N("1"))), true},
      {"size(nx) <> size(ny)", ne(size("nx"), size("ny")), true},
      {"NOT size(n) = 1", negate(eq(size("n"), val(N("1")))), true},
  });
}

TEST(Evaluate, AndOrNot) {
  Condition yes = eq(at("n"), val(N("5")));
  Condition no = eq(at("n"), val(N("6")));
  expect_cases({
      {"yes AND yes", both(yes, yes), true},
      {"yes AND no", both(yes, no), false},
      {"no AND yes", both(no, yes), false},
      {"no OR yes", either(no, yes), true},
      {"no OR no", either(no, no), false},
      {"NOT no", negate(no), true},
      {"NOT yes", negate(yes), false},
      {"n = :v OR nx = :v", either(yes, eq(at("nx"), val(N("5")))), true},
      {"n = :v AND nx <> :v", both(yes, ne(at("nx"), val(N("5")))), true},
      {"NOT (yes AND NOT no)", negate(both(yes, negate(no))), false},
  });
}

TEST(Evaluate, WithoutAnItemOnlyAbsenceHolds) {
  EXPECT_TRUE(evaluate(fn("attribute_not_exists", {at("a")}), nullptr));
  EXPECT_FALSE(evaluate(fn("attribute_exists", {at("a")}), nullptr));
  EXPECT_FALSE(evaluate(eq(at("a"), val(N("1"))), nullptr));
  EXPECT_TRUE(evaluate(ne(at("a"), val(N("1"))), nullptr));
  EXPECT_TRUE(evaluate(eq(val(N("1")), val(N("1.0"))), nullptr));
}

}  // namespace
}  // namespace ddblocal::expr
