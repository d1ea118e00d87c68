"""ExportTableToPointInTime, DescribeExport, ListExports, ImportTable, DescribeImport, ListImports
against a local folder standing in for S3 (--s3-root): DynamoDB's export layout, a round trip of
every attribute type, and the failures DynamoDB reports as the job's status."""

import gzip
import json
import os
import pathlib
from decimal import Decimal

import time

import pytest

from conftest import _config, _session, all_pages, ddblocal_process, failure, unique_name
from raw_json import call, call_error

OWN_BINARY = pytest.mark.skipif(
    bool(os.environ.get("DDBLOCAL_ENDPOINT")), reason="starts its own ddblocal binary"
)

KEY = [{"AttributeName": "p", "KeyType": "HASH"}]
DEFS = [{"AttributeName": "p", "AttributeType": "S"}]
EVERY_TYPE = {
    "p": {"S": "every"},
    "s": {"S": "text ünïcode"},
    "n": {"N": "-12.5E+3"},
    "b": {"B": b"\x00\xffbytes"},
    "t": {"BOOL": True},
    "z": {"NULL": True},
    "m": {"M": {"inner": {"L": [{"N": "1"}, {"S": "x"}, {"M": {}}]}}},
    "l": {"L": [{"BOOL": False}, {"NULL": True}, {"B": b"\x01"}]},
    "ss": {"SS": ["a", "b"]},
    "ns": {"NS": ["1", "2.5", "-3"]},
    "bs": {"BS": [b"\x01", b"\x02"]},
}


@pytest.fixture(scope="module")
def s3_server(tmp_path_factory):
    root = tmp_path_factory.mktemp("s3")
    (root / "bucket").mkdir()
    with ddblocal_process("--in-memory", "--s3-root", str(root)) as (_, port):
        client = _session().client("dynamodb", endpoint_url=f"http://127.0.0.1:{port}", config=_config(True))
        yield client, root


def make_table(client, items=()):
    name = unique_name()
    client.create_table(TableName=name, KeySchema=KEY, AttributeDefinitions=DEFS, BillingMode="PAY_PER_REQUEST")
    for item in items:
        client.put_item(TableName=name, Item=item)
    return name, client.describe_table(TableName=name)["Table"]["TableArn"]


def scan(client, name):
    return sorted(all_pages(client.scan, TableName=name)[0], key=lambda item: item["p"]["S"])


def import_params(name, prefix, compression="GZIP", bucket="bucket"):
    return dict(
        S3BucketSource={"S3Bucket": bucket, "S3KeyPrefix": prefix},
        InputFormat="DYNAMODB_JSON",
        InputCompressionType=compression,
        TableCreationParameters={
            "TableName": name,
            "KeySchema": KEY,
            "AttributeDefinitions": DEFS,
            "BillingMode": "PAY_PER_REQUEST",
        },
    )


