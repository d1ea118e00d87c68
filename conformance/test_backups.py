"""CreateBackup, DescribeBackup, ListBackups, DeleteBackup, RestoreTableFromBackup: shapes,
statuses, filters, paging, overrides and errors as the 2026 probes of
/work/notes/control-plane.md recorded them; consistency under concurrent writers; persistence."""

import os
import threading
import time

import pytest

from conftest import _config, _session, all_pages, ddblocal_process, failure, unique_name, validation

LOCAL_DEVIATION = pytest.mark.oracle_deviation("DynamoDB Local has no backups")
OWN_BINARY = pytest.mark.skipif(
    bool(os.environ.get("DDBLOCAL_ENDPOINT")), reason="starts its own ddblocal binary"
)


def put_items(client, name, count, prefix="k"):
    for i in range(count):
        client.put_item(TableName=name, Item={"p": {"S": f"{prefix}{i}"}, "n": {"N": str(i)}, "g": {"S": "x"}})


def scan_all(client, name, **params):
    return all_pages(client.scan, TableName=name, **params)[0]


def table_with_index(client, create_table):
    """A PAY_PER_REQUEST table keyed by p with a global index byg on g (ALL)."""
    name = unique_name()
    create_table.track(name)
    client.create_table(
        TableName=name,
        KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "p", "AttributeType": "S"}, {"AttributeName": "g", "AttributeType": "S"}],
        GlobalSecondaryIndexes=[
            {"IndexName": "byg", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}], "Projection": {"ProjectionType": "ALL"}}
        ],
        BillingMode="PAY_PER_REQUEST",
    )
    return name


def restore(client, create_table, arn, **overrides):
    target = unique_name()
    create_table.track(target)
    answer = client.restore_table_from_backup(TargetTableName=target, BackupArn=arn, **overrides)
    return target, answer["TableDescription"]


# CreateBackup answers BackupDetails (CREATING); DescribeBackup says AVAILABLE with the source
# table's details; the backup holds the items of the moment.
@LOCAL_DEVIATION
def test_create_describe_restore(client, create_table):
    name = create_table()
    put_items(client, name, 5)
    details = client.create_backup(TableName=name, BackupName="first")["BackupDetails"]
    assert details["BackupStatus"] == "CREATING" and details["BackupType"] == "USER"
    assert details["BackupArn"].startswith(client.describe_table(TableName=name)["Table"]["TableArn"] + "/backup/")
    put_items(client, name, 3, prefix="later")
    description = client.describe_backup(BackupArn=details["BackupArn"])["BackupDescription"]
    assert description["BackupDetails"]["BackupStatus"] == "AVAILABLE"
    source = description["SourceTableDetails"]
    assert source["TableName"] == name and source["ItemCount"] == 5 and source["BillingMode"] == "PAY_PER_REQUEST"
    assert description["SourceTableFeatureDetails"] == {}
    target, table = restore(client, create_table, details["BackupArn"])
    assert table["TableStatus"] == "CREATING"
    summary = table["RestoreSummary"]
    assert summary["SourceBackupArn"] == details["BackupArn"] and summary["RestoreInProgress"] is True
    client.get_waiter("table_exists").wait(TableName=target, WaiterConfig={"Delay": 1, "MaxAttempts": 30})
    restored = client.describe_table(TableName=target)["Table"]
    assert restored["ItemCount"] == 5 and restored["KeySchema"] == [{"AttributeName": "p", "KeyType": "HASH"}]
    assert sorted(item["p"]["S"] for item in scan_all(client, target)) == [f"k{i}" for i in range(5)]


# The restored table has the backup's indexes, built from its items; an empty table's backup
# restores an empty table.
@LOCAL_DEVIATION
def test_restore_keeps_indexes(client, create_table):
    name = table_with_index(client, create_table)
    empty = client.create_backup(TableName=name, BackupName="empty")["BackupDetails"]["BackupArn"]
    put_items(client, name, 4)
    arn = client.create_backup(TableName=name, BackupName="full")["BackupDetails"]["BackupArn"]
    features = client.describe_backup(BackupArn=arn)["BackupDescription"]["SourceTableFeatureDetails"]
    assert [index["IndexName"] for index in features["GlobalSecondaryIndexes"]] == ["byg"]
    target, _ = restore(client, create_table, arn)
    items = client.query(TableName=target, IndexName="byg", KeyConditionExpression="g = :g", ExpressionAttributeValues={":g": {"S": "x"}})["Items"]
    assert len(items) == 4
    empty_target, _ = restore(client, create_table, empty)
    assert scan_all(client, empty_target) == []


