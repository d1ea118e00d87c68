// KeyConditions against the keys of the table or index a Query reads, in the order DynamoDB
// checks them (dynalite's Query action and tests, recorded on DynamoDB): key by key, partition
// key first, the condition's presence, an indexable operator, values of the key's type, and an
// equality on the partition key.
#include <algorithm>
#include <string>

#include "protocol/wire/classic_members.h"

namespace ddblocal::wire {
namespace {

bool indexable(ComparisonOperator op) {
  switch (op) {
    case ComparisonOperator::kNull:
    case ComparisonOperator::kNotNull:
    case ComparisonOperator::kNe:
    case ComparisonOperator::kContains:
    case ComparisonOperator::kNotContains:
    case ComparisonOperator::kIn:
      return false;
    default:
      return true;
  }
}

// REQUIRES: indexable(op).
expr::SortKeyOp sort_key_op(ComparisonOperator op) {
  switch (op) {
    case ComparisonOperator::kLt:
      return expr::SortKeyOp::kLt;
    case ComparisonOperator::kLe:
      return expr::SortKeyOp::kLe;
    case ComparisonOperator::kGt:
      return expr::SortKeyOp::kGt;
    case ComparisonOperator::kGe:
      return expr::SortKeyOp::kGe;
    case ComparisonOperator::kBetween:
      return expr::SortKeyOp::kBetween;
    case ComparisonOperator::kBeginsWith:
      return expr::SortKeyOp::kBeginsWith;
    default:
      return expr::SortKeyOp::kEq;
  }
}

ApiError not_supported() {
  return ApiError::validation("Query key condition not supported");
}

// The condition on one key, checked; nullptr when there is none and DynamoDB lets that pass
// (a sort key, when the conditions are only one).
Result<const KeyConditionTerm*> key_term(const KeyConditionTerms& terms,
                                         const AttributeDefinition& key, bool partition) {
  auto found = std::find_if(terms.begin(), terms.end(), [&](const KeyConditionTerm& term) {
    return term.attribute == key.name;
  });
  if (found == terms.end()) {
    if (partition || terms.size() > 1) {
      return ApiError::validation("Query condition missed key schema element: " + key.name);
    }
    return static_cast<const KeyConditionTerm*>(nullptr);
  }
  if (!indexable(found->op)) {
    return ApiError::validation("Attempted conditional constraint is not an indexable operation");
  }
  const bool wrong_type = std::any_of(
      found->values.begin(), found->values.end(),
      [&](const AttributeValue& value) { return value.type() != value_type_of(key.type); });
  if (wrong_type) {
    return invalid_parameters("Condition parameter type does not match schema type");
  }
  if (partition && found->op != ComparisonOperator::kEq) {
    return not_supported();
  }
  return &*found;
}

}  // namespace

Result<expr::KeyCondition> to_key_condition(const KeyConditionTerms& terms,
                                            const AttributeDefinition& partition_key,
                                            const std::optional<AttributeDefinition>& sort_key) {
  if (!sort_key && terms.size() > 1) {
    return not_supported();
  }
  DDB_ASSIGN_OR_RETURN(const KeyConditionTerm* partition, key_term(terms, partition_key, true));
  expr::KeyCondition range;
  range.partition_value = partition->values[0];
  if (!sort_key) {
    return range;
  }
  DDB_ASSIGN_OR_RETURN(const KeyConditionTerm* sort, key_term(terms, *sort_key, false));
  if (sort != nullptr) {
    range.sort_op = sort_key_op(sort->op);
    range.sort_value = sort->values[0];
    if (sort->op == ComparisonOperator::kBetween) {
      range.sort_high = sort->values[1];
    }
  }
  return range;
}

}  // namespace ddblocal::wire
