// Tests of the item encoding: every type and nesting round-trips exactly, and bytes that
// append_item could not have made (truncated, mutated, random, too deep, unnormalized numbers,
// unsorted sets) fail as corrupt without undefined behaviour. Build once with
// -fsanitize=address,undefined to check the latter.
#include "storage/item_codec.h"

#include <random>
#include <set>
#include <string>

#include <gtest/gtest.h>

namespace ddblocal::storage {
namespace {

std::string encode(const Item& item) {
  std::string out;
  append_item(out, item);
  return out;
}

Number parse(std::string_view text) {
  return Number::parse(text).value();
}

::testing::AssertionResult is_corrupt(const Result<Item>& result) {
  if (result.has_value()) {
    return ::testing::AssertionFailure() << "decoded";
  }
  if (result.error().type() != ErrorType::kInternalServerError ||
      result.error().message().rfind("corrupt item", 0) != 0) {
    return ::testing::AssertionFailure() << "unexpected error: " << result.error().message();
  }
  return ::testing::AssertionSuccess();
}

// The invariants every decoded value must keep: normalized numbers within DynamoDB's limits,
// sets sorted and unique.
bool well_formed(const Number& n) {
  const std::string& d = n.digits();
  return d.empty() ? !n.is_negative()
                   : d.size() <= 38 && d.front() != '0' && d.back() != '0' &&
                         d.find_first_not_of("0123456789") == std::string::npos &&
                         n.exponent() >= -129 && n.exponent() <= 126;
}

template <typename T>
bool ascending(const std::vector<T>& members) {
  for (std::size_t i = 1; i < members.size(); ++i) {
    if (!(members[i - 1] < members[i])) {
      return false;
    }
  }
  return true;
}

bool well_formed(const AttributeValue& value) {
  if (const auto* n = value.get_if<Number>()) {
    return well_formed(*n);
  }
  if (const auto* m = value.get_if<AttributeMap>()) {
    for (const auto& [name, element] : *m) {
      if (!well_formed(element)) {
        return false;
      }
    }
  }
  if (const auto* l = value.get_if<AttributeList>()) {
    for (const AttributeValue& element : *l) {
      if (!well_formed(element)) {
        return false;
      }
    }
  }
  if (const auto* ns = value.get_if<NumberSet>()) {
    for (const Number& member : ns->members) {
      if (!well_formed(member)) {
        return false;
      }
    }
    return ascending(ns->members);
  }
  if (const auto* ss = value.get_if<StringSet>()) {
    return ascending(ss->members);
  }
  if (const auto* bs = value.get_if<BinarySet>()) {
    return ascending(bs->members);
  }
  return true;
}

Number random_number(std::mt19937_64& rng) {
  if (rng() % 8 == 0) {
    return Number();
  }
  std::string digits(1 + rng() % 38, '0');
  for (char& d : digits) {
    d = static_cast<char>('0' + rng() % 10);
  }
  digits.front() = static_cast<char>('1' + rng() % 9);
  digits.back() = static_cast<char>('1' + rng() % 9);
  int exponent = static_cast<int>(rng() % 256) - 129;
  return Number::from_parts(rng() % 2 == 0, std::move(digits), exponent);
}

std::string random_bytes(std::mt19937_64& rng, std::size_t max_length) {
  std::string bytes(rng() % (max_length + 1), '\0');
  for (char& c : bytes) {
    c = static_cast<char>(rng());
  }
  return bytes;
}

AttributeValue random_value(std::mt19937_64& rng, int depth) {
  switch (rng() % (depth > 0 ? 10 : 8)) {
    case 0:
      return random_bytes(rng, 20);
    case 1:
      return random_number(rng);
    case 2:
      return Binary{random_bytes(rng, 20)};
    case 3:
      return rng() % 2 == 0;
    case 4:
      return Null{};
    case 5: {
      std::set<std::string> members;
      for (int i = rng() % 5; i >= 0; --i) {
        members.insert(random_bytes(rng, 6));
      }
      return rng() % 2 ? AttributeValue(StringSet{{members.begin(), members.end()}})
                       : AttributeValue(BinarySet{{members.begin(), members.end()}});
    }
    case 6: {
      std::set<Number> members;
      for (int i = rng() % 5; i >= 0; --i) {
        members.insert(random_number(rng));
      }
      return NumberSet{{members.begin(), members.end()}};
    }
    case 7:
      return AttributeValue(AttributeList{});
    case 8: {
      AttributeList list(rng() % 4);
      for (AttributeValue& element : list) {
        element = random_value(rng, depth - 1);
      }
      return list;
    }
    default: {
      AttributeMap map;
      for (int i = rng() % 4; i > 0; --i) {
        map[random_bytes(rng, 4)] = random_value(rng, depth - 1);
      }
      return map;
    }
  }
}

Item random_item(std::mt19937_64& rng) {
  Item item;
  for (int i = rng() % 8; i > 0; --i) {
    item[random_bytes(rng, 8)] = random_value(rng, 3);
  }
  return item;
}

// An item with every type, nesting and edge case, for the corruption tests.
Item every_type_item() {
  return Item{
      {"s", std::string("h\xc3\xa9llo")},
      {"n", parse("-123.456e-7")},
      {"n0", Number()},
      {"b", Binary{std::string("\0\xff\x01", 3)}},
      {"t", true},
      {"f", false},
      {"null", Null{}},
      {"m", AttributeMap{{"inner", parse("42")}, {"list", AttributeList{Null{}, std::string()}}}},
      {"l", AttributeList{parse("1"), AttributeMap{}, AttributeList{}, Binary{}}},
      {"ss", StringSet{{"", "a", "b"}}},
      {"ns", NumberSet{{parse("-1e125"), parse("0"), parse("1e-130"), parse("1.5")}}},
      {"bs", BinarySet{{std::string("\0", 1), "\x7f", "\x80"}}},
  };
}

TEST(ItemCodec, RoundTripsEveryType) {
  Item item = every_type_item();
  Result<Item> decoded = decode_item(encode(item));
  ASSERT_TRUE(decoded.has_value()) << decoded.error().message();
  EXPECT_EQ(*decoded, item);
}

TEST(ItemCodec, RoundTripsEmptyValues) {
  for (const Item& item :
       {Item{}, Item{{"", std::string()}}, Item{{"b", Binary{}}}, Item{{"m", AttributeMap{}}},
        Item{{"l", AttributeList{}}}, Item{{"ss", StringSet{{""}}}}}) {
    Result<Item> decoded = decode_item(encode(item));
    ASSERT_TRUE(decoded.has_value()) << decoded.error().message();
    EXPECT_EQ(*decoded, item);
  }
}

TEST(ItemCodec, RoundTripsNumbersAtTheLimits) {
  const std::string nines(38, '9');
  for (const std::string& text : std::vector<std::string>{
           "0", "1", "-1", "10", "0.5", "-0.05", "1e-130", "-1e-130", "9.9e125", "-9.9e125",
           "0." + nines + "e126", "-0." + nines + "e-129", "1234567890123456789012345678901234567",
           "12345678901234567890123456789012345678", "3.14159", "-271828e-5"}) {
    Item item{{"n", parse(text)}, {"ns", NumberSet{{parse(text)}}}};
    Result<Item> decoded = decode_item(encode(item));
    ASSERT_TRUE(decoded.has_value()) << text << ": " << decoded.error().message();
    EXPECT_EQ(*decoded, item) << text;
  }
}

TEST(ItemCodec, RoundTripsLongValues) {
  AttributeList list(1000, parse("7"));
  Item item{{"big", std::string(100000, 'x')}, {"list", list}};
  for (int i = 0; i < 300; ++i) {
    item["attr" + std::to_string(i)] = std::string(i, 'v');
  }
  Result<Item> decoded = decode_item(encode(item));
  ASSERT_TRUE(decoded.has_value()) << decoded.error().message();
  EXPECT_EQ(*decoded, item);
}

TEST(ItemCodec, RoundTripsNestingToTheCap) {
  AttributeValue value = parse("1");
  for (int depth = 0; depth < 64; ++depth) {
    value = depth % 2 ? AttributeValue(AttributeList{value})
                      : AttributeValue(AttributeMap{{"k", value}});
  }
  Item item{{"deep", value}};
  Result<Item> decoded = decode_item(encode(item));
  ASSERT_TRUE(decoded.has_value()) << decoded.error().message();
  EXPECT_EQ(*decoded, item);

  Item deeper{{"deep", AttributeList{value}}};
  EXPECT_TRUE(is_corrupt(decode_item(encode(deeper))));
}

TEST(ItemCodec, RoundTripsRandomItems) {
  std::mt19937_64 rng(11);
  for (int i = 0; i < 3000; ++i) {
    Item item = random_item(rng);
    Result<Item> decoded = decode_item(encode(item));
    ASSERT_TRUE(decoded.has_value()) << decoded.error().message();
    ASSERT_EQ(*decoded, item);
  }
}

TEST(ItemCodec, RejectsEveryTruncation) {
  std::string bytes = encode(every_type_item());
  ASSERT_TRUE(decode_item(bytes).has_value());
  for (std::size_t length = 0; length < bytes.size(); ++length) {
    ASSERT_TRUE(is_corrupt(decode_item(std::string_view(bytes).substr(0, length))))
        << "length " << length;
  }
}

TEST(ItemCodec, RejectsTrailingBytes) {
  std::string bytes = encode(every_type_item());
  EXPECT_TRUE(is_corrupt(decode_item(bytes + '\0')));
  EXPECT_TRUE(is_corrupt(decode_item(bytes + bytes)));
}

TEST(ItemCodec, RejectsUnknownTag) {
  std::string bytes = encode(Item{{"a", Null{}}});
  bytes.back() = '\x7f';  // the tag is the last byte
  EXPECT_TRUE(is_corrupt(decode_item(bytes)));
}

// Counts and lengths beyond the bytes that remain must fail before anything is allocated.
TEST(ItemCodec, RejectsHugeCountsAndLengths) {
  EXPECT_TRUE(is_corrupt(decode_item(std::string("\xff\xff\xff\xff\x0f", 5))));
  EXPECT_TRUE(is_corrupt(decode_item(std::string("\xff\xff\xff\xff\xff\x01", 6))));
  std::string bytes = encode(Item{{"a", std::string("bc")}});
  bytes.resize(bytes.size() - 3);  // cut the string's length and bytes
  EXPECT_TRUE(is_corrupt(decode_item(bytes + std::string("\xff\xff\xff\xff\x0f", 5) + "bc")));
}

// The encoder writes whatever parts it is given; the decoder must refuse those that
// Number::from_parts forbids or DynamoDB's limits exclude.
TEST(ItemCodec, RejectsUnnormalizedOrOutOfRangeNumbers) {
  for (Number bad : {Number::from_parts(false, "10", 2), Number::from_parts(true, "01", 1),
                     Number::from_parts(false, std::string(39, '1'), 1),
                     Number::from_parts(false, "1", 127), Number::from_parts(true, "1", -130)}) {
    EXPECT_TRUE(is_corrupt(decode_item(encode(Item{{"n", bad}})))) << bad.to_string();
  }
}

// Two number encodings no Number can produce, made by editing the number's last byte.
TEST(ItemCodec, RejectsNegativeZeroAndNonzeroPadding) {
  std::string zero = encode(Item{{"n", Number()}});
  zero.back() = '\x80';  // the head byte: the sign bit with no digits
  EXPECT_TRUE(is_corrupt(decode_item(zero)));
  std::string one = encode(Item{{"n", parse("1")}});
  one.back() = static_cast<char>(one.back() | 0x01);  // digit byte 0x10: the pad nibble
  EXPECT_TRUE(is_corrupt(decode_item(one)));
}

// Items spliced from two one-attribute encodings: a count of 2, then each attribute.
TEST(ItemCodec, RejectsUnsortedOrDuplicateNames) {
  std::string a = encode(Item{{"a", Null{}}}).substr(1), b = encode(Item{{"b", true}}).substr(1);
  Result<Item> sorted = decode_item("\x02" + a + b);
  ASSERT_TRUE(sorted.has_value()) << sorted.error().message();
  EXPECT_EQ(*sorted, (Item{{"a", Null{}}, {"b", true}}));
  EXPECT_TRUE(is_corrupt(decode_item("\x02" + b + a)));
  EXPECT_TRUE(is_corrupt(decode_item("\x02" + a + a)));
}

TEST(ItemCodec, RejectsUnsortedOrDuplicateSetMembers) {
  EXPECT_TRUE(is_corrupt(decode_item(encode(Item{{"ss", StringSet{{"b", "a"}}}}))));
  EXPECT_TRUE(is_corrupt(decode_item(encode(Item{{"bs", BinarySet{{"a", "a"}}}}))));
  EXPECT_TRUE(is_corrupt(decode_item(encode(Item{{"ns", NumberSet{{parse("2"), parse("-1")}}}}))));
}

// Whatever a mutation does, decoding either fails as corrupt or yields an item that keeps
// every invariant and encodes back to what it decoded from.
void expect_clean_decode(std::string_view bytes) {
  Result<Item> decoded = decode_item(bytes);
  if (!decoded.has_value()) {
    ASSERT_TRUE(is_corrupt(decoded));
    return;
  }
  for (const auto& [name, value] : *decoded) {
    ASSERT_TRUE(well_formed(value)) << name;
  }
  Result<Item> again = decode_item(encode(*decoded));
  ASSERT_TRUE(again.has_value());
  ASSERT_EQ(*again, *decoded);
}

TEST(ItemCodec, SurvivesRandomMutations) {
  std::mt19937_64 rng(12);
  const std::string original = encode(every_type_item());
  ASSERT_TRUE(decode_item(original).has_value());
  int decoded = 0;
  for (int i = 0; i < 50000; ++i) {
    std::string bytes = original;
    for (int edits = 1 + rng() % 3; edits > 0 && !bytes.empty(); --edits) {
      std::size_t at = rng() % bytes.size();
      switch (rng() % 4) {
        case 0:
          bytes[at] = static_cast<char>(bytes[at] ^ (1 << rng() % 8));
          break;
        case 1:
          bytes[at] = static_cast<char>(rng());
          break;
        case 2:
          bytes.erase(at, 1 + rng() % 4);
          break;
        default:
          bytes.insert(at, 1, static_cast<char>(rng()));
      }
    }
    ASSERT_NO_FATAL_FAILURE(expect_clean_decode(bytes));
    decoded += decode_item(bytes).has_value();
  }
  // Some mutations (a string's byte, a flipped boolean) still make a valid item; if none did,
  // the success path above would go untested.
  EXPECT_GT(decoded, 0);
}

// Random bytes biased to small values, so that tags, counts and lengths are often plausible
// and the decoder gets past the first byte.
TEST(ItemCodec, SurvivesRandomBytes) {
  std::mt19937_64 rng(13);
  for (int i = 0; i < 50000; ++i) {
    std::string bytes(rng() % 48, '\0');
    for (char& c : bytes) {
      c = static_cast<char>(rng() % 4 ? rng() % 12 : rng());
    }
    ASSERT_NO_FATAL_FAILURE(expect_clean_decode(bytes));
  }
}

TEST(ItemCodec, SurvivesDeepNestingBytes) {
  // Item{"a": L[L[L[...]]]} a million levels deep, never built as a value.
  std::string bytes = encode(Item{{"a", AttributeList{Null{}}}});
  bytes.pop_back();  // drop the Null, keep the list's tag and count
  std::string level = bytes.substr(bytes.size() - 2);
  for (int i = 0; i < 1000000; ++i) {
    bytes += level;
  }
  EXPECT_TRUE(is_corrupt(decode_item(bytes)));
}

}  // namespace
}  // namespace ddblocal::storage

