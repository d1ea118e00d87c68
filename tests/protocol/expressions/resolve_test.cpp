// Tests for Placeholders: substitution of ExpressionAttributeNames and ExpressionAttributeValues
// and every check DynamoDB makes before reading an item. Every (text, message) pair in kCases was
// recorded from DynamoDB Local with the placeholders of standard_names()/standard_values() that
// the text mentions ("" means DynamoDB accepts it); where DynamoDB Local differs from what AWS
// was recorded saying, the test says so.
#include "protocol/expressions/resolve.h"

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace ddblocal::expr {
namespace {

using Kind = ExpressionKind;

struct ResolveCase {
  Kind kind;
  std::string_view text;
  std::string_view error;  // after "Invalid <Kind>: "; empty when DynamoDB accepts the expression
};

constexpr ResolveCase kCases[] = {
    {Kind::kCondition, "a = :v", ""},
    {Kind::kCondition, "#n = :v", ""},
    {Kind::kCondition, "#d = :v", ""},
    {Kind::kCondition, "a.#n[1] = :v", ""},
    {Kind::kCondition, "#zz = :v",
     "An expression attribute name used in the document path is not defined; attribute name: #zz"},
    {Kind::kCondition, "a = :zz",
     "An expression attribute value used in expression is not defined; attribute value: :zz"},
    {Kind::kCondition, "a.#zz = :v",
     "An expression attribute name used in the document path is not defined; attribute name: #zz"},
    {Kind::kCondition, "a = a",
     "The first operand must be distinct from the remaining operands for this operator or "
     "function; operator: =, first operand: [a]"},
    {Kind::kCondition, "a.b = a.b",
     "The first operand must be distinct from the remaining operands for this operator or "
     "function; operator: =, first operand: [a, b]"},
    {Kind::kCondition, "a < a",
     "The first operand must be distinct from the remaining operands for this operator or "
     "function; operator: <, first operand: [a]"},
    {Kind::kCondition, "a <> a",
     "The first operand must be distinct from the remaining operands for this operator or "
     "function; operator: <>, first operand: [a]"},
    {Kind::kCondition, "a[1] = a[1]",
     "The first operand must be distinct from the remaining operands for this operator or "
     "function; operator: =, first operand: [a, [1]]"},
    {Kind::kCondition, "#n = x",
     "The first operand must be distinct from the remaining operands for this operator or "
     "function; operator: =, first operand: [x]"},
    {Kind::kCondition, "x = #n",
     "The first operand must be distinct from the remaining operands for this operator or "
     "function; operator: =, first operand: [x]"},
    {Kind::kCondition, "a.#n = a.x",
     "The first operand must be distinct from the remaining operands for this operator or "
     "function; operator: =, first operand: [a, x]"},
    {Kind::kCondition, "a.b = a.#n", ""},
    {Kind::kCondition, "size(a) = size(a)", ""},
    {Kind::kCondition, ":v = :v", ""},
    {Kind::kCondition, "a BETWEEN a AND b",
     "The first operand must be distinct from the remaining operands for this operator or "
     "function; operator: BETWEEN, first operand: [a]"},
    {Kind::kCondition, "a BETWEEN b AND a",
     "The first operand must be distinct from the remaining operands for this operator or "
     "function; operator: BETWEEN, first operand: [a]"},
    {Kind::kCondition, "a IN (b, a)",
     "The first operand must be distinct from the remaining operands for this operator or "
     "function; operator: IN, first operand: [a]"},
    {Kind::kCondition, "begins_with(a, a)",
     "The first operand must be distinct from the remaining operands for this operator or "
     "function; operator: begins_with, first operand: [a]"},
    {Kind::kCondition, "contains(a, a)",
     "The first operand must be distinct from the remaining operands for this operator or "
     "function; operator: contains, first operand: [a]"},
    {Kind::kCondition, "attribute_type(a, a)",
     "The first operand must be distinct from the remaining operands for this operator or "
     "function; operator: attribute_type, first operand: [a]"},
    {Kind::kCondition, "attribute_exists(a, b)",
     "Incorrect number of operands for operator or function; operator or function: "
     "attribute_exists, number of operands: 2"},
    {Kind::kCondition, "begins_with(a)",
     "Incorrect number of operands for operator or function; operator or function: begins_with, "
     "number of operands: 1"},
    {Kind::kCondition, "size(a, b) = :v",
     "Incorrect number of operands for operator or function; operator or function: size, number of "
     "operands: 2"},
    {Kind::kCondition, "begins_with(:zz)",
     "An expression attribute value used in expression is not defined; attribute value: :zz"},
    {Kind::kCondition, "size(a, b) = :zz",
     "Incorrect number of operands for operator or function; operator or function: size, number of "
     "operands: 2"},
    {Kind::kCondition, "size(:zz, :yy) = :v",
     "An expression attribute value used in expression is not defined; attribute value: :zz"},
    {Kind::kCondition, "attribute_exists(:v)",
     "Operator or function requires a document path; operator or function: attribute_exists"},
    {Kind::kCondition, "attribute_not_exists(:v)",
     "Operator or function requires a document path; operator or function: attribute_not_exists"},
    {Kind::kCondition, "attribute_exists(size(a))",
     "Operator or function requires a document path; operator or function: attribute_exists"},
    {Kind::kCondition, "attribute_exists(:v, :w)",
     "Incorrect number of operands for operator or function; operator or function: "
     "attribute_exists, number of operands: 2"},
    {Kind::kCondition, "begins_with(a, :v)",
     "Incorrect operand type for operator or function; operator or function: begins_with, operand "
     "type: N"},
    {Kind::kCondition, "begins_with(a, :ss)",
     "Incorrect operand type for operator or function; operator or function: begins_with, operand "
     "type: SS"},
    {Kind::kCondition, "begins_with(:null, :s)",
     "Incorrect operand type for operator or function; operator or function: begins_with, operand "
     "type: NULL"},
    {Kind::kCondition, "begins_with(a, :s)", ""},
    {Kind::kCondition, "begins_with(a, :b)", ""},
    {Kind::kCondition, "begins_with(:s, :s)", ""},
    {Kind::kCondition, "begins_with(size(a), :s)",
     "Incorrect operand type for operator or function; operator or function: begins_with, operand "
     "type: N"},
    {Kind::kCondition, "begins_with(a, size(b))",
     "Incorrect operand type for operator or function; operator or function: begins_with, operand "
     "type: N"},
    {Kind::kCondition, "contains(:v, :v)", ""},
    {Kind::kCondition, "contains(:m, :s)", ""},
    {Kind::kCondition, "contains(:bool, a)", ""},
    {Kind::kCondition, "contains(a, size(b))", ""},
    {Kind::kCondition, "attribute_type(a, :v)",
     "Incorrect operand type for operator or function; operator or function: attribute_type, "
     "operand type: N"},
    {Kind::kCondition, "attribute_type(a, :t)", ""},
    {Kind::kCondition, "attribute_type(:m, :t)", ""},
    {Kind::kCondition, "attribute_type(a, size(b))",
     "Incorrect operand type for operator or function; operator or function: attribute_type, "
     "operand type: N"},
    {Kind::kCondition, "size(:v) = :v",
     "Incorrect operand type for operator or function; operator or function: size, operand type: "
     "N"},
    {Kind::kCondition, "size(:null) = :v",
     "Incorrect operand type for operator or function; operator or function: size, operand type: "
     "NULL"},
    {Kind::kCondition, "size(:bool) = :v",
     "Incorrect operand type for operator or function; operator or function: size, operand type: "
     "BOOL"},
    {Kind::kCondition, "size(:s) = :v", ""},
    {Kind::kCondition, "size(:b) = :v", ""},
    {Kind::kCondition, "size(:ss) = :v", ""},
    {Kind::kCondition, "size(:ns) = :v", ""},
    {Kind::kCondition, "size(:bs) = :v", ""},
    {Kind::kCondition, "size(:l) = :v", ""},
    {Kind::kCondition, "size(:m) = :v", ""},
    {Kind::kCondition, "a < :m",
     "Incorrect operand type for operator or function; operator or function: <, operand type: M"},
    {Kind::kCondition, "a <= :bool",
     "Incorrect operand type for operator or function; operator or function: <=, operand type: "
     "BOOL"},
    {Kind::kCondition, "a > :null",
     "Incorrect operand type for operator or function; operator or function: >, operand type: "
     "NULL"},
    {Kind::kCondition, "a >= :ss",
     "Incorrect operand type for operator or function; operator or function: >=, operand type: SS"},
    {Kind::kCondition, "a < :l",
     "Incorrect operand type for operator or function; operator or function: <, operand type: L"},
    {Kind::kCondition, ":v < :s", ""},
    {Kind::kCondition, "size(a) < :m",
     "Incorrect operand type for operator or function; operator or function: <, operand type: M"},
    {Kind::kCondition, ":m < :m",
     "Incorrect operand type for operator or function; operator or function: <, operand type: M"},
    {Kind::kCondition, "a = :m", ""},
    {Kind::kCondition, ":l = :l", ""},
    {Kind::kCondition, "a BETWEEN :w AND :v",
     "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower "
     "bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}"},
    {Kind::kCondition, "a BETWEEN :v AND :s",
     "The BETWEEN operator requires same data type for lower and upper bounds; lower bound "
     "operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:x}"},
    {Kind::kCondition, "a BETWEEN :s AND :v",
     "The BETWEEN operator requires same data type for lower and upper bounds; lower bound "
     "operand: AttributeValue: {S:x}, upper bound operand: AttributeValue: {N:1}"},
    {Kind::kCondition, "a BETWEEN :b AND :s",
     "The BETWEEN operator requires same data type for lower and upper bounds; lower bound "
     "operand: AttributeValue: {B:java.nio.HeapByteBuffer[pos=0 lim=1 cap=1]}, upper bound "
     "operand: AttributeValue: {S:x}"},
    {Kind::kCondition, "a BETWEEN :b2 AND :b",
     "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower "
     "bound operand: AttributeValue: {B:java.nio.HeapByteBuffer[pos=0 lim=1 cap=1]}, upper bound "
     "operand: AttributeValue: {B:java.nio.HeapByteBuffer[pos=0 lim=1 cap=1]}"},
    {Kind::kCondition, "a BETWEEN :s AND :t",
     "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower "
     "bound operand: AttributeValue: {S:x}, upper bound operand: AttributeValue: {S:S}"},
    {Kind::kCondition, "a BETWEEN :t AND :s", ""},
    {Kind::kCondition, "a BETWEEN :m AND :m",
     "Incorrect operand type for operator or function; operator or function: BETWEEN, operand "
     "type: M"},
    {Kind::kCondition, "a BETWEEN :bool AND :bool",
     "Incorrect operand type for operator or function; operator or function: BETWEEN, operand "
     "type: BOOL"},
    {Kind::kCondition, "a BETWEEN :null AND :null",
     "Incorrect operand type for operator or function; operator or function: BETWEEN, operand "
     "type: NULL"},
    {Kind::kCondition, "a BETWEEN :v AND :w", ""},
    {Kind::kCondition, "a BETWEEN :v AND :v", ""},
    {Kind::kCondition, ":v BETWEEN :v AND :w", ""},
    {Kind::kCondition, "size(a) BETWEEN :v AND :w", ""},
    {Kind::kCondition, "a IN (:m, :l)", ""},
    {Kind::kCondition, "#zz = :v AND begins_with(a)",
     "An expression attribute name used in the document path is not defined; attribute name: #zz"},
    {Kind::kCondition, "begins_with(a) AND #zz = :v",
     "Incorrect number of operands for operator or function; operator or function: begins_with, "
     "number of operands: 1"},
    {Kind::kCondition, "a = a AND #zz = :v",
     "The first operand must be distinct from the remaining operands for this operator or "
     "function; operator: =, first operand: [a]"},
    {Kind::kCondition, "#zz = :v AND a = a",
     "An expression attribute name used in the document path is not defined; attribute name: #zz"},
    {Kind::kCondition, "begins_with(a, :v) AND a = a",
     "Incorrect operand type for operator or function; operator or function: begins_with, operand "
     "type: N"},
    {Kind::kCondition, "a = a AND begins_with(a, :v)",
     "The first operand must be distinct from the remaining operands for this operator or "
     "function; operator: =, first operand: [a]"},
    {Kind::kCondition, "a BETWEEN :w AND :v AND begins_with(a, :v)",
     "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower "
     "bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}"},
    {Kind::kCondition, "begins_with(a, :v) AND a BETWEEN :w AND :v",
     "Incorrect operand type for operator or function; operator or function: begins_with, operand "
     "type: N"},
    {Kind::kCondition, "NOT (a = :zz OR b = :yy)",
     "An expression attribute value used in expression is not defined; attribute value: :zz"},
    {Kind::kCondition, "a.:zz = :v",
     "An expression attribute name used in the document path is not defined; attribute name: :zz"},
    {Kind::kCondition, "a.:s = :v", "Internal server error"},
    {Kind::kUpdate, "SET a = :v", ""},
    {Kind::kUpdate, "SET a = :v + :s",
     "Incorrect operand type for operator or function; operator or function: +, operand type: S"},
    {Kind::kUpdate, "SET a = :s + :v",
     "Incorrect operand type for operator or function; operator or function: +, operand type: S"},
    {Kind::kUpdate, "SET a = :s - :s",
     "Incorrect operand type for operator or function; operator or function: -, operand type: S"},
    {Kind::kUpdate, "SET a = :ss + :ss",
     "Incorrect operand type for operator or function; operator or function: +, operand type: SS"},
    {Kind::kUpdate, "SET a = b + :s",
     "Incorrect operand type for operator or function; operator or function: +, operand type: S"},
    {Kind::kUpdate, "SET a = :bool - b",
     "Incorrect operand type for operator or function; operator or function: -, operand type: "
     "BOOL"},
    {Kind::kUpdate, "SET a = if_not_exists(a, :v) - :s",
     "Incorrect operand type for operator or function; operator or function: -, operand type: S"},
    {Kind::kUpdate, "SET a = if_not_exists(b, :v) + :w", ""},
    {Kind::kUpdate, "SET a = if_not_exists(a)",
     "Incorrect number of operands for operator or function; operator or function: if_not_exists, "
     "number of operands: 1"},
    {Kind::kUpdate, "SET a = if_not_exists(:v, a)",
     "Operator or function requires a document path; operator or function: if_not_exists"},
    {Kind::kUpdate, "SET a = if_not_exists(a, a)",
     "The first operand must be distinct from the remaining operands for this operator or "
     "function; operator: if_not_exists, first operand: [a]"},
    {Kind::kUpdate, "SET a = if_not_exists(a.b, a.#n)", ""},
    {Kind::kUpdate, "SET a = list_append(:v, :w)",
     "Incorrect operand type for operator or function; operator or function: list_append, operand "
     "type: N"},
    {Kind::kUpdate, "SET a = list_append(:l, :v)",
     "Incorrect operand type for operator or function; operator or function: list_append, operand "
     "type: N"},
    {Kind::kUpdate, "SET a = list_append(a, :s)",
     "Incorrect operand type for operator or function; operator or function: list_append, operand "
     "type: S"},
    {Kind::kUpdate, "SET a = list_append(a, :ss)",
     "Incorrect operand type for operator or function; operator or function: list_append, operand "
     "type: SS"},
    {Kind::kUpdate, "SET a = list_append(b, :m)",
     "Incorrect operand type for operator or function; operator or function: list_append, operand "
     "type: M"},
    {Kind::kUpdate, "SET a = list_append(b)",
     "Incorrect number of operands for operator or function; operator or function: list_append, "
     "number of operands: 1"},
    {Kind::kUpdate, "SET a = list_append(a, a)", ""},
    {Kind::kUpdate, "SET a = list_append(:l, :l)", ""},
    {Kind::kUpdate, "SET a = a + a", ""},
    {Kind::kUpdate, "SET a = :v, A = :v", ""},
    {Kind::kUpdate, "REMOVE a[1], a[2]", ""},
    {Kind::kUpdate, "SET a.b = :v REMOVE a.c", ""},
    {Kind::kUpdate, "SET #d = :v, a.b = :w", ""},
    {Kind::kUpdate, "SET #zz = :v, a = :zz",
     "An expression attribute name used in the document path is not defined; attribute name: #zz"},
    {Kind::kUpdate, "REMOVE a, #zz",
     "An expression attribute name used in the document path is not defined; attribute name: #zz"},
    {Kind::kUpdate, "REMOVE #zz, #yy",
     "An expression attribute name used in the document path is not defined; attribute name: #yy"},
    {Kind::kUpdate, "REMOVE #zz SET #yy = :v",
     "An expression attribute name used in the document path is not defined; attribute name: #yy"},
    {Kind::kUpdate, "SET #yy = :v REMOVE #zz",
     "An expression attribute name used in the document path is not defined; attribute name: #zz"},
    {Kind::kUpdate, "SET a = :zz, b = :yy",
     "An expression attribute value used in expression is not defined; attribute value: :yy"},
    {Kind::kUpdate, "SET a = :s + :v, b = :zz",
     "An expression attribute value used in expression is not defined; attribute value: :zz"},
    {Kind::kUpdate, "SET a = :zz, b = :s + :v",
     "Incorrect operand type for operator or function; operator or function: +, operand type: S"},
    // DynamoDB Local adds ", typeSet: ALLOWED_FOR_ADD_OPERAND"; AWS does not.
    {Kind::kUpdate, "ADD a :ss, b :s",
     "Incorrect operand type for operator or function; operator: ADD, operand type: STRING"},
    {Kind::kUpdate, "SET a = :v ADD b :v DELETE c :ss REMOVE d", ""},
    {Kind::kProjection, "a, b", ""},
    {Kind::kProjection, "a.b, a.c", ""},
    {Kind::kProjection, "a[1], a[2]", ""},
    {Kind::kProjection, "#d, a.b", ""},
    {Kind::kProjection, "#zz",
     "An expression attribute name used in the document path is not defined; attribute name: #zz"},
    {Kind::kUpdate, "ADD a :zz",
     "An expression attribute value used in expression is not defined; attribute value: :zz"},
};

Number number(std::string_view text) {
  return Number::parse(text).value();
}

const AttributeNames& standard_names() {
  static const AttributeNames names = {{"#n", "x"}, {"#m", "name"}, {"#d", "a.b"}, {"#x", "x"}};
  return names;
}

const Item& standard_values() {
  static const Item values = {
      {":v", number("1")},       {":w", number("2")},
      {":s", std::string("x")},  {":t", std::string("S")},
      {":b", Binary{"\x01"}},    {":b2", Binary{"\x02"}},
      {":l", AttributeList{}},   {":m", AttributeMap{}},
      {":ss", StringSet{{"a"}}}, {":ns", NumberSet{{number("1")}}},
      {":bs", BinarySet{{"z"}}}, {":bool", true},
      {":null", Null{}},
  };
  return values;
}

// The placeholders `text` mentions (#name or :name).
std::vector<std::string> mentioned(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '#' && text[i] != ':') {
      continue;
    }
    std::size_t end = i + 1;
    while (end < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[end])) != 0 || text[end] == '_')) {
      ++end;
    }
    out.emplace_back(text.substr(i, end - i));
    i = end - 1;
  }
  return out;
}

