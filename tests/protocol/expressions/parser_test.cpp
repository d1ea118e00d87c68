// Tests for the expression parser: the trees it builds (precedence, associativity, every
// construct) and its error messages. Every (text, message) pair in kCases was recorded from
// DynamoDB Local, which runs DynamoDB's own parser; "" means DynamoDB parses the text.
#include "protocol/expressions/parser.h"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace ddblocal::expr {
namespace {

using Kind = ExpressionKind;

struct ParseCase {
  Kind kind;
  std::string_view text;
  std::string_view error;  // after "Invalid <Kind>: "; empty when the text parses
};

constexpr ParseCase kCases[] = {
    {Kind::kCondition, "a = ", "Syntax error; token: \"<EOF>\", near: \"= \""},
    {Kind::kCondition, "a === b", "Syntax error; token: \"=\", near: \"===\""},
    {Kind::kCondition, ") a", "Syntax error; token: \")\", near: \") a\""},
    {Kind::kCondition, "  ) a", "Syntax error; token: \")\", near: \"  ) a\""},
    {Kind::kCondition, "a = :v)", "Syntax error; token: \")\", near: \":v)\""},
    {Kind::kCondition, "a = :v)  ", "Syntax error; token: \")\", near: \":v)  \""},
    {Kind::kCondition, "a", "Syntax error; token: \"<EOF>\", near: \"a\""},
    {Kind::kCondition, "a   ", "Syntax error; token: \"<EOF>\", near: \"a   \""},
    {Kind::kCondition, " ", "Syntax error; token: \"<EOF>\", near: \" \""},
    {Kind::kCondition, "\t", "Syntax error; token: \"<EOF>\", near: \"\t\""},
    {Kind::kCondition, "a =\n\n", "Syntax error; token: \"<EOF>\", near: \"=\n\n\""},
    {Kind::kCondition, "a <> b AND", "Syntax error; token: \"<EOF>\", near: \"AND\""},
    {Kind::kCondition, "a = b OR OR c", "Syntax error; token: \"OR\", near: \"OR OR c\""},
    {Kind::kCondition, "(a = b", "Syntax error; token: \"<EOF>\", near: \"b\""},
    {Kind::kCondition, "a = b)", "Syntax error; token: \")\", near: \"b)\""},
    {Kind::kCondition, "a = b c", "Syntax error; token: \"c\", near: \"b c\""},
    {Kind::kCondition, "a = b @ c", "Syntax error; token: \"@\", near: \"b @ c\""},
    {Kind::kCondition, "a = $", "Syntax error; token: \"$\", near: \"= $\""},
    {Kind::kCondition, "a = b;", "Syntax error; token: \";\", near: \"b;\""},
    {Kind::kCondition, "a.b[x] = :v", "Syntax error; token: \"x\", near: \"[x]\""},
    {Kind::kCondition, "a[1.5] = :v", "Syntax error; token: \".\", near: \"1.5\""},
    {Kind::kCondition, "a[-1] = :v", "Syntax error; token: \"-\", near: \"[-1\""},
    {Kind::kCondition, "a[01] = :v", "Syntax error; token: \"1\", near: \"01]\""},
    {Kind::kCondition, "a[]", "Syntax error; token: \"]\", near: \"[]\""},
    {Kind::kCondition, "a[", "Syntax error; token: \"<EOF>\", near: \"[\""},
    {Kind::kCondition, "a[1", "Syntax error; token: \"<EOF>\", near: \"1\""},
    {Kind::kCondition, "a]", "Syntax error; token: \"]\", near: \"a]\""},
    {Kind::kCondition, "a.", "Syntax error; token: \"<EOF>\", near: \".\""},
    {Kind::kCondition, "a.1 = :v", "Syntax error; token: \"1\", near: \".1 =\""},
    {Kind::kCondition, "a.[1] = :v", "Syntax error; token: \"[\", near: \".[1\""},
    {Kind::kCondition, "a.b..c = :v", "Syntax error; token: \".\", near: \"..c\""},
    {Kind::kCondition, "[1] = :v", "Syntax error; token: \"[\", near: \"[1\""},
    {Kind::kCondition, "1a = :v", "Syntax error; token: \"1\", near: \"1a\""},
    {Kind::kCondition, "_a = :v", "Syntax error; token: \"_\", near: \"_a\""},
    {Kind::kCondition, "a-b = :v", "Syntax error; token: \"-\", near: \"a-b\""},
    {Kind::kCondition, "é = :v", "Syntax error; token: \"é\", near: \"é =\""},
    {Kind::kCondition, "# = :v", "Syntax error; token: \"#\", near: \"# =\""},
    {Kind::kCondition, "a = #", "Syntax error; token: \"#\", near: \"= #\""},
    {Kind::kCondition, ": = a", "Syntax error; token: \":\", near: \": =\""},
    {Kind::kCondition, "a = :", "Syntax error; token: \":\", near: \"= :\""},
    {Kind::kCondition, "a = :v-b", "Syntax error; token: \"-\", near: \":v-b\""},
    {Kind::kCondition, "a == b", "Syntax error; token: \"=\", near: \"== b\""},
    {Kind::kCondition, "a ! b", "Syntax error; token: \"!\", near: \"a ! b\""},
    {Kind::kCondition, "a != b", "Syntax error; token: \"!\", near: \"a !=\""},
    {Kind::kCondition, "a <=> b", "Syntax error; token: \">\", near: \"<=> b\""},
    {Kind::kCondition, "a => b", "Syntax error; token: \">\", near: \"=> b\""},
    {Kind::kCondition, "a =< b", "Syntax error; token: \"<\", near: \"=< b\""},
    {Kind::kCondition, "a >< b", "Syntax error; token: \"<\", near: \">< b\""},
    {Kind::kCondition, "a \"x\" b", "Syntax error; token: \"\"\", near: \"a \"x\""},
    {Kind::kCondition, "a 'x' b", "Syntax error; token: \"'\", near: \"a 'x\""},
    {Kind::kCondition, "a AND b", "Syntax error; token: \"AND\", near: \"a AND b\""},
    {Kind::kCondition, ":v", "Syntax error; token: \"<EOF>\", near: \":v\""},
    {Kind::kCondition, "a = b = c", "Syntax error; token: \"=\", near: \"b = c\""},
    {Kind::kCondition, "a = b + c", "Syntax error; token: \"+\", near: \"b + c\""},
    {Kind::kCondition, "a = b - c", "Syntax error; token: \"-\", near: \"b - c\""},
    {Kind::kCondition, "a IN :v", "Syntax error; token: \":v\", near: \"IN :v\""},
    {Kind::kCondition, "a IN ()", "Syntax error; token: \")\", near: \"()\""},
    {Kind::kCondition, "a IN (b c)", "Syntax error; token: \"c\", near: \"b c)\""},
    {Kind::kCondition, "a IN (b,)", "Syntax error; token: \")\", near: \",)\""},
    {Kind::kCondition, "a IN (,b)", "Syntax error; token: \",\", near: \"(,b\""},
    {Kind::kCondition, "a BETWEEN b", "Syntax error; token: \"<EOF>\", near: \"b\""},
    {Kind::kCondition, "a BETWEEN :v :w", "Syntax error; token: \":w\", near: \":v :w\""},
    {Kind::kCondition, "a BETWEEN :v OR :w", "Syntax error; token: \"OR\", near: \":v OR :w\""},
    {Kind::kCondition, "attribute_exists()", "Syntax error; token: \")\", near: \"()\""},
    {Kind::kCondition, "attribute_exists(a", "Syntax error; token: \"<EOF>\", near: \"a\""},
    {Kind::kCondition, "attribute_exists(a b)", "Syntax error; token: \"b\", near: \"a b)\""},
    {Kind::kCondition, "foo(", "Syntax error; token: \"<EOF>\", near: \"(\""},
    {Kind::kCondition, "foo()", "Syntax error; token: \")\", near: \"()\""},
    {Kind::kCondition, "foo", "Syntax error; token: \"<EOF>\", near: \"foo\""},
    {Kind::kCondition, "NOT", "Syntax error; token: \"<EOF>\", near: \"NOT\""},
    {Kind::kCondition, "NOT = :v", "Syntax error; token: \"=\", near: \"NOT = :v\""},
    {Kind::kCondition, "NOT (a)", "Syntax error; token: \"<EOF>\", near: \")\""},
    {Kind::kCondition, "(a)", "Syntax error; token: \"<EOF>\", near: \")\""},
    {Kind::kCondition, "((a))", "Syntax error; token: \"<EOF>\", near: \")\""},
    {Kind::kCondition, "((a)) b", "Syntax error; token: \"b\", near: \") b\""},
    {Kind::kCondition, "(attribute_exists(a)) b", "Syntax error; token: \"b\", near: \") b\""},
    {Kind::kCondition, "((a = b) c", "Syntax error; token: \"c\", near: \") c\""},
    {Kind::kCondition, "size(a) = size(b) = c", "Syntax error; token: \"=\", near: \") = c\""},
    {Kind::kCondition, "IN(a)", "Syntax error; token: \"IN\", near: \"IN(\""},
    {Kind::kCondition, "set = :v", "Syntax error; token: \"set\", near: \"set =\""},
    {Kind::kCondition, "remove = :v", "Syntax error; token: \"remove\", near: \"remove =\""},
    {Kind::kCondition, "a.and = :v", "Syntax error; token: \"and\", near: \".and =\""},
    {Kind::kCondition, "a = b AND and = c", "Syntax error; token: \"and\", near: \"AND and =\""},
    {Kind::kCondition, "a = b", ""},
    {Kind::kCondition, "a1 = :v", ""},
    {Kind::kCondition, "A_1_b = :v", ""},
    {Kind::kCondition, "#1 = :v", ""},
    {Kind::kCondition, "a = :_", ""},
    {Kind::kCondition, "a\n=\nb\r", ""},
    {Kind::kCondition, "a[1][2] = :v", ""},
    {Kind::kCondition, "a [ 1 ] . b = :v", ""},
    {Kind::kCondition, "a. b = :v", ""},
    {Kind::kCondition, "a[2147483647] = :v", ""},
    {Kind::kCondition, "a.:v = :w", ""},
    {Kind::kCondition, "(a) = b", ""},
    {Kind::kCondition, "(a = b)", ""},
    {Kind::kCondition, "a = (b)", ""},
    {Kind::kCondition, "NOT a = b", ""},
    {Kind::kCondition, "NOT NOT a = b", ""},
    {Kind::kCondition, "NOT (NOT a = b)", ""},
    {Kind::kCondition, "a BETWEEN b AND c AND d = e", ""},
    {Kind::kCondition, "a IN (b)", ""},
    {Kind::kCondition, "a IN ((b))", ""},
    {Kind::kCondition, "size((a)) = :v", ""},
    {Kind::kCondition, "(size(a)) = :v", ""},
    {Kind::kCondition, "((a = b) AND c = d)", ""},
    {Kind::kCondition, "size(a) = :v", ""},
    {Kind::kCondition, "Attribute_Exists(a)", "Invalid function name; function: Attribute_Exists"},
    {Kind::kCondition, "begins_with(a, :v) AND size(a) > :w", ""},
    {Kind::kCondition, "((a = b))", "The expression has redundant parentheses;"},
    {Kind::kCondition, "((a)) = b", "The expression has redundant parentheses;"},
    {Kind::kCondition, "((size(a))) = :v", "The expression has redundant parentheses;"},
    {Kind::kCondition, "NOT ((a = b))", "The expression has redundant parentheses;"},
    {Kind::kCondition, "(a = b) AND ((c = d))", "The expression has redundant parentheses;"},
    {Kind::kCondition, "((a = b)) AND", "The expression has redundant parentheses;"},
    {Kind::kCondition, "((a)) = ", "The expression has redundant parentheses;"},
    {Kind::kCondition, "a = b AND ((c = d)) OR", "The expression has redundant parentheses;"},
    {Kind::kCondition, "((f(a))) b", "The expression has redundant parentheses;"},
    {Kind::kCondition, "((attribute_exists(a))) AND", "The expression has redundant parentheses;"},
    {Kind::kCondition, "a BETWEEN ((b)) AND c.", "The expression has redundant parentheses;"},
    {Kind::kCondition, "(((a = b)) c", "The expression has redundant parentheses;"},
    {Kind::kCondition, "a[99999999999] = :v",
     "List index is not within the allowable range; index: [99999999999]"},
    {Kind::kCondition, "a[2147483648] = :v",
     "List index is not within the allowable range; index: [2147483648]"},
    {Kind::kCondition, "a[ 4294967296 ] = :v",
     "List index is not within the allowable range; index: [4294967296]"},
    {Kind::kCondition, "name = :v", "Attribute name is a reserved keyword; reserved keyword: name"},
    {Kind::kCondition, "NAME = :v", "Attribute name is a reserved keyword; reserved keyword: NAME"},
    {Kind::kCondition, "a.name = :v",
     "Attribute name is a reserved keyword; reserved keyword: name"},
    {Kind::kCondition, "foo(a)", "Invalid function name; function: foo"},
    {Kind::kCondition, "foo(a) = :v", "Invalid function name; function: foo"},
    {Kind::kCondition, "SIZE(a) = :v", "Invalid function name; function: SIZE"},
    {Kind::kCondition, "name(a) = :v", "Invalid function name; function: name"},
    {Kind::kCondition, "if_not_exists(a, :v) = :v",
     "The function is not allowed in a condition expression; function: if_not_exists"},
    {Kind::kCondition, "list_append(a, :v) = :v",
     "The function is not allowed in a condition expression; function: list_append"},
    {Kind::kCondition, "size(a)",
     "The function is not allowed to be used this way in an expression; function: size"},
    {Kind::kCondition, "attribute_exists(a) = :v",
     "The function is not allowed to be used this way in an expression; function: "
     "attribute_exists"},
    {Kind::kCondition, "a = attribute_exists(b)",
     "The function is not allowed to be used this way in an expression; function: "
     "attribute_exists"},
    {Kind::kCondition, "begins_with(a, :s) = :bool",
     "The function is not allowed to be used this way in an expression; function: begins_with"},
    {Kind::kCondition, "contains(attribute_exists(a), :v)",
     "The function is not allowed to be used this way in an expression; function: "
     "attribute_exists"},
    {Kind::kCondition, "attribute_exists(if_not_exists(a,b))",
     "The function is not allowed in a condition expression; function: if_not_exists"},
    {Kind::kCondition, "foo(name) = :v", "Invalid function name; function: foo"},
    {Kind::kCondition, "name = :v AND foo(a) = :v",
     "Attribute name is a reserved keyword; reserved keyword: name"},
    {Kind::kCondition, "foo(a) = :v AND ((a = b))", "The expression has redundant parentheses;"},
    {Kind::kCondition, "size(a) AND foo(b) = :v",
     "The function is not allowed to be used this way in an expression; function: size"},
    {Kind::kCondition, "foo(b) = :v AND size(a)", "Invalid function name; function: foo"},
    {Kind::kCondition, "a[4294967296] = name",
     "List index is not within the allowable range; index: [4294967296]"},
    {Kind::kCondition, "name = a[4294967296]",
     "Attribute name is a reserved keyword; reserved keyword: name"},
    {Kind::kCondition, "#zz = :v AND size(a)",
     "The function is not allowed to be used this way in an expression; function: size"},
    // DynamoDB, not DynamoDB Local, refuses SIZE as a name (messages-2026.md B15).
    {Kind::kCondition, "size = :v", "Attribute name is a reserved keyword; reserved keyword: size"},
    {Kind::kUpdate, "SET size = :v",
     "Attribute name is a reserved keyword; reserved keyword: size"},
    {Kind::kCondition, "a.SIZE = :v",
     "Attribute name is a reserved keyword; reserved keyword: SIZE"},
    {Kind::kCondition, "convert = :v", ""},
    {Kind::kUpdate, "SET a = :v,", "Syntax error; token: \"<EOF>\", near: \",\""},
    {Kind::kUpdate, "a = :v", "Syntax error; token: \"a\", near: \"a =\""},
    {Kind::kUpdate, "SET", "Syntax error; token: \"<EOF>\", near: \"SET\""},
    {Kind::kUpdate, "REMOVE a,", "Syntax error; token: \"<EOF>\", near: \",\""},
    {Kind::kUpdate, "HELLO b = :v", "Syntax error; token: \"HELLO\", near: \"HELLO b\""},
    {Kind::kUpdate, "SET a = :v b = :w", "Syntax error; token: \"b\", near: \":v b =\""},
    {Kind::kUpdate, "SET (a) = :v", "Syntax error; token: \"(\", near: \"SET (a\""},
    {Kind::kUpdate, "SET a = b + c + d", "Syntax error; token: \"+\", near: \"c + d\""},
    {Kind::kUpdate, "SET a = list_append(:v + :w, b)",
     "Syntax error; token: \"+\", near: \":v + :w\""},
    {Kind::kUpdate, "SET a = if_not_exists(b, :v + :w)",
     "Syntax error; token: \"+\", near: \":v + :w\""},
    {Kind::kUpdate, "SET a = (a + b", "Syntax error; token: \"<EOF>\", near: \"b\""},
    {Kind::kUpdate, "SET a = (a b)", "Syntax error; token: \"b\", near: \"a b)\""},
    {Kind::kUpdate, "SET a = ( )", "Syntax error; token: \")\", near: \"( )\""},
    {Kind::kUpdate, "SET a = (a + b) c", "Syntax error; token: \"c\", near: \") c\""},
    {Kind::kUpdate, "SET :a = :b", "Syntax error; token: \":a\", near: \"SET :a =\""},
    {Kind::kUpdate, "ADD a b", "Syntax error; token: \"b\", near: \"a b\""},
    {Kind::kUpdate, "ADD a", "Syntax error; token: \"<EOF>\", near: \"a\""},
    {Kind::kUpdate, "ADD a = :v", "Syntax error; token: \"=\", near: \"a = :v\""},
    {Kind::kUpdate, "DELETE a", "Syntax error; token: \"<EOF>\", near: \"a\""},
    {Kind::kUpdate, "REMOVE a = :v", "Syntax error; token: \"=\", near: \"a = :v\""},
    {Kind::kUpdate, "SET a = :v remove b", ""},
    {Kind::kUpdate, "set a = :v", ""},
    {Kind::kUpdate, "SET a = :v, b = :w REMOVE c, d ADD e :v DELETE f :w", ""},
    {Kind::kUpdate, "REMOVE a SET b = :v", ""},
    {Kind::kUpdate, "SET a = (:v + :w)", ""},
    {Kind::kUpdate, "SET a = (:v) + (:w)", ""},
    {Kind::kUpdate, "SET a = ((a) + b)", ""},
    {Kind::kUpdate, "SET a = if_not_exists(b, :v) + :w", ""},
    {Kind::kUpdate, "SET a = list_append(if_not_exists(a, :l), :l)", ""},
    {Kind::kUpdate, "SET a = (if_not_exists(a, :v)) + :w", ""},
    {Kind::kUpdate, "SET a.b[1].c = :v", ""},
    {Kind::kUpdate, "SET a = ((b))", "The expression has redundant parentheses;"},
    {Kind::kUpdate, "SET a = ((:v + :w))", "The expression has redundant parentheses;"},
    {Kind::kUpdate, "SET a = (((a) + b))", "The expression has redundant parentheses;"},
    {Kind::kUpdate, "SET a = ((b)) c", "The expression has redundant parentheses;"},
    {Kind::kUpdate, "SET a = :v SET b = :v",
     "The \"SET\" section can only be used once in an update expression;"},
    {Kind::kUpdate, "SET a = :v REMOVE b SET c = :v",
     "The \"SET\" section can only be used once in an update expression;"},
    {Kind::kUpdate, "REMOVE a REMOVE b",
     "The \"REMOVE\" section can only be used once in an update expression;"},
    {Kind::kUpdate, "ADD a :v ADD b :v",
     "The \"ADD\" section can only be used once in an update expression;"},
    {Kind::kUpdate, "DELETE a :v DELETE b :v",
     "The \"DELETE\" section can only be used once in an update expression;"},
    {Kind::kUpdate, "SET a = :v SET name = :v",
     "Attribute name is a reserved keyword; reserved keyword: name"},
    {Kind::kUpdate, "SET name = :v SET b = :v",
     "Attribute name is a reserved keyword; reserved keyword: name"},
    {Kind::kUpdate, "SET a = list_append(:l, :l) + :v",
     "The function is not allowed to be used this way in an expression; function: list_append"},
    {Kind::kUpdate, "SET a = list_append(list_append(a, :l), :l)",
     "The function is not allowed to be used this way in an expression; function: list_append"},
    {Kind::kUpdate, "SET a = if_not_exists(a, list_append(a, :l))",
     "The function is not allowed to be used this way in an expression; function: list_append"},
    {Kind::kUpdate, "SET a = size(b)",
     "The function is not allowed in an update expression; function: size"},
    {Kind::kUpdate, "SET a = attribute_exists(b)",
     "The function is not allowed in an update expression; function: attribute_exists"},
    {Kind::kUpdate, "SET a = foo(b)", "Invalid function name; function: foo"},
    {Kind::kUpdate, "SET a = size(b), c = foo(d)",
     "The function is not allowed in an update expression; function: size"},
    {Kind::kUpdate, "SET a = :v, b = foo(c), c = :v", "Invalid function name; function: foo"},
    {Kind::kProjection, "a, a", ""},
    {Kind::kProjection, "((a))", "Syntax error; token: \"(\", near: \"((\""},
    {Kind::kProjection, "(a)", "Syntax error; token: \"(\", near: \"(a\""},
    {Kind::kProjection, "a,", "Syntax error; token: \"<EOF>\", near: \",\""},
    {Kind::kProjection, ",a", "Syntax error; token: \",\", near: \",a\""},
    {Kind::kProjection, "a,,b", "Syntax error; token: \",\", near: \",,b\""},
    {Kind::kProjection, " ", "Syntax error; token: \"<EOF>\", near: \" \""},
    {Kind::kProjection, "a b", "Syntax error; token: \"b\", near: \"a b\""},
    {Kind::kProjection, "a = b", "Syntax error; token: \"=\", near: \"a = b\""},
    {Kind::kProjection, ":v", "Syntax error; token: \":v\", near: \":v\""},
    {Kind::kProjection, "size(a)", "Syntax error; token: \"(\", near: \"size(a\""},
    {Kind::kProjection, "a.b[1], #n", ""},
    {Kind::kProjection, "name", "Attribute name is a reserved keyword; reserved keyword: name"},
    {Kind::kProjection, "a[4294967296]",
     "List index is not within the allowable range; index: [4294967296]"},
    {Kind::kProjection, "a.:v", ""},
};

// The message of the error parsing `text` reports, or "" when it parses.
std::string parse_message(Kind kind, std::string_view text) {
  if (kind == Kind::kUpdate) {
    auto result = parse_update(text);
    return result ? "" : result.error().message();
  }
  if (kind == Kind::kProjection) {
    auto result = parse_projection(text);
    return result ? "" : result.error().message();
  }
  auto result = parse_condition(text, kind);
  return result ? "" : result.error().message();
}

std::string prefixed(Kind kind, std::string_view detail) {
  return "Invalid " + std::string(expression_name(kind)) + ": " + std::string(detail);
}

TEST(Parser, ReportsWhatDynamoDbReports) {
  for (const ParseCase& c : kCases) {
    std::string expected = c.error.empty() ? "" : prefixed(c.kind, c.error);
    EXPECT_EQ(parse_message(c.kind, c.text), expected) << "text: " << c.text;
  }
}

TEST(Parser, ErrorsAreValidationExceptions) {
  auto result = parse_condition("a =", Kind::kCondition);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().type(), ErrorType::kValidation);
}

