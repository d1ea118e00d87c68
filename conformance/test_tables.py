"""Table operations: CreateTable, DescribeTable, ListTables, DeleteTable, their validation errors,
and the per-region table namespace."""

import datetime
import re

import pytest
from botocore.exceptions import ClientError

from conftest import REGION, error_of, unique_name

UUID_RE = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
HASH_P = [{"AttributeName": "p", "KeyType": "HASH"}]
DEF_P = [{"AttributeName": "p", "AttributeType": "S"}]
PPR = {"BillingMode": "PAY_PER_REQUEST"}

LOCAL_TABLE_MESSAGES = "DynamoDB Local words its CreateTable/DescribeTable/DeleteTable errors its own way"
LOCAL_SHAPE_MESSAGES = (
    "DynamoDB Local reports request-shape errors without DynamoDB's "
    "'N validation error(s) detected: Value ... at ...' form"
)
LOCAL_SCHEMA_MESSAGES = "DynamoDB Local has its own key-schema error messages"


def describe(client, name):
    return client.describe_table(TableName=name)["Table"]


def as_set(definitions):
    return {(d["AttributeName"], d["AttributeType"]) for d in definitions}


def create_error(raw_client, create_table, **params):
    """Run a CreateTable that must fail; returns (code, message, status). The name is tracked so
    a server that wrongly accepts the request does not leak the table."""
    params.setdefault("TableName", unique_name())
    create_table.track(params["TableName"])
    with pytest.raises(ClientError) as excinfo:
        raw_client.create_table(**params)
    return error_of(excinfo)


# --- CreateTable and DescribeTable ------------------------------------------------------------


# DynamoDB creates a table keyed by a HASH attribute only and describes that key schema back.
def test_create_table_hash_only(client, create_table):
    name = create_table(hash=("p", "S"))
    table = describe(client, name)
    assert table["KeySchema"] == HASH_P
    assert as_set(table["AttributeDefinitions"]) == {("p", "S")}


# DynamoDB creates a table with HASH and RANGE keys; KeySchema keeps HASH first, RANGE second.
def test_create_table_hash_and_range(client, create_table):
    name = create_table(hash=("p", "S"), range=("c", "S"))
    table = describe(client, name)
    assert table["KeySchema"] == [
        {"AttributeName": "p", "KeyType": "HASH"},
        {"AttributeName": "c", "KeyType": "RANGE"},
    ]
    assert as_set(table["AttributeDefinitions"]) == {("p", "S"), ("c", "S")}


# DynamoDB accepts number and binary key attributes and reports their types.
def test_create_table_number_and_binary_keys(client, create_table):
    name = create_table(hash=("p", "N"), range=("c", "B"))
    table = describe(client, name)
    assert as_set(table["AttributeDefinitions"]) == {("p", "N"), ("c", "B")}


# The CreateTable response describes the new table (its status is CREATING or already ACTIVE).
def test_create_table_response_describes_table(client, create_table):
    name = unique_name()
    create_table.track(name)
    response = client.create_table(
        TableName=name, KeySchema=HASH_P, AttributeDefinitions=DEF_P, **PPR
    )
    description = response["TableDescription"]
    assert description["TableName"] == name
    assert description["KeySchema"] == HASH_P
    assert description["TableStatus"] in ("CREATING", "ACTIVE")


# An on-demand table reports BillingModeSummary PAY_PER_REQUEST since creation, and zero capacity.
def test_create_table_pay_per_request_billing_summary(client, create_table):
    name = create_table(BillingMode="PAY_PER_REQUEST")
    table = describe(client, name)
    summary = table["BillingModeSummary"]
    assert summary["BillingMode"] == "PAY_PER_REQUEST"
    assert summary["LastUpdateToPayPerRequestDateTime"] == table["CreationDateTime"]
    throughput = table["ProvisionedThroughput"]
    assert throughput["ReadCapacityUnits"] == 0
    assert throughput["WriteCapacityUnits"] == 0
    assert throughput["NumberOfDecreasesToday"] == 0


# A provisioned table reports the capacity it was created with.
def test_create_table_provisioned_throughput(client, create_table):
    # BillingModeSummary may be absent for a table created PROVISIONED; if present it says so.
    name = create_table(ProvisionedThroughput={"ReadCapacityUnits": 3, "WriteCapacityUnits": 4})
    table = describe(client, name)
    throughput = table["ProvisionedThroughput"]
    assert throughput["ReadCapacityUnits"] == 3
    assert throughput["WriteCapacityUnits"] == 4
    assert throughput["NumberOfDecreasesToday"] == 0
    if "BillingModeSummary" in table:
        assert table["BillingModeSummary"]["BillingMode"] == "PROVISIONED"