// Parses, resolves and checks that every placeholder was used: the message of the first error,
// or "".
std::string resolve_message(Kind kind, std::string_view text, const AttributeNames* names,
                            const Item* values) {
  Placeholders placeholders(names, values);
  Result<void> resolved;
  if (kind == Kind::kUpdate) {
    auto update = parse_update(text);
    if (!update) {
      return "parse: " + update.error().message();
    }
    resolved = placeholders.resolve(*update);
  } else if (kind == Kind::kProjection) {
    auto projection = parse_projection(text);
    if (!projection) {
      return "parse: " + projection.error().message();
    }
    resolved = placeholders.resolve(*projection);
  } else {
    auto condition = parse_condition(text, kind);
    if (!condition) {
      return "parse: " + condition.error().message();
    }
    resolved = placeholders.resolve(*condition, kind);
  }
  if (!resolved) {
    return resolved.error().message();
  }
  auto used = placeholders.check_all_used();
  return used ? "" : used.error().message();
}

// With the standard placeholders that `text` mentions (and no map at all when it mentions none).
std::string resolve_message(Kind kind, std::string_view text) {
  AttributeNames names;
  Item values;
  for (const std::string& placeholder : mentioned(text)) {
    if (auto it = standard_names().find(placeholder); it != standard_names().end()) {
      names.insert(*it);
    }
    if (auto it = standard_values().find(placeholder); it != standard_values().end()) {
      values.insert(*it);
    }
  }
  return resolve_message(kind, text, names.empty() ? nullptr : &names,
                         values.empty() ? nullptr : &values);
}

