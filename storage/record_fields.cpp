#include "storage/record_fields.h"

#include <cmath>

namespace ddblocal::storage {
namespace {

template <typename T>
const T* member_of(const AttributeMap& record, const std::string& name) {
  auto it = record.find(name);
  return it == record.end() ? nullptr : it->second.get_if<T>();
}

ScalarType scalar_type_of(std::string_view name) {
  return name == "N" ? ScalarType::kN : name == "B" ? ScalarType::kB : ScalarType::kS;
}

}  // namespace

AttributeValue number_value(std::int64_t value) {
  return *Number::parse(std::to_string(value));
}

AttributeValue time_value(double seconds) {
  return number_value(static_cast<std::int64_t>(std::llround(seconds * 1000)));
}

std::int64_t number_of(const AttributeMap& record, const std::string& name) {
  const Number* number = member_of<Number>(record, name);
  return number ? std::stoll(number->to_string()) : 0;
}

std::string string_of(const AttributeMap& record, const std::string& name) {
  const std::string* text = member_of<std::string>(record, name);
  return text ? *text : std::string();
}

bool bool_of(const AttributeMap& record, const std::string& name) {
  const bool* flag = member_of<bool>(record, name);
  return flag && *flag;
}

std::optional<double> time_of(const AttributeMap& record, const std::string& name) {
  if (!record.contains(name)) {
    return std::nullopt;
  }
  return static_cast<double>(number_of(record, name)) / 1000;
}

const AttributeMap* map_of(const AttributeMap& record, const std::string& name) {
  return member_of<AttributeMap>(record, name);
}

const AttributeList* list_of(const AttributeMap& record, const std::string& name) {
  return member_of<AttributeList>(record, name);
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

AttributeValue definitions_value(std::span<const AttributeDefinition> definitions) {
  AttributeList list;
  for (const AttributeDefinition& definition : definitions) {
    list.push_back(definition_value(definition));
  }
  return list;
}

void append_definitions(const AttributeMap& record, const std::string& name,
                        std::vector<AttributeDefinition>& out) {
  if (const AttributeList* list = list_of(record, name)) {
    for (const AttributeValue& definition : *list) {
      out.push_back(definition_of(definition));
    }
  }
}

}  // namespace ddblocal::storage
