#include "protocol/wire/stream_specification.h"

#include "protocol/wire/fields.h"
#include "protocol/wire/table_members.h"

namespace ddblocal::wire {
namespace {

// In the order DynamoDB's enum message lists them (CreateTable and UpdateTable, 2026-10-09:
// ack-api-quirks DDB-TABLE-457), not the API model's.
constexpr std::string_view kViewTypes[] = {"OLD_IMAGE", "KEYS_ONLY", "NEW_AND_OLD_IMAGES",
                                           "NEW_IMAGE"};
constexpr StringRule kViewTypeRule{.allowed = kViewTypes};

}  // namespace

Result<StreamSpecificationMembers> read_stream_specification(const JsonValue& body) {
  StreamSpecificationMembers members;
  DDB_ASSIGN_OR_RETURN(members.object, optional_object(body, "StreamSpecification"));
  if (members.object != nullptr) {
    DDB_ASSIGN_OR_RETURN(members.enabled, optional_bool(*members.object, "StreamEnabled"));
    DDB_ASSIGN_OR_RETURN(members.view_type, optional_string(*members.object, "StreamViewType"));
  }
  return members;
}

void check_stream_specification_members(Violations& violations,
                                        const StreamSpecificationMembers& members) {
  if (members.object == nullptr) {
    return;
  }
  check_present(violations, "streamSpecification.streamEnabled", members.enabled.has_value());
  check(violations, "streamSpecification.streamViewType", members.view_type, kViewTypeRule);
}

Result<std::optional<StreamViewType>> requested_stream(const StreamSpecificationMembers& members,
                                                       std::string_view enabled_without_view_type,
                                                       std::string_view disabled_with_view_type) {
  if (*members.enabled) {
    if (!members.view_type) {
      return invalid_parameters(enabled_without_view_type);
    }
    // The member constraint admitted only names of view types.
    return parse_stream_view_type(*members.view_type);
  }
  if (members.view_type) {
    return invalid_parameters(disabled_with_view_type);
  }
  return std::optional<StreamViewType>();
}

}  // namespace ddblocal::wire