TEST(Placeholders, ReportsWhatDynamoDbReports) {
  for (const ResolveCase& c : kCases) {
    std::string expected = c.error.empty() ? ""
                                           : "Invalid " + std::string(expression_name(c.kind)) +
                                                 ": " + std::string(c.error);
    EXPECT_EQ(resolve_message(c.kind, c.text), expected) << "text: " << c.text;
  }
}

// Paths that overlap (one contains the other) or conflict (a list index and a map member at the
// same place), as DynamoDB Local named them.
struct ClashCase {
  Kind kind;
  std::string_view text;
  std::string_view clash;  // "overlap" or "conflict"
  std::string_view one;
  std::string_view two;
};

constexpr ClashCase kClashes[] = {
    {Kind::kUpdate, "SET a = b, a = c", "overlap", "[a]", "[a]"},
    {Kind::kUpdate, "SET a = :v REMOVE a", "overlap", "[a]", "[a]"},
    {Kind::kUpdate, "REMOVE a SET a = :v", "overlap", "[a]", "[a]"},
    {Kind::kUpdate, "SET a.b = :v, a[1] = :w", "conflict", "[a, b]", "[a, [1]]"},
    {Kind::kUpdate, "SET a[1] = :v, a.b = :w", "conflict", "[a, [1]]", "[a, b]"},
    {Kind::kUpdate, "SET a.b.c = :v, a.b[2] = :w", "conflict", "[a, b, c]", "[a, b, [2]]"},
    {Kind::kUpdate, "SET a.b.c = :v, a.b.d.e = :v, a.b.d = :v", "overlap", "[a, b, d, e]",
     "[a, b, d]"},
    {Kind::kUpdate, "SET a.b = :v REMOVE a", "overlap", "[a, b]", "[a]"},
    {Kind::kUpdate, "REMOVE a SET a.b = :v", "overlap", "[a]", "[a, b]"},
    {Kind::kUpdate, "REMOVE a.b, a", "overlap", "[a, b]", "[a]"},
    {Kind::kUpdate, "REMOVE a[1], a.b", "conflict", "[a, [1]]", "[a, b]"},
    {Kind::kUpdate, "SET a[1] = :v, a[1] = :w", "overlap", "[a, [1]]", "[a, [1]]"},
    {Kind::kUpdate, "SET #n = :v, x = :w", "overlap", "[x]", "[x]"},
    {Kind::kUpdate, "SET #n = :v, #x = :w", "overlap", "[x]", "[x]"},
    {Kind::kUpdate, "SET a = :v, a.x = :v, a.y = :v", "overlap", "[a]", "[a, y]"},
    {Kind::kUpdate, "SET a = :v, a.y = :v, a.x = :v", "overlap", "[a]", "[a, y]"},
    {Kind::kUpdate, "ADD a :ss DELETE a :ss", "overlap", "[a]", "[a]"},
    {Kind::kUpdate, "SET a = :zz, a = :v", "overlap", "[a]", "[a]"},
    {Kind::kUpdate, "REMOVE #zz, a, a", "overlap", "[a]", "[a]"},
    {Kind::kUpdate, "ADD a :s, a :v", "overlap", "[a]", "[a]"},
    {Kind::kProjection, "a, a", "overlap", "[a]", "[a]"},
    {Kind::kProjection, "a.b, a[1]", "conflict", "[a, b]", "[a, [1]]"},
    {Kind::kProjection, "a[1], a.b", "conflict", "[a, [1]]", "[a, b]"},
    {Kind::kProjection, "a, a.b[0]", "overlap", "[a]", "[a, b, [0]]"},
    {Kind::kProjection, "a.b[0], a", "overlap", "[a, b, [0]]", "[a]"},
    {Kind::kProjection, "#d, #d", "overlap", "[a.b]", "[a.b]"},
    {Kind::kProjection, "a.#d, a.#d", "overlap", "[a, a.b]", "[a, a.b]"},
    {Kind::kProjection, "a.#d.c, a.#d", "overlap", "[a, a.b, c]", "[a, a.b]"},
    {Kind::kProjection, "a.b.c, a.b.d, a", "overlap", "[a, b, d]", "[a]"},
    {Kind::kProjection, "a, a.x, a.y", "overlap", "[a]", "[a, y]"},
    {Kind::kProjection, "a, a.y, a.x", "overlap", "[a]", "[a, y]"},
    {Kind::kProjection, "a.x, a.y, a", "overlap", "[a, y]", "[a]"},
    {Kind::kProjection, "a.b, a.b[0].c", "overlap", "[a, b]", "[a, b, [0], c]"},
    {Kind::kProjection, "a.#zz, a.b, a.b", "overlap", "[a, b]", "[a, b]"},
    {Kind::kProjection, "a, a[0], a[1]", "overlap", "[a]", "[a, [1]]"},
    {Kind::kProjection, "a, a[5], a[17]", "overlap", "[a]", "[a, [5]]"},
    {Kind::kProjection, "a, a[17], a[5]", "overlap", "[a]", "[a, [5]]"},
    {Kind::kProjection, "a, a.c, a.hello", "overlap", "[a]", "[a, hello]"},
};

