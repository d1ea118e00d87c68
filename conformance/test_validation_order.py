"""Which error wins when a request has several things wrong, for the operations beyond items,
Query, Scan and batches (whose order lives in their own test files), and the few table rules
recorded since those were written. Grouped by operation; each test names where DynamoDB's answer
was recorded. The rules, one per line, are in /work/notes/validation-order.md."""

import pytest

from conftest import failure, unique_name, validation
from raw_json import call_error

RCC = ("Value 'BOGUS' at 'returnConsumedCapacity' failed to satisfy constraint: "
       "Member must satisfy enum value set: [INDEXES, TOTAL, NONE]")
RICM = ("Value 'BOGUS2' at 'returnItemCollectionMetrics' failed to satisfy constraint: "
        "Member must satisfy enum value set: [SIZE, NONE]")


# DynamoDB Local looks a missing table up before checks DynamoDB makes first.
TABLE_FIRST = pytest.mark.oracle_deviation("DynamoDB Local looks the table up first")


def one(message):
    return validation("1 validation error detected: " + message)


def key(p):
    return {"p": {"S": p}}


def deep(depth):
    """A string nested in `depth` single-member maps."""
    value = {"S": "leaf"}
    for _ in range(depth):
        value = {"M": {"n": value}}
    return value


# ---- TransactWriteItems -------------------------------------------------------------------------
# paritysuite/dynamodb-conformance tests/tier3/validation-ordering/transactions.test.ts (us-east-1
# and eu-west-2, 2026-10-09): member constraints first, all in one message; everything else after.

# DynamoDB Local checks the actions before the top-level enums.
ENUMS_AFTER_ACTIONS = pytest.mark.oracle_deviation(
    "DynamoDB Local checks the actions before ReturnConsumedCapacity")


@ENUMS_AFTER_ACTIONS
def test_transact_write_reports_both_enums_consumed_capacity_first(raw_client, create_table):
    table = create_table()
    assert failure(raw_client.transact_write_items,
                   TransactItems=[{"Put": {"TableName": table, "Item": key("a")}}],
                   ReturnConsumedCapacity="BOGUS", ReturnItemCollectionMetrics="BOGUS2") == \
        validation(f"2 validation errors detected: {RCC}; {RICM}")


@ENUMS_AFTER_ACTIONS
def test_transact_write_reports_an_enum_ahead_of_a_missing_table(raw_client):
    assert failure(raw_client.transact_write_items,
                   TransactItems=[{"Put": {"TableName": unique_name(), "Item": key("a")}}],
                   ReturnConsumedCapacity="BOGUS") == one(RCC)


@ENUMS_AFTER_ACTIONS
def test_transact_write_reports_an_enum_ahead_of_a_duplicate_target(raw_client, create_table):
    table = create_table()
    assert failure(raw_client.transact_write_items, TransactItems=[
        {"Put": {"TableName": table, "Item": key("a")}},
        {"Delete": {"TableName": table, "Key": key("a")}},
    ], ReturnConsumedCapacity="BOGUS") == one(RCC)


# The same file: us-east-1 echoes a too-long token and lists it before the enum (eu-west-2 names
# the member without its value and reports it alone).
@pytest.mark.oracle_deviation("DynamoDB Local reports the token alone, without the envelope")
def test_transact_write_reports_a_long_token_ahead_of_an_enum(raw_client, create_table):
    table = create_table()
    token = "x" * 37
    assert failure(raw_client.transact_write_items,
                   TransactItems=[{"Put": {"TableName": table, "Item": key("a")}}],
                   ClientRequestToken=token, ReturnConsumedCapacity="BOGUS") == validation(
        f"2 validation errors detected: Value '{token}' at 'clientRequestToken' failed to satisfy "
        f"constraint: Member must have length less than or equal to 36; {RCC}")


# The same file: a malformed condition on any action beats a missing table on an earlier one.
def test_transact_write_reports_a_later_syntax_error_ahead_of_a_missing_table(raw_client,
                                                                               create_table):
    table = create_table()
    assert failure(raw_client.transact_write_items, TransactItems=[
        {"Put": {"TableName": unique_name(), "Item": key("a")}},
        {"ConditionCheck": {"TableName": table, "Key": key("b"),
                            "ConditionExpression": "attribute_not_exists("}},
    ]) == validation('Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "("')


# The same file: a value no expression uses beats a missing table (earlier or later action) and a
# duplicate target.
UNUSED = "Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}"


def unused_check(table):
    return {"ConditionCheck": {"TableName": table, "Key": key("b"),
                               "ConditionExpression": "attribute_not_exists(p)",
                               "ExpressionAttributeValues": {":v": {"S": "x"}}}}


@pytest.mark.parametrize("missing_first", [True, False])
def test_transact_write_reports_an_unused_value_ahead_of_a_missing_table(raw_client, create_table,
                                                                         missing_first):
    missing = {"Put": {"TableName": unique_name(), "Item": key("a")}}
    unused = unused_check(create_table())
    items = [missing, unused] if missing_first else [unused, missing]
    assert failure(raw_client.transact_write_items, TransactItems=items) == validation(UNUSED)


def test_transact_write_reports_an_unused_value_ahead_of_a_duplicate_target(raw_client,
                                                                            create_table):
    table = create_table()
    assert failure(raw_client.transact_write_items, TransactItems=[
        {"Put": {"TableName": table, "Item": key("b")}}, unused_check(table),
    ]) == validation(UNUSED)


