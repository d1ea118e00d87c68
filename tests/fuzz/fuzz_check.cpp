#include "tests/fuzz/fuzz_check.h"

#include <string>

#include "protocol/wire/json.h"
#include "protocol/wire/value_codec.h"
#include "storage/item_codec.h"

namespace ddblocal::fuzz {

bool valid_utf8(std::string_view text) {
  // The input stream RapidJSON's validator reads: '\0' past the end fails a truncated sequence.
  struct Bytes {
    const char* next;
    const char* end;
    char Peek() const { return next < end ? *next : '\0'; }
    char Take() { return next < end ? *next++ : '\0'; }
  } input{text.data(), text.data() + text.size()};
  struct Discard {
    void Put(char) {}
  } output;
  while (input.next < input.end) {
    if (!rapidjson::UTF8<>::Validate(input, output)) {
      return false;
    }
  }
  return true;
}

void check_storable(const Item& item, std::string_view context) {
  if (!well_formed(item)) {
    fail(std::string(context) + ": an item breaks the invariants of Item");
  }

  std::string encoded;
  storage::append_item(encoded, item);
  Result<Item> decoded = storage::decode_item(encoded);
  if (!decoded) {
    fail(std::string(context) +
         ": the item codec cannot decode what it encoded: " + decoded.error().message());
  }
  if (*decoded != item) {
    fail(std::string(context) + ": the item codec changes the item");
  }

  rapidjson::StringBuffer buffer;
  wire::JsonWriter writer(buffer);
  wire::write_item(writer, item);
  wire::JsonDocument document;
  Result<void> parsed = wire::parse_request_body({buffer.GetString(), buffer.GetSize()}, document);
  if (!parsed) {
    fail(std::string(context) +
         ": the JSON written for the item does not parse: " + parsed.error().message());
  }
  Result<Item> read_back = wire::decode_item(document);
  if (!read_back) {
    fail(std::string(context) +
         ": the JSON written for the item does not decode: " + read_back.error().message());
  }
  if (*read_back != item) {
    fail(std::string(context) + ": the item changes through JSON");
  }
}

}  // namespace ddblocal::fuzz
