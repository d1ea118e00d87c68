#include "storage/record_fields.h"

namespace ddblocal::storage {
namespace {

ScalarType scalar_type_of(std::string_view name) {
  return name == "N" ? ScalarType::kN : name == "B" ? ScalarType::kB : ScalarType::kS;
}

}  // namespace

AttributeValue number_value(std::int64_t value) {
  return *Number::parse(std::to_string(value));
}

std::int64_t number_of(const Item& record, const std::string& name) {
  auto it = record.find(name);
  const Number* number = it == record.end() ? nullptr : it->second.get_if<Number>();
  return number ? std::stoll(number->to_string()) : 0;
}

std::string string_of(const Item& record, const std::string& name) {
  auto it = record.find(name);
  const std::string* text = it == record.end() ? nullptr : it->second.get_if<std::string>();
  return text ? *text : std::string();
}

bool bool_of(const Item& record, const std::string& name) {
  auto it = record.find(name);
  const bool* flag = it == record.end() ? nullptr : it->second.get_if<bool>();
  return flag && *flag;
}

AttributeValue definition_value(const AttributeDefinition& definition) {
  return AttributeMap{{"name", definition.name},
                      {"type", std::string(scalar_type_name(definition.type))}};
}

AttributeDefinition definition_of(const AttributeValue& value) {
  const AttributeMap* map = value.get_if<AttributeMap>();
  if (!map) {
    return {};
  }
  return {string_of(*map, "name"), scalar_type_of(string_of(*map, "type"))};
}

}  // namespace ddblocal::storage
