"""Table ARNs in TableName: every operation that names an existing table takes its ARN
(arn:aws:dynamodb:<region>:<account>:table/<name>) and answers as it does with the name, naming
the table in ConsumedCapacity and in batch maps as the request did; DynamoDB's length rule for
the ARN form (1 to 1024) and its errors for an ARN of another region, partition or account or of
the wrong format. Sources: the API Reference (TableArn members, ConsumedCapacity.TableName) and
the recorded answers of /work/notes/table-arns.md."""

import pytest

from conftest import failure, scoped_table, unique_name, validation, wire

# DynamoDB Local 1.25.1 refuses every ARN in TableName ("Invalid table/index name ...").
LOCAL_NO_ARNS = pytest.mark.oracle_deviation("DynamoDB Local takes no table ARN in TableName")

ARN_FORMAT = (
    "Valid ARN format is 'arn:<awsPartition>:<vendor>:<region>:<subscriber>:resourceType/"
    "resourceName', where Resource name must have length less than or equal to 255, Resource "
    "name must have length greater than or equal to 3, Resource name must satisfy regular "
    "expression pattern: [a-zA-Z0-9_.-]+"
)


def constraint(value, text, path="tableName"):
    return validation(
        f"1 validation error detected: Value '{value}' at '{path}' failed to satisfy constraint: {text}"
    )


@pytest.fixture(scope="module")
def table(client, raw_client):
    """A table with a local index (so that writes report their item collection): (name, ARN)."""
    spec = {
        "KeySchema": [{"AttributeName": "p", "KeyType": "HASH"},
                      {"AttributeName": "s", "KeyType": "RANGE"}],
        "AttributeDefinitions": [{"AttributeName": n, "AttributeType": "S"} for n in "psx"],
        "LocalSecondaryIndexes": [{
            "IndexName": "by_x",
            "KeySchema": [{"AttributeName": "p", "KeyType": "HASH"},
                          {"AttributeName": "x", "KeyType": "RANGE"}],
            "Projection": {"ProjectionType": "ALL"},
        }],
    }
    with scoped_table(client, raw_client, "arns", **spec) as name:
        yield name, client.describe_table(TableName=name)["Table"]["TableArn"]


def key(p, s="1"):
    return {"p": wire(p), "s": wire(s)}


def without_metadata(answer):
    answer.pop("ResponseMetadata", None)
    return answer


def consumed_named(answer, table_name):
    """The answer's ConsumedCapacity (one or a list) as it would be were the table called so."""
    consumed = answer["ConsumedCapacity"]
    for entry in consumed if isinstance(consumed, list) else [consumed]:
        entry["TableName"] = table_name
    return answer


@LOCAL_NO_ARNS
def test_item_operations_take_the_arn(client, table):
    name, arn = table
    metrics = {"ReturnConsumedCapacity": "TOTAL"}
    put = client.put_item(TableName=arn, Item={**key("a"), "x": wire("1")}, **metrics)
    assert put["ConsumedCapacity"]["TableName"] == arn
    by_arn = without_metadata(client.get_item(TableName=arn, Key=key("a"), **metrics))
    by_name = without_metadata(client.get_item(TableName=name, Key=key("a"), **metrics))
    assert by_arn["ConsumedCapacity"]["TableName"] == arn
    assert consumed_named(by_arn, name) == by_name
    updated = client.update_item(TableName=arn, Key=key("a"), UpdateExpression="SET n = :n",
                                 ExpressionAttributeValues={":n": wire(1)}, ReturnValues="ALL_NEW")
    assert updated["Attributes"]["n"] == wire(1)
    client.delete_item(TableName=arn, Key=key("a"))
    assert "Item" not in client.get_item(TableName=name, Key=key("a"))


