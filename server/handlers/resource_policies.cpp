// PutResourcePolicy, GetResourcePolicy, DeleteResourcePolicy: a table's resource-based policy,
// stored and answered, never enforced.
#include "protocol/wire/control_requests.h"
#include "protocol/wire/resource_arns.h"
#include "server/handlers/handler.h"
#include "server/handlers/revision_ids.h"

namespace ddblocal {
namespace {

struct PolicyTarget {
  std::shared_ptr<const storage::Table> table;
  std::string name;
};

Result<PolicyTarget> policy_table(RequestContext& context, const std::string& arn) {
  DDB_ASSIGN_OR_RETURN(
      auto name, wire::table_of_resource_arn(arn, context.region, wire::ArnUse::kResourcePolicy));
  Result<std::shared_ptr<const storage::Table>> table =
      context.store.find_table(context.region, name);
  if (!table) {
    return wire::resource_arn_not_found(arn, name, wire::ArnUse::kResourcePolicy);
  }
  return PolicyTarget{std::move(*table), std::move(name)};
}

}  // namespace

Result<std::string> handle_put_resource_policy(RequestContext& context,
                                               const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_put_resource_policy(body));
  DDB_ASSIGN_OR_RETURN(auto target, policy_table(context, request.resource_arn));
  DDB_ASSIGN_OR_RETURN(auto policy,
                       context.store.change_resource_policy(
                           *target.table,
                           [&](const std::optional<ResourcePolicy>& current)
                               -> Result<std::optional<ResourcePolicy>> {
                             std::string revision = new_revision_id();
                             if (current && current->revision_id >= revision) {
                               revision = std::to_string(std::stoll(current->revision_id) + 1);
                             }
                             DDB_ASSIGN_OR_RETURN(
                                 auto put,
                                 put_policy(current, request.policy, request.expected_revision_id,
                                            target.name, std::move(revision)));
                             return std::optional<ResourcePolicy>(std::move(put));
                           }));
  return wire::write_revision(policy->revision_id);
}

Result<std::string> handle_get_resource_policy(RequestContext& context,
                                               const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_get_resource_policy(body));
  DDB_ASSIGN_OR_RETURN(auto target, policy_table(context, request.resource_arn));
  DDB_ASSIGN_OR_RETURN(auto policy, context.store.resource_policy(*target.table));
  if (!policy) {
    return policy_not_found(request.resource_arn);
  }
  return wire::write_revision(policy->revision_id, &policy->document);
}

Result<std::string> handle_delete_resource_policy(RequestContext& context,
                                                  const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_delete_resource_policy(body));
  DDB_ASSIGN_OR_RETURN(auto target, policy_table(context, request.resource_arn));
  std::string deleted;
  DDB_RETURN_IF_ERROR(context.store.change_resource_policy(
      *target.table,
      [&](const std::optional<ResourcePolicy>& current) -> Result<std::optional<ResourcePolicy>> {
        DDB_ASSIGN_OR_RETURN(deleted, delete_policy(current, request.expected_revision_id,
                                                    request.resource_arn, target.name));
        return std::optional<ResourcePolicy>();
      }));
  return wire::write_revision(deleted);
}

}  // namespace ddblocal