def listed(message):
    """The count and the set of violations of a `N validation errors detected: ` message."""
    count, _, rest = message.partition(" validation error")
    return int(count), sorted(rest.split("detected: ", 1)[1].split("; "))


def null_at(path):
    return f"Value null at '{path}' failed to satisfy constraint: Member must not be null"


# The same file's summary ("every failing member is reported in one message", naming a table
# name's pattern among them) and architect/dynalite test/transactWriteItem.js "incorrect
# attributes" (the enums with a Put's and a Delete's missing members of one element, listed
# together): the actions' member constraints join the top-level ones, before the element's own
# "one action" rule. Their order is not recorded.
@ENUMS_AFTER_ACTIONS
def test_transact_write_lists_top_level_and_action_members_together(raw_client, create_table):
    table = create_table()
    _, message, _ = failure(raw_client.transact_write_items, ReturnConsumedCapacity="BOGUS",
                            TransactItems=[{"Put": {"TableName": table},
                                            "Delete": {"TableName": table}}])
    assert listed(message) == (3, sorted([RCC, null_at("transactItems.1.member.put.item"),
                                          null_at("transactItems.1.member.delete.key")]))


@ENUMS_AFTER_ACTIONS
def test_transact_get_lists_top_level_and_action_members_together(raw_client, create_table):
    _, message, _ = failure(raw_client.transact_get_items, ReturnConsumedCapacity="BOGUS",
                            TransactItems=[{"Get": {"Key": key("a")}}])
    assert listed(message) == (2, sorted([RCC, null_at("transactItems.1.member.get.tableName")]))


# paritysuite/dynamodb-conformance tests/tier3/validation-ordering/deepRequests.test.ts (ten
# regions, 2026-10-09): actions are checked one at a time in request order, and the first problem
# met wins whatever its kind. Every table there is absent: these answers come before the lookup.
NEST = ("Nesting Levels have exceeded supported limits: Attributes in the item have nested levels "
        "beyond supported limit")


def test_transact_write_reports_an_earlier_deep_item_ahead_of_a_later_empty_name(raw_client):
    table = unique_name()
    assert failure(raw_client.transact_write_items, TransactItems=[
        {"Put": {"TableName": table, "Item": dict(key("b"), d=deep(40))}},
        {"Put": {"TableName": table, "Item": dict(key("a"), **{"": {"S": "x"}})}},
    ]) == validation(NEST)


def test_transact_write_reports_an_earlier_deep_key_ahead_of_a_later_syntax_error(raw_client):
    table = unique_name()
    assert failure(raw_client.transact_write_items, TransactItems=[
        {"Delete": {"TableName": table, "Key": {"p": deep(40)}}},
        {"Put": {"TableName": table, "Item": key("a"), "ConditionExpression": "a = = b"}},
    ]) == validation(NEST)


def test_transact_write_reports_an_earlier_syntax_error_ahead_of_a_later_deep_item(raw_client):
    table = unique_name()
    assert failure(raw_client.transact_write_items, TransactItems=[
        {"Put": {"TableName": table, "Item": key("a"), "ConditionExpression": "a = = b"}},
        {"Put": {"TableName": table, "Item": dict(key("b"), d=deep(40))}},
    ]) == validation('Invalid ConditionExpression: Syntax error; token: "=", near: "= = b"')


# ---- TransactGetItems ---------------------------------------------------------------------------
# paritysuite/dynamodb-conformance tests/tier3/validation-ordering/transactions.test.ts (us-east-1
# and eu-west-2, 2026-10-09).

@ENUMS_AFTER_ACTIONS
def test_transact_get_reports_an_enum_ahead_of_a_missing_table(raw_client):
    assert failure(raw_client.transact_get_items,
                   TransactItems=[{"Get": {"TableName": unique_name(), "Key": key("a")}}],
                   ReturnConsumedCapacity="BOGUS") == one(RCC)


@ENUMS_AFTER_ACTIONS
def test_transact_get_reports_an_enum_ahead_of_a_duplicate_target(raw_client, create_table):
    table = create_table()
    get = {"Get": {"TableName": table, "Key": key("a")}}
    assert failure(raw_client.transact_get_items, TransactItems=[get, get],
                   ReturnConsumedCapacity="BOGUS") == one(RCC)


# ---- PartiQL (ExecuteStatement) -----------------------------------------------------------------
# nubo-db/dynamodb-conformance tests/tier3/validation-ordering/partiql.test.ts (recorded on AWS):
# checks of the statement itself answer before the table is looked up.

def test_statement_operand_type_is_checked_before_the_table(raw_client):
    code, message, _ = failure(
        raw_client.execute_statement,
        Statement=f'SELECT p FROM "{unique_name()}" WHERE p = ? AND v < ?',
        Parameters=[{"S": "x"}, {"BOOL": True}])
    assert code == "ValidationException"
    assert "Incorrect operand type" in message


def test_empty_path_component_is_checked_before_the_table(raw_client):
    code, message, _ = failure(raw_client.execute_statement,
                               Statement="SELECT * FROM \"\" WHERE p = 'x'")
    assert code == "ValidationException"
    assert "Path component cannot be an empty string" in message


def test_well_formed_statement_on_a_missing_table_is_not_found(raw_client):
    code, _, _ = failure(raw_client.execute_statement,
                         Statement=f'SELECT p FROM "{unique_name()}" WHERE p = ?',
                         Parameters=[{"S": "x"}])
    assert code == "ResourceNotFoundException"