TEST(Placeholders, ReportsOverlappingAndConflictingPaths) {
  for (const ClashCase& c : kClashes) {
    EXPECT_EQ(resolve_message(c.kind, c.text),
              "Invalid " + std::string(expression_name(c.kind)) + ": Two document paths " +
                  std::string(c.clash) +
                  " with each other; must remove or rewrite one of these paths; path one: " +
                  std::string(c.one) + ", path two: " + std::string(c.two))
        << "text: " << c.text;
  }
}

// ADD takes a number or a set, DELETE a set; DynamoDB names the refused types in full. The
// messages are AWS's (dynalite's recordings): DynamoDB Local adds ", typeSet:
// ALLOWED_FOR_ADD_OPERAND" (or _DELETE_) at the end.
TEST(Placeholders, ChecksTheTypesAddAndDeleteTake) {
  struct Row {
    std::string_view value;
    std::string_view add_refuses;  // the type named when refused, "" when accepted
    std::string_view delete_refuses;
  };
  constexpr Row kRows[] = {
      {":s", "STRING", "STRING"},
      {":b", "BINARY", "BINARY"},
      {":l", "LIST", "LIST"},
      {":m", "MAP", "MAP"},
      {":bool", "BOOLEAN", "BOOLEAN"},
      {":null", "NULL", "NULL"},
      {":v", "", "NUMBER"},
      {":ss", "", ""},
      {":ns", "", ""},
      {":bs", "", ""},
  };
  for (const Row& row : kRows) {
    for (std::string_view action : {"ADD", "DELETE"}) {
      std::string_view refused = action == "ADD" ? row.add_refuses : row.delete_refuses;
      std::string expected =
          refused.empty() ? ""
                          : "Invalid UpdateExpression: Incorrect operand type for "
                            "operator or function; operator: " +
                                std::string(action) + ", operand type: " + std::string(refused);
      std::string text = std::string(action) + " a " + std::string(row.value);
      EXPECT_EQ(resolve_message(Kind::kUpdate, text), expected) << text;
    }
  }
}

