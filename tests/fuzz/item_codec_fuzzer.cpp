// The item codec: arbitrary bytes, as a corrupt or truncated RocksDB value would hold them,
// must decode to an item or fail as "corrupt item", never with undefined behaviour, and so must
// the walk that reads them without decoding. An item that decodes must be well formed, walk to
// its item_size, and encode to bytes that decode to the same item, and that encoding must be
// stable.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "storage/item_codec.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ddblocal;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Result<Item> item = storage::decode_item(bytes);
  Result<std::size_t> walked_size = storage::stored_item_size(bytes);
  fuzz::check(walked_size || walked_size.error().message().starts_with("corrupt item"),
              "stored_item_size failed with something other than \"corrupt item\"");
  if (!item) {
    fuzz::check(item.error().type() == ErrorType::kInternalServerError &&
                    item.error().message().starts_with("corrupt item"),
                "decode_item failed with something other than \"corrupt item\"");
    return 0;
  }
  // The decoder's depth cap (64) is above DynamoDB's nesting limit: start the count that much
  // lower so that only the rest of Item's invariants are checked. And it takes an empty set,
  // which AttributeValue allows (append_item is never given one: updates drop emptied sets).
  constexpr int kDecoderDepthCap = 64;
  fuzz::check(fuzz::well_formed(*item, fuzz::kTopLevel - kDecoderDepthCap, /*empty_sets=*/true),
              "decode_item made an item that is not well formed");
  fuzz::check(walked_size && *walked_size == item_size(*item),
              "the walk of a decodable item does not size it as item_size does");
  std::string encoded;
  storage::append_item(encoded, *item);
  Result<Item> again = storage::decode_item(encoded);
  fuzz::check(again.has_value(), "decode_item refuses what append_item made of its item");
  fuzz::check(*again == *item, "an item changes through append_item and decode_item");
  std::string encoded_again;
  storage::append_item(encoded_again, *again);
  fuzz::check(encoded_again == encoded, "append_item is not deterministic");
  return 0;
}