# An export writes DynamoDB's layout under <prefix>/AWSDynamoDB/<id>/, and an import of its data
# folder gives back a table with the same items, every attribute type included.
@OWN_BINARY
def test_export_then_import_round_trips_every_type(s3_server):
    client, root = s3_server
    items = [EVERY_TYPE] + [{"p": {"S": f"k{i}"}, "n": {"N": str(i)}} for i in range(30)]
    name, arn = make_table(client, items)
    started = client.export_table_to_point_in_time(TableArn=arn, S3Bucket="bucket", S3Prefix="exports")["ExportDescription"]
    assert started["ExportStatus"] == "IN_PROGRESS" and started["ExportFormat"] == "DYNAMODB_JSON"
    done = client.describe_export(ExportArn=started["ExportArn"])["ExportDescription"]
    assert done["ExportStatus"] == "COMPLETED" and done["ItemCount"] == len(items)
    export_id = started["ExportArn"].rsplit("/", 1)[1]
    assert done["ExportManifest"] == f"exports/AWSDynamoDB/{export_id}/manifest-summary.json"
    folder = root / "bucket" / "exports" / "AWSDynamoDB" / export_id
    summary = json.loads((folder / "manifest-summary.json").read_text())
    assert summary["itemCount"] == len(items) and summary["outputFormat"] == "DYNAMODB_JSON"
    files = [json.loads(line) for line in (folder / "manifest-files.json").read_text().splitlines()]
    assert sum(f["itemCount"] for f in files) == len(items)
    lines = gzip.decompress((root / "bucket" / files[0]["dataFileS3Key"]).read_bytes()).decode().splitlines()
    assert len(lines) == len(items) and all("Item" in json.loads(line) for line in lines)

    target = unique_name()
    answer = client.import_table(**import_params(target, f"exports/AWSDynamoDB/{export_id}/data/"))
    job = client.describe_import(ImportArn=answer["ImportTableDescription"]["ImportArn"])["ImportTableDescription"]
    assert job["ImportStatus"] == "COMPLETED" and job["ImportedItemCount"] == len(items) and job["ErrorCount"] == 0
    assert scan(client, target) == scan(client, name)
    assert [e["ExportArn"] for e in client.list_exports(TableArn=arn)["ExportSummaries"]] == [started["ExportArn"]]
    assert job["ImportArn"] in [i["ImportArn"] for i in client.list_imports()["ImportSummaryList"]]


def exported_items(root, prefix, export_arn):
    """(p, n) of each item an export wrote, sorted."""
    folder = root / "bucket" / prefix / "AWSDynamoDB" / export_arn.rsplit("/", 1)[1]
    items = []
    for line in (folder / "manifest-files.json").read_text().splitlines():
        data = gzip.decompress((root / "bucket" / json.loads(line)["dataFileS3Key"]).read_bytes())
        for item in map(json.loads, data.decode().splitlines()):
            items.append((item["Item"]["p"]["S"], item["Item"].get("n", {}).get("N")))
    return sorted(items)


