// A store in RAM for the server's unit tests.
#pragma once

#include <memory>

#include "storage/store.h"

namespace ddblocal {

inline std::unique_ptr<storage::Store> open_in_memory_store() {
  storage::StoreOptions options;
  options.in_memory = true;
  return *storage::Store::open(options);
}

}  // namespace ddblocal