# DescribeTable gives the table's name and, once created, status ACTIVE.
def test_describe_table_name_and_status(client, create_table):
    name = create_table()
    table = describe(client, name)
    assert table["TableName"] == name
    assert table["TableStatus"] == "ACTIVE"


# TableArn has the form arn:aws:dynamodb:<region>:<12-digit account>:table/<name>.
def test_describe_table_arn_structure(client, create_table):
    name = create_table()
    arn = describe(client, name)["TableArn"]
    assert re.fullmatch(r"arn:aws:dynamodb:[a-z0-9-]+:\d{12}:table/" + re.escape(name), arn)


# The region inside TableArn is the region the request was signed for.
@pytest.mark.oracle_deviation("DynamoDB Local puts 'ddblocal' in place of the region")
def test_describe_table_arn_names_request_region(client, create_table):
    name = create_table()
    arn = describe(client, name)["TableArn"]
    assert arn.split(":")[3] == REGION


# TableId is a UUID (lower-case hex, 8-4-4-4-12).
@pytest.mark.oracle_deviation("DynamoDB Local does not return TableId")
def test_describe_table_table_id_is_uuid(client, create_table):
    name = create_table()
    assert re.fullmatch(UUID_RE, describe(client, name)["TableId"])


# CreationDateTime is the moment of creation and does not change between DescribeTable calls.
def test_describe_table_creation_date_time(client, create_table):
    before = datetime.datetime.now(datetime.timezone.utc)
    name = create_table()
    first = describe(client, name)["CreationDateTime"]
    second = describe(client, name)["CreationDateTime"]
    assert first == second
    assert first.tzinfo is not None
    # Generous bounds: only a wrong clock or unit (ms vs s) should fail this.
    assert abs((first - before).total_seconds()) < 300


# A new table has ItemCount 0 and TableSizeBytes 0.
def test_describe_table_new_table_is_empty(client, create_table):
    name = create_table()
    table = describe(client, name)
    assert table["ItemCount"] == 0
    assert table["TableSizeBytes"] == 0


# --- ListTables -------------------------------------------------------------------------------


def list_all_tables(client, **params):
    """Follow LastEvaluatedTableName to the end; returns every name and every page."""
    names, pages = [], []
    for _ in range(10000):
        response = client.list_tables(**params)
        pages.append(response)
        names.extend(response["TableNames"])
        if "LastEvaluatedTableName" not in response:
            return names, pages
        params["ExclusiveStartTableName"] = response["LastEvaluatedTableName"]
    raise AssertionError("ListTables never stopped returning LastEvaluatedTableName")


# ListTables lists every table of the account and region, in ascending (byte) order.
def test_list_tables_sorted_and_complete(client, create_table):
    prefix = unique_name()
    mine = [create_table(name=prefix + suffix) for suffix in ("_b", "-x", ".y", "_9", "_a")]
    names, _ = list_all_tables(client)
    assert names == sorted(names)
    assert [n for n in names if n.startswith(prefix)] == sorted(mine)


# Limit caps a page, LastEvaluatedTableName is its last name, the next page starts right after it.
def test_list_tables_paging_with_limit(client, create_table):
    # ExclusiveStartTableName need not name an existing table: the random prefix sorts just
    # before this test's tables.
    prefix = unique_name()
    mine = sorted(create_table(name=f"{prefix}_{c}") for c in "abcde")
    first = client.list_tables(Limit=2, ExclusiveStartTableName=prefix)
    assert first["TableNames"] == mine[0:2]
    assert first["LastEvaluatedTableName"] == mine[1]
    second = client.list_tables(Limit=2, ExclusiveStartTableName=first["LastEvaluatedTableName"])
    assert second["TableNames"] == mine[2:4]
    assert second["LastEvaluatedTableName"] == mine[3]
    third = client.list_tables(Limit=1, ExclusiveStartTableName=second["LastEvaluatedTableName"])
    assert third["TableNames"] == mine[4:5]