TEST(Placeholders, SubstitutesNamesAndValues) {
  auto condition = parse_condition("#d.#m[2] = :s AND size(#n) > :v", Kind::kCondition);
  ASSERT_TRUE(condition);
  Placeholders placeholders(&standard_names(), &standard_values());
  ASSERT_TRUE(placeholders.resolve(*condition, Kind::kCondition));
  const auto& logical = std::get<Logical>(condition->node);
  const auto& left = std::get<Comparison>(logical.operands[0].node);
  const Path& path = std::get<Path>(left.left.node);
  ASSERT_EQ(path.elements.size(), 3u);
  // A name holding a dot or a reserved word is one element, taken literally.
  EXPECT_EQ(path.elements[0].name, "a.b");
  EXPECT_EQ(path.elements[0].placeholder, "#d");
  EXPECT_EQ(path.elements[1].name, "name");
  EXPECT_EQ(path.elements[1].placeholder, "#m");
  EXPECT_EQ(path.elements[2].index, 2u);
  EXPECT_EQ(std::get<ValueRef>(left.right.node).value, AttributeValue(std::string("x")));
  const auto& right = std::get<Comparison>(logical.operands[1].node);
  const auto& size = std::get<FunctionCall>(right.left.node);
  EXPECT_EQ(std::get<Path>(size.arguments[0].node).elements[0].name, "x");
  EXPECT_EQ(std::get<ValueRef>(right.right.node).value, AttributeValue(number("1")));
}

