// String lengths as DynamoDB (a Java service) counts them: in UTF-16 code units.
#pragma once

#include <cstddef>
#include <string_view>

namespace ddblocal {

// The number of UTF-16 code units of UTF-8 text ("é𝄞" is 3): every byte but a continuation
// byte starts a code point, and four-byte code points need a surrogate pair.
// REQUIRES: text is valid UTF-8.
inline std::size_t utf16_length(std::string_view text) {
  std::size_t length = 0;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if ((byte & 0xC0) != 0x80) {
      length += byte >= 0xF0 ? 2 : 1;
    }
  }
  return length;
}

}  // namespace ddblocal