# Every page holds at most Limit names, and only the last page lacks LastEvaluatedTableName.
def test_list_tables_pages_respect_limit(client, create_table):
    for _ in range(3):
        create_table()
    names, pages = list_all_tables(client, Limit=2)
    assert all(len(page["TableNames"]) <= 2 for page in pages)
    assert all("LastEvaluatedTableName" in page for page in pages[:-1])
    assert "LastEvaluatedTableName" not in pages[-1]
    assert len(names) == len(set(names)) >= 3


# Limit must be at least 1.
@pytest.mark.oracle_deviation(LOCAL_SHAPE_MESSAGES)
def test_list_tables_limit_zero_rejected(raw_client):
    with pytest.raises(ClientError) as excinfo:
        raw_client.list_tables(Limit=0)
    assert error_of(excinfo) == (
        "ValidationException",
        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
        "Member must have value greater than or equal to 1",
        400,
    )


# Limit must be at most 100.
@pytest.mark.oracle_deviation(LOCAL_SHAPE_MESSAGES)
def test_list_tables_limit_over_100_rejected(raw_client):
    with pytest.raises(ClientError) as excinfo:
        raw_client.list_tables(Limit=101)
    assert error_of(excinfo) == (
        "ValidationException",
        "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: "
        "Member must have value less than or equal to 100",
        400,
    )


# --- DeleteTable ------------------------------------------------------------------------------


# DeleteTable answers with the table's description; afterwards the table is gone.
def test_delete_table_removes_table(client, create_table):
    name = create_table()
    description = client.delete_table(TableName=name)["TableDescription"]
    assert description["TableName"] == name
    assert description["TableArn"].endswith(":table/" + name)
    client.get_waiter("table_not_exists").wait(
        TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 60}
    )
    names, _ = list_all_tables(client)
    assert name not in names


# The DeleteTable response reports TableStatus DELETING.
@pytest.mark.oracle_deviation("DynamoDB Local answers DeleteTable with TableStatus ACTIVE")
def test_delete_table_reports_deleting(client, create_table):
    name = create_table()
    description = client.delete_table(TableName=name)["TableDescription"]
    assert description["TableStatus"] == "DELETING"


# Once a table is gone its name is free: the same name can be created again, with a new schema.
def test_delete_table_name_can_be_reused(client, create_table):
    name = create_table(hash=("p", "S"))
    client.delete_table(TableName=name)
    # Real DynamoDB takes a while to delete; the waiter returns at once on a local server.
    client.get_waiter("table_not_exists").wait(
        TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 120}
    )
    create_table(name=name, hash=("k", "N"))
    table = describe(client, name)
    assert table["KeySchema"] == [{"AttributeName": "k", "KeyType": "HASH"}]
    assert table["ItemCount"] == 0


# --- Region namespace -------------------------------------------------------------------------


# Tables live per account and region: a table made in us-east-1 is invisible from eu-west-1.
def test_table_namespace_is_per_region(client, client_in_region, create_table):
    name = create_table()
    other = client_in_region("eu-west-1")
    names, _ = list_all_tables(other)
    assert name not in names
    with pytest.raises(ClientError) as excinfo:
        other.describe_table(TableName=name)
    code, message, _ = error_of(excinfo)
    assert code == "ResourceNotFoundException"
    # Same answer as for a table that never existed anywhere.
    never = unique_name()
    with pytest.raises(ClientError) as baseline:
        client.describe_table(TableName=never)
    assert message == error_of(baseline)[1].replace(never, name)


# --- Errors -----------------------------------------------------------------------------------


# Creating a table whose name is taken fails with ResourceInUseException.
@pytest.mark.oracle_deviation(LOCAL_TABLE_MESSAGES)
def test_create_table_existing_name_rejected(raw_client, create_table):
    name = create_table()
    with pytest.raises(ClientError) as excinfo:
        raw_client.create_table(TableName=name, KeySchema=HASH_P, AttributeDefinitions=DEF_P, **PPR)
    assert error_of(excinfo) == ("ResourceInUseException", f"Table already exists: {name}", 400)


# DescribeTable of a missing table fails with ResourceNotFoundException naming the table.
@pytest.mark.oracle_deviation(LOCAL_TABLE_MESSAGES)
def test_describe_table_missing_rejected(raw_client):
    name = unique_name()
    with pytest.raises(ClientError) as excinfo:
        raw_client.describe_table(TableName=name)
    assert error_of(excinfo) == (
        "ResourceNotFoundException",
        f"Requested resource not found: Table: {name} not found",
        400,
    )