TEST(Parser, NamesTheExpressionInItsMessages) {
  EXPECT_EQ(parse_message(Kind::kFilter, "a ="),
            "Invalid FilterExpression: Syntax error; token: \"<EOF>\", near: \"=\"");
  EXPECT_EQ(parse_message(Kind::kKeyCondition, "a ="),
            "Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"");
}

TEST(Parser, RejectsAnEmptyExpression) {
  for (Kind kind :
       {Kind::kCondition, Kind::kFilter, Kind::kKeyCondition, Kind::kUpdate, Kind::kProjection}) {
    EXPECT_EQ(parse_message(kind, ""), prefixed(kind, "The expression can not be empty;"));
  }
}

// 4096 UTF-16 code units pass; beyond, only the condition-like expressions give the size.
TEST(Parser, LimitsTheSizeTo4096Characters) {
  std::string condition = "a = :v" + std::string(4090, ' ');
  EXPECT_EQ(parse_message(Kind::kCondition, condition), "");
  EXPECT_EQ(parse_message(Kind::kFilter, condition + " "),
            prefixed(Kind::kFilter,
                     "Expression size has exceeded the maximum allowed size; "
                     "expression size: 4097"));
  EXPECT_EQ(parse_message(Kind::kKeyCondition, condition + "  "),
            prefixed(Kind::kKeyCondition,
                     "Expression size has exceeded the maximum allowed "
                     "size; expression size: 4098"));
  std::string update = "SET a = :v" + std::string(4086, ' ');
  EXPECT_EQ(parse_message(Kind::kUpdate, update), "");
  EXPECT_EQ(parse_message(Kind::kUpdate, update + " "),
            prefixed(Kind::kUpdate, "Expression size has exceeded the maximum allowed size;"));
  std::string projection = "a" + std::string(4095, ' ');
  EXPECT_EQ(parse_message(Kind::kProjection, projection), "");
  EXPECT_EQ(parse_message(Kind::kProjection, projection + " "),
            prefixed(Kind::kProjection, "Expression size has exceeded the maximum allowed size;"));
}

TEST(Parser, MeasuresSizeInUtf16Units) {
  std::string two_byte_chars;  // 4097 times U+00E9, 8194 bytes
  for (int i = 0; i < 4097; ++i) {
    two_byte_chars += "\xC3\xA9";
  }
  EXPECT_EQ(parse_message(Kind::kCondition, two_byte_chars),
            prefixed(Kind::kCondition,
                     "Expression size has exceeded the maximum allowed size; "
                     "expression size: 4097"));
  std::string astral = "a";  // U+1F600 takes two UTF-16 units
  for (int i = 0; i < 2048; ++i) {
    astral += "\xF0\x9F\x98\x80";
  }
  EXPECT_EQ(parse_message(Kind::kCondition, astral),
            prefixed(Kind::kCondition,
                     "Expression size has exceeded the maximum allowed size; "
                     "expression size: 4097"));
}

std::string repeat(std::string_view text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) {
    out += text;
  }
  return out;
}