# ---- DescribeTable and DeleteTable --------------------------------------------------------------
# ack-api-quirks DDB-TABLE-457 (details/DDB-TABLE-457.md, DynamoDB 2026-10-09, exact text):
# DescribeTable answers an empty TableName with two member constraints, length before pattern,
# where dynalite had recorded the table operations' own "TableName must be at least 3 ...".
# "a;" and a 256-character name are inferred from that record.
NAME_CONSTRAINTS = pytest.mark.oracle_deviation(
    "DynamoDB Local answers an invalid table name with a text of its own")
SHORT = "failed to satisfy constraint: Member must have length greater than or equal to 3"
PATTERN = ("failed to satisfy constraint: Member must satisfy regular expression pattern: "
           "[a-zA-Z0-9_.-]+")


@NAME_CONSTRAINTS
@pytest.mark.parametrize("name", ["", "a;"])
def test_describe_table_lists_the_name_length_before_its_pattern(raw_client, name):
    assert failure(raw_client.describe_table, TableName=name) == validation(
        f"2 validation errors detected: Value '{name}' at 'tableName' {SHORT}; "
        f"Value '{name}' at 'tableName' {PATTERN}")


@NAME_CONSTRAINTS
def test_describe_table_long_name_is_a_member_constraint(raw_client):
    name = "a" * 256
    assert failure(raw_client.describe_table, TableName=name) == one(
        f"Value '{name}' at 'tableName' failed to satisfy constraint: Member must have length "
        "less than or equal to 255")


# DeleteTable has no 2026 record: it keeps dynalite's (test/deleteTable.js) answer.
@NAME_CONSTRAINTS
def test_delete_table_empty_name_keeps_the_table_operations_message(raw_client):
    assert failure(raw_client.delete_table, TableName="") == validation(
        "TableName must be at least 3 characters long and at most 255 characters long")


# ---- UpdateTable --------------------------------------------------------------------------------
# architect/dynalite test/updateTable.js (recorded against DynamoDB). Its tables "abc" do not
# exist, so every answer there but the not-found ones comes before the table is looked up.
# Recorded there with TableName as the only member; that a wrong member beside it is not
# reported is inferred from how dynalite (and ddblocal's other table-level operations) check it.
TABLE_NAME_LENGTH = "TableName must be at least 3 characters long and at most 255 characters long"
NAME_FIRST = pytest.mark.oracle_deviation(
    "DynamoDB Local answers 'Invalid table/index name' for both")


@NAME_FIRST
def test_update_table_missing_name_comes_first_and_alone(raw_client):
    assert failure(raw_client.update_table, BillingMode="BOGUS") == validation(
        "The parameter 'TableName' is required but was not present in the request")


@NAME_FIRST
@pytest.mark.parametrize("name", ["", "a;", "a" * 256])
def test_update_table_name_length_comes_first_and_alone(raw_client, name):
    assert failure(raw_client.update_table, TableName=name, BillingMode="BOGUS") == \
        validation(TABLE_NAME_LENGTH)


@TABLE_FIRST
def test_update_table_throughput_out_of_bounds_comes_before_the_table(raw_client):
    assert failure(raw_client.update_table, TableName=unique_name(), ProvisionedThroughput={
        "ReadCapacityUnits": 1000000000001, "WriteCapacityUnits": 1000000000001}) == \
        validation("Given value 1000000000001 for ReadCapacityUnits is out of bounds")


@TABLE_FIRST
def test_update_table_member_constraint_comes_before_out_of_bounds(raw_client):
    assert failure(raw_client.update_table, TableName=unique_name(), ProvisionedThroughput={
        "ReadCapacityUnits": 1000000000001, "WriteCapacityUnits": -1}) == one(
        "Value '-1' at 'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: "
        "Member must have value greater than or equal to 1")


def test_update_table_index_throughput_out_of_bounds_comes_after_the_table(raw_client):
    code, _, _ = failure(raw_client.update_table, TableName=unique_name(),
                         GlobalSecondaryIndexUpdates=[{"Update": {
                             "IndexName": "abc", "ProvisionedThroughput": {
                                 "ReadCapacityUnits": 1000000000001,
                                 "WriteCapacityUnits": 1000000000001}}}])
    assert code == "ResourceNotFoundException"


@TABLE_FIRST
@pytest.mark.parametrize("updates, message", [
    ([{}] * 6, "One or more parameter values were invalid: One of GlobalSecondaryIndexUpdate.Update, "
               "GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be "
               "null"),
    ([{"Delete": {"IndexName": "abc"}}] * 2,
     "One or more parameter values were invalid: Only one global secondary index update per "
     "index is allowed simultaneously. Index: abc"),
])
def test_update_table_index_update_rules_come_before_the_table(raw_client, updates, message):
    assert failure(raw_client.update_table, TableName=unique_name(),
                   GlobalSecondaryIndexUpdates=updates) == validation(message)


# The "At least one of" wording is 2026's (/work/notes/messages-2026.md); dynalite recorded the
# rule with an empty GlobalSecondaryIndexUpdates on a missing table.
@TABLE_FIRST
def test_update_table_nothing_to_change_comes_before_the_table(raw_client):
    code, message, _ = failure(raw_client.update_table, TableName=unique_name(),
                               GlobalSecondaryIndexUpdates=[])
    assert code == "ValidationException"
    assert message.startswith("At least one of ProvisionedThroughput, BillingMode, ")


