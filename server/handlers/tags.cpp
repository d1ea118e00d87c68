// TagResource, UntagResource, ListTagsOfResource: a table's tags, by its ARN.
#include "protocol/wire/control_requests.h"
#include "protocol/wire/resource_arns.h"
#include "server/handlers/handler.h"

namespace ddblocal {
namespace {

// The table a tag operation's ResourceArn names; `after_arn` is the outcome of the request's
// checks that come between the ARN's form and the table's lookup.
Result<std::shared_ptr<const storage::Table>> tagged_table(RequestContext& context,
                                                           const std::string& arn,
                                                           Result<void> after_arn = {}) {
  DDB_ASSIGN_OR_RETURN(auto name,
                       wire::table_of_resource_arn(arn, context.region, wire::ArnUse::kTags));
  DDB_RETURN_IF_ERROR(after_arn);
  Result<std::shared_ptr<const storage::Table>> table =
      context.store.find_table(context.region, name);
  if (!table) {
    return wire::resource_arn_not_found(arn, name, wire::ArnUse::kTags);
  }
  return table;
}

}  // namespace

Result<std::string> handle_tag_resource(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_tag_resource(body));
  DDB_ASSIGN_OR_RETURN(
      auto table, tagged_table(context, request.resource_arn, wire::check_tags_given(request)));
  DDB_RETURN_IF_ERROR(context.store.change_tags(
      *table, [&](const TagList& current) { return add_tags(current, request.tags); }));
  return std::string("{}");
}

Result<std::string> handle_untag_resource(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_untag_resource(body));
  DDB_ASSIGN_OR_RETURN(
      auto table, tagged_table(context, request.resource_arn, wire::check_tag_keys_given(request)));
  DDB_RETURN_IF_ERROR(context.store.change_tags(
      *table, [&](const TagList& current) { return remove_tags(current, request.tag_keys); }));
  return std::string("{}");
}

Result<std::string> handle_list_tags_of_resource(RequestContext& context,
                                                 const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_list_tags_of_resource(body));
  DDB_ASSIGN_OR_RETURN(auto table, tagged_table(context, request.resource_arn));
  DDB_ASSIGN_OR_RETURN(auto tags, context.store.tags(*table));
  return wire::write_tags_page(tags, request.start);
}

}  // namespace ddblocal
