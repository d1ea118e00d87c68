"""DescribeContinuousBackups, UpdateContinuousBackups and RestoreTableToPointInTime: the setting
and its window as the API reference describes them, restores to several moments inside the
window, the restore's overrides, and the errors. RecoveryPeriodInDays is newer than the
botocore here, so those calls go as signed JSON (raw_json.py)."""

import datetime
import time

import pytest

from conftest import all_pages, failure, unique_name, validation
from raw_json import call, call_error

LOCAL_DEVIATION = pytest.mark.oracle_deviation("DynamoDB Local has no point-in-time recovery")
pytestmark = LOCAL_DEVIATION


def recovery_of(client, table):
    answer = client.describe_continuous_backups(TableName=table)["ContinuousBackupsDescription"]
    assert answer["ContinuousBackupsStatus"] == "ENABLED"  # on-demand backups, always
    return answer["PointInTimeRecoveryDescription"]


def enable(client, table):
    return client.update_continuous_backups(
        TableName=table, PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True}
    )["ContinuousBackupsDescription"]["PointInTimeRecoveryDescription"]


def items_of(client, table):
    items = all_pages(client.scan, TableName=table)[0]
    return sorted((item["p"]["S"], item.get("v", {}).get("N")) for item in items)


def restore(endpoint, create_table, source, **params):
    """Restores `source` into a new table; answers its name and description. As signed JSON:
    the botocore here sends RestoreDateTime in whole seconds, newer SDKs in milliseconds."""
    target = unique_name()
    create_table.track(target)
    if "RestoreDateTime" in params:
        params["RestoreDateTime"] = params["RestoreDateTime"].timestamp()
    answer = call(endpoint, "RestoreTableToPointInTime", SourceTableName=source,
                  TargetTableName=target, **params)
    return target, answer["TableDescription"]


def moment():
    """Now, with the writes before it a few milliseconds in its past and those after in its
    future."""
    time.sleep(0.02)
    now = datetime.datetime.now(datetime.timezone.utc)
    time.sleep(0.02)
    return now


def test_disabled_by_default_then_enabled_with_its_window(client, create_table):
    table = create_table()
    assert recovery_of(client, table) == {"PointInTimeRecoveryStatus": "DISABLED"}
    before = datetime.datetime.now(datetime.timezone.utc)
    enabled = enable(client, table)
    assert enabled["PointInTimeRecoveryStatus"] == "ENABLED"
    described = recovery_of(client, table)
    assert described["PointInTimeRecoveryStatus"] == "ENABLED"
    # The window opens when recovery is enabled and reaches the present.
    assert before - datetime.timedelta(seconds=1) <= described["EarliestRestorableDateTime"]
    assert described["EarliestRestorableDateTime"] <= described["LatestRestorableDateTime"]
    assert described["LatestRestorableDateTime"] <= datetime.datetime.now(datetime.timezone.utc)
    client.update_continuous_backups(
        TableName=table, PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": False})
    assert recovery_of(client, table) == {"PointInTimeRecoveryStatus": "DISABLED"}


# RecoveryPeriodInDays: 35 unless given, 1 to 35; a table enabled already keeps its window.
def test_recovery_period(endpoint, create_table):
    table = create_table()
    answer = call(endpoint, "UpdateContinuousBackups", TableName=table,
                  PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
    first = answer["ContinuousBackupsDescription"]["PointInTimeRecoveryDescription"]
    assert first["RecoveryPeriodInDays"] == 35
    answer = call(endpoint, "UpdateContinuousBackups", TableName=table,
                  PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True,
                                                    "RecoveryPeriodInDays": 7})
    second = answer["ContinuousBackupsDescription"]["PointInTimeRecoveryDescription"]
    assert second["RecoveryPeriodInDays"] == 7
    assert second["EarliestRestorableDateTime"] == first["EarliestRestorableDateTime"]
    assert call_error(endpoint, "UpdateContinuousBackups", TableName=table,
                      PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True,
                                                        "RecoveryPeriodInDays": 36}) == (
        "ValidationException",
        "1 validation error detected: Value '36' at "
        "'pointInTimeRecoverySpecification.recoveryPeriodInDays' failed to satisfy constraint: "
        "Member must have value less than or equal to 35")


