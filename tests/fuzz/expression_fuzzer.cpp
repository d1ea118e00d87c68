// The expression language: parse, resolve against placeholder maps, then use the result the way
// the handlers do (evaluate a condition, turn a key condition into a key range, apply an update,
// project an item). Any failure must be a ValidationException; an item an update or a
// projection produces must be one the store and the JSON writer accept unchanged.
//
// Input: a first byte choosing the expression kind ('a' condition, 'b' filter, 'c' key
// condition, 'd' update, 'e' projection; any other byte minus 'a', mod 5), then lines. The first
// line is the expression text; each further line defines a placeholder, adding to or replacing the
// fixed ones below:
//   #name=attribute            an ExpressionAttributeNames entry
//   :name=<type><text>         an ExpressionAttributeValues entry, <type> one of
//                              S (string), N (number), B (binary), T, F (boolean), Z (null),
//                              s, n, b (sets of the comma-separated members), L (list of the
//                              comma-separated strings), M (map of the comma-separated names to
//                              empty strings); empty names and set members are left out
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "protocol/expressions/evaluate.h"
#include "protocol/expressions/key_condition.h"
#include "protocol/expressions/parser.h"
#include "protocol/expressions/projection.h"
#include "protocol/expressions/resolve.h"
#include "protocol/expressions/update.h"
#include "tests/fuzz/fuzz_check.h"

namespace ddblocal::fuzz {
namespace {

Number number(std::string_view text) {
  return Number::parse(text).value();
}

AttributeValue map_of(std::initializer_list<std::pair<const std::string, AttributeValue>> members) {
  return AttributeValue(AttributeMap(members));
}

// A map nested `levels` deep: at the top level of an item, the deepest DynamoDB accepts is 31.
AttributeValue nested_maps(int levels) {
  AttributeValue value(std::string("bottom"));
  for (int i = 0; i < levels; ++i) {
    value = map_of({{"d", std::move(value)}});
  }
  return value;
}

// The item conditions are evaluated against and updates applied to: every type, some nesting
// ("name", a reserved word, only through #n).
const Item& fixed_item() {
  static const Item item = {
      {"p", std::string("k")},
      {"s", number("5")},
      {"name", std::string("Alice")},
      {"a", number("1")},
      {"e", std::string()},
      {"b", Binary{"\x01\x02"}},
      {"t", true},
      {"z", Null{}},
      {"ss", StringSet{{"a", "b", "c"}}},
      {"ns", NumberSet{{number("-3"), number("1"), number("2.5")}}},
      {"bs", BinarySet{{std::string(1, '\0'), "\x01"}}},
      {"lst", AttributeList{std::string("x"), number("2"), map_of({{"b", std::string("y")}})}},
      {"doc", map_of({{"a", std::string("x")},
                      {"lst", AttributeList{number("1")}},
                      {"nested", map_of({{"c", true}})}})},
      {"deep", nested_maps(30)},
  };
  return item;
}

const Item& key_only_item() {
  static const Item item = {{"p", std::string("k")}, {"s", number("5")}};
  return item;
}

const expr::AttributeNames& fixed_names() {
  static const expr::AttributeNames names = {
      {"#p", "p"},   {"#s", "s"},   {"#n", "name"}, {"#a", "a"},       {"#l", "lst"}, {"#m", "doc"},
      {"#ss", "ss"}, {"#ns", "ns"}, {"#d", "deep"}, {"#dot", "doc.a"}, {"#e", "e"},
  };
  return names;
}

const Item& fixed_values() {
  static const Item values = {
      {":p", std::string("k")},
      {":s", number("5")},
      {":n", number("1")},
      {":x", std::string("x")},
      {":e", std::string()},
      {":b", Binary{"\x01\x02"}},
      {":t", true},
      {":f", false},
      {":z", Null{}},
      {":ss", StringSet{{"a", "d"}}},
      {":ns", NumberSet{{number("1"), number("7")}}},
      {":bs", BinarySet{{"\x01", "\x02"}}},
      {":l", AttributeList{std::string("a"), number("1")}},
      {":m", map_of({{"a", std::string("x")}})},
      {":deep", nested_maps(31)},
      {":max", number("9.9999999999999999999999999999999999999E+125")},
      {":min", number("-1E-130")},
  };
  return values;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) {
      return parts;
    }
    start = end + 1;
  }
}

// The value a ":name=<type><text>" line defines, or nullopt when the text does not make one
// (an unparseable number, an empty set).
std::optional<AttributeValue> value_of(char type, std::string_view text) {
  switch (type) {
    case 'S':
      return AttributeValue(std::string(text));
    case 'N': {
      Result<Number> n = Number::parse(text);
      return n ? std::optional<AttributeValue>(*n) : std::nullopt;
    }
    case 'B':
      return AttributeValue(Binary{std::string(text)});
    case 'T':
      return AttributeValue(true);
    case 'F':
      return AttributeValue(false);
    case 'Z':
      return AttributeValue(Null{});
    case 's':
    case 'b': {
      std::vector<std::string> members;
      for (std::string_view member : split(text, ',')) {
        if (!member.empty()) {
          members.emplace_back(member);
        }
      }
      if (members.empty()) {
        return std::nullopt;
      }
      std::sort(members.begin(), members.end());
      members.erase(std::unique(members.begin(), members.end()), members.end());
      if (type == 's') {
        return AttributeValue(StringSet{std::move(members)});
      }
      return AttributeValue(BinarySet{std::move(members)});
    }
    case 'n': {
      std::vector<Number> members;
      for (std::string_view member : split(text, ',')) {
        Result<Number> n = Number::parse(member);
        if (!n) {
          return std::nullopt;
        }
        members.push_back(std::move(*n));
      }
      std::sort(members.begin(), members.end());
      members.erase(std::unique(members.begin(), members.end()), members.end());
      return AttributeValue(NumberSet{std::move(members)});
    }
    case 'L': {
      AttributeList list;
      for (std::string_view element : split(text, ',')) {
        list.emplace_back(std::string(element));
      }
      return AttributeValue(std::move(list));
    }
    case 'M': {
      AttributeMap map;
      for (std::string_view name : split(text, ',')) {
        // As in an item, the wire layer refuses an empty member name.
        if (!name.empty()) {
          map.insert_or_assign(std::string(name), AttributeValue(std::string()));
        }
      }
      return AttributeValue(std::move(map));
    }
    default:
      return std::nullopt;
  }
}

