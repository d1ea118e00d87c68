// Result<T>: a value or the ApiError that prevented it. Shaped like std::expected (which GCC 12
// lacks in C++20 mode) so that it can be swapped for it later.
#pragma once

#include <utility>
#include <variant>

#include "protocol/api_error.h"

namespace ddblocal {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(const T& value) : state_(std::in_place_index<0>, value) {}
  Result(T&& value) : state_(std::in_place_index<0>, std::move(value)) {}
  Result(ApiError error) : state_(std::in_place_index<1>, std::move(error)) {}

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  // REQUIRES: has_value().
  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // REQUIRES: !has_value().
  const ApiError& error() const& { return std::get<1>(state_); }
  ApiError&& error() && { return std::get<1>(std::move(state_)); }

 private:
  std::variant<T, ApiError> state_;
};

// Result<void>: success or an ApiError.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(ApiError error) : error_(std::move(error)), failed_(true) {}

  bool has_value() const { return !failed_; }
  explicit operator bool() const { return has_value(); }
  const ApiError& error() const& { return error_; }
  ApiError&& error() && { return std::move(error_); }

 private:
  ApiError error_;
  bool failed_ = false;
};

}  // namespace ddblocal

// Inside a function that returns a Result: evaluates `expression` (a Result<T>), returns its
// error when it failed, and otherwise moves its value into `target` (a declaration such as
// `auto item` or an lvalue).
#define DDB_ASSIGN_OR_RETURN(target, expression) \
  DDB_ASSIGN_OR_RETURN_IMPL(DDB_RESULT_NAME(__LINE__), target, expression)
#define DDB_ASSIGN_OR_RETURN_IMPL(result, target, expression) \
  auto result = (expression);                                 \
  if (!result) {                                              \
    return std::move(result).error();                         \
  }                                                           \
  target = std::move(result).value()

// Inside a function that returns a Result: returns the error of `expression` (any Result; a
// value it holds is discarded) when it failed.
#define DDB_RETURN_IF_ERROR(expression)          \
  do {                                           \
    if (auto result_ = (expression); !result_) { \
      return std::move(result_).error();         \
    }                                            \
  } while (false)

#define DDB_RESULT_NAME(line) DDB_RESULT_NAME_JOIN(result_, line)
#define DDB_RESULT_NAME_JOIN(prefix, line) prefix##line