namespace ddblocal::storage {
namespace {

// Rebuilds an Item from walk_item's events, leaving out the attributes named in `skipped`.
class ItemBuilder : public ItemEvents {
 public:
  explicit ItemBuilder(std::set<std::string> skipped = {}) : skipped_(std::move(skipped)) {}

  Item item;

  bool attribute(std::string_view name) override {
    if (skipped_.count(std::string(name)) != 0) {
      return false;
    }
    name_ = name;
    return true;
  }
  void member(std::string_view name) override { name_ = name; }
  void scalar(ValueType type, std::string_view text) override {
    if (!open_.empty() && is_set(open_.back().value.variant())) {
      add_member(open_.back().value.variant(), type, text);
      return;
    }
    switch (type) {
      case ValueType::kS:
        return place(std::string(text));
      case ValueType::kN:
        return place(Number::parse(text).value());
      default:
        return place(Binary{std::string(text)});
    }
  }
  void boolean(bool value) override { place(value); }
  void null() override { place(Null{}); }
  void begin(ValueType type) override {
    AttributeValue empty;
    switch (type) {
      case ValueType::kM:
        empty = AttributeMap{};
        break;
      case ValueType::kL:
        empty = AttributeList{};
        break;
      case ValueType::kSS:
        empty = StringSet{};
        break;
      case ValueType::kNS:
        empty = NumberSet{};
        break;
      default:
        empty = BinarySet{};
    }
    open_.push_back({name_, std::move(empty)});
  }
  void end(ValueType) override {
    Open done = std::move(open_.back());
    open_.pop_back();
    name_ = done.name;
    place(std::move(done.value));
  }