// Adds the placeholder a line defines, if it defines one.
void define(std::string_view line, expr::AttributeNames& names, Item& values) {
  const std::size_t equals = line.find('=');
  // A request's maps hold only what its JSON body could: valid UTF-8.
  if (equals == std::string_view::npos || equals == 0 || !valid_utf8(line)) {
    return;
  }
  const std::string placeholder(line.substr(0, equals));
  const std::string_view definition = line.substr(equals + 1);
  if (placeholder.front() == '#') {
    // The wire layer refuses an empty attribute name.
    if (!definition.empty()) {
      names.insert_or_assign(placeholder, std::string(definition));
    }
  } else if (placeholder.front() == ':' && !definition.empty()) {
    if (std::optional<AttributeValue> value = value_of(definition.front(), definition.substr(1))) {
      values.insert_or_assign(placeholder, std::move(*value));
    }
  }
}

void check_projection(const Item& item, const std::vector<expr::Path>& paths, const char* what) {
  const Item projected = expr::project(item, paths);
  check_storable(projected, what);
}

void fuzz_condition(std::string_view text, expr::ExpressionKind kind, expr::Placeholders& names) {
  Result<expr::Condition> condition = expr::parse_condition(text, kind);
  if (!succeeded(condition) || !succeeded(names.resolve(*condition, kind))) {
    return;
  }
  (void)succeeded(names.check_all_used());
  expr::evaluate(*condition, &fixed_item());
  expr::evaluate(*condition, &key_only_item());
  expr::evaluate(*condition, nullptr);

  // Keys (p S, s N), p alone, (name B, s N), and a multi-attribute index key (p S, name B;
  // s N, q S).
  static const std::vector<KeySchema> keys = {
      {{{"p", ScalarType::kS}}, {{"s", ScalarType::kN}}},
      {{{"p", ScalarType::kS}}, {}},
      {{{"name", ScalarType::kB}}, {{"s", ScalarType::kN}}},
      {{{"p", ScalarType::kS}, {"name", ScalarType::kB}},
       {{"s", ScalarType::kN}, {"q", ScalarType::kS}}},
  };
  for (const KeySchema& key : keys) {
    if (kind == expr::ExpressionKind::kKeyCondition) {
      (void)succeeded(expr::to_key_condition(*condition, key_attributes(key)));
    } else if (kind == expr::ExpressionKind::kFilter) {
      (void)succeeded(expr::check_filter_keys(*condition, key_attributes(key)));
    }
  }
}

void fuzz_update(std::string_view text, expr::Placeholders& names) {
  Result<expr::UpdateExpression> update = expr::parse_update(text);
  if (!succeeded(update) || !succeeded(names.resolve(*update))) {
    return;
  }
  (void)succeeded(names.check_all_used());
  const std::vector<expr::Path> paths = expr::updated_paths(*update);
  for (const Item* item : {&fixed_item(), &key_only_item()}) {
    Result<Item> updated = expr::apply_update(*update, *item);
    if (!succeeded(updated)) {
      continue;
    }
    check_storable(*updated, "apply_update");
    check_projection(*updated, paths, "project(updated_paths)");
  }
}

void fuzz_projection(std::string_view text, expr::Placeholders& names) {
  Result<expr::Projection> projection = expr::parse_projection(text);
  if (!succeeded(projection) || !succeeded(names.resolve(*projection))) {
    return;
  }
  (void)succeeded(names.check_all_used());
  check_projection(fixed_item(), projection->paths, "project");
}

}  // namespace
}  // namespace ddblocal::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ddblocal;
  if (size == 0) {
    return 0;
  }
  const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::vector<std::string_view> lines = fuzz::split(input, '\n');
  expr::AttributeNames names = fuzz::fixed_names();
  Item values = fuzz::fixed_values();
  for (std::size_t i = 1; i < lines.size(); ++i) {
    fuzz::define(lines[i], names, values);
  }
  expr::Placeholders placeholders(&names, &values);
  switch (static_cast<std::uint8_t>(data[0] - 'a') % 5) {
    case 0:
      fuzz::fuzz_condition(lines[0], expr::ExpressionKind::kCondition, placeholders);
      break;
    case 1:
      fuzz::fuzz_condition(lines[0], expr::ExpressionKind::kFilter, placeholders);
      break;
    case 2:
      fuzz::fuzz_condition(lines[0], expr::ExpressionKind::kKeyCondition, placeholders);
      break;
    case 3:
      fuzz::fuzz_update(lines[0], placeholders);
      break;
    default:
      fuzz::fuzz_projection(lines[0], placeholders);
      break;
  }
  return 0;
}
