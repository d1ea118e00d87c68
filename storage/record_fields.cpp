#include "storage/record_fields.h"

#include <chrono>
#include <cmath>

namespace ddblocal::storage {
namespace {

template <typename T>
const T* member_of(const AttributeMap& record, const std::string& name) {
  auto it = record.find(name);
  return it == record.end() ? nullptr : it->second.get_if<T>();
}

}  // namespace

double now_seconds() {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return static_cast<double>(std::chrono::duration_cast<std::chrono::milliseconds>(now).count()) /
         1000;
}

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

}  // namespace ddblocal::storage
