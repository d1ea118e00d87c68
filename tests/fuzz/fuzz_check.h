// What the fuzz targets share: a check that stops the run with a message (libFuzzer then
// reports the input as a crash), and the invariants every value the code hands back must keep.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "protocol/api_error.h"
#include "protocol/attribute_value.h"
#include "protocol/number.h"
#include "protocol/result.h"

namespace ddblocal::fuzz {

// Aborts with `what`: a finding.
[[noreturn]] inline void fail(std::string_view what) {
  std::fprintf(stderr, "FUZZ CHECK FAILED: %.*s\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

// Aborts with `what` unless `condition` holds.
inline void check(bool condition, const char* what) {
  if (!condition) {
    fail(what);
  }
}

// A number as Number::parse and the arithmetic must leave it: digits without leading or
// trailing zeros, at most 38 of them, magnitude within 1e-130 and below 1e126; zero not
// negative.
inline bool well_formed(const Number& n) {
  const std::string& d = n.digits();
  if (d.empty()) {
    return !n.is_negative();
  }
  return d.size() <= 38 && d.front() != '0' && d.back() != '0' &&
         d.find_first_not_of("0123456789") == std::string::npos && n.exponent() >= -129 &&
         n.exponent() <= 126;
}

template <typename T>
bool strictly_ascending(const std::vector<T>& members) {
  for (std::size_t i = 1; i < members.size(); ++i) {
    if (!(members[i - 1] < members[i])) {
      return false;
    }
  }
  return true;
}

// DynamoDB's nesting limit: the item is level 1, a top-level attribute's value level 2, and a
// map or list may sit at most at level 32.
inline constexpr int kTopLevel = 2;
inline constexpr int kMaxNestingLevel = 32;

// `empty_sets`: whether a set may be empty. AttributeValue allows it, DynamoDB never holds one.
bool well_formed(const Item& item, int level = kTopLevel, bool empty_sets = false);

// A value as an Item may hold it at `level`: numbers well formed, sets not empty, sorted and
// unique, no map or list beyond the nesting limit.
inline bool well_formed(const AttributeValue& value, int level, bool empty_sets) {
  if (const auto* n = value.get_if<Number>()) {
    return well_formed(*n);
  }
  if (const auto* ss = value.get_if<StringSet>()) {
    return (empty_sets || !ss->members.empty()) && strictly_ascending(ss->members);
  }
  if (const auto* bs = value.get_if<BinarySet>()) {
    return (empty_sets || !bs->members.empty()) && strictly_ascending(bs->members);
  }
  if (const auto* ns = value.get_if<NumberSet>()) {
    for (const Number& n : ns->members) {
      if (!well_formed(n)) {
        return false;
      }
    }
    return (empty_sets || !ns->members.empty()) && strictly_ascending(ns->members);
  }
  if (const auto* map = value.get_if<AttributeMap>()) {
    return level <= kMaxNestingLevel && well_formed(*map, level + 1, empty_sets);
  }
  if (const auto* list = value.get_if<AttributeList>()) {
    if (level > kMaxNestingLevel) {
      return false;
    }
    for (const AttributeValue& element : *list) {
      if (!well_formed(element, level + 1, empty_sets)) {
        return false;
      }
    }
  }
  return true;
}

inline bool well_formed(const Item& item, int level, bool empty_sets) {
  for (const auto& [name, value] : item) {
    if (!well_formed(value, level, empty_sets)) {
      return false;
    }
  }
  return true;
}

// A request or expression that fails must fail as the client would be told: a
// ValidationException with a message, or a SerializationException (a bare one for a body that
// is not JSON), never an internal error. An update of a table's schema may also name an index
// the table lacks (ResourceNotFoundException) or pass an index limit (LimitExceededException).
inline void check_client_error(const ApiError& error) {
  const ErrorType type = error.type();
  if (type != ErrorType::kValidation && type != ErrorType::kSerialization &&
      type != ErrorType::kResourceNotFound && type != ErrorType::kLimitExceeded) {
    fail("an error of an unexpected type: " + std::string(error.type_name()) + ": " +
         error.message());
  }
  check(error.type() != ErrorType::kValidation || !error.message().empty(),
        "a ValidationException without a message");
}

// True when `result` holds a value; a failure must be a client error (check_client_error).
template <typename T>
bool succeeded(const Result<T>& result) {
  if (!result) {
    check_client_error(result.error());
    return false;
  }
  return true;
}

// True when `text` is UTF-8 as the request parser accepts it: every string a request carries.
bool valid_utf8(std::string_view text);

// Checks that an item some code path produced for storage or for a client is well formed and
// survives both encodings: the item codec (append_item, decode_item) and DynamoDB's JSON
// (write_item, then parse_request_body and decode_item as a request would read it back).
// `context` names the path in the failure message.
void check_storable(const Item& item, std::string_view context);

}  // namespace ddblocal::fuzz