# With point-in-time recovery an export reads the table as it was at its ExportTime, any moment
# of the recovery window; a time outside the window is refused. (As signed JSON: the botocore
# here sends timestamps in whole seconds.)
@OWN_BINARY
def test_export_of_a_past_moment(s3_server):
    client, root = s3_server
    endpoint = client.meta.endpoint_url
    name, arn = make_table(client, [{"p": {"S": "kept"}, "n": {"N": "1"}}])
    client.update_continuous_backups(
        TableName=name, PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
    client.put_item(TableName=name, Item={"p": {"S": "gone"}, "n": {"N": "1"}})
    time.sleep(0.02)
    then = time.time()
    time.sleep(0.02)
    client.put_item(TableName=name, Item={"p": {"S": "kept"}, "n": {"N": "2"}})
    client.delete_item(TableName=name, Key={"p": {"S": "gone"}})
    client.put_item(TableName=name, Item={"p": {"S": "new"}})

    started = call(endpoint, "ExportTableToPointInTime", TableArn=arn, S3Bucket="bucket",
                   S3Prefix="past", ExportTime=then)["ExportDescription"]
    assert abs(started["ExportTime"] - then) < 0.001
    done = client.describe_export(ExportArn=started["ExportArn"])["ExportDescription"]
    assert (done["ExportStatus"], done["ItemCount"]) == ("COMPLETED", 2)
    assert exported_items(root, "past", started["ExportArn"]) == [("gone", "1"), ("kept", "1")]

    now = call(endpoint, "ExportTableToPointInTime", TableArn=arn, S3Bucket="bucket",
               S3Prefix="now")["ExportDescription"]
    assert exported_items(root, "now", now["ExportArn"]) == [("kept", "2"), ("new", None)]

    code, message = call_error(endpoint, "ExportTableToPointInTime", TableArn=arn, S3Bucket="bucket",
                               ExportType="INCREMENTAL_EXPORT", IncrementalExportSpecification={})
    assert code == "ValidationException" and "full exports only" in message
    for outside in (then - 3600, time.time() + 3600):
        assert call_error(endpoint, "ExportTableToPointInTime", TableArn=arn, S3Bucket="bucket",
                          ExportTime=outside) == ("InvalidExportTimeException",
                                                  "Export Time is invalid")


# A bucket that does not exist fails the job, not the call; an import of it leaves no table.
@OWN_BINARY
def test_missing_bucket_fails_the_job(s3_server):
    client, _ = s3_server
    _, arn = make_table(client)
    started = client.export_table_to_point_in_time(TableArn=arn, S3Bucket="nobucket")["ExportDescription"]
    done = client.describe_export(ExportArn=started["ExportArn"])["ExportDescription"]
    assert (done["ExportStatus"], done["FailureCode"]) == ("FAILED", "S3NoSuchBucket")
    target = unique_name()
    answer = client.import_table(**import_params(target, "x", bucket="nobucket"))["ImportTableDescription"]
    job = client.describe_import(ImportArn=answer["ImportArn"])["ImportTableDescription"]
    assert (job["ImportStatus"], job["FailureCode"]) == ("FAILED", "S3NoSuchBucket")
    assert target not in client.list_tables()["TableNames"]


# An export folder that cannot be written (a file where a folder must go) fails with a message
# naming the path.
@OWN_BINARY
def test_unwritable_export_folder(s3_server):
    client, root = s3_server
    (root / "bucket" / "blocked").write_text("a file, not a folder")
    _, arn = make_table(client, [{"p": {"S": "a"}}])
    started = client.export_table_to_point_in_time(TableArn=arn, S3Bucket="bucket", S3Prefix="blocked")["ExportDescription"]
    done = client.describe_export(ExportArn=started["ExportArn"])["ExportDescription"]
    assert (done["ExportStatus"], done["FailureCode"]) == ("FAILED", "S3AccessDenied")
    assert "blocked" in done["FailureMessage"]


# A line that is not an item fails the import (ItemValidationError) but the valid ones are in the
# table, as DynamoDB does.
@OWN_BINARY
def test_bad_lines_are_counted(s3_server):
    client, root = s3_server
    folder = root / "bucket" / "mixed"
    folder.mkdir()
    (folder / "part.json").write_text(
        json.dumps({"Item": {"p": {"S": "good"}}}) + "\nnot json\n" + json.dumps({"Item": {"q": {"S": "no key"}}}) + "\n"
    )
    target = unique_name()
    answer = client.import_table(**import_params(target, "mixed/", compression="NONE"))["ImportTableDescription"]
    job = client.describe_import(ImportArn=answer["ImportArn"])["ImportTableDescription"]
    assert (job["ImportStatus"], job["FailureCode"], job["ErrorCount"], job["ImportedItemCount"]) == (
        "FAILED", "ItemValidationError", 2, 1)
    assert [item["p"]["S"] for item in scan(client, target)] == ["good"]


# The errors of the calls themselves.
@OWN_BINARY
def test_export_import_errors(s3_server):
    client, _ = s3_server
    name, arn = make_table(client)
    missing = arn[: arn.rindex("/") + 1] + unique_name()
    assert failure(client.export_table_to_point_in_time, TableArn=missing, S3Bucket="bucket") == (
        "TableNotFoundException", f"Table not found: {missing}", 400)
    gone = arn + "/export/01700000000000-00000000"
    assert failure(client.describe_export, ExportArn=gone) == (
        "ExportNotFoundException", f"Export not found: Export not found: {gone}", 400)
    assert failure(client.describe_export, ExportArn=arn + "/backup/01700000000000-00000000")[:2] == (
        "ValidationException", "Invalid Export ARN")
    code, message, _ = failure(client.import_table, **import_params(name, "x"))
    assert (code, message) == ("ResourceInUseException", f"Table already exists: {name}")


# Without --s3-root there is nowhere to export to: a clear error.
@pytest.mark.oracle_deviation("DynamoDB Local has no exports or imports")
def test_no_s3_root(client, create_table):
    arn = client.describe_table(TableName=create_table())["Table"]["TableArn"]
    code, message, _ = failure(client.export_table_to_point_in_time, TableArn=arn, S3Bucket="bucket")
    assert code == "ValidationException" and "--s3-root" in message
