#include "protocol/wire/item_members.h"

#include "protocol/wire/fields.h"
#include "protocol/wire/value_codec.h"

namespace ddblocal::wire {

capacity::Report consumed_capacity_report(std::optional<std::string_view> text) {
  if (text == "TOTAL") {
    return capacity::Report::kTotal;
  }
  return text == "INDEXES" ? capacity::Report::kIndexes : capacity::Report::kNone;
}

Result<DecodedAttributes> decode_attributes(const JsonValue& object, std::string_view member,
                                            ValueWording wording) {
  DDB_ASSIGN_OR_RETURN(const JsonValue* json, optional_object(object, member));
  DecodedAttributes decoded;
  if (json == nullptr) {
    return decoded;
  }
  decoded.present = true;
  auto item = decode_item(*json, wording);
  if (item) {
    decoded.attributes = std::move(*item);
  } else if (item.error().type() == ErrorType::kSerialization) {
    return std::move(item).error();
  } else {
    decoded.deferred = std::move(item).error();
  }
  return decoded;
}

}  // namespace ddblocal::wire
