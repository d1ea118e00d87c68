// TableLookup: the tables of a request that names many (batches, transactions), each found
// once. The shared_ptrs keep every table alive until the request is answered.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "server/handlers/handler.h"

namespace ddblocal {

class TableLookup {
 public:
  explicit TableLookup(RequestContext& context) : context_(context) {}

  // Fails with ResourceNotFoundException, as a single-item operation on the table would.
  Result<const storage::Table*> find(const std::string& name) {
    auto found = tables_.find(name);
    if (found == tables_.end()) {
      DDB_ASSIGN_OR_RETURN(auto table, context_.store.find_table(context_.region, name));
      found = tables_.emplace(name, std::move(table)).first;
    }
    return found->second.get();
  }

 private:
  RequestContext& context_;
  std::map<std::string, std::shared_ptr<const storage::Table>, std::less<>> tables_;
};

}  // namespace ddblocal
