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

// The condition on one key, checked. `equality`: the key must be equal to a value (a partition
// key attribute, or a sort key attribute that conditions on later ones follow).
Result<const KeyConditionTerm*> key_term(const KeyConditionTerms& terms,
                                         const AttributeDefinition& key, bool equality) {
  auto found = std::find_if(terms.begin(), terms.end(), [&](const KeyConditionTerm& term) {
    return term.attribute == key.name;
  });
  if (found == terms.end()) {
    return ApiError::validation("Query condition missed key schema element: " + key.name);
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
  if (equality && found->op != ComparisonOperator::kEq) {
    return not_supported();
  }
  return &*found;
}

}  // namespace

Result<expr::KeyCondition> to_key_condition(const KeyConditionTerms& terms,
                                            const KeyAttributes& keys) {
  if (terms.size() > std::max<std::size_t>(2, keys.partition.size() + keys.sort.size())) {
    return ApiError::validation(std::string(expr::kConditionsLength));
  }
  if (keys.sort.empty() && terms.size() > keys.partition.size()) {
    return not_supported();
  }
  expr::KeyCondition range;
  for (const AttributeDefinition& key : keys.partition) {
    DDB_ASSIGN_OR_RETURN(const KeyConditionTerm* partition, key_term(terms, key, true));
    range.partition_values.push_back(partition->values[0]);
  }
  // The conditions left are on the first sort key attributes, from the left. (The length checks
  // above leave no more of them than there are sort key attributes.)
  std::size_t left = terms.size() - keys.partition.size();
  for (std::size_t i = 0; left > 0; ++i, --left) {
    const AttributeDefinition& key = keys.sort[i];
    DDB_ASSIGN_OR_RETURN(const KeyConditionTerm* sort, key_term(terms, key, left > 1));
    if (left > 1) {
      range.sort_prefix.push_back(sort->values[0]);
      continue;
    }
    range.sort_op = sort_key_op(sort->op);
    range.sort_value = sort->values[0];
    if (sort->op == ComparisonOperator::kBetween) {
      range.sort_high = sort->values[1];
    }
  }
  return range;
}

}  // namespace ddblocal::wire
