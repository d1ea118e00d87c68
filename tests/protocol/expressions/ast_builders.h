// Shorthand builders for syntax trees in the expression tests: resolved paths from "a.b[2].c",
// attribute values by type letter, and path and value operands.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "protocol/attribute_value.h"
#include "protocol/expressions/ast.h"
#include "protocol/number.h"

namespace ddblocal::expr::builders {

inline PathElement name_element(std::string name) {
  PathElement element;
  element.name = std::move(name);
  return element;
}

inline PathElement index_element(std::uint32_t index) {
  PathElement element;
  element.kind = PathElement::Kind::kIndex;
  element.index = index;
  return element;
}

// "a.b[2].c" as a resolved Path.
inline Path path(std::string_view text) {
  Path result;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == '.') {
      ++pos;
    } else if (text[pos] == '[') {
      std::size_t close = text.find(']', pos);
      result.elements.push_back(index_element(static_cast<std::uint32_t>(
          std::stoul(std::string(text.substr(pos + 1, close - pos - 1))))));
      pos = close + 1;
    } else {
      std::size_t end = std::min(text.find_first_of(".[", pos), text.size());
      result.elements.push_back(name_element(std::string(text.substr(pos, end - pos))));
      pos = end;
    }
  }
  return result;
}

inline AttributeValue N(std::string_view text) {
  return Number::parse(text).value();
}
inline AttributeValue S(std::string text) {
  return text;
}
inline AttributeValue B(std::string bytes) {
  return Binary{std::move(bytes)};
}
inline AttributeValue SS(std::vector<std::string> members) {
  std::sort(members.begin(), members.end());
  return StringSet{std::move(members)};
}
inline AttributeValue NS(const std::vector<std::string>& texts) {
  std::vector<Number> members;
  for (const std::string& text : texts) {
    members.push_back(Number::parse(text).value());
  }
  std::sort(members.begin(), members.end());
  return NumberSet{std::move(members)};
}
inline AttributeValue BS(std::vector<std::string> members) {
  std::sort(members.begin(), members.end());
  return BinarySet{std::move(members)};
}
inline AttributeValue L(AttributeList elements) {
  return elements;
}
inline AttributeValue M(AttributeMap members) {
  return members;
}

inline Operand at(std::string_view text) {
  return {path(text)};
}
// Assigned, not list-initialized: GCC 12 at -O2 reports a false -Wmaybe-uninitialized for
// {ValueRef{...}} once this inline function is inlined into a test.
inline Operand val(AttributeValue value) {
  Operand operand;
  operand.node = ValueRef{":v", std::move(value)};
  return operand;
}

}  // namespace ddblocal::expr::builders
