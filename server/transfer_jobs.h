// The exports and imports this server ran, for DescribeExport, ListExports, DescribeImport and
// ListImports. Kept in memory: a restart forgets them (the files they wrote stay). Thread-safe.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "protocol/export_import.h"

namespace ddblocal {

class TransferJobs {
 public:
  void put(const ExportDescription& job);
  void put(const ImportDescription& job);
  std::optional<ExportDescription> find_export(const std::string& arn) const;
  std::optional<ImportDescription> find_import(const std::string& arn) const;
  // The export started with ClientToken `token`, if any.
  std::optional<ExportDescription> export_with_token(const std::string& token) const;
  std::optional<ImportDescription> import_with_token(const std::string& token) const;
  // In the order they started; those of `table_arn` only when given.
  std::vector<ExportDescription> exports(const std::optional<std::string>& table_arn) const;
  std::vector<ImportDescription> imports(const std::optional<std::string>& table_arn) const;

 private:
  mutable std::mutex mutex_;
  std::vector<ExportDescription> exports_;
  std::vector<ImportDescription> imports_;
};

}  // namespace ddblocal
