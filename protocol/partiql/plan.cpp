// Key extraction from a resolved WHERE. The WHERE is read as DynamoDB's PartiQL reads it: its
// top-level AND terms (for a write), or its top-level OR branches each made of AND terms (for a
// SELECT); a key term is `key = value` (either way round) or, for a SELECT's partition key,
// `key IN [...]`. Whatever else the WHERE says stays a condition on the items.
#include "protocol/partiql/plan.h"

#include <algorithm>
#include <compare>
#include <span>
#include <string>
#include <utility>

#include "protocol/expressions/path.h"

namespace ddblocal::partiql {
namespace {

constexpr std::string_view kIncompleteKey =
    "Where clause does not contain a mandatory equality on all key attributes";

std::vector<const expr::Condition*> flatten(const expr::Condition& condition,
                                            expr::Logical::Op op) {
  const auto* logical = std::get_if<expr::Logical>(&condition.node);
  if (logical == nullptr || logical->op != op) {
    return {&condition};
  }
  std::vector<const expr::Condition*> terms;
  for (const expr::Condition& operand : logical->operands) {
    std::vector<const expr::Condition*> inner = flatten(operand, op);
    terms.insert(terms.end(), inner.begin(), inner.end());
  }
  return terms;
}

// The attribute and value of `attribute = value` (or `value = attribute`) on a top-level
// attribute, else nullopt.
struct Equality {
  const std::string* attribute;
  const AttributeValue* value;
};
std::optional<Equality> equality(const expr::Condition& term) {
  const auto* comparison = std::get_if<expr::Comparison>(&term.node);
  if (comparison == nullptr || comparison->op != expr::CompareOp::kEq) {
    return std::nullopt;
  }
  const expr::Operand* sides[] = {&comparison->left, &comparison->right};
  for (int i = 0; i < 2; ++i) {
    const auto* path = std::get_if<expr::Path>(&sides[i]->node);
    const auto* value = std::get_if<expr::ValueRef>(&sides[1 - i]->node);
    if (path != nullptr && value != nullptr && path->elements.size() == 1 &&
        path->elements[0].kind == expr::PathElement::Kind::kName) {
      return Equality{&path->elements[0].name, &value->value};
    }
  }
  return std::nullopt;
}

bool is_key(const std::string& name, const KeyAttributes& keys) {
  return keys.contains(name);
}

// A path into a key attribute (key.a, key[0]), which DynamoDB refuses anywhere in a WHERE. Its
// message spells the key "Key p" for writes and "Key: p" for reads.
Result<void> no_nested_key_path(const expr::Condition& where, const KeyAttributes& keys,
                                std::string_view spelling) {
  const expr::Path* nested = expr::first_path(where, [&](const expr::Path& path) {
    return path.elements.size() > 1 && is_key(path.elements[0].name, keys);
  });
  if (nested != nullptr) {
    return ApiError::validation(
        "Key attributes must be scalars; list random access '[]' and map lookup '.' are not "
        "allowed: " +
        std::string(spelling) + nested->elements[0].name);
  }
  return {};
}

Result<void> check_key_type(const AttributeDefinition& key, const AttributeValue& value) {
  if (value.type() != value_type_of(key.type)) {
    return ApiError::validation(
        "Key attribute's data type should match its data type in table's schema: Key " + key.name);
  }
  return {};
}

expr::Condition conjunction(std::vector<const expr::Condition*> terms) {
  if (terms.size() == 1) {
    return *terms[0];
  }
  expr::Logical logical{expr::Logical::Op::kAnd, {}};
  for (const expr::Condition* term : terms) {
    logical.operands.push_back(*term);
  }
  return expr::Condition{std::move(logical)};
}

// ---- reads ----

// The partition key values one OR branch fixes: the values every = and IN term on the partition
// key allows (their intersection); nullopt when no term fixes it.
std::optional<std::vector<AttributeValue>> partition_values(
    const std::vector<const expr::Condition*>& terms, const std::string& partition_key) {
  std::optional<std::vector<AttributeValue>> values;
  auto restrict_to = [&](std::vector<AttributeValue> allowed) {
    if (!values) {
      values = std::move(allowed);
      return;
    }
    std::erase_if(*values, [&](const AttributeValue& value) {
      return std::find(allowed.begin(), allowed.end(), value) == allowed.end();
    });
  };
  for (const expr::Condition* term : terms) {
    if (std::optional<Equality> eq = equality(*term); eq && *eq->attribute == partition_key) {
      restrict_to({*eq->value});
      continue;
    }
    const auto* in = std::get_if<expr::In>(&term->node);
    const auto* path = in != nullptr ? std::get_if<expr::Path>(&in->value.node) : nullptr;
    if (path == nullptr || path->elements.size() != 1 || path->elements[0].name != partition_key) {
      continue;
    }
    std::vector<AttributeValue> allowed;
    for (const expr::Operand& candidate : in->candidates) {
      const auto* value = std::get_if<expr::ValueRef>(&candidate.node);
      if (value == nullptr) {
        allowed.clear();
        break;
      }
      if (std::find(allowed.begin(), allowed.end(), value->value) == allowed.end()) {
        allowed.push_back(value->value);
      }
    }
    if (!allowed.empty()) {
      restrict_to(std::move(allowed));
    }
  }
  return values;
}

expr::SortKeyOp sort_op(expr::CompareOp op, bool flipped) {
  switch (op) {
    case expr::CompareOp::kLt:
      return flipped ? expr::SortKeyOp::kGt : expr::SortKeyOp::kLt;
    case expr::CompareOp::kLe:
      return flipped ? expr::SortKeyOp::kGe : expr::SortKeyOp::kLe;
    case expr::CompareOp::kGt:
      return flipped ? expr::SortKeyOp::kLt : expr::SortKeyOp::kGt;
    case expr::CompareOp::kGe:
      return flipped ? expr::SortKeyOp::kLe : expr::SortKeyOp::kGe;
    case expr::CompareOp::kEq:
      return expr::SortKeyOp::kEq;
    case expr::CompareOp::kNe:
      break;
  }
  return expr::SortKeyOp::kNone;
}

const expr::ValueRef* value_of(const expr::Operand& operand) {
  return std::get_if<expr::ValueRef>(&operand.node);
}

bool is_attribute(const expr::Operand& operand, const std::string& name) {
  const auto* path = std::get_if<expr::Path>(&operand.node);
  return path != nullptr && path->elements.size() == 1 && path->elements[0].name == name;
}

// The sort key range a term reads, with its operand(s), if it is one a Query can use.
Result<bool> sort_range(const expr::Condition& term, const AttributeDefinition& sort_key,
                        expr::KeyCondition& query) {
  const AttributeValue* low = nullptr;
  const AttributeValue* high = nullptr;
  expr::SortKeyOp op = expr::SortKeyOp::kNone;
  if (const auto* comparison = std::get_if<expr::Comparison>(&term.node)) {
    const bool left = is_attribute(comparison->left, sort_key.name);
    const expr::ValueRef* value = value_of(left ? comparison->right : comparison->left);
    if ((left || is_attribute(comparison->right, sort_key.name)) && value != nullptr) {
      op = sort_op(comparison->op, !left);
      low = &value->value;
    }
  } else if (const auto* between = std::get_if<expr::Between>(&term.node)) {
    if (is_attribute(between->value, sort_key.name) && value_of(between->low) != nullptr &&
        value_of(between->high) != nullptr) {
      op = expr::SortKeyOp::kBetween;
      low = &value_of(between->low)->value;
      high = &value_of(between->high)->value;
    }
  } else if (const auto* function = std::get_if<expr::FunctionCondition>(&term.node)) {
    if (function->name == "begins_with" && function->arguments.size() == 2 &&
        is_attribute(function->arguments[0], sort_key.name) &&
        value_of(function->arguments[1]) != nullptr) {
      op = expr::SortKeyOp::kBeginsWith;
      low = &value_of(function->arguments[1])->value;
    }
  }
  if (op == expr::SortKeyOp::kNone) {
    return false;
  }
  DDB_RETURN_IF_ERROR(check_key_type(sort_key, *low));
  if (high != nullptr) {
    DDB_RETURN_IF_ERROR(check_key_type(sort_key, *high));
    query.sort_high = *high;
  }
  query.sort_op = op;
  query.sort_value = *low;
  return true;
}

// Key values are S, N or B of one type: strings and binaries by unsigned bytes, numbers
// numerically. REQUIRES: a and b of the same key type.
std::partial_ordering compare_keys(const AttributeValue& a, const AttributeValue& b) {
  if (const auto* n = a.get_if<Number>()) {
    return *n <=> *b.get_if<Number>();
  }
  if (const auto* s = a.get_if<std::string>()) {
    return *s <=> *b.get_if<std::string>();
  }
  return a.get_if<Binary>()->bytes <=> b.get_if<Binary>()->bytes;
}

// One side of the sort key values a query reads: nullopt when open.
struct Bound {
  std::optional<AttributeValue> value;
  bool inclusive = true;
};

// The smallest string (or binary) greater than every one starting with `prefix`; nullopt when
// there is none (a prefix of 0xFF bytes).
std::optional<std::string> after_prefix(std::string prefix) {
  while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xFF) {
    prefix.pop_back();
  }
  if (prefix.empty()) {
    return std::nullopt;
  }
  prefix.back() = static_cast<char>(static_cast<unsigned char>(prefix.back()) + 1);
  return prefix;
}

// The lowest and highest sort key values a query reads. REQUIRES: a sort key condition.
std::pair<Bound, Bound> bounds(const expr::KeyCondition& query) {
  const AttributeValue& value = query.sort_value;
  switch (query.sort_op) {
    case expr::SortKeyOp::kLt:
    case expr::SortKeyOp::kLe:
      return {Bound{}, Bound{value, query.sort_op == expr::SortKeyOp::kLe}};
    case expr::SortKeyOp::kGt:
    case expr::SortKeyOp::kGe:
      return {Bound{value, query.sort_op == expr::SortKeyOp::kGe}, Bound{}};
    case expr::SortKeyOp::kBetween:
      return {Bound{value, true}, Bound{query.sort_high, true}};
    case expr::SortKeyOp::kBeginsWith: {
      const auto* text = value.get_if<std::string>();
      std::optional<std::string> end =
          after_prefix(text != nullptr ? *text : value.get_if<Binary>()->bytes);
      Bound high;
      if (end) {
        high = {text != nullptr ? AttributeValue(*end) : AttributeValue(Binary{std::move(*end)}),
                false};
      }
      return {Bound{value, true}, std::move(high)};
    }
    default:
      return {Bound{value, true}, Bound{value, true}};
  }
}

// Whether the values up to `high` all come before the values from `low`.
bool ends_before(const Bound& high, const Bound& low) {
  if (!high.value || !low.value) {
    return false;
  }
  std::partial_ordering order = compare_keys(*high.value, *low.value);
  return order < 0 || (order == 0 && !(high.inclusive && low.inclusive));
}

// Whether two queries of one partition can read the same item.
bool overlap(const expr::KeyCondition& a, const expr::KeyCondition& b) {
  if (a.sort_op == expr::SortKeyOp::kNone || b.sort_op == expr::SortKeyOp::kNone) {
    return true;
  }
  auto [a_low, a_high] = bounds(a);
  auto [b_low, b_high] = bounds(b);
  return !ends_before(a_high, b_low) && !ends_before(b_high, a_low);
}

// The queries of every OR branch; nullopt when a branch does not fix the partition key.
Result<std::optional<std::vector<expr::KeyCondition>>> queries_of(const expr::Condition& where,
                                                                  const KeyAttributes& keys) {
  std::vector<expr::KeyCondition> queries;
  // A multi-attribute index key is read by a Scan of the index, which the WHERE filters.
  if (!keys.single()) {
    return std::optional<std::vector<expr::KeyCondition>>();
  }
  const AttributeDefinition& partition_key = keys.partition.front();
  for (const expr::Condition* branch : flatten(where, expr::Logical::Op::kOr)) {
    const std::vector<const expr::Condition*> terms = flatten(*branch, expr::Logical::Op::kAnd);
    std::optional<std::vector<AttributeValue>> values = partition_values(terms, partition_key.name);
    if (!values) {
      return std::optional<std::vector<expr::KeyCondition>>();
    }
    expr::KeyCondition range;
    for (const expr::Condition* term : terms) {
      if (!keys.sort.empty()) {
        DDB_ASSIGN_OR_RETURN(bool found, sort_range(*term, keys.sort.front(), range));
        if (found) {
          break;
        }
      }
    }
    for (AttributeValue& value : *values) {
      DDB_RETURN_IF_ERROR(check_key_type(partition_key, value));
      expr::KeyCondition query = range;
      query.partition_values = {std::move(value)};
      queries.push_back(std::move(query));
    }
  }
  return std::optional<std::vector<expr::KeyCondition>>(std::move(queries));
}

bool same_query(const expr::KeyCondition& a, const expr::KeyCondition& b) {
  return a.partition_values == b.partition_values && a.sort_op == b.sort_op &&
         a.sort_value == b.sort_value && a.sort_high == b.sort_high;
}

// Drops repeated queries; refuses two that read overlapping parts of one partition.
Result<void> distinct_queries(std::vector<expr::KeyCondition>& queries) {
  std::vector<expr::KeyCondition> distinct;
  for (expr::KeyCondition& query : queries) {
    bool repeated = false;
    for (const expr::KeyCondition& earlier : distinct) {
      if (same_query(earlier, query)) {
        repeated = true;
      } else if (earlier.partition_values == query.partition_values && overlap(earlier, query)) {
        return ApiError::validation(
            "Overlapping conditions with range keys are not supported in where clause");
      }
    }
    if (!repeated) {
      distinct.push_back(std::move(query));
    }
  }
  queries = std::move(distinct);
  if (queries.size() > kMaxQueries) {
    return ApiError::validation("Too many decomposed read operations for a given query.");
  }
  return {};
}

// ORDER BY: key attributes only, on Queries; over several partitions it must order by the
// partition key, which then orders the queries.
Result<void> apply_order(const Read& read, const KeyAttributes& keys, ReadPlan& plan) {
  if (read.order_by.empty()) {
    return {};
  }
  if (!read.where) {
    return ApiError::validation(
        "Must have WHERE clause in the statement when using ORDER BY clause.");
  }
  const Ordering* by_partition = nullptr;
  for (const Ordering& ordering : read.order_by) {
    if (!is_key(ordering.attribute, keys)) {
      return ApiError::validation("Variable reference " + ordering.attribute +
                                  " in ORDER BY clause must be part of the primary key");
    }
    if (ordering.attribute == keys.partition.front().name) {
      by_partition = by_partition != nullptr ? by_partition : &ordering;
    } else {
      plan.forward = !ordering.descending;
    }
  }
  if (plan.scan) {
    return ApiError::validation(
        "Must have at least one non-optional hash key condition in WHERE clause when using ORDER "
        "BY clause.");
  }
  const bool several = std::any_of(plan.queries.begin(), plan.queries.end(), [&](const auto& q) {
    return !(q.partition_values == plan.queries.front().partition_values);
  });
  if (several && by_partition == nullptr) {
    return ApiError::validation(
        "Must have hash key in ORDER BY clause when more than one hash key condition specified "
        "in WHERE clause.");
  }
  if (by_partition != nullptr) {
    std::stable_sort(plan.queries.begin(), plan.queries.end(), [&](const auto& a, const auto& b) {
      std::partial_ordering order =
          compare_keys(a.partition_values.front(), b.partition_values.front());
      return by_partition->descending ? order > 0 : order < 0;
    });
  }
  return {};
}

}  // namespace