// DynamoDB Local answered these three; the parser stops nesting at 400 levels without
// exhausting the stack and gives the same answers.
TEST(Parser, StopsDeepNestingWithDynamoDbsAnswers) {
  EXPECT_EQ(parse_message(Kind::kCondition, repeat("(", 450) + "a = :v" + repeat(")", 450)),
            prefixed(Kind::kCondition, "The expression has redundant parentheses;"));
  EXPECT_EQ(parse_message(Kind::kCondition,
                          "a = :v AND " + repeat("(", 450) + "b = :v" + repeat(")", 450)),
            prefixed(Kind::kCondition, "The expression has redundant parentheses;"));
  EXPECT_EQ(parse_message(Kind::kCondition, repeat("(NOT ", 450) + "a = :v" + repeat(")", 450)),
            prefixed(Kind::kCondition,
                     "The expression contains too many operators; operator count: 301"));
  // A long chain of NOT costs no nesting: its operators are counted when resolving.
  EXPECT_EQ(parse_message(Kind::kCondition, repeat("NOT ", 1000) + "a = :v"), "");
}

// The Developer Guide's list, in any case, checked against DynamoDB Local (including its typos
// FLATTERN, INNTER and LOGED); CONVERT is on the list but DynamoDB Local accepts it. SIZE is
// refused as a name by DynamoDB, not by DynamoDB Local (test suites recorded against DynamoDB,
// /work/notes/messages-2026.md B15).
TEST(Parser, RejectsReservedWordsAsNames) {
  for (std::string_view word : {"ABORT", "comment", "Data", "FLATTERN", "INNTER", "LOGED", "status",
                                "TTL", "zone", "Year", "size", "SIZE"}) {
    EXPECT_EQ(
        parse_message(Kind::kProjection, "a." + std::string(word)),
        prefixed(Kind::kProjection,
                 "Attribute name is a reserved keyword; reserved keyword: " + std::string(word)))
        << word;
  }
  for (std::string_view word : {"CONVERT", "contains", "begins_with", "attribute_exists",
                                "if_not_exists", "list_append", "names2", "a"}) {
    EXPECT_EQ(parse_message(Kind::kProjection, "a." + std::string(word)), "") << word;
  }
}

