// Members that the item operations (single, batch and transactional) read alike: the Item or
// Key attribute maps and the enum rules they share. Internal to the wire layer.
#pragma once

#include <optional>
#include <string_view>

#include "protocol/attribute_value.h"
#include "protocol/capacity.h"
#include "protocol/result.h"
#include "protocol/wire/field_rules.h"
#include "protocol/wire/json.h"
#include "protocol/wire/value_codec.h"

namespace ddblocal::wire {

// Enum sets in the order DynamoDB lists them in its messages.
inline constexpr std::string_view kReturnConsumedCapacity[] = {"INDEXES", "TOTAL", "NONE"};
inline constexpr std::string_view kReturnItemCollectionMetrics[] = {"SIZE", "NONE"};
inline constexpr std::string_view kReturnValuesOnConditionCheckFailure[] = {"ALL_OLD", "NONE"};

inline constexpr StringRule kReturnConsumedCapacityRule{.allowed = kReturnConsumedCapacity};
inline constexpr StringRule kReturnItemCollectionMetricsRule{.allowed =
                                                                 kReturnItemCollectionMetrics};
inline constexpr StringRule kReturnValuesOnConditionCheckFailureRule{
    .allowed = kReturnValuesOnConditionCheckFailure};

// What a ReturnConsumedCapacity that passed kReturnConsumedCapacityRule asks for (kNone when
// absent).
capacity::Report consumed_capacity_report(std::optional<std::string_view> text);

// Whether a ReturnItemCollectionMetrics that passed its rule asks for the metrics (SIZE).
inline bool item_collection_metrics_asked(std::optional<std::string_view> text) {
  return text == "SIZE";
}

// An Item or a Key, decoded. A SerializationException from the values ends the parse at once,
// as DynamoDB reports those before any constraint; a ValidationException waits in `deferred`
// until the member constraints have passed.
struct DecodedAttributes {
  bool present = false;
  Item attributes;
  std::optional<ApiError> deferred;
};

// REQUIRES: object.IsObject().
Result<DecodedAttributes> decode_attributes(const JsonValue& object, std::string_view member,
                                            ValueWording wording = ValueWording::kOlder);

}  // namespace ddblocal::wire