Result<ItemWhere> item_where(const std::optional<expr::Condition>& where,
                             const KeyAttributes& keys) {
  if (!where) {
    return ApiError::validation(std::string(kIncompleteKey));
  }
  DDB_RETURN_IF_ERROR(no_nested_key_path(*where, keys, "Key "));
  ItemWhere result;
  std::vector<const expr::Condition*> rest;
  for (const expr::Condition* term : flatten(*where, expr::Logical::Op::kAnd)) {
    std::optional<Equality> eq = equality(*term);
    if (!eq || !is_key(*eq->attribute, keys)) {
      rest.push_back(term);
      continue;
    }
    auto [it, added] = result.key.emplace(*eq->attribute, *eq->value);
    if (!added && !(it->second == *eq->value)) {
      return ApiError::validation("Multiple conditions on same key " + *eq->attribute +
                                  ". Only single item Update/Insert/Delete are supported");
    }
  }
  for (std::span<const AttributeDefinition> part : {keys.partition, keys.sort}) {
    for (const AttributeDefinition& key : part) {
      auto value = result.key.find(key.name);
      if (value == result.key.end()) {
        return ApiError::validation(std::string(kIncompleteKey));
      }
      DDB_RETURN_IF_ERROR(check_key_type(key, value->second));
    }
  }
  if (!rest.empty()) {
    result.condition = conjunction(std::move(rest));
  }
  return result;
}