# dynalite records these five as one message (it does not record their order).
@TABLE_FIRST
def test_update_table_index_update_constraints_are_listed_together(raw_client):
    _, message, _ = failure(raw_client.update_table, TableName=unique_name(),
                            GlobalSecondaryIndexUpdates=[
                                {"Update": {"IndexName": "a", "ProvisionedThroughput": {}}},
                                {"Update": {"IndexName": "abc;", "ProvisionedThroughput": {
                                    "ReadCapacityUnits": 1000000000001,
                                    "WriteCapacityUnits": 0}}}])
    prefix = "5 validation errors detected: "
    assert message.startswith(prefix)
    path = "globalSecondaryIndexUpdates.{}.member.update."
    assert sorted(message[len(prefix):].split("; ")) == sorted([
        f"Value 'a' at '{path.format(1)}indexName' failed to satisfy constraint: "
        "Member must have length greater than or equal to 3",
        f"Value null at '{path.format(1)}provisionedThroughput.writeCapacityUnits' failed to "
        "satisfy constraint: Member must not be null",
        f"Value null at '{path.format(1)}provisionedThroughput.readCapacityUnits' failed to "
        "satisfy constraint: Member must not be null",
        f"Value 'abc;' at '{path.format(2)}indexName' failed to satisfy constraint: "
        "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
        f"Value '0' at '{path.format(2)}provisionedThroughput.writeCapacityUnits' failed to "
        "satisfy constraint: Member must have value greater than or equal to 1",
    ])


# ---- UpdateTimeToLive ---------------------------------------------------------------------------
# ack-api-quirks DDB-TABLE-457 (details/DDB-TABLE-457.md, DynamoDB 2026-10-09, exact texts):
# attributeName is listed before enabled, and an empty AttributeName is a member constraint.
# architect/dynalite test/updateTimeToLive.js (recorded, table "abc" absent): both come before the
# table is looked up. (dynalite's older capture had "TimeToLiveSpecification.AttributeName must
# be non empty" for the empty name; the 2026 record replaces it.)

@TABLE_FIRST
def test_update_ttl_specification_members_come_before_the_table(raw_client):
    assert failure(raw_client.update_time_to_live, TableName=unique_name(),
                   TimeToLiveSpecification={}) == validation(
        "2 validation errors detected: Value null at 'timeToLiveSpecification.attributeName' "
        "failed to satisfy constraint: Member must not be null; Value null at "
        "'timeToLiveSpecification.enabled' failed to satisfy constraint: Member must not be null")


@TABLE_FIRST
def test_update_ttl_empty_attribute_name_comes_before_the_table(raw_client):
    assert failure(raw_client.update_time_to_live, TableName=unique_name(),
                   TimeToLiveSpecification={"AttributeName": "", "Enabled": True}) == one(
        "Value '' at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: "
        "Member must have length greater than or equal to 1")


# Recorded with TableName alone; that the specification is not looked at is inferred, as for
# UpdateTable above.
@NAME_FIRST
def test_update_ttl_table_name_comes_first_and_alone(raw_client):
    assert failure(raw_client.update_time_to_live, TableName="a;",
                   TimeToLiveSpecification={}) == validation(TABLE_NAME_LENGTH)
    assert failure(raw_client.update_time_to_live, TimeToLiveSpecification={}) == validation(
        "The parameter 'TableName' is required but was not present in the request")


# ---- TagResource / UntagResource ----------------------------------------------------------------
# architect/dynalite test/tagResource.js (recorded against DynamoDB): a missing Tags is a member
# constraint reported before the ARN is read; the ARN's form is checked before an empty Tags,
# which comes before the table is looked up. Today's ARN texts: /work/notes/control-plane.md.
TAGGING = pytest.mark.oracle_deviation("DynamoDB Local does not support tagging")


@TAGGING
def test_tag_missing_tags_comes_before_the_arn(raw_client):
    assert failure(raw_client.tag_resource, ResourceArn="a:b:c:d:e:f/g") == one(
        "Value null at 'tags' failed to satisfy constraint: Member must not be null")


def other_region_arn(name):
    return f"arn:aws:dynamodb:eu-west-1:000000000000:table/{name}"


@TAGGING
def test_tag_arn_form_comes_before_an_empty_tags(raw_client):
    arn = other_region_arn(unique_name())
    assert failure(raw_client.tag_resource, ResourceArn=arn, Tags=[]) == validation(
        f"Invalid TableArn: Invalid ResourceArn provided as input {arn}")
    assert failure(raw_client.tag_resource, ResourceArn="abc", Tags=[]) == validation(
        "One or more parameter values were invalid: ARNs must start with 'arn:': abc")


@TAGGING
def test_tag_empty_tags_comes_before_the_table(raw_client, client):
    arn = f"arn:aws:dynamodb:us-east-1:000000000000:table/{unique_name()}"
    assert failure(raw_client.tag_resource, ResourceArn=arn, Tags=[]) == validation(
        "Atleast one Tag needs to be provided as Input.")


# UntagResource: the same order (architect/dynalite test/untagResource.js, recorded).
@TAGGING
def test_untag_missing_keys_comes_before_the_arn(raw_client):
    assert failure(raw_client.untag_resource, ResourceArn="a:b:c:d:e:f/g") == one(
        "Value null at 'tagKeys' failed to satisfy constraint: Member must not be null")


@TAGGING
def test_untag_arn_form_comes_before_empty_keys_which_come_before_the_table(raw_client):
    arn = other_region_arn(unique_name())
    assert failure(raw_client.untag_resource, ResourceArn=arn, TagKeys=[]) == validation(
        f"Invalid TableArn: Invalid ResourceArn provided as input {arn}")
    missing = f"arn:aws:dynamodb:us-east-1:000000000000:table/{unique_name()}"
    assert failure(raw_client.untag_resource, ResourceArn=missing, TagKeys=[]) == validation(
        "Atleast one Tag Key needs to be provided as Input.")