@LOCAL_NO_ARNS
def test_query_and_scan_take_the_arn(client, table):
    name, arn = table
    client.put_item(TableName=name, Item={**key("q"), "x": wire("1")})
    query = {"KeyConditionExpression": "p = :p", "ExpressionAttributeValues": {":p": wire("q")},
             "ReturnConsumedCapacity": "TOTAL"}
    by_arn = without_metadata(client.query(TableName=arn, **query))
    assert by_arn["ConsumedCapacity"]["TableName"] == arn
    assert consumed_named(by_arn, name) == without_metadata(client.query(TableName=name, **query))
    on_index = client.query(TableName=arn, IndexName="by_x", **query)
    assert on_index["Items"] == [{**key("q"), "x": wire("1")}]
    scan = without_metadata(client.scan(TableName=arn, ReturnConsumedCapacity="TOTAL"))
    assert consumed_named(scan, name) == without_metadata(
        client.scan(TableName=name, ReturnConsumedCapacity="TOTAL"))


# The maps of a batch's answer are keyed as its RequestItems were (API Reference: "a map of table
# name or table ARN").
@LOCAL_NO_ARNS
def test_batches_key_their_answers_by_the_arn(client, table):
    name, arn = table
    written = client.batch_write_item(
        RequestItems={arn: [{"PutRequest": {"Item": {**key("b", s), "x": wire("1")}}}
                            for s in "12"]},
        ReturnConsumedCapacity="TOTAL", ReturnItemCollectionMetrics="SIZE")
    assert written["UnprocessedItems"] == {}
    assert [c["TableName"] for c in written["ConsumedCapacity"]] == [arn]
    assert list(written["ItemCollectionMetrics"]) == [arn]
    got = client.batch_get_item(RequestItems={arn: {"Keys": [key("b", "1")]},
                                              name: {"Keys": [key("b", "2")]}})
    assert got["Responses"] == {arn: [{**key("b", "1"), "x": wire("1")}],
                                name: [{**key("b", "2"), "x": wire("1")}]}
    got = client.batch_get_item(RequestItems={arn: {"Keys": [key("b", "1")]}},
                                ReturnConsumedCapacity="TOTAL")
    assert [c["TableName"] for c in got["ConsumedCapacity"]] == [arn]


@LOCAL_NO_ARNS
def test_transactions_take_the_arn(client, table):
    name, arn = table
    client.put_item(TableName=name, Item=key("t", "gone"))
    written = client.transact_write_items(
        TransactItems=[
            {"Put": {"TableName": arn, "Item": {**key("t", "new"), "x": wire("1")}}},
            {"Update": {"TableName": arn, "Key": key("t", "upd"), "UpdateExpression": "SET n = :n",
                        "ExpressionAttributeValues": {":n": wire(1)}}},
            {"Delete": {"TableName": arn, "Key": key("t", "gone")}},
            {"ConditionCheck": {"TableName": arn, "Key": key("t", "none"),
                                "ConditionExpression": "attribute_not_exists(p)"}},
        ],
        ReturnConsumedCapacity="TOTAL")
    assert [c["TableName"] for c in written["ConsumedCapacity"]] == [arn]
    got = client.transact_get_items(
        TransactItems=[{"Get": {"TableName": arn, "Key": key("t", s)}} for s in ("new", "upd", "gone")],
        ReturnConsumedCapacity="TOTAL")
    assert [r.get("Item") for r in got["Responses"]] == [
        {**key("t", "new"), "x": wire("1")}, {**key("t", "upd"), "n": wire(1)}, None]
    assert [c["TableName"] for c in got["ConsumedCapacity"]] == [arn]


# The same item named once by name and once by ARN is the same item.
@LOCAL_NO_ARNS
def test_a_transaction_sees_the_name_and_the_arn_as_one_table(raw_client, table):
    name, arn = table
    code, message, _ = failure(raw_client.transact_get_items, TransactItems=[
        {"Get": {"TableName": name, "Key": key("same")}},
        {"Get": {"TableName": arn, "Key": key("same")}},
    ])
    assert (code, message) == ("ValidationException",
                               "Transaction request cannot include multiple operations on one item")


