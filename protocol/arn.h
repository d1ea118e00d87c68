// Amazon Resource Names of ddblocal's resources, in the one local account:
//   arn:aws:dynamodb:<region>:000000000000:table/<name>
//   ...table/<name>/index/<index> | /backup/<id> | /export/<id> | /import/<id> | /stream/<label>
// Pure functions: building them, and reading one back into its parts.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ddblocal {

// DynamoDB Local and the docs' examples use this account id for local resources.
inline constexpr std::string_view kAccountId = "000000000000";

// The region of a namespace of tables: a namespace is a region, or (--namespace-per-key) a
// region, '/' and an access key. ARNs name the region alone.
std::string_view region_of_namespace(std::string_view tables_namespace);

// The ARN of table `table_name` of the namespace `tables_namespace`.
std::string table_arn(std::string_view tables_namespace, std::string_view table_name);

// What follows "table/<name>/" in a resource ARN.
enum class ArnResource { kTable, kIndex, kBackup, kExport, kImport, kStream, kOther };

struct ParsedArn {
  std::string partition;
  std::string service;
  std::string region;
  std::string account;
  // The text after the account, as "table/<name>/..."; empty when there is none.
  std::string resource;
  // Set when `resource` starts with "table/": the table's name and what follows it.
  std::optional<std::string> table_name;
  ArnResource kind = ArnResource::kOther;
  // The part after table/<name>/<kind>/ (an index name, a backup id...).
  std::string sub_resource;
};

// Splits `text` into arn:partition:service:region:account:resource; nullopt when it does not
// start with "arn:" or has fewer parts.
std::optional<ParsedArn> parse_arn(std::string_view text);

}  // namespace ddblocal
