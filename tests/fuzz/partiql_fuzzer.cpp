// PartiQL statements: parse, translate with fixed parameters, then use the result the way the
// handlers do (plan a SELECT for three key schemas, evaluate its WHERE, shape its items; take a
// write's key from its WHERE; apply an UPDATE; check an INSERT's item). Any failure must be a
// client error; every item produced must be one the store and the JSON writer accept unchanged.
//
// Input: the statement text. Its `?` take, in order, the values of fixed_parameters() (a string,
// a number, a string set, a list, a map, a boolean, a null, a binary); a statement with more
// `?` fails as DynamoDB fails it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/expressions/evaluate.h"
#include "protocol/expressions/update.h"
#include "protocol/partiql/parser.h"
#include "protocol/partiql/plan.h"
#include "protocol/partiql/translate.h"
#include "tests/fuzz/fuzz_check.h"

namespace ddblocal::fuzz {
namespace {

Number number(std::string_view text) {
  return Number::parse(text).value();
}

const std::vector<AttributeValue>& fixed_parameters() {
  static const std::vector<AttributeValue> parameters = {
      std::string("k"),
      number("5"),
      StringSet{{"a", "b"}},
      AttributeList{std::string("x"), number("1")},
      AttributeMap{{"a", std::string("x")}},
      true,
      Null{},
      Binary{"\x01\x02"},
  };
  return parameters;
}

// The item WHERE clauses are evaluated against and updates applied to.
const Item& fixed_item() {
  static const Item item = {
      {"p", std::string("k")},
      {"s", number("5")},
      {"a", number("1")},
      {"b", Binary{"\x01\x02"}},
      {"t", true},
      {"z", Null{}},
      {"ss", StringSet{{"a", "b", "c"}}},
      {"ns", NumberSet{{number("-3"), number("1")}}},
      {"lst", AttributeList{std::string("x"), number("2")}},
      {"doc", AttributeMap{{"a", std::string("x")}, {"lst", AttributeList{number("1")}}}},
  };
  return item;
}

const Item& key_only_item() {
  static const Item item = {{"p", std::string("k")}, {"s", number("5")}};
  return item;
}

// The key schemas a statement may meet: p (S); p (S) and s (N); a (N) and b (B); and a
// multi-attribute index key, p (S) and a (N), then s (N) and b (B).
const std::vector<KeySchema>& key_schemas() {
  static const std::vector<KeySchema> schemas = {
      {{{"p", ScalarType::kS}}, {}},
      {{{"p", ScalarType::kS}}, {{"s", ScalarType::kN}}},
      {{{"a", ScalarType::kN}}, {{"b", ScalarType::kB}}},
      {{{"p", ScalarType::kS}, {"a", ScalarType::kN}},
       {{"s", ScalarType::kN}, {"b", ScalarType::kB}}},
  };
  return schemas;
}

void evaluate_everywhere(const expr::Condition& condition) {
  expr::evaluate(condition, &fixed_item());
  expr::evaluate(condition, &key_only_item());
  expr::evaluate(condition, nullptr);
}

void fuzz_read(const partiql::Read& read) {
  if (read.where) {
    evaluate_everywhere(*read.where);
  }
  for (const KeySchema& schema : key_schemas()) {
    const KeyAttributes keys = key_attributes(schema);
    (void)succeeded(partiql::plan_read(read, keys));
    (void)succeeded(partiql::item_where(read.where, keys));
  }
  check(read.projection.paths.size() == read.output_names.size(),
        "a SELECT list whose paths and names differ in number");
  check_storable(partiql::selected(read, fixed_item()), "a selected item");
}

void fuzz_where(const std::optional<expr::Condition>& where) {
  if (where) {
    evaluate_everywhere(*where);
  }
  for (const KeySchema& schema : key_schemas()) {
    const KeyAttributes keys = key_attributes(schema);
    Result<partiql::ItemWhere> item = partiql::item_where(where, keys);
    if (succeeded(item) && item->condition) {
      evaluate_everywhere(*item->condition);
    }
  }
}

void fuzz_operation(const partiql::Operation& operation) {
  if (const auto* read = std::get_if<partiql::Read>(&operation)) {
    fuzz_read(*read);
  } else if (const auto* insert = std::get_if<partiql::Insert>(&operation)) {
    check_storable(insert->item, "an INSERT's item");
    for (const KeySchema& schema : key_schemas()) {
      const KeyAttributes keys = key_attributes(schema);
      (void)succeeded(partiql::check_item_keys(insert->item, keys));
    }
  } else if (const auto* update = std::get_if<partiql::Update>(&operation)) {
    fuzz_where(update->where);
    for (const Item* item : {&fixed_item(), &key_only_item()}) {
      Result<Item> updated = expr::apply_update(update->update, *item);
      if (succeeded(updated)) {
        check_storable(*updated, "an UPDATE's result");
      }
    }
  } else if (const auto* del = std::get_if<partiql::Delete>(&operation)) {
    fuzz_where(del->where);
  } else {
    fuzz_where(std::get<partiql::Check>(operation).where);
  }
}

}  // namespace
}  // namespace ddblocal::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ddblocal;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // A request's Statement is JSON text: valid UTF-8, at most 8192 characters.
  if (!fuzz::valid_utf8(text) || size > 8192 * 4) {
    return 0;
  }
  Result<partiql::Statement> statement = partiql::parse_statement(text);
  if (!fuzz::succeeded(statement)) {
    return 0;
  }
  Result<partiql::Operation> operation = partiql::translate(*statement, fuzz::fixed_parameters());
  if (fuzz::succeeded(operation)) {
    fuzz::fuzz_operation(*operation);
  }
  return 0;
}
