// The expression language's syntax trees: document paths, operands, conditions (condition,
// filter and key-condition expressions), update actions and projections. Parsing builds them
// with placeholders unresolved; resolve.h substitutes ExpressionAttributeNames/Values in place.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "protocol/attribute_value.h"

namespace ddblocal::expr {

// One step of a document path: an attribute or map member name, or a list index.
struct PathElement {
  enum class Kind : std::uint8_t { kName, kIndex };
  Kind kind = Kind::kName;
  // kName: the name; a "#placeholder" until resolved (then `placeholder` keeps the original).
  std::string name;
  std::string placeholder;
  std::uint32_t index = 0;  // kIndex
  bool operator==(const PathElement&) const = default;
};

// a.b[2].c: the first element is always a name.
struct Path {
  std::vector<PathElement> elements;
  bool operator==(const Path&) const = default;
};

// ":value": its AttributeValue once resolved.
struct ValueRef {
  std::string placeholder;
  AttributeValue value;
  bool operator==(const ValueRef&) const = default;
};

struct Operand;

// size(path) in conditions; if_not_exists(path, operand) and list_append(a, b) in SET.
struct FunctionCall {
  std::string name;  // as written, lower case
  std::vector<Operand> arguments;
  bool operator==(const FunctionCall&) const = default;
};

// operand + operand, operand - operand (SET only).
struct Arithmetic {
  char op = '+';
  std::vector<Operand> operands;  // exactly two
  bool operator==(const Arithmetic&) const = default;
};

struct Operand {
  std::variant<Path, ValueRef, FunctionCall, Arithmetic> node;
  bool operator==(const Operand&) const = default;
};

enum class CompareOp : std::uint8_t { kEq, kNe, kLt, kLe, kGt, kGe };

struct Condition;

struct Comparison {
  CompareOp op = CompareOp::kEq;
  Operand left;
  Operand right;
  bool operator==(const Comparison&) const = default;
};

// value BETWEEN low AND high
struct Between {
  Operand value;
  Operand low;
  Operand high;
  bool operator==(const Between&) const = default;
};

// value IN (candidate, ...)
struct In {
  Operand value;
  std::vector<Operand> candidates;
  bool operator==(const In&) const = default;
};

// attribute_exists(path), attribute_not_exists(path), attribute_type(path, :type),
// begins_with(a, b), contains(a, b).
struct FunctionCondition {
  std::string name;  // as written, lower case
  std::vector<Operand> arguments;
  bool operator==(const FunctionCondition&) const = default;
};

// AND and OR have two operands, NOT one.
struct Logical {
  enum class Op : std::uint8_t { kAnd, kOr, kNot };
  Op op = Op::kAnd;
  std::vector<Condition> operands;
  bool operator==(const Logical&) const = default;
};

struct Condition {
  std::variant<Comparison, Between, In, FunctionCondition, Logical> node;
  bool operator==(const Condition&) const = default;
};

// UpdateExpression: each clause at most once, in any order.
struct SetAction {
  Path path;
  Operand value;
  bool operator==(const SetAction&) const = default;
};
struct RemoveAction {
  Path path;
  bool operator==(const RemoveAction&) const = default;
};
// ADD path :value and DELETE path :value.
struct AddAction {
  Path path;
  ValueRef value;
  bool operator==(const AddAction&) const = default;
};
struct DeleteAction {
  Path path;
  ValueRef value;
  bool operator==(const DeleteAction&) const = default;
};

enum class UpdateClause : std::uint8_t { kSet, kRemove, kAdd, kDelete };

struct UpdateExpression {
  std::vector<SetAction> set;
  std::vector<RemoveAction> remove;
  std::vector<AddAction> add;
  std::vector<DeleteAction> del;
  // The clauses present, in the order written: DynamoDB checks an update's actions in reverse
  // textual order, which decides which error it reports and how it names overlapping paths.
  std::vector<UpdateClause> clause_order;
  // Set when the update is a translation of the classic AttributeUpdates (protocol/wire). The
  // actions mean the same, but DynamoDB reports a value whose type does not fit the attribute
  // it updates as "Type mismatch for attribute to update" there, not with the update
  // expression's message.
  bool from_attribute_updates = false;
  bool operator==(const UpdateExpression&) const = default;
};

// ProjectionExpression: the paths to keep.
struct Projection {
  std::vector<Path> paths;
  bool operator==(const Projection&) const = default;
};

}  // namespace ddblocal::expr