# ---- ListTables ---------------------------------------------------------------------------------
# architect/dynalite test/listTables.js "should return ValidationExceptions in order" (recorded,
# exact text): limit first, then the start name's pattern, then its length.
LIST_TABLES_OWN_TEXTS = pytest.mark.oracle_deviation(
    "DynamoDB Local answers ListTables with texts of its own")


@LIST_TABLES_OWN_TEXTS
def test_list_tables_lists_limit_then_the_start_name(raw_client):
    assert failure(raw_client.list_tables, ExclusiveStartTableName="a;", Limit=500) == validation(
        "3 validation errors detected: Value '500' at 'limit' failed to satisfy constraint: "
        "Member must have value less than or equal to 100; Value 'a;' at 'exclusiveStartTableName' "
        "failed to satisfy constraint: Member must satisfy regular expression pattern: "
        "[a-zA-Z0-9_.-]+; Value 'a;' at 'exclusiveStartTableName' failed to satisfy constraint: "
        "Member must have length greater than or equal to 3")


@LIST_TABLES_OWN_TEXTS
def test_list_tables_empty_start_name_breaks_pattern_and_length(raw_client):
    assert failure(raw_client.list_tables, ExclusiveStartTableName="") == validation(
        "2 validation errors detected: Value '' at 'exclusiveStartTableName' failed to satisfy "
        "constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value '' at "
        "'exclusiveStartTableName' failed to satisfy constraint: Member must have length greater "
        "than or equal to 3")


# ---- Backups, restores and exports --------------------------------------------------------------
# ack-api-quirks DDB-TABLE-457 (details/DDB-TABLE-457.md, DynamoDB 2026-10-09, exact texts): an
# empty ARN or target name is answered by the operation's own check, not by a member constraint.
NO_BACKUPS = pytest.mark.oracle_deviation("DynamoDB Local has no backups, restores or exports")
MISSING_BACKUP_ARN = ("arn:aws:dynamodb:us-east-1:000000000000:table/abc/backup/"
                      "01700000000000-abcdef12")


@NO_BACKUPS
def test_describe_backup_empty_arn_is_an_invalid_arn(raw_client):
    assert failure(raw_client.describe_backup, BackupArn="") == validation("Invalid Backup ARN")


@NO_BACKUPS
def test_restore_empty_target_name_gets_the_table_name_message(raw_client):
    assert failure(raw_client.restore_table_from_backup, TargetTableName="",
                   BackupArn=MISSING_BACKUP_ARN) == validation(TABLE_NAME_LENGTH)


# The other way round from DescribeTable's tableName: the pattern first (exact text).
@NO_BACKUPS
def test_create_backup_empty_name_lists_pattern_before_length(raw_client):
    assert failure(raw_client.create_backup, TableName=unique_name(), BackupName="") == validation(
        f"2 validation errors detected: Value '' at 'backupName' {PATTERN}; "
        f"Value '' at 'backupName' {SHORT}")


@NO_BACKUPS
def test_export_empty_table_arn_is_an_invalid_table_arn(raw_client):
    assert failure(raw_client.export_table_to_point_in_time, TableArn="",
                   S3Bucket="bucket") == validation("Invalid TableArn: Invalid Table ARN")


# The bucket's pattern is a member constraint, so it comes before the table is looked up (that
# order is inferred; the text is recorded).
@NO_BACKUPS
def test_export_empty_bucket_breaks_its_pattern_before_the_table(raw_client):
    arn = f"arn:aws:dynamodb:us-east-1:000000000000:table/{unique_name()}"
    assert failure(raw_client.export_table_to_point_in_time, TableArn=arn, S3Bucket="") == one(
        "Value '' at 's3Bucket' failed to satisfy constraint: Member must satisfy regular "
        r"expression pattern: ^[a-z0-9A-Z]+[\.\-\w]*[a-z0-9A-Z]+$")


# The text is recorded; that it comes before the table lookup is inferred.
@NO_BACKUPS
def test_continuous_backups_period_constraint_comes_before_the_table(endpoint):
    # RecoveryPeriodInDays is newer than this machine's botocore: sent as signed JSON.
    assert call_error(endpoint, "UpdateContinuousBackups", TableName=unique_name(),
                      PointInTimeRecoverySpecification={
                          "PointInTimeRecoveryEnabled": True, "RecoveryPeriodInDays": 0}) == (
        "ValidationException", one(
            "Value '0' at 'pointInTimeRecoverySpecification.recoveryPeriodInDays' failed to "
            "satisfy constraint: Member must have value greater than or equal to 1")[1])


# ---- RestoreTableToPointInTime ------------------------------------------------------------------
# ack-api-quirks DDB-TABLE-100 (DynamoDB 2026-10-08): the request's shape, then whether the source
# has point-in-time recovery, then the restore time, then whether the target exists; a missing
# source before an existing target.
def pitr_tables(client, create_table):
    """(source without recovery, source with recovery, an existing target). Called in the test
    body, so that DynamoDB Local's missing operations fail the test, not its setup."""
    without, with_recovery, target = create_table(), create_table(), create_table()
    client.update_continuous_backups(TableName=with_recovery, PointInTimeRecoverySpecification={
        "PointInTimeRecoveryEnabled": True})
    return without, with_recovery, target


def restore_failure(client, **params):
    code, message, _ = failure(client.restore_table_to_point_in_time, **params)
    return code, message


BOTH_TIMES = ("Invalid Request: Both RestoreDateTime and UseLatestRestorableTime cannot be set "
              "for point-in-time restore request. Please specify either RestoreDateTime time or "
              "UseLatestRestorableTime")