# DeleteTable of a missing table fails with ResourceNotFoundException naming the table.
@pytest.mark.oracle_deviation(LOCAL_TABLE_MESSAGES)
def test_delete_table_missing_rejected(raw_client):
    name = unique_name()
    with pytest.raises(ClientError) as excinfo:
        raw_client.delete_table(TableName=name)
    assert error_of(excinfo) == (
        "ResourceNotFoundException",
        f"Requested resource not found: Table: {name} not found",
        400,
    )


# KeySchema is required.
@pytest.mark.oracle_deviation(LOCAL_SHAPE_MESSAGES)
def test_create_table_without_key_schema_rejected(raw_client, create_table):
    assert create_error(raw_client, create_table, AttributeDefinitions=DEF_P, **PPR) == (
        "ValidationException",
        "1 validation error detected: Value null at 'keySchema' failed to satisfy constraint: "
        "Member must not be null",
        400,
    )


# KeySchema must have at least one element.
@pytest.mark.oracle_deviation(LOCAL_SHAPE_MESSAGES)
def test_create_table_empty_key_schema_rejected(raw_client, create_table):
    assert create_error(
        raw_client, create_table, KeySchema=[], AttributeDefinitions=DEF_P, **PPR
    ) == (
        "ValidationException",
        "1 validation error detected: Value '[]' at 'keySchema' failed to satisfy constraint: "
        "Member must have length greater than or equal to 1",
        400,
    )


# At most two elements; the list is echoed with each element's Java toString (us-east-1 since
# 2026-08, nubo-db/dynamodb-conformance captures/2026-08-12-wording-drift.json). Since then this
# member constraint comes before the rule that PROVISIONED needs throughput (same capture).
@pytest.mark.oracle_deviation(LOCAL_SHAPE_MESSAGES)
@pytest.mark.parametrize("billing", [PPR, {}], ids=["on-demand", "provisioned-without-throughput"])
def test_create_table_three_key_schema_elements_rejected(raw_client, create_table, billing):
    key_schema = [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"},
                  {"AttributeName": "x", "KeyType": "RANGE"}]
    assert create_error(
        raw_client, create_table, KeySchema=key_schema, AttributeDefinitions=DEF_P, **billing
    ) == (
        "ValidationException",
        "1 validation error detected: Value '[KeySchemaElement(attributeName=pk, keyType=HASH), "
        "KeySchemaElement(attributeName=sk, keyType=RANGE), KeySchemaElement(attributeName=x, "
        "keyType=RANGE)]' at 'keySchema' failed to satisfy constraint: Member must have length "
        "less than or equal to 2",
        400,
    )


# AttributeDefinitions is required.
@pytest.mark.oracle_deviation(LOCAL_SHAPE_MESSAGES)
def test_create_table_without_attribute_definitions_rejected(raw_client, create_table):
    assert create_error(raw_client, create_table, KeySchema=HASH_P, **PPR) == (
        "ValidationException",
        "1 validation error detected: Value null at 'attributeDefinitions' failed to satisfy "
        "constraint: Member must not be null",
        400,
    )


# An empty AttributeDefinitions leaves the key attribute without a type.
@pytest.mark.oracle_deviation(LOCAL_SCHEMA_MESSAGES)
def test_create_table_empty_attribute_definitions_rejected(raw_client, create_table):
    assert create_error(
        raw_client, create_table, KeySchema=HASH_P, AttributeDefinitions=[], **PPR
    ) == ("ValidationException", "Invalid KeySchema: Some index key attribute have no definition", 400)


# Every attribute definition must be used by the key schema.
@pytest.mark.oracle_deviation(LOCAL_SCHEMA_MESSAGES)
def test_create_table_unused_attribute_definition_rejected(raw_client, create_table):
    definitions = DEF_P + [{"AttributeName": "x", "AttributeType": "S"}]
    assert create_error(
        raw_client, create_table, KeySchema=HASH_P, AttributeDefinitions=definitions, **PPR
    ) == (
        "ValidationException",
        "One or more parameter values were invalid: Number of attributes in KeySchema does not "
        "exactly match number of attributes defined in AttributeDefinitions",
        400,
    )


# A key attribute must be defined in AttributeDefinitions (here one definition, for another name).
@pytest.mark.oracle_deviation(LOCAL_SCHEMA_MESSAGES)
def test_create_table_undefined_hash_key_rejected(raw_client, create_table):
    definitions = [{"AttributeName": "q", "AttributeType": "S"}]
    assert create_error(
        raw_client, create_table, KeySchema=HASH_P, AttributeDefinitions=definitions, **PPR
    ) == (
        "ValidationException",
        "One or more parameter values were invalid: Some index key attributes are not defined in "
        "AttributeDefinitions. Keys: [p], AttributeDefinitions: [q]",
        400,
    )