// ---- trees ----

Path path(std::initializer_list<std::string_view> names) {
  Path out;
  for (std::string_view name : names) {
    if (!name.empty() && name[0] == '[') {
      out.elements.push_back({PathElement::Kind::kIndex,
                              {},
                              {},
                              static_cast<std::uint32_t>(std::stoul(std::string(name.substr(1))))});
    } else {
      out.elements.push_back({PathElement::Kind::kName, std::string(name), {}, 0});
    }
  }
  return out;
}
Operand operand(Path p) {
  return Operand{std::move(p)};
}
Operand value(std::string_view placeholder) {
  return Operand{ValueRef{std::string(placeholder), {}}};
}
Condition compare(CompareOp op, Operand left, Operand right) {
  return Condition{Comparison{op, std::move(left), std::move(right)}};
}
Condition equals(std::string_view name, std::string_view placeholder) {
  return compare(CompareOp::kEq, operand(path({name})), value(placeholder));
}
Condition logical(Logical::Op op, std::vector<Condition> operands) {
  return Condition{Logical{op, std::move(operands)}};
}

Condition parsed(std::string_view text) {
  auto result = parse_condition(text, Kind::kCondition);
  EXPECT_TRUE(result) << text << ": " << (result ? "" : result.error().message());
  return result ? *result : Condition{};
}