TEST(Placeholders, CountUsesAcrossTheExpressionsOfARequest) {
  AttributeNames names = {{"#a", "a"}, {"#b", "b"}};
  Item values = {{":v", number("1")}};
  Placeholders placeholders(&names, &values);
  auto update = parse_update("SET #a = :v");
  auto condition = parse_condition("attribute_exists(#b)", Kind::kCondition);
  ASSERT_TRUE(update && condition);
  ASSERT_TRUE(placeholders.resolve(*update));
  EXPECT_EQ(placeholders.check_all_used().error().message(),
            "Value provided in ExpressionAttributeNames unused in expressions: keys: {#b}");
  ASSERT_TRUE(placeholders.resolve(*condition, Kind::kCondition));
  EXPECT_TRUE(placeholders.check_all_used());
}

TEST(Placeholders, ReportsUnusedKeysInDynamoDbsOrder) {
  // Names before values; the keys in the order of a Java HashSet sized for the whole map.
  AttributeNames names = {{"#a", "y"}, {"#b", "x"}, {"#c", "z"}};
  Item values = {
      {":v", number("1")}, {":c", number("1")}, {":a", number("1")}, {":b", number("1")}};
  EXPECT_EQ(resolve_message(Kind::kCondition, "a = :v", &names, &values),
            "Value provided in ExpressionAttributeNames unused in expressions: keys: {#c, #a, #b}");
  EXPECT_EQ(
      resolve_message(Kind::kCondition, "a = :v", nullptr, &values),
      "Value provided in ExpressionAttributeValues unused in expressions: keys: {:a, :b, :c}");
  // With 12 names the set has 32 buckets, which puts #k1 before #k8.
  AttributeNames twelve;
  std::string condition;
  for (int i = 0; i < 12; ++i) {
    twelve["#k" + std::to_string(i)] = "x" + std::to_string(i);
    if (i != 1 && i != 8) {
      condition += (condition.empty() ? "" : " AND ") + ("#k" + std::to_string(i)) + " = :v";
    }
  }
  Item one = {{":v", number("1")}};
  EXPECT_EQ(resolve_message(Kind::kCondition, condition, &twelve, &one),
            "Value provided in ExpressionAttributeNames unused in expressions: keys: {#k1, #k8}");
}