# A RANGE key attribute missing from AttributeDefinitions is rejected.
@pytest.mark.oracle_deviation(LOCAL_SCHEMA_MESSAGES)
def test_create_table_undefined_range_key_rejected(raw_client, create_table):
    key_schema = HASH_P + [{"AttributeName": "c", "KeyType": "RANGE"}]
    assert create_error(
        raw_client, create_table, KeySchema=key_schema, AttributeDefinitions=DEF_P, **PPR
    ) == ("ValidationException", "Invalid KeySchema: Some index key attribute have no definition", 400)


# Table names are 3 to 255 characters long.
@pytest.mark.oracle_deviation(LOCAL_SHAPE_MESSAGES)
def test_create_table_short_name_rejected(raw_client, create_table):
    assert create_error(
        raw_client, create_table, TableName="ab", KeySchema=HASH_P, AttributeDefinitions=DEF_P, **PPR
    ) == (
        "ValidationException",
        "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: "
        "Member must have length greater than or equal to 3",
        400,
    )


# Table names longer than 255 characters are rejected.
@pytest.mark.oracle_deviation(LOCAL_SHAPE_MESSAGES)
def test_create_table_long_name_rejected(raw_client, create_table):
    name = "a" * 256
    assert create_error(
        raw_client, create_table, TableName=name, KeySchema=HASH_P, AttributeDefinitions=DEF_P, **PPR
    ) == (
        "ValidationException",
        f"1 validation error detected: Value '{name}' at 'tableName' failed to satisfy "
        "constraint: Member must have length less than or equal to 255",
        400,
    )


# Table names use only a-z, A-Z, 0-9, '_', '-' and '.'.
@pytest.mark.oracle_deviation(LOCAL_SHAPE_MESSAGES)
def test_create_table_name_with_bad_characters_rejected(raw_client, create_table):
    assert create_error(
        raw_client, create_table, TableName="abc!", KeySchema=HASH_P, AttributeDefinitions=DEF_P, **PPR
    ) == (
        "ValidationException",
        "1 validation error detected: Value 'abc!' at 'tableName' failed to satisfy constraint: "
        "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
        400,
    )


# A 255-character name using every allowed character class is accepted.
def test_create_table_longest_name_accepted(client, create_table):
    name = (unique_name("Cf.9-") + "_" * 255)[:255]
    create_table(name=name)
    assert describe(client, name)["TableName"] == name


# BillingMode PROVISIONED needs ProvisionedThroughput.
@pytest.mark.oracle_deviation(LOCAL_SCHEMA_MESSAGES)
def test_create_table_provisioned_without_throughput_rejected(raw_client, create_table):
    assert create_error(
        raw_client, create_table, KeySchema=HASH_P, AttributeDefinitions=DEF_P, BillingMode="PROVISIONED"
    ) == (
        "ValidationException",
        "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must "
        "both be specified when BillingMode is PROVISIONED",
        400,
    )


# Without BillingMode the table is PROVISIONED, so ProvisionedThroughput is needed.
@pytest.mark.oracle_deviation(LOCAL_SCHEMA_MESSAGES)
def test_create_table_default_billing_without_throughput_rejected(raw_client, create_table):
    assert create_error(raw_client, create_table, KeySchema=HASH_P, AttributeDefinitions=DEF_P) == (
        "ValidationException",
        "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must "
        "both be specified when BillingMode is PROVISIONED",
        400,
    )


# BillingMode PAY_PER_REQUEST forbids ProvisionedThroughput.
@pytest.mark.oracle_deviation("DynamoDB Local accepts ProvisionedThroughput with PAY_PER_REQUEST")
def test_create_table_pay_per_request_with_throughput_rejected(raw_client, create_table):
    assert create_error(
        raw_client,
        create_table,
        KeySchema=HASH_P,
        AttributeDefinitions=DEF_P,
        BillingMode="PAY_PER_REQUEST",
        ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
    ) == (
        "ValidationException",
        "One or more parameter values were invalid: Neither ReadCapacityUnits nor "
        "WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST",
        400,
    )