TEST(Parser, NotBindsTighterThanAndThanOr) {
  Condition expected =
      logical(Logical::Op::kOr,
              {equals("a", ":v"),
               logical(Logical::Op::kAnd,
                       {logical(Logical::Op::kNot, {equals("b", ":w")}), equals("c", ":x")})});
  EXPECT_EQ(parsed("a = :v OR NOT b = :w AND c = :x"), expected);
  EXPECT_EQ(parsed("a = :v or not b = :w and c = :x"), expected);
}

TEST(Parser, AndAndOrAreRightAssociative) {
  EXPECT_EQ(parsed("a = :v AND b = :v AND c = :v"),
            logical(Logical::Op::kAnd,
                    {equals("a", ":v"),
                     logical(Logical::Op::kAnd, {equals("b", ":v"), equals("c", ":v")})}));
}

TEST(Parser, ParenthesesGroupAndVanish) {
  EXPECT_EQ(
      parsed("(a = :v OR b = :v) AND (c) = (:v)"),
      logical(Logical::Op::kAnd, {logical(Logical::Op::kOr, {equals("a", ":v"), equals("b", ":v")}),
                                  equals("c", ":v")}));
  EXPECT_EQ(parsed("NOT NOT a = :v"),
            logical(Logical::Op::kNot, {logical(Logical::Op::kNot, {equals("a", ":v")})}));
}