TEST(Placeholders, TreatsAbsentMapsAsEmpty) {
  EXPECT_EQ(resolve_message(Kind::kCondition, "#n = :v", nullptr, &standard_values()),
            "Invalid ConditionExpression: An expression attribute name used in the document "
            "path is not defined; attribute name: #n");
  EXPECT_EQ(resolve_message(Kind::kFilter, "a = :v", &standard_names(), nullptr),
            "Invalid FilterExpression: An expression attribute value used in expression is not "
            "defined; attribute value: :v");
}

std::string nested_path(int depth) {
  std::string path = "a";
  for (int i = 1; i < depth; ++i) {
    path += i % 2 == 0 ? ".b" : "[0]";
  }
  return path;
}

TEST(Placeholders, LimitsPathsTo32Levels) {
  EXPECT_EQ(resolve_message(Kind::kCondition, nested_path(32) + " = :v"), "");
  EXPECT_EQ(resolve_message(Kind::kCondition, nested_path(33) + " = :v"),
            "Invalid ConditionExpression: The document path has too many nesting levels; nesting "
            "levels: 33");
  EXPECT_EQ(resolve_message(Kind::kUpdate, "SET " + nested_path(40) + " = :v"),
            "Invalid UpdateExpression: The document path has too many nesting levels; nesting "
            "levels: 40");
  EXPECT_EQ(resolve_message(Kind::kProjection, nested_path(33)),
            "Invalid ProjectionExpression: The document path has too many nesting levels; "
            "nesting levels: 33");
}

