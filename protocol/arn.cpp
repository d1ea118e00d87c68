#include "protocol/arn.h"

namespace ddblocal {
namespace {

ArnResource resource_kind(std::string_view kind) {
  if (kind == "index") {
    return ArnResource::kIndex;
  }
  if (kind == "backup") {
    return ArnResource::kBackup;
  }
  if (kind == "export") {
    return ArnResource::kExport;
  }
  if (kind == "import") {
    return ArnResource::kImport;
  }
  return kind == "stream" ? ArnResource::kStream : ArnResource::kOther;
}

// Reads table/<name>[/<kind>/<rest>] into `arn`.
void read_table_resource(ParsedArn& arn) {
  constexpr std::string_view kTablePrefix = "table/";
  std::string_view resource = arn.resource;
  if (!resource.starts_with(kTablePrefix)) {
    return;
  }
  resource.remove_prefix(kTablePrefix.size());
  const std::size_t slash = resource.find('/');
  arn.table_name = std::string(resource.substr(0, slash));
  if (slash == std::string_view::npos) {
    arn.kind = ArnResource::kTable;
    return;
  }
  std::string_view rest = resource.substr(slash + 1);
  const std::size_t next = rest.find('/');
  arn.kind =
      next == std::string_view::npos ? ArnResource::kOther : resource_kind(rest.substr(0, next));
  if (next != std::string_view::npos) {
    arn.sub_resource = std::string(rest.substr(next + 1));
  }
}

}  // namespace

std::string_view region_of_namespace(std::string_view tables_namespace) {
  return tables_namespace.substr(0, tables_namespace.find('/'));
}

std::string table_arn(std::string_view tables_namespace, std::string_view table_name) {
  std::string arn = "arn:aws:dynamodb:";
  arn.append(region_of_namespace(tables_namespace))
      .append(":")
      .append(kAccountId)
      .append(":table/")
      .append(table_name);
  return arn;
}

std::optional<ParsedArn> parse_arn(std::string_view text) {
  if (!text.starts_with("arn:")) {
    return std::nullopt;
  }
  std::string_view parts[4];
  std::string_view rest = text.substr(4);
  for (std::string_view& part : parts) {
    const std::size_t colon = rest.find(':');
    if (colon == std::string_view::npos) {
      return std::nullopt;
    }
    part = rest.substr(0, colon);
    rest.remove_prefix(colon + 1);
  }
  // The resource is the rest, colons included (a stream label holds some).
  ParsedArn arn;
  arn.partition = parts[0];
  arn.service = parts[1];
  arn.region = parts[2];
  arn.account = parts[3];
  arn.resource = rest;
  read_table_resource(arn);
  return arn;
}

}  // namespace ddblocal