NO_TIME = ("Invalid Request: Either one of RestoreDateTime or UseLatestRestorableTime must be "
           "specified, but not both")


@NO_BACKUPS
def test_restore_time_flags_come_before_recovery(raw_client, client, create_table):
    without, _, _ = pitr_tables(client, create_table)
    target = unique_name()
    assert restore_failure(raw_client, SourceTableName=without, TargetTableName=target,
                           UseLatestRestorableTime=True, RestoreDateTime=10) == \
        ("ValidationException", BOTH_TIMES)
    assert restore_failure(raw_client, SourceTableName=without, TargetTableName=target) == \
        ("ValidationException", NO_TIME)


@NO_BACKUPS
def test_restore_recovery_comes_before_the_time_and_the_target(raw_client, client, create_table):
    without, _, existing = pitr_tables(client, create_table)
    unavailable = ("PointInTimeRecoveryUnavailableException",
                   f"Point in time recovery is not enabled for table '{without}'")
    assert restore_failure(raw_client, SourceTableName=without, TargetTableName=existing,
                           UseLatestRestorableTime=True) == unavailable
    assert restore_failure(raw_client, SourceTableName=without, TargetTableName=unique_name(),
                           RestoreDateTime=10) == unavailable


@NO_BACKUPS
def test_restore_time_comes_before_the_target(raw_client, client, create_table):
    _, with_recovery, existing = pitr_tables(client, create_table)
    code, _ = restore_failure(raw_client, SourceTableName=with_recovery, TargetTableName=existing,
                              RestoreDateTime=10)
    assert code == "InvalidRestoreTimeException"


@NO_BACKUPS
def test_restore_missing_source_comes_before_an_existing_target(raw_client, client, create_table):
    _, _, existing = pitr_tables(client, create_table)
    missing = unique_name()
    assert restore_failure(raw_client, SourceTableName=missing, TargetTableName=existing,
                           UseLatestRestorableTime=True) == \
        ("TableNotFoundException", f"Table not found: {missing}")


@NO_BACKUPS
def test_restore_onto_an_existing_table_or_the_source(raw_client, client, create_table):
    _, with_recovery, existing = pitr_tables(client, create_table)
    for target in (existing, with_recovery):
        assert restore_failure(raw_client, SourceTableName=with_recovery, TargetTableName=target,
                               UseLatestRestorableTime=True) == \
            ("TableAlreadyExistsException", f"Table already exists: {target}")


# ---- DynamoDB Streams: GetShardIterator ---------------------------------------------------------
# scylladb/scylladb test/alternator/test_streams.py test_get_shard_iterator and
# test_get_shard_iterator_for_nonexistent_stream (run against DynamoDB): a malformed StreamArn, an
# unknown iterator type and an over-long SequenceNumber are ValidationExceptions, answered before
# the stream or the shard is looked up; an unknown shard of a real stream is not found.
def stream_and_shard(client, streams, create_table):
    table = create_table(StreamSpecification={"StreamEnabled": True,
                                              "StreamViewType": "KEYS_ONLY"})
    arn = client.describe_table(TableName=table)["Table"]["LatestStreamArn"]
    shard = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]
    return arn, shard["ShardId"], shard["SequenceNumberRange"]["StartingSequenceNumber"]


@pytest.mark.oracle_deviation("DynamoDB Local answers ResourceNotFoundException for any text")
def test_shard_iterator_malformed_arn_comes_before_the_lookup(client, streams, create_table):
    _, shard, _ = stream_and_shard(client, streams, create_table)
    code, _, _ = failure(streams.get_shard_iterator,
                         StreamArn="sdfadfsddafgdafsgjnadflkgnalngalsdfnlkasnlkasdfasdfasf",
                         ShardId=shard, ShardIteratorType="LATEST")
    assert code == "ValidationException"


@pytest.mark.parametrize("kind, sequence", [
    ("bulle", None),  # with the shard's own sequence number
    ("LATEST", "sdfsafglldfngjdafnasdflgnaldklkafdsgklnasdlv"),
])
def test_shard_iterator_type_and_sequence_are_checked_on_a_real_shard(client, streams,
                                                                      create_table, kind,
                                                                      sequence):
    arn, shard, start = stream_and_shard(client, streams, create_table)
    code, _, _ = failure(streams.get_shard_iterator, StreamArn=arn, ShardId=shard,
                         ShardIteratorType=kind, SequenceNumber=sequence or start)
    assert code == "ValidationException"


def test_shard_iterator_unknown_shard_is_not_found(client, streams, create_table):
    arn, _, _ = stream_and_shard(client, streams, create_table)
    code, _, _ = failure(streams.get_shard_iterator, StreamArn=arn,
                         ShardId="semprinidfaasdasfsdvacsdcfsdsvsdvsdvsdvsdvsdv",
                         ShardIteratorType="LATEST")
    assert code == "ResourceNotFoundException"


# ---- ImportTable --------------------------------------------------------------------------------
# ack-api-quirks DDB-IMPORT-009 (DynamoDB 2026-10-09, exact texts). DynamoDB does not look at the
# bucket while answering, so these come before anything is read from S3.
def import_request(**extra):
    return dict({
        "S3BucketSource": {"S3Bucket": "bucket"},
        "InputFormat": "DYNAMODB_JSON",
        "TableCreationParameters": {
            "TableName": unique_name(),
            "KeySchema": [{"AttributeName": "p", "KeyType": "HASH"}],
            "AttributeDefinitions": [{"AttributeName": "p", "AttributeType": "S"}],
            "BillingMode": "PAY_PER_REQUEST"}}, **extra)


