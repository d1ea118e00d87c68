// StreamSpecification, the member CreateTable and UpdateTable share: read with its JSON types
// checked, its member constraints, and the stream it asks for. Internal to the wire layer.
#pragma once

#include <optional>
#include <string_view>

#include "protocol/result.h"
#include "protocol/table_schema.h"
#include "protocol/wire/field_rules.h"
#include "protocol/wire/json.h"

namespace ddblocal::wire {

// A StreamSpecification as the request gave it; `object` is nullptr when absent.
struct StreamSpecificationMembers {
  const JsonValue* object = nullptr;
  std::optional<bool> enabled;
  std::optional<std::string_view> view_type;
};

Result<StreamSpecificationMembers> read_stream_specification(const JsonValue& body);
// StreamEnabled required, StreamViewType one of the API model's values.
void check_stream_specification_members(Violations& violations,
                                        const StreamSpecificationMembers& members);

// The view type of the stream the specification enables, or nullopt when it disables the
// stream. DynamoDB words the two mistakes per operation: `enabled_without_view_type` when
// StreamEnabled is true without a view type, `disabled_with_view_type` when it is false with
// one (both after "One or more parameter values were invalid: ").
// REQUIRES: members.object, member constraints passed.
Result<std::optional<StreamViewType>> requested_stream(const StreamSpecificationMembers& members,
                                                       std::string_view enabled_without_view_type,
                                                       std::string_view disabled_with_view_type);

}  // namespace ddblocal::wire