Result<ReadPlan> plan_read(const Read& read, const KeyAttributes& keys) {
  ReadPlan plan;
  if (read.where) {
    DDB_RETURN_IF_ERROR(no_nested_key_path(*read.where, keys, "Key: "));
    DDB_ASSIGN_OR_RETURN(auto queries, queries_of(*read.where, keys));
    if (queries) {
      DDB_RETURN_IF_ERROR(distinct_queries(*queries));
      plan.queries = std::move(*queries);
      plan.scan = false;
    }
  }
  DDB_RETURN_IF_ERROR(apply_order(read, keys, plan));
  return plan;
}

Result<void> check_item_keys(const Item& item, const KeyAttributes& keys) {
  for (std::span<const AttributeDefinition> part : {keys.partition, keys.sort}) {
    for (const AttributeDefinition& key : part) {
      auto value = item.find(key.name);
      if (value == item.end()) {
        return ApiError::validation("Key attribute should be present in the item: Key " + key.name);
      }
      DDB_RETURN_IF_ERROR(check_key_type(key, value->second));
    }
  }
  return {};
}

Item selected(const Read& read, Item item) {
  if (read.projection.paths.empty()) {
    return item;
  }
  Item result;
  for (std::size_t i = 0; i < read.projection.paths.size(); ++i) {
    if (const AttributeValue* value = expr::find_path(&item, read.projection.paths[i])) {
      result.emplace(read.output_names[i], *value);
    }
  }
  return result;
}

}  // namespace ddblocal::partiql