# Restores to three moments give the table as it was at each: puts, overwrites and deletes
# after the moment are undone, those before it kept.
def test_restores_to_three_moments(client, endpoint, create_table):
    table = create_table()
    client.put_item(TableName=table, Item={"p": {"S": "before"}, "v": {"N": "0"}})
    enable(client, table)
    client.put_item(TableName=table, Item={"p": {"S": "a"}, "v": {"N": "1"}})
    client.put_item(TableName=table, Item={"p": {"S": "b"}, "v": {"N": "1"}})
    first = moment()
    client.put_item(TableName=table, Item={"p": {"S": "a"}, "v": {"N": "2"}})
    client.delete_item(TableName=table, Key={"p": {"S": "b"}})
    client.put_item(TableName=table, Item={"p": {"S": "c"}, "v": {"N": "2"}})
    second = moment()
    client.update_item(TableName=table, Key={"p": {"S": "a"}}, UpdateExpression="SET v = v + :one",
                       ExpressionAttributeValues={":one": {"N": "1"}})
    client.delete_item(TableName=table, Key={"p": {"S": "before"}})
    client.put_item(TableName=table, Item={"p": {"S": "b"}, "v": {"N": "3"}})
    third = moment()
    client.put_item(TableName=table, Item={"p": {"S": "d"}, "v": {"N": "4"}})

    expected = {
        first: [("a", "1"), ("b", "1"), ("before", "0")],
        second: [("a", "2"), ("before", "0"), ("c", "2")],
        third: [("a", "3"), ("b", "3"), ("c", "2")],
    }
    for when, items in expected.items():
        target, description = restore(endpoint, create_table, table, RestoreDateTime=when)
        summary = description["RestoreSummary"]
        assert summary["SourceTableArn"].endswith(":table/" + table)
        assert "SourceBackupArn" not in summary
        assert abs(summary["RestoreDateTime"] - when.timestamp()) < 0.001
        client.get_waiter("table_exists").wait(TableName=target, WaiterConfig={"Delay": 1})
        assert items_of(client, target) == items
        described = client.describe_table(TableName=target)["Table"]
        assert described["ItemCount"] == len(items)
    latest, _ = restore(endpoint, create_table, table, UseLatestRestorableTime=True)
    assert items_of(client, latest) == items_of(client, table)


# The restored table keeps the source's indexes (built from the restored items) unless
# overridden, and takes the billing override.
def test_restore_keeps_indexes_and_takes_overrides(client, endpoint, create_table):
    table = unique_name()
    create_table.track(table)
    client.create_table(
        TableName=table, KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "p", "AttributeType": "S"},
                              {"AttributeName": "g", "AttributeType": "S"}],
        GlobalSecondaryIndexes=[{"IndexName": "byg",
                                 "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
                                 "Projection": {"ProjectionType": "ALL"}}],
        BillingMode="PAY_PER_REQUEST")
    enable(client, table)
    client.put_item(TableName=table, Item={"p": {"S": "a"}, "g": {"S": "x"}})
    when = moment()
    client.put_item(TableName=table, Item={"p": {"S": "b"}, "g": {"S": "x"}})
    target, description = restore(
        endpoint, create_table, table, RestoreDateTime=when, BillingModeOverride="PROVISIONED",
        ProvisionedThroughputOverride={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
        GlobalSecondaryIndexOverride=[{
            "IndexName": "byg", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
            "Projection": {"ProjectionType": "ALL"},
            "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}}])
    assert description["ProvisionedThroughput"]["ReadCapacityUnits"] == 5
    client.get_waiter("table_exists").wait(TableName=target, WaiterConfig={"Delay": 1})
    found = client.query(TableName=target, IndexName="byg", KeyConditionExpression="g = :g",
                         ExpressionAttributeValues={":g": {"S": "x"}})["Items"]
    assert [item["p"]["S"] for item in found] == ["a"]


def test_errors(client, create_table):
    table = create_table()
    target = unique_name()
    assert failure(client.restore_table_to_point_in_time, SourceTableName=table,
                   TargetTableName=target, UseLatestRestorableTime=True) == (
        "PointInTimeRecoveryUnavailableException",
        f"Point in time recovery is not enabled for table '{table}'", 400)
    enable(client, table)
    long_ago = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)
    assert failure(client.restore_table_to_point_in_time, SourceTableName=table,
                   TargetTableName=target, RestoreDateTime=long_ago)[0] == (
        "InvalidRestoreTimeException")
    future = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=1)
    assert failure(client.restore_table_to_point_in_time, SourceTableName=table,
                   TargetTableName=target, RestoreDateTime=future)[0] == (
        "InvalidRestoreTimeException")
    assert failure(client.restore_table_to_point_in_time, SourceTableName=table,
                   TargetTableName=table, UseLatestRestorableTime=True) == (
        "TableAlreadyExistsException", f"Table already exists: {table}", 400)
    missing = unique_name()
    assert failure(client.describe_continuous_backups, TableName=missing) == (
        "TableNotFoundException", f"Table not found: {missing}", 400)
    assert failure(client.update_continuous_backups, TableName=missing,
                   PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True}) == (
        "TableNotFoundException", f"Table not found: {missing}", 400)
    assert failure(client.restore_table_to_point_in_time, SourceTableName=missing,
                   TargetTableName=target, UseLatestRestorableTime=True) == (
        "TableNotFoundException", f"Table not found: {missing}", 400)
    code, _, _ = failure(client.restore_table_to_point_in_time, SourceTableName=table,
                         TargetTableName=target)
    assert code == "ValidationException"
    # A failed restore leaves no table behind.
    assert target not in client.list_tables()["TableNames"]


# The source may be named by its ARN.
def test_source_by_arn(client, create_table):
    table = create_table()
    enable(client, table)
    client.put_item(TableName=table, Item={"p": {"S": "a"}, "v": {"N": "1"}})
    arn = client.describe_table(TableName=table)["Table"]["TableArn"]
    target = unique_name()
    create_table.track(target)
    client.restore_table_to_point_in_time(SourceTableArn=arn, TargetTableName=target,
                                          UseLatestRestorableTime=True)
    client.get_waiter("table_exists").wait(TableName=target, WaiterConfig={"Delay": 1})
    assert items_of(client, target) == [("a", "1")]