 private:
  // A container being filled, and the name it will take in its parent.
  struct Open {
    std::string name;
    AttributeValue value;
  };

  static bool is_set(const AttributeValue::Variant& v) {
    return std::holds_alternative<StringSet>(v) || std::holds_alternative<NumberSet>(v) ||
           std::holds_alternative<BinarySet>(v);
  }
  static void add_member(AttributeValue::Variant& set, ValueType type, std::string_view text) {
    if (type == ValueType::kN) {
      std::get<NumberSet>(set).members.push_back(Number::parse(text).value());
    } else if (type == ValueType::kS) {
      std::get<StringSet>(set).members.emplace_back(text);
    } else {
      std::get<BinarySet>(set).members.emplace_back(text);
    }
  }
  void place(AttributeValue value) {
    if (open_.empty()) {
      item[name_] = std::move(value);
    } else if (auto* map = std::get_if<AttributeMap>(&open_.back().value.variant())) {
      (*map)[name_] = std::move(value);
    } else {
      std::get<AttributeList>(open_.back().value.variant()).push_back(std::move(value));
    }
  }

  std::set<std::string> skipped_;
  std::string name_;
  std::vector<Open> open_;
};

TEST(ItemWalk, HandsOutEveryValueAndTheItemSize) {
  std::mt19937_64 rng(21);
  std::vector<Item> items{every_type_item()};
  for (int i = 0; i < 2000; ++i) {
    items.push_back(random_item(rng));
  }
  for (const Item& item : items) {
    ItemBuilder builder;
    Result<std::size_t> size = walk_item(encode(item), builder);
    ASSERT_TRUE(size.has_value()) << size.error().message();
    ASSERT_EQ(builder.item, item);
    ASSERT_EQ(*size, item_size(item));
    ASSERT_EQ(stored_item_size(encode(item)).value(), item_size(item));
  }
}

TEST(ItemWalk, SkipsTheValuesOfAttributesRefusedButCountsTheirSize) {
  const Item item = every_type_item();
  ItemBuilder builder({"m", "ns", "s"});
  Result<std::size_t> size = walk_item(encode(item), builder);
  ASSERT_TRUE(size.has_value());
  Item expected = item;
  expected.erase("m");
  expected.erase("ns");
  expected.erase("s");
  EXPECT_EQ(builder.item, expected);
  EXPECT_EQ(*size, item_size(item));
}

TEST(ItemWalk, RejectsEveryTruncationAndSurvivesMutations) {
  const std::string bytes = encode(every_type_item());
  for (std::size_t length = 0; length < bytes.size(); ++length) {
    ItemBuilder builder;
    Result<std::size_t> size = walk_item(std::string_view(bytes).substr(0, length), builder);
    ASSERT_FALSE(size.has_value()) << "length " << length;
    EXPECT_EQ(size.error().type(), ErrorType::kInternalServerError);
  }
  std::mt19937_64 rng(22);
  for (int i = 0; i < 20000; ++i) {
    std::string mutated = bytes;
    mutated[rng() % mutated.size()] = static_cast<char>(rng());
    // Whatever the walk makes of it, a decodable item walks to itself.
    Result<Item> decoded = decode_item(mutated);
    Result<std::size_t> size = stored_item_size(mutated);
    if (decoded.has_value()) {
      ASSERT_TRUE(size.has_value());
      ASSERT_EQ(*size, item_size(*decoded));
    }
  }
}

}  // namespace
}  // namespace ddblocal::storage