# Overrides: PROVISIONED billing with throughput, no global index, KMS encryption; an index that
# was not in the source cannot be made.
@LOCAL_DEVIATION
def test_restore_overrides(client, raw_client, create_table):
    name = table_with_index(client, create_table)
    put_items(client, name, 2)
    arn = client.create_backup(TableName=name, BackupName="bak")["BackupDetails"]["BackupArn"]
    target, table = restore(
        client,
        create_table,
        arn,
        BillingModeOverride="PROVISIONED",
        ProvisionedThroughputOverride={"ReadCapacityUnits": 3, "WriteCapacityUnits": 4},
        GlobalSecondaryIndexOverride=[],
        SSESpecificationOverride={"Enabled": True, "SSEType": "KMS"},
    )
    restored = client.describe_table(TableName=target)["Table"]
    assert restored["ProvisionedThroughput"]["ReadCapacityUnits"] == 3
    assert "GlobalSecondaryIndexes" not in restored and restored["SSEDescription"]["SSEType"] == "KMS"
    assert len(scan_all(client, target)) == 2
    bad_index = [
        {"IndexName": "new", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}], "Projection": {"ProjectionType": "KEYS_ONLY"}}
    ]
    target = unique_name()
    create_table.track(target)
    assert failure(raw_client.restore_table_from_backup, TargetTableName=target, BackupArn=arn, GlobalSecondaryIndexOverride=bad_index) == validation(
        "Invalid Request: Index new does not match a secondary index that existed in the source table "
        "and cannot be created during the restore operation"
    )
    assert failure(raw_client.restore_table_from_backup, TargetTableName=target, BackupArn=arn, BillingModeOverride="PROVISIONED") == validation(
        "Invalid Request: Must override ProvisionedThroughput if BillingMode is overridden to PROVISIONED"
    )
    assert target not in client.list_tables()["TableNames"]


# The errors of each call.
@LOCAL_DEVIATION
def test_backup_errors(client, raw_client, create_table):
    missing = unique_name()
    assert failure(client.create_backup, TableName=missing, BackupName="bak") == (
        "TableNotFoundException", f"Table not found: {missing}", 400)
    name = create_table()
    arn = client.create_backup(TableName=name, BackupName="bak")["BackupDetails"]["BackupArn"]
    gone = arn[: arn.rindex("/") + 1] + "01700000000000-00000000"
    assert failure(client.describe_backup, BackupArn=gone) == ("BackupNotFoundException", f"Backup not found: {gone}", 400)
    table_arn = client.describe_table(TableName=name)["Table"]["TableArn"]
    assert failure(client.describe_backup, BackupArn=table_arn + "/index/x" * 3) == validation("Invalid Backup ARN")
    assert failure(client.restore_table_from_backup, TargetTableName=name, BackupArn=arn) == (
        "TableAlreadyExistsException", f"Table already exists: {name}", 400)
    assert failure(client.restore_table_from_backup, TargetTableName=unique_name(), BackupArn=gone)[0] == "BackupNotFoundException"


# DeleteBackup answers the backup DELETED; it is gone at once. DeleteTable keeps backups.
@LOCAL_DEVIATION
def test_delete_backup_and_table(client, create_table):
    name = create_table()
    put_items(client, name, 2)
    arn = client.create_backup(TableName=name, BackupName="bak")["BackupDetails"]["BackupArn"]
    client.delete_table(TableName=name)
    assert client.describe_backup(BackupArn=arn)["BackupDescription"]["BackupDetails"]["BackupStatus"] == "AVAILABLE"
    assert [b["BackupArn"] for b in client.list_backups(TableName=name)["BackupSummaries"]] == [arn]
    deleted = client.delete_backup(BackupArn=arn)["BackupDescription"]
    assert deleted["BackupDetails"]["BackupStatus"] == "DELETED"
    assert failure(client.describe_backup, BackupArn=arn)[0] == "BackupNotFoundException"
    assert client.list_backups(TableName=name)["BackupSummaries"] == []