# BillingMode must be PROVISIONED or PAY_PER_REQUEST.
@pytest.mark.oracle_deviation("DynamoDB Local answers an unknown BillingMode with a 500")
def test_create_table_unknown_billing_mode_rejected(raw_client, create_table):
    assert create_error(
        raw_client, create_table, KeySchema=HASH_P, AttributeDefinitions=DEF_P, BillingMode="FOO"
    ) == (
        "ValidationException",
        "1 validation error detected: Value 'FOO' at 'billingMode' failed to satisfy constraint: "
        "Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]",
        400,
    )


# Two HASH keys: the second key schema element must be the RANGE key.
@pytest.mark.oracle_deviation(LOCAL_SCHEMA_MESSAGES)
def test_create_table_two_hash_keys_rejected(raw_client, create_table):
    key_schema = HASH_P + [{"AttributeName": "q", "KeyType": "HASH"}]
    definitions = DEF_P + [{"AttributeName": "q", "AttributeType": "S"}]
    assert create_error(
        raw_client, create_table, KeySchema=key_schema, AttributeDefinitions=definitions, **PPR
    ) == (
        "ValidationException",
        "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type",
        400,
    )


# The RANGE key cannot come first: the first key schema element must be the HASH key.
@pytest.mark.oracle_deviation(LOCAL_SCHEMA_MESSAGES)
def test_create_table_range_key_first_rejected(raw_client, create_table):
    key_schema = [{"AttributeName": "q", "KeyType": "RANGE"}] + HASH_P
    definitions = DEF_P + [{"AttributeName": "q", "AttributeType": "S"}]
    assert create_error(
        raw_client, create_table, KeySchema=key_schema, AttributeDefinitions=definitions, **PPR
    ) == ("ValidationException", "Invalid KeySchema: The first KeySchemaElement is not a HASH key type", 400)


# KeyType must be HASH or RANGE.
@pytest.mark.oracle_deviation(LOCAL_SHAPE_MESSAGES)
def test_create_table_unknown_key_type_rejected(raw_client, create_table):
    key_schema = [{"AttributeName": "p", "KeyType": "FOO"}]
    assert create_error(
        raw_client, create_table, KeySchema=key_schema, AttributeDefinitions=DEF_P, **PPR
    ) == (
        "ValidationException",
        "1 validation error detected: Value 'FOO' at 'keySchema.1.member.keyType' failed to "
        "satisfy constraint: Member must satisfy enum value set: [HASH, RANGE]",
        400,
    )


# Key attribute types are S, N or B; anything else is rejected, naming the value and its position.
@pytest.mark.oracle_deviation(LOCAL_SHAPE_MESSAGES)
@pytest.mark.parametrize("bad_type", ["Z", "SS", "BOOL"])
def test_create_table_invalid_attribute_type_rejected(raw_client, create_table, bad_type):
    definitions = [{"AttributeName": "p", "AttributeType": bad_type}]
    assert create_error(
        raw_client, create_table, KeySchema=HASH_P, AttributeDefinitions=definitions, **PPR
    ) == (
        "ValidationException",
        f"1 validation error detected: Value '{bad_type}' at "
        "'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: "
        "Member must satisfy enum value set: [B, N, S]",
        400,
    )


# Provisioned read capacity must be at least 1.
@pytest.mark.oracle_deviation(LOCAL_SHAPE_MESSAGES)
def test_create_table_zero_read_capacity_rejected(raw_client, create_table):
    assert create_error(
        raw_client,
        create_table,
        KeySchema=HASH_P,
        AttributeDefinitions=DEF_P,
        ProvisionedThroughput={"ReadCapacityUnits": 0, "WriteCapacityUnits": 5},
    ) == (
        "ValidationException",
        "1 validation error detected: Value '0' at 'provisionedThroughput.readCapacityUnits' "
        "failed to satisfy constraint: Member must have value greater than or equal to 1",
        400,
    )


# Provisioned write capacity must be at least 1.
@pytest.mark.oracle_deviation(LOCAL_SHAPE_MESSAGES)
def test_create_table_zero_write_capacity_rejected(raw_client, create_table):
    assert create_error(
        raw_client,
        create_table,
        KeySchema=HASH_P,
        AttributeDefinitions=DEF_P,
        ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 0},
    ) == (
        "ValidationException",
        "1 validation error detected: Value '0' at 'provisionedThroughput.writeCapacityUnits' "
        "failed to satisfy constraint: Member must have value greater than or equal to 1",
        400,
    )