@LOCAL_NO_ARNS
def test_table_operations_take_the_arn(client, table):
    name, arn = table
    described = client.describe_table(TableName=arn)["Table"]
    assert (described["TableName"], described["TableArn"]) == (name, arn)
    client.update_time_to_live(TableName=arn, TimeToLiveSpecification={"Enabled": True,
                                                                       "AttributeName": "ttl"})
    assert client.describe_time_to_live(TableName=arn)["TimeToLiveDescription"] == (
        client.describe_time_to_live(TableName=name)["TimeToLiveDescription"])
    client.update_continuous_backups(
        TableName=arn, PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
    recovery = client.describe_continuous_backups(TableName=arn)["ContinuousBackupsDescription"]
    assert recovery["PointInTimeRecoveryDescription"]["PointInTimeRecoveryStatus"] == "ENABLED"
    backup = client.create_backup(TableName=arn, BackupName="by_arn")["BackupDetails"]
    try:
        listed = client.list_backups(TableName=arn)["BackupSummaries"]
        assert [(b["BackupArn"], b["TableName"]) for b in listed] == [(backup["BackupArn"], name)]
    finally:
        client.delete_backup(BackupArn=backup["BackupArn"])


@LOCAL_NO_ARNS
def test_update_and_delete_table_take_the_arn(client, create_table):
    name = create_table()
    arn = client.describe_table(TableName=name)["Table"]["TableArn"]
    updated = client.update_table(TableName=arn, TableClass="STANDARD_INFREQUENT_ACCESS")
    assert updated["TableDescription"]["TableName"] == name
    client.get_waiter("table_exists").wait(TableName=arn, WaiterConfig={"Delay": 1, "MaxAttempts": 60})
    assert client.delete_table(TableName=arn)["TableDescription"]["TableName"] == name


@LOCAL_NO_ARNS
def test_arn_of_a_missing_table(raw_client, table):
    _, arn = table
    missing = arn[: arn.rindex("/") + 1] + unique_name()
    code, _, _ = failure(raw_client.get_item, TableName=missing, Key=key("a"))
    assert code == "ResourceNotFoundException"
    code, _, _ = failure(raw_client.describe_table, TableName=missing)
    assert code == "ResourceNotFoundException"


# "1 validation error detected: Invalid AWS region in '<ARN>'": recorded for DescribeTable,
# DescribeTimeToLive, DescribeContinuousBackups (ack-api-quirks catalogue, 2026-10-09) and
# UpdateContinuousBackups (terraform-aws-dynamodb-table issue #85).
@LOCAL_NO_ARNS
@pytest.mark.parametrize("operation", ["get_item", "describe_table", "describe_time_to_live",
                                       "describe_continuous_backups", "batch_get_item"])
def test_arn_of_another_region(raw_client, table, operation):
    _, arn = table
    other = arn.replace(":us-east-1:", ":eu-west-1:")
    params = ({"RequestItems": {other: {"Keys": [key("a")]}}} if operation == "batch_get_item"
              else {"TableName": other, **({"Key": key("a")} if operation == "get_item" else {})})
    assert failure(getattr(raw_client, operation), **params) == validation(
        f"1 validation error detected: Invalid AWS region in '{other}'")


@LOCAL_NO_ARNS
def test_arn_of_another_partition(raw_client, table):
    _, arn = table
    other = arn.replace("arn:aws:", "arn:aws-cn:")
    assert failure(raw_client.get_item, TableName=other, Key=key("a")) == validation(
        f"1 validation error detected: Invalid AWS partition in '{other}'")


# Another account's table is reached only through its resource policy, which no table of the one
# local account can grant.
@LOCAL_NO_ARNS
@pytest.mark.parametrize("operation", ["get_item", "describe_table"])
def test_arn_of_another_account(raw_client, table, operation):
    _, arn = table
    other = arn.replace(":000000000000:", ":111122223333:")
    params = {"TableName": other, **({"Key": key("a")} if operation == "get_item" else {})}
    code, _, status = failure(getattr(raw_client, operation), **params)
    assert (code, status) == ("AccessDeniedException", 400)


# The format DynamoDB requires of an ARN in TableName (ExtendDB's captures, PR #200).
@LOCAL_NO_ARNS
@pytest.mark.parametrize("suffix, text", [
    ("/index/by_x", ARN_FORMAT),
    ("/stream/2026-01-01T00:00:00.000", ARN_FORMAT),
])
def test_arns_of_parts_of_a_table(raw_client, table, suffix, text):
    _, arn = table
    assert failure(raw_client.get_item, TableName=arn + suffix, Key=key("a")) == constraint(
        arn + suffix, text)


@LOCAL_NO_ARNS
@pytest.mark.parametrize("member, text", [
    ("arn:aws:dynamodb:us-east-1", ARN_FORMAT),
    ("arn:aws:s3:::bucket/key", ARN_FORMAT),
    ("arn:aws:dynamodb:us-east-1:000000000000:table/bad name", ARN_FORMAT),
    ("arn:aws:dynamodb:us-east-1:000000000000:backup/x", "Invalid resource type"),
    ("arn:aws:dynamodb:us-east-1:000000000000:table/ab",
     "Table name of ARN must have length greater than or equal to 3"),
])
def test_malformed_arns(raw_client, member, text):
    assert failure(raw_client.get_item, TableName=member, Key=key("a")) == constraint(member, text)
    assert failure(raw_client.query, TableName=member, KeyConditionExpression="p = :p",
                   ExpressionAttributeValues={":p": wire("a")}) == constraint(member, text)
    assert failure(raw_client.describe_table, TableName=member) == constraint(member, text)


# The ARN form may be up to 1024 characters long (the API model's TableArn shape); a name still at
# most 255.
@LOCAL_NO_ARNS
def test_length_of_the_arn_form(raw_client):
    too_long = "arn:aws:dynamodb:us-east-1:000000000000:table/" + "a" * 1000
    assert failure(raw_client.get_item, TableName=too_long, Key=key("a")) == constraint(
        too_long, "Member must have length less than or equal to 1024")
    assert failure(raw_client.describe_table, TableName=too_long) == constraint(
        too_long, "Member must have length less than or equal to 1024")
    longest_name = "arn:aws:dynamodb:us-east-1:000000000000:table/" + "a" * 256
    assert failure(raw_client.get_item, TableName=longest_name, Key=key("a")) == constraint(
        longest_name, ARN_FORMAT)
    name = "a" * 256
    assert failure(raw_client.get_item, TableName=name, Key=key("a")) == constraint(
        name, "Member must have length less than or equal to 255")


@LOCAL_NO_ARNS
def test_transactions_check_each_arn(raw_client, table):
    _, arn = table
    bad = arn + "/index/by_x"
    assert failure(raw_client.transact_get_items, TransactItems=[
        {"Get": {"TableName": arn, "Key": key("a")}},
        {"Get": {"TableName": bad, "Key": key("a")}},
    ]) == constraint(bad, ARN_FORMAT, "transactItems.2.member.get.tableName")


# CreateTable keeps the name's constraints (a 2026 capture: "Value 'ab' at 'tableName' ... greater
# than or equal to 3"), so an ARN breaks the name pattern.
@pytest.mark.oracle_deviation("DynamoDB Local words an invalid table name its own way")
def test_create_table_takes_a_name(raw_client):
    arn = "arn:aws:dynamodb:us-east-1:000000000000:table/" + unique_name()
    assert failure(
        raw_client.create_table, TableName=arn, BillingMode="PAY_PER_REQUEST",
        KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "p", "AttributeType": "S"}],
    ) == constraint(arn, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+")