TEST(Parser, ReadsEveryComparator) {
  const std::pair<std::string_view, CompareOp> kOps[] = {
      {"=", CompareOp::kEq},  {"<>", CompareOp::kNe}, {"<", CompareOp::kLt},
      {"<=", CompareOp::kLe}, {">", CompareOp::kGt},  {">=", CompareOp::kGe}};
  for (const auto& [symbol, op] : kOps) {
    EXPECT_EQ(parsed("a" + std::string(symbol) + ":v"),
              compare(op, operand(path({"a"})), value(":v")));
  }
}

TEST(Parser, ReadsBetweenInAndFunctions) {
  EXPECT_EQ(parsed("#n.b[2] BETWEEN :lo AND size(c)"),
            (Condition{Between{operand(path({"#n", "b", "[2"})), value(":lo"),
                               Operand{FunctionCall{"size", {operand(path({"c"}))}}}}}));
  EXPECT_EQ(
      parsed("a IN (:v, b, (:w))"),
      (Condition{In{operand(path({"a"})), {value(":v"), operand(path({"b"})), value(":w")}}}));
  EXPECT_EQ(parsed("begins_with(a, :p)"),
            (Condition{FunctionCondition{"begins_with", {operand(path({"a"})), value(":p")}}}));
  EXPECT_EQ(parsed("a.b[0][10].c = :v"),
            compare(CompareOp::kEq, operand(path({"a", "b", "[0", "[10", "c"})), value(":v")));
}

