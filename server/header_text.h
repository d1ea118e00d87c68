// Small text helpers for HTTP header values, shared by the front end's pure parsers (content
// encodings, CORS, SigV4), which stay free of Beast so that fuzz targets link them alone.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace ddblocal {

inline char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

inline bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

// `text` without the spaces and tabs around it (HTTP's optional whitespace).
inline std::string_view trim_blanks(std::string_view text) {
  const auto blank = [](char c) { return c == ' ' || c == '\t'; };
  while (!text.empty() && blank(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && blank(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

// Removes and returns the part of `list` before the first `separator` (all of it when there is
// none); `list` keeps what follows the separator.
inline std::string_view next_item(std::string_view& list, char separator) {
  std::size_t at = list.find(separator);
  std::string_view item = list.substr(0, at);
  list.remove_prefix(at == std::string_view::npos ? list.size() : at + 1);
  return item;
}

// The parts one after another. (Also spares `"text" + std::string(...)`, on which GCC 12 at -O3
// warns of an overlapping memcpy that cannot happen, GCC bug 105651.)
template <typename... Parts>
std::string concat(const Parts&... parts) {
  std::string out;
  (out.append(std::string_view(parts)), ...);
  return out;
}

}  // namespace ddblocal