# ListBackups: by table, by time range [lower, upper), by type (USER by default), in pages.
@LOCAL_DEVIATION
def test_list_backups_filters_and_pages(client, create_table):
    name = create_table()
    arns = []
    for i in range(5):
        # botocore 1.29 sends timestamps in whole seconds: a second apart where the range cuts.
        if i in (1, 3):
            time.sleep(1.1)
        arns.append(client.create_backup(TableName=name, BackupName=f"bak{i}")["BackupDetails"]["BackupArn"])
    summaries = client.list_backups(TableName=name)["BackupSummaries"]
    assert [s["BackupArn"] for s in summaries] == arns
    assert {s["TableName"] for s in summaries} == {name}
    assert client.list_backups(TableName=name, BackupType="SYSTEM")["BackupSummaries"] == []
    assert len(client.list_backups(TableName=name, BackupType="ALL")["BackupSummaries"]) == 5
    times = [s["BackupCreationDateTime"] for s in summaries]
    ranged = client.list_backups(TableName=name, TimeRangeLowerBound=times[1], TimeRangeUpperBound=times[3])
    assert [s["BackupArn"] for s in ranged["BackupSummaries"]] == arns[1:3]
    seen, params = [], {"TableName": name, "Limit": 2}
    while True:
        page = client.list_backups(**params)
        seen += [s["BackupArn"] for s in page["BackupSummaries"]]
        if "LastEvaluatedBackupArn" not in page:
            break
        params["ExclusiveStartBackupArn"] = page["LastEvaluatedBackupArn"]
    assert seen == arns
    assert failure(client.list_backups, TimeRangeLowerBound=times[3], TimeRangeUpperBound=times[1]) == validation(
        "One or more parameter values were invalid: Time range lower bound must be less than or equal to upper bound"
    )


# A backup taken while writers run is one moment of the table: each writer moves a pair of items
# in one transaction, so a consistent snapshot has every pair equal.
@LOCAL_DEVIATION
def test_backup_under_writers_is_consistent(client, endpoint, create_table):
    name = create_table()
    pairs = 20
    for i in range(pairs):
        client.put_item(TableName=name, Item={"p": {"S": f"a{i}"}, "v": {"N": "0"}})
        client.put_item(TableName=name, Item={"p": {"S": f"b{i}"}, "v": {"N": "0"}})
    stop = threading.Event()
    writers = [_session().client("dynamodb", endpoint_url=endpoint, config=_config(True)) for _ in range(2)]

    def write(writer, offset):
        n = 0
        while not stop.is_set():
            i = (n + offset) % pairs
            n += 1
            update = {"UpdateExpression": "ADD v :one", "ExpressionAttributeValues": {":one": {"N": "1"}}}
            writer.transact_write_items(TransactItems=[
                {"Update": {"TableName": name, "Key": {"p": {"S": f"a{i}"}}, **update}},
                {"Update": {"TableName": name, "Key": {"p": {"S": f"b{i}"}}, **update}},
            ])

    threads = [threading.Thread(target=write, args=(w, k * 7)) for k, w in enumerate(writers)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(0.3)
        arns = [client.create_backup(TableName=name, BackupName=f"bak{k}")["BackupDetails"]["BackupArn"] for k in range(3)]
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    for arn in arns:
        target, _ = restore(client, create_table, arn)
        values = {item["p"]["S"]: int(item["v"]["N"]) for item in scan_all(client, target)}
        assert len(values) == 2 * pairs
        assert all(values[f"a{i}"] == values[f"b{i}"] for i in range(pairs))
    assert sum(values.values()) > 0


# Backups survive a restart and can still be restored.
@OWN_BINARY
def test_backups_survive_restart(tmp_path):
    data = str(tmp_path / "data")
    name, target = unique_name(), unique_name()

    def client_on(port):
        return _session().client("dynamodb", endpoint_url=f"http://127.0.0.1:{port}", config=_config(True))

    with ddblocal_process("--data-dir", data) as (_, port):
        client = client_on(port)
        client.create_table(TableName=name, KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}],
                            AttributeDefinitions=[{"AttributeName": "p", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST")
        put_items(client, name, 3)
        arn = client.create_backup(TableName=name, BackupName="kept")["BackupDetails"]["BackupArn"]
    with ddblocal_process("--data-dir", data) as (_, port):
        client = client_on(port)
        assert client.describe_backup(BackupArn=arn)["BackupDescription"]["BackupDetails"]["BackupName"] == "kept"
        client.restore_table_from_backup(TargetTableName=target, BackupArn=arn)
        assert len(scan_all(client, target)) == 3
