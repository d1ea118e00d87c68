// JSON <-> AttributeValue: {"S":"x"}, {"N":"1.5"}, {"B":"<base64>"}, {"BOOL":true}, {"NULL":true},
// {"M":{...}}, {"L":[...]}, {"SS":[...]}, {"NS":[...]}, {"BS":[...]}.
//
// Decoding errors carry the full text DynamoDB answers for a bad value in GetItem's Key, so
// callers pass them on unchanged or in an envelope: PutItem, UpdateItem and DeleteItem put it in
// the one-violation envelope (field_rules.h), and Scan and the transactions wrap a bad
// ExpressionAttributeValues value ("ExpressionAttributeValues contains invalid value: <text> for
// key <name>", parse_expressions.h).
//
// SerializationException (DynamoDB reads the whole value before validating any of it, so these
// come first; texts from dynalite's tests recorded against DynamoDB):
//   value not an object    "Unexpected value type in payload"; an array: "Unrecognized
//                          collection type class com.amazonaws.dynamodb.v20120810.AttributeValue"
//   S, N not a string      "NUMBER_VALUE cannot be converted to String" (DECIMAL_VALUE,
//                          TRUE_VALUE, FALSE_VALUE); an object: "Start of structure or map found
//                          where not expected"; an array: "Unrecognized collection type class
//                          java.lang.String"
//   BOOL, NULL             the strings "true"/"false" (any case) are read as booleans; another
//                          string: "Unexpected token received from parser"; a number:
//                          "NUMBER_VALUE cannot be converted to Boolean"
//   B not a string         "only base-64-encoded strings are convertible to bytes"
//   B bad base64           "Base64 encoded length is expected a multiple of 4 bytes but found: 5",
//                          else "Invalid last non-pad Base64 character dectected" (sic)
//   SS, NS, BS, L          not an array: "Unexpected field type"; an object: "Start of structure
//                          or map found where not expected"
//   M                      not an object: "Unexpected field type"; an array: "Unrecognized
//                          collection type java.util.Map<java.lang.String,
//                          com.amazonaws.dynamodb.v20120810.AttributeValue>"
// ValidationException (first failure in document order; within one value, its types in the
// order S N B SS NS BS M L NULL BOOL, all before the count of types):
//   no type                "Supplied AttributeValue is empty, must contain exactly one of the
//                          supported datatypes"
//   two types              "Supplied AttributeValue has more than one datatypes set, must contain
//                          exactly one of the supported datatypes"
//   bad number             Number::parse's text ("The parameter cannot be converted to a numeric
//                          value: abc", ...)
//   NULL false             "One or more parameter values were invalid: Null attribute value types
//                          must have the value of true"
//   empty set              "One or more parameter values were invalid: An string set  may not be
//                          empty" (two spaces; "An number set  may not be empty"; "Binary sets
//                          should not be empty")
//   duplicates             "One or more parameter values were invalid: Input collection [a, a]
//                          contains duplicates." / "Input collection contains duplicates" (NS,
//                          numerically: "1" and "1.0") / "One or more parameter values were
//                          invalid: Input collection [YQ==, YQ==]of type BS contains duplicates."
//   too deep               "Nesting Levels have exceeded supported limits: Attributes in the item
//                          have nested levels beyond supported limit" (more than 32 levels, the
//                          item being one)
//   null value             "The supplied Item contains a null AttributeValue" (in a list or a
//                          BS), "...: <name> is null" (in an item or a map), "One or more
//                          parameter values were invalid: An string set may not have a null
//                          string as a member" (DynamoDB Local's texts)
// Unknown members of a value are ignored ({"S":"a","x":1} is a string); a member given twice
// counts with its last occurrence, as in DynamoDB.
#pragma once

#include "protocol/attribute_value.h"
#include "protocol/item_events.h"
#include "protocol/result.h"
#include "protocol/wire/json.h"

namespace ddblocal::wire {

// The two wordings DynamoDB answers a bad value in, late 2026 (us-east-1; paritysuite/
// dynamodb-conformance tests/tier3/error-messages/valueLayers.test.ts, 2026-10-09): PutItem,
// UpdateItem, DeleteItem, GetItem, BatchGetItem and Query use the current one; Scan,
// BatchWriteItem and the transactions the older one. They differ in three texts: duplicate set
// members (current: quoted, in byte order up to the first repeat; "Input collection contains
// duplicates." with the prefix for numbers) and an empty number (current: a ": " after it).
enum class ValueWording { kCurrent, kOlder };

// Decodes one attribute value, validating it as DynamoDB does (exactly one type, valid numbers
// and base64, no empty or duplicate-member sets, nesting depth). Errors carry DynamoDB's type
// and message. The value counts as a top-level attribute's value for the nesting limit. Sets
// come back sorted and free of duplicates.
Result<AttributeValue> decode_value(const JsonValue& json,
                                    ValueWording wording = ValueWording::kOlder);
// Decodes a JSON object of attribute name -> attribute value (an Item, a Key).
Result<Item> decode_item(const JsonValue& json, ValueWording wording = ValueWording::kOlder);

// The deserializer's check alone: the SerializationException for a value (an AttributeValue
// as a map value or list element) with a JSON type out of place anywhere in it, if any.
Result<void> check_value_shapes(const JsonValue& json);

// Writes DynamoDB's JSON for a value or an item: numbers in canonical text, binaries in base64,
// sets as arrays in their sorted order.
void write_value(JsonWriter& writer, const AttributeValue& value);
void write_item(JsonWriter& writer, const Item& item);

// Writes an item's JSON from its events, as write_item writes the item itself: an item read
// from storage without decoding it. Only the top-level attributes `names` lists, when given.
class ItemJsonWriter : public ItemEvents {
 public:
  explicit ItemJsonWriter(JsonWriter& writer, const std::vector<std::string>* names = nullptr)
      : writer_(writer), names_(names) {}

  bool attribute(std::string_view name) override;
  void member(std::string_view name) override;
  void scalar(ValueType type, std::string_view text) override;
  void boolean(bool value) override;
  void null() override;
  void begin(ValueType type) override;
  void end(ValueType type) override;

 private:
  JsonWriter& writer_;
  const std::vector<std::string>* names_;
  // Inside a set, whose members are bare strings.
  bool in_set_ = false;
};

}  // namespace ddblocal::wire