TEST(Placeholders, LimitsInTo100Candidates) {
  std::string candidates = ":v";
  for (int i = 1; i < 100; ++i) {
    candidates += ", :v";
  }
  EXPECT_EQ(resolve_message(Kind::kCondition, "a IN (" + candidates + ")"), "");
  EXPECT_EQ(resolve_message(Kind::kCondition, "a IN (" + candidates + ", :w)"),
            "Invalid ConditionExpression: The IN operator is provided with too many operands; "
            "number of operands: 101");
}

std::string joined(std::string_view part, int times, std::string_view separator) {
  std::string out;
  for (int i = 0; i < times; ++i) {
    out += (i > 0 ? std::string(separator) : "") + std::string(part);
  }
  return out;
}

// Comparisons, functions, AND, OR, NOT, + and - each count; DynamoDB stops at the 301st.
TEST(Placeholders, LimitsAnExpressionTo300Operators) {
  const std::string kTooMany = "The expression contains too many operators; operator count: 301";
  EXPECT_EQ(resolve_message(Kind::kCondition, joined("a = :v", 150, " AND ")), "");
  EXPECT_EQ(resolve_message(Kind::kCondition, joined("a = :v", 151, " AND ")),
            "Invalid ConditionExpression: " + kTooMany);
  EXPECT_EQ(resolve_message(Kind::kCondition, joined("size(a) = :v", 100, " OR ")), "");
  EXPECT_EQ(resolve_message(Kind::kCondition, joined("size(a) = :v", 101, " OR ")),
            "Invalid ConditionExpression: " + kTooMany);
  EXPECT_EQ(resolve_message(Kind::kCondition, joined("NOT", 300, " ") + " a = :v"),
            "Invalid ConditionExpression: " + kTooMany);
  std::string sums;
  for (int i = 0; i < 301; ++i) {
    sums += (i > 0 ? "," : "") + ("a" + std::to_string(i)) + "=:v+:v";
  }
  EXPECT_EQ(resolve_message(Kind::kUpdate, "SET " + sums), "Invalid UpdateExpression: " + kTooMany);
  EXPECT_EQ(resolve_message(Kind::kUpdate, "SET " + sums.substr(0, sums.rfind(','))), "");
}

// DynamoDB Local prints these type sets in an order that changes from run to run; these are the
// orders dynalite's tests recorded from AWS.
TEST(Placeholders, NamesTypeSetsAsAwsWasRecorded) {
  EXPECT_EQ(resolve_message(Kind::kCondition, "attribute_type(a, :s)"),
            "Invalid ConditionExpression: Invalid attribute type name found; type: x, valid types: "
            "{B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
  EXPECT_EQ(resolve_message(Kind::kCondition, "attribute_type(a, b)"),
            "Invalid ConditionExpression: Incorrect operand type for operator or function; "
            "operator or function: attribute_type, operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}");
}

}  // namespace
}  // namespace ddblocal::expr