@NO_BACKUPS
def test_import_compression_enum_lists_dynamodbs_order(endpoint):
    assert call_error(endpoint, "ImportTable", **import_request(InputCompressionType="BZIP2")) == (
        "ValidationException", one(
            "Value 'BZIP2' at 'inputCompressionType' failed to satisfy constraint: Member must "
            "satisfy enum value set: [ZSTD, NONE, GZIP]")[1])


@NO_BACKUPS
def test_import_csv_options_with_json_are_refused_before_the_bucket(endpoint):
    assert call_error(endpoint, "ImportTable", **import_request(
        InputFormatOptions={"Csv": {"Delimiter": ","}})) == (
        "ValidationException",
        "Invalid Request: Unsupported InputFormatOptions for the given input format: "
        "DYNAMODB_JSON.")


@NO_BACKUPS
def test_import_throughput_rule_comes_before_the_bucket(endpoint):
    request = import_request()
    del request["TableCreationParameters"]["BillingMode"]
    assert call_error(endpoint, "ImportTable", **request) == (
        "ValidationException",
        "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must "
        "both be specified when BillingMode is PROVISIONED")


# The same record: ImportTable words OnDemandThroughput under PROVISIONED its own way ("when
# table", a final period); CreateTable keeps UpdateTable's words (ack-api-quirks DDB-TABLE-059:
# "when the table", no period; CreateTable's own answer is not recorded, inferred).
def on_demand_under_provisioned(table, end):
    return ("ValidationException",
            "One or more parameter values were invalid: MaxWriteRequestUnits for OnDemandThroughput "
            f"cannot be specified when {table} BillingMode is PROVISIONED{end}")


PROVISIONED_ON_DEMAND = {"BillingMode": "PROVISIONED",
                         "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1},
                         "OnDemandThroughput": {"MaxWriteRequestUnits": 5}}


@NO_BACKUPS
def test_import_on_demand_under_provisioned_has_its_own_words(endpoint):
    request = import_request()
    request["TableCreationParameters"].update(PROVISIONED_ON_DEMAND)
    assert call_error(endpoint, "ImportTable", **request) == \
        on_demand_under_provisioned("table", ".")


@pytest.mark.oracle_deviation("DynamoDB Local does not answer this refusal with these words")
def test_create_table_on_demand_under_provisioned_keeps_update_tables_words(endpoint):
    request = import_request()["TableCreationParameters"]
    request.update(PROVISIONED_ON_DEMAND)
    assert call_error(endpoint, "CreateTable", **request) == \
        on_demand_under_provisioned("the table", "")


# ---- CreateTable / UpdateTable: index names -----------------------------------------------------
# ack-api-quirks DDB-TABLE-457 (DynamoDB 2026-10-09): an empty IndexName of CreateTable's
# globalSecondaryIndexes and of UpdateTable's create lists its length before its pattern (the
# record cuts the second constraint short; that it is the pattern, whose text every other record
# gives, is inferred). Local indexes and UpdateTable's update share the member: inferred.
# (ListTables' exclusiveStartTableName and CreateBackup's backupName list the pattern first:
# above.)
INDEX_NAME_CONSTRAINTS = pytest.mark.oracle_deviation(
    "DynamoDB Local answers an invalid index name with a text of its own")
INDEX_KEY = [{"AttributeName": "g", "KeyType": "HASH"}]


def empty_index_name(path):
    return validation(f"2 validation errors detected: Value '' at '{path}' {SHORT}; "
                      f"Value '' at '{path}' {PATTERN}")


def index_definition(key_schema):
    return {"IndexName": "", "KeySchema": key_schema, "Projection": {"ProjectionType": "ALL"}}


@INDEX_NAME_CONSTRAINTS
@pytest.mark.parametrize("member, key_schema", [
    ("globalSecondaryIndexes", INDEX_KEY),
    ("localSecondaryIndexes", [{"AttributeName": "p", "KeyType": "HASH"},
                               {"AttributeName": "g", "KeyType": "RANGE"}]),
])
def test_create_table_index_name_lists_length_before_pattern(raw_client, member, key_schema):
    members = {"globalSecondaryIndexes": "GlobalSecondaryIndexes",
               "localSecondaryIndexes": "LocalSecondaryIndexes"}
    assert failure(raw_client.create_table, TableName=unique_name(),
                   AttributeDefinitions=[{"AttributeName": "p", "AttributeType": "S"},
                                         {"AttributeName": "s", "AttributeType": "S"},
                                         {"AttributeName": "g", "AttributeType": "S"}],
                   KeySchema=[{"AttributeName": "p", "KeyType": "HASH"},
                              {"AttributeName": "s", "KeyType": "RANGE"}],
                   BillingMode="PAY_PER_REQUEST",
                   **{members[member]: [index_definition(key_schema)]}) == \
        empty_index_name(f"{member}.1.member.indexName")


@INDEX_NAME_CONSTRAINTS
@pytest.mark.parametrize("action, update", [
    ("create", index_definition(INDEX_KEY)),
    ("update", {"IndexName": "", "ProvisionedThroughput": {"ReadCapacityUnits": 1,
                                                           "WriteCapacityUnits": 1}}),
])
def test_update_table_index_name_lists_length_before_pattern(raw_client, action, update):
    assert failure(raw_client.update_table, TableName=unique_name(),
                   AttributeDefinitions=[{"AttributeName": "g", "AttributeType": "S"}],
                   GlobalSecondaryIndexUpdates=[{action.capitalize(): update}]) == \
        empty_index_name(f"globalSecondaryIndexUpdates.1.member.{action}.indexName")