TEST(Parser, ReadsUpdateClausesInAnyOrder) {
  auto result = parse_update(
      "remove x[1], y ADD n :one SET a = :v, b = c + :w, d = :w - e, f = if_not_exists(f, :z), "
      "g = list_append(g, :l) DELETE s :set");
  ASSERT_TRUE(result) << result.error().message();
  UpdateExpression expected;
  expected.remove = {{path({"x", "[1"})}, {path({"y"})}};
  expected.add = {{path({"n"}), ValueRef{":one", {}}}};
  expected.set = {
      {path({"a"}), value(":v")},
      {path({"b"}), Operand{Arithmetic{'+', {operand(path({"c"})), value(":w")}}}},
      {path({"d"}), Operand{Arithmetic{'-', {value(":w"), operand(path({"e"}))}}}},
      {path({"f"}), Operand{FunctionCall{"if_not_exists", {operand(path({"f"})), value(":z")}}}},
      {path({"g"}), Operand{FunctionCall{"list_append", {operand(path({"g"})), value(":l")}}}},
  };
  expected.del = {{path({"s"}), ValueRef{":set", {}}}};
  expected.clause_order = {UpdateClause::kRemove, UpdateClause::kAdd, UpdateClause::kSet,
                           UpdateClause::kDelete};
  EXPECT_EQ(*result, expected);
}

TEST(Parser, ReadsParenthesizedArithmetic) {
  Operand sum{Arithmetic{'+', {value(":v"), value(":w")}}};
  for (std::string_view text : {"SET a = (:v + :w)", "SET a = (:v) + (:w)", "SET a=:v+:w"}) {
    auto result = parse_update(text);
    ASSERT_TRUE(result) << text;
    ASSERT_EQ(result->set.size(), 1u);
    EXPECT_EQ(result->set[0].value, sum) << text;
  }
}

TEST(Parser, ReadsProjections) {
  auto result = parse_projection(" a , #n.b[3], c.:v ");
  ASSERT_TRUE(result) << result.error().message();
  EXPECT_EQ(result->paths,
            (std::vector<Path>{path({"a"}), path({"#n", "b", "[3"}), path({"c", ":v"})}));
}

}  // namespace
}  // namespace ddblocal::expr
