// The syntax tree of one PartiQL statement as DynamoDB reads it: SELECT, INSERT, UPDATE (and
// its FROM-first form), DELETE and a transaction's EXISTS(SELECT ...). Expressions are kept as
// written, literals unconverted; translate.h turns them into the expression language's trees.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "protocol/partiql/lexer.h"

namespace ddblocal::partiql {

// One step of a path after its first name: .name, ."name", ['name'], [2], [*], .*, or an
// index DynamoDB cannot use ([?], [1.5]).
struct PathStep {
  enum class Kind : std::uint8_t { kName, kIndex, kWildcard, kUnpivot, kUnsupported };
  Kind kind = Kind::kName;
  // kName: the name; kIndex: the number as written, "-" in front when negated.
  std::string text;
  SourceSpan span;
  bool operator==(const PathStep&) const = default;
};

struct Expr {
  enum class Kind : std::uint8_t {
    kString,  // text: the string
    kNumber,  // text: as written, "-" in front when negated
    kBool,    // text: "true" or "false"
    kNull,
    kMissing,
    kIonLiteral,  // text: between the backticks
    kParameter,   // parameter: its position, from 0
    kPath,        // text: the first name; steps: the rest
    kCall,        // text: the function's name in lower case; children: the arguments
    kUnary,       // text: "not", "-" or "+"; children: the operand
    kBinary,      // text: "=", "<>", "<", "<=", ">", ">=", "and", "or", "+", "-", "*", "/",
                  // "%", "||", "like"; children: both operands
    kIn,          // children: the value, then the candidates (a kList)
    kBetween,     // children: the value, the lower and the upper bound
    kIs,          // text: the type name in upper case; children: the operand
    kTuple,       // children: key, value, key, value, ...
    kList,        // [...], or (a, b, ...) on the right of IN
    kBag,         // <<...>>
  };
  Kind kind = Kind::kNull;
  std::string text;
  // kIn, kBetween, kIs, kBinary "like": written with NOT.
  bool negated = false;
  std::size_t parameter = 0;
  std::vector<PathStep> steps;
  std::vector<Expr> children;
  SourceSpan span;
  bool operator==(const Expr&) const = default;
};

// "table" or "table"."index".
struct TableName {
  std::string table;
  std::optional<std::string> index;
  SourceSpan span;
  bool operator==(const TableName&) const = default;
};

enum class Returning : std::uint8_t { kNone, kAllOld, kModifiedOld, kAllNew, kModifiedNew };

struct OrderKey {
  Expr key;
  bool descending = false;
  bool operator==(const OrderKey&) const = default;
};

struct SelectStatement {
  bool star = false;
  std::vector<Expr> projection;  // when !star
  TableName from;
  std::optional<Expr> where;
  std::vector<OrderKey> order_by;
  bool operator==(const SelectStatement&) const = default;
};

struct InsertStatement {
  TableName into;
  Expr value;
  bool operator==(const InsertStatement&) const = default;
};

// SET target = value, or REMOVE target.
struct UpdateAction {
  bool remove = false;
  Expr target;
  Expr value;  // SET only
  bool operator==(const UpdateAction&) const = default;
};

struct UpdateStatement {
  TableName table;
  std::vector<UpdateAction> actions;  // in the order written
  std::optional<Expr> where;
  Returning returning = Returning::kNone;
  bool operator==(const UpdateStatement&) const = default;
};

struct DeleteStatement {
  TableName from;
  std::optional<Expr> where;
  Returning returning = Returning::kNone;
  bool operator==(const DeleteStatement&) const = default;
};

// EXISTS(SELECT ...): a transaction's condition check.
struct ExistsStatement {
  SelectStatement select;
  bool operator==(const ExistsStatement&) const = default;
};

struct Statement {
  std::variant<SelectStatement, InsertStatement, UpdateStatement, DeleteStatement, ExistsStatement>
      node;
  // How many `?` the statement holds.
  std::size_t parameter_count = 0;
  bool operator==(const Statement&) const = default;
};

}  // namespace ddblocal::partiql