# ---- CreateTable / UpdateTable: AttributeDefinitions --------------------------------------------
# ack-api-quirks DDB-TABLE-457 (DynamoDB 2026-10-09, exact texts, CreateTable and UpdateTable): an
# empty definition lists its type before its name (a key schema element lists name, then key
# type).
EMPTY_DEFINITION = (
    "2 validation errors detected: "
    "Value null at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: "
    "Member must not be null; "
    "Value null at 'attributeDefinitions.1.member.attributeName' failed to satisfy constraint: "
    "Member must not be null")


@pytest.mark.oracle_deviation("DynamoDB Local has texts of its own for these")
def test_create_table_empty_definition_lists_type_then_name(raw_client):
    assert failure(raw_client.create_table, TableName=unique_name(), AttributeDefinitions=[{}],
                   KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}],
                   BillingMode="PAY_PER_REQUEST") == validation(EMPTY_DEFINITION)


@TABLE_FIRST
def test_update_table_empty_definition_lists_type_then_name(raw_client):
    assert failure(raw_client.update_table, TableName=unique_name(), AttributeDefinitions=[{}],
                   BillingMode="PAY_PER_REQUEST") == validation(EMPTY_DEFINITION)


# ---- Member constraints DynamoDB checks before anything else (2026 records) --------------------
# ack-api-quirks DDB-TABLE-457 (DynamoDB 2026-10-09, exact texts, each on a real table or backup;
# that they also come before a missing backup's lookup follows from member constraints coming
# first everywhere recorded, so is inferred).
@NO_BACKUPS
@pytest.mark.parametrize("kind, path", [
    ("GlobalSecondaryIndexOverride", "globalSecondaryIndexOverride"),
    ("LocalSecondaryIndexOverride", "localSecondaryIndexOverride"),
])
def test_restore_empty_index_override_lists_its_members(raw_client, kind, path):
    assert failure(raw_client.restore_table_from_backup, TargetTableName=unique_name(),
                   BackupArn=MISSING_BACKUP_ARN, **{kind: [{}]}) == validation(
        "3 validation errors detected: " + "; ".join(
            null_at(f"{path}.1.member.{member}")
            for member in ("indexName", "keySchema", "projection")))


@NO_BACKUPS
def test_restore_empty_kms_key_is_a_member_constraint(raw_client):
    assert failure(raw_client.restore_table_from_backup, TargetTableName=unique_name(),
                   BackupArn=MISSING_BACKUP_ARN, SSESpecificationOverride={
                       "Enabled": True, "SSEType": "KMS", "KMSMasterKeyId": ""}) == one(
        "Value '' at 'sSESpecificationOverride.kMSMasterKeyId' failed to satisfy constraint: "
        "Member must have length greater than or equal to 1")


def create_table_failure(raw_client, **extra):
    return failure(raw_client.create_table, TableName=unique_name(),
                   AttributeDefinitions=[{"AttributeName": "p", "AttributeType": "S"}],
                   KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}],
                   BillingMode="PAY_PER_REQUEST", **extra)


@pytest.mark.oracle_deviation("DynamoDB Local accepts an empty key id")
def test_create_table_empty_kms_key_is_a_member_constraint(raw_client):
    assert create_table_failure(raw_client, SSESpecification={
        "Enabled": True, "SSEType": "KMS", "KMSMasterKeyId": ""}) == one(
        "Value '' at 'sSESpecification.kMSMasterKeyId' failed to satisfy constraint: Member must "
        "have length greater than or equal to 1")


@pytest.mark.oracle_deviation("DynamoDB Local has a text of its own")
def test_create_table_view_type_enum_lists_dynamodbs_order(raw_client):
    assert create_table_failure(raw_client, StreamSpecification={
        "StreamEnabled": True, "StreamViewType": ""}) == one(
        "Value '' at 'streamSpecification.streamViewType' failed to satisfy constraint: Member "
        "must satisfy enum value set: [OLD_IMAGE, KEYS_ONLY, NEW_AND_OLD_IMAGES, NEW_IMAGE]")


# Tags: the key is checked before the value, an absent one named null.
@pytest.mark.oracle_deviation("DynamoDB Local ignores or does not support tags")
def test_create_table_empty_tag_is_a_missing_key(raw_client):
    assert create_table_failure(raw_client, Tags=[{}]) == validation(
        "The Tag Key provided is invalid, Key: null")


@TAGGING
def test_tag_value_alone_is_a_missing_key(raw_client, client, create_table):
    arn = client.describe_table(TableName=create_table())["Table"]["TableArn"]
    assert failure(raw_client.tag_resource, ResourceArn=arn, Tags=[{"Value": "v"}]) == \
        validation("The Tag Key provided is invalid, Key: null")


# ExpectedRevisionId (DeleteResourcePolicy, newer than this machine's botocore: signed JSON).
@pytest.mark.oracle_deviation("DynamoDB Local has no resource policies")
def test_delete_policy_empty_revision_is_a_member_constraint(endpoint, client, create_table):
    arn = client.describe_table(TableName=create_table())["Table"]["TableArn"]
    assert call_error(endpoint, "DeleteResourcePolicy", ResourceArn=arn,
                      ExpectedRevisionId="") == ("ValidationException", one(
        "Value '' at 'expectedRevisionId' failed to satisfy constraint: Member must have length "
        "greater than or equal to 1")[1])
