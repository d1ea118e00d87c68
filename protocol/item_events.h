// ItemEvents: an item read one value at a time, as a SAX parser hands out JSON. A stored item
// becomes an answer through it without being built into a tree: storage walks the stored
// encoding (storage/item_codec.h), the wire layer writes JSON as the events come.
#pragma once

#include <string_view>

#include "protocol/attribute_value.h"

namespace ddblocal {

class ItemEvents {
 public:
  virtual ~ItemEvents() = default;

  // The name of a top-level attribute, before its value. Answering false skips the value: no
  // events for it.
  virtual bool attribute(std::string_view name) = 0;
  // The name of a map's member, before its value.
  virtual void member(std::string_view name) = 0;
  // An S, N (its canonical text) or B (its raw bytes) value, or a member of an SS, NS or BS.
  virtual void scalar(ValueType type, std::string_view text) = 0;
  virtual void boolean(bool value) = 0;
  virtual void null() = 0;
  // Around the elements of an M or L and the members of an SS, NS or BS.
  virtual void begin(ValueType type) = 0;
  virtual void end(ValueType type) = 0;
};

}  // namespace ddblocal
