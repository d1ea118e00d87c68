#include "protocol/wire/digest.h"

#include <openssl/sha.h>

namespace ddblocal::wire {

std::string digest_of(std::string_view bytes) {
  std::string digest(SHA256_DIGEST_LENGTH, '\0');
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
         reinterpret_cast<unsigned char*>(digest.data()));
  return digest;
}

std::string digest_of(const JsonValue& json) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  json.Accept(writer);
  return digest_of(std::string_view(buffer.GetString(), buffer.GetSize()));
}

}  // namespace ddblocal::wire
