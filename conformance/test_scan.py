"""Scan: whole-table reads with paging (Limit, the 1 MB page, ExclusiveStartKey, the paginator),
FilterExpression, ProjectionExpression, Select, parallel scan (Segment/TotalSegments) and the
validation errors of scan parameters."""

import random
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from boto3.dynamodb.conditions import Attr
from boto3.dynamodb.types import TypeSerializer

from conftest import all_pages, failure, unique_name, validation, make_clients

WORKERS = 8
PARTITIONS = 200
PER_PARTITION = 10
ITEM_COUNT = PARTITIONS * PER_PARTITION
LARGE_COUNT = 25
LARGE_VALUE = "x" * (100 * 1024)
# Items of ~100 KB: a page holds at most 1 MB of them, roughly. It stops once 1 MB is read, so it
# has 10 items (just under 1 MB) or 11 (the one crossing 1 MB included, as DynamoDB does).
LARGE_PAGE = (10, 11)
LOCAL_MISSING_TABLE = "DynamoDB Local says 'Cannot do operations on a non-existent table'"
LOCAL_LIMIT = "DynamoDB Local says 'Limit must be greater than or equal to 1'"
LOCAL_SEGMENTS = "DynamoDB Local words Segment/TotalSegments errors its own way"


@pytest.fixture(scope="module")
def workers(endpoint):
    """Low-level clients, one per worker thread."""
    return make_clients(endpoint, WORKERS)


def in_parallel(workers, function, count):
    """[function(client, i) for i in range(count)], run on WORKERS threads, client i % WORKERS."""
    with ThreadPoolExecutor(WORKERS) as pool:
        return list(pool.map(lambda i: function(workers[i % WORKERS], i), range(count)))


def load(workers, table, items):
    """PutItem of every (resource-form) item, in random order."""
    serializer = TypeSerializer()
    wire = [{k: serializer.serialize(v) for k, v in item.items()} for item in items]
    random.shuffle(wire)
    in_parallel(workers, lambda client, i: client.put_item(TableName=table, Item=wire[i]), len(wire))


def new_table(client):
    name = unique_name("scan")
    client.create_table(TableName=name,
                        KeySchema=[{"AttributeName": "p", "KeyType": "HASH"},
                                   {"AttributeName": "c", "KeyType": "RANGE"}],
                        AttributeDefinitions=[{"AttributeName": "p", "AttributeType": "S"},
                                              {"AttributeName": "c", "AttributeType": "N"}],
                        BillingMode="PAY_PER_REQUEST")
    client.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 60})
    return name


def full_item(i):
    return {"p": f"p{i // PER_PARTITION}", "c": i % PER_PARTITION, "a": i % 3, "s": f"v{i}"}


@pytest.fixture(scope="module")
def tables(client, raw_client, workers):
    """Tables loaded once for the module (HASH p S, RANGE c N): full holds ITEM_COUNT items,
    PER_PARTITION in each of PARTITIONS partitions (full_item); large holds 25 items of ~100 KB."""
    names = {"full": new_table(client), "large": new_table(client)}
    load(workers, names["full"], [full_item(i) for i in range(ITEM_COUNT)])
    load(workers, names["large"], [{"p": "L", "c": i, "v": LARGE_VALUE} for i in range(LARGE_COUNT)])
    yield names
    for name in names.values():
        raw_client.delete_table(TableName=name)


@pytest.fixture(scope="module")
def full(dynamodb, tables):
    return dynamodb.Table(tables["full"])


def keys_of(items):
    """Counter of (p, c) of resource-form items: each key's number of appearances."""
    return Counter((item["p"], int(item["c"])) for item in items)


ALL_KEYS = Counter((f"p{i // PER_PARTITION}", i % PER_PARTITION) for i in range(ITEM_COUNT))


def scan_all(table, **params):
    """Every item of a scan, following LastEvaluatedKey; also the list of pages."""
    return all_pages(table.scan, **params)


# --- Whole-table reads and paging -------------------------------------------------------------


# A Scan of a table under 1 MB returns every item exactly once in one page.
def test_scan_returns_every_item(full):
    got = full.scan()
    assert sorted(got["Items"], key=lambda item: (item["p"], item["c"])) == sorted(
        (full_item(i) for i in range(ITEM_COUNT)), key=lambda item: (item["p"], item["c"]))
    assert got["Count"] == ITEM_COUNT and got["ScannedCount"] == ITEM_COUNT
    assert "LastEvaluatedKey" not in got


# The paginator with PageSize 7 returns every item exactly once.
def test_scan_paginator_page_size(client, tables):
    pages = list(client.get_paginator("scan").paginate(TableName=tables["full"], PaginationConfig={"PageSize": 7}))
    items = [{"p": item["p"]["S"], "c": item["c"]["N"]} for page in pages for item in page["Items"]]
    assert keys_of(items) == ALL_KEYS
    assert all(len(page["Items"]) <= 7 for page in pages)


# Within a partition, Scan returns the items in sort-key order, and a partition is not split up.
def test_scan_partition_contiguous_and_sorted(full):
    items, _ = scan_all(full, Limit=13)
    partitions = [item["p"] for item in items]
    runs = [p for i, p in enumerate(partitions) if i == 0 or partitions[i - 1] != p]
    assert len(runs) == PARTITIONS
    for p in set(partitions):
        assert [item["c"] for item in items if item["p"] == p] == list(range(PER_PARTITION))


# Limit returns that many items and a LastEvaluatedKey of the last one returned.
def test_scan_limit(full):
    got = full.scan(Limit=10)
    assert got["Count"] == 10 and got["ScannedCount"] == 10
    last = got["Items"][-1]
    assert got["LastEvaluatedKey"] == {"p": last["p"], "c": last["c"]}


# ExclusiveStartKey continues exactly after the given item.
def test_scan_exclusive_start_key_continues(full):
    first = full.scan(Limit=25)
    start = {"p": first["Items"][19]["p"], "c": first["Items"][19]["c"]}
    second = full.scan(Limit=5, ExclusiveStartKey=start)
    assert second["Items"] == first["Items"][20:25]


# Limit counts the items read before the filter: ScannedCount is the Limit, Count what matched.
def test_scan_limit_counts_before_filter(full):
    unfiltered = full.scan(Limit=30)
    got = full.scan(Limit=30, FilterExpression=Attr("a").eq(0))
    assert got["ScannedCount"] == 30
    assert got["Items"] == [item for item in unfiltered["Items"] if item["a"] == 0]
    assert got["Count"] == len(got["Items"])
    assert got["LastEvaluatedKey"] == unfiltered["LastEvaluatedKey"]


# --- FilterExpression, ProjectionExpression, Select -------------------------------------------


# FilterExpression keeps the matching items: Count is what matched, ScannedCount what was read.
def test_scan_filter_expression(full):
    got = full.scan(FilterExpression=Attr("a").eq(1) & Attr("s").begins_with("v1"))
    expected = [full_item(i) for i in range(ITEM_COUNT) if i % 3 == 1 and str(i).startswith("1")]
    assert keys_of(got["Items"]) == keys_of(expected)
    assert got["Count"] == len(expected) and got["ScannedCount"] == ITEM_COUNT


# Unlike Query's, a Scan's FilterExpression may use key attributes.
def test_scan_filter_on_key_attributes(full):
    got = full.scan(FilterExpression=Attr("p").eq("p7") & Attr("c").lt(3))
    assert keys_of(got["Items"]) == Counter({("p7", 0): 1, ("p7", 1): 1, ("p7", 2): 1})


# ProjectionExpression returns only the named attributes (keys only if named).
def test_scan_projection_expression(full):
    got = full.scan(ProjectionExpression="s, #a", ExpressionAttributeNames={"#a": "a"})
    assert sorted(got["Items"], key=lambda item: item["s"]) == sorted(
        ({"s": f"v{i}", "a": i % 3} for i in range(ITEM_COUNT)), key=lambda item: item["s"])


# Select=COUNT returns Count and ScannedCount and no Items.
def test_scan_select_count(full):
    got = full.scan(Select="COUNT")
    assert "Items" not in got
    assert got["Count"] == ITEM_COUNT and got["ScannedCount"] == ITEM_COUNT


# Select=COUNT with a filter counts the matching items and the items read.
def test_scan_select_count_with_filter(full):
    got = full.scan(Select="COUNT", FilterExpression=Attr("a").eq(0))
    assert "Items" not in got
    assert got["Count"] == 667 and got["ScannedCount"] == ITEM_COUNT


# ConsistentRead=True is accepted on a table.
def test_scan_consistent_read(full):
    assert full.scan(ConsistentRead=True, Select="COUNT")["Count"] == ITEM_COUNT


# --- The 1 MB page ----------------------------------------------------------------------------


# A page stops at 1 MB of items with a LastEvaluatedKey; the pages hold every item once.
def test_scan_one_megabyte_pages(dynamodb, tables):
    items, pages = scan_all(dynamodb.Table(tables["large"]))
    assert [item["c"] for item in items] == list(range(LARGE_COUNT))
    assert len(pages) == 3
    for page in pages[:-1]:
        assert LARGE_PAGE[0] <= page["Count"] <= LARGE_PAGE[1]
        assert page["LastEvaluatedKey"] == {"p": "L", "c": page["Items"][-1]["c"]}
    assert "LastEvaluatedKey" not in pages[-1]


# The 1 MB limit counts the items read, also when only their count is returned.
def test_scan_one_megabyte_select_count(dynamodb, tables):
    got = dynamodb.Table(tables["large"]).scan(Select="COUNT")
    assert LARGE_PAGE[0] <= got["Count"] <= LARGE_PAGE[1]
    assert "LastEvaluatedKey" in got


# The 1 MB limit applies before the filter: a filter matching nothing still stops at 1 MB read.
def test_scan_one_megabyte_before_filter(dynamodb, tables):
    got = dynamodb.Table(tables["large"]).scan(FilterExpression=Attr("v").eq("no"))
    assert got["Count"] == 0
    assert LARGE_PAGE[0] <= got["ScannedCount"] <= LARGE_PAGE[1]
    assert "LastEvaluatedKey" in got


# --- Parallel scan ----------------------------------------------------------------------------


def scan_segment(client, table, segment, total, **params):
    """Wire-form items of one segment, following LastEvaluatedKey."""
    return all_pages(client.scan, TableName=table, Segment=segment, TotalSegments=total,
                     **params)[0]


def wire_keys(items):
    return Counter((item["p"]["S"], int(item["c"]["N"])) for item in items)


# The segments of a parallel scan are disjoint and together hold every item exactly once.
@pytest.mark.parametrize("total", [1, 2, 3, 7, 1000])
def test_scan_parallel_segments_partition_the_table(workers, tables, total):
    segments = in_parallel(workers, lambda client, i: wire_keys(scan_segment(client, tables["full"], i, total)),
                           total)
    assert sum(segments, Counter()) == ALL_KEYS
    assert sum(len(segment) for segment in segments) == ITEM_COUNT
    if total > 1:
        assert sum(1 for segment in segments if segment) > 1


# All items of a partition fall in the same segment.
def test_scan_parallel_segment_keeps_partitions_whole(workers, tables):
    segments = in_parallel(workers, lambda client, i: wire_keys(scan_segment(client, tables["full"], i, 7)), 7)
    owners = {}
    for index, segment in enumerate(segments):
        for p, _ in segment:
            owners.setdefault(p, set()).add(index)
    assert all(len(indexes) == 1 for indexes in owners.values())


# A segment read in small pages returns the same items as in one page.
def test_scan_parallel_segment_paged_with_limit(workers, tables):
    whole = scan_segment(workers[0], tables["full"], 1, 3)
    paged = scan_segment(workers[0], tables["full"], 1, 3, Limit=7)
    assert paged == whole


# --- Errors -----------------------------------------------------------------------------------


# Segment needs TotalSegments.
@pytest.mark.oracle_deviation(LOCAL_SEGMENTS)
def test_scan_segment_without_total_rejected(raw_client, tables):
    assert failure(raw_client.scan, TableName=tables["full"], Segment=1) == validation(
        "The TotalSegments parameter is required but was not present in the request when Segment parameter "
        "is present")


# TotalSegments needs Segment.
@pytest.mark.oracle_deviation(LOCAL_SEGMENTS)
def test_scan_total_without_segment_rejected(raw_client, tables):
    assert failure(raw_client.scan, TableName=tables["full"], TotalSegments=2) == validation(
        "The Segment parameter is required but was not present in the request when parameter TotalSegments "
        "is present")


# Segment is zero-based: it must be below TotalSegments.
@pytest.mark.oracle_deviation(LOCAL_SEGMENTS)
@pytest.mark.parametrize("segment, total", [(2, 2), (5, 3)])
def test_scan_segment_not_below_total_rejected(raw_client, tables, segment, total):
    assert failure(raw_client.scan, TableName=tables["full"], Segment=segment, TotalSegments=total) == validation(
        "The Segment parameter is zero-based and must be less than parameter TotalSegments: "
        f"Segment: {segment} is not less than TotalSegments: {total}")


# TotalSegments must be at least 1.
@pytest.mark.oracle_deviation(LOCAL_SEGMENTS)
def test_scan_total_segments_zero_rejected(raw_client, tables):
    assert failure(raw_client.scan, TableName=tables["full"], Segment=0, TotalSegments=0) == validation(
        "1 validation error detected: Value '0' at 'totalSegments' failed to satisfy constraint: "
        "Member must have value greater than or equal to 1")


# TotalSegments may be at most 1,000,000.
def test_scan_total_segments_too_large_rejected(raw_client, tables):
    assert failure(raw_client.scan, TableName=tables["full"], Segment=0, TotalSegments=1000001) == validation(
        "1 validation error detected: Value '1000001' at 'totalSegments' failed to satisfy constraint: "
        "Member must have value less than or equal to 1000000")


# TotalSegments 1,000,000 is allowed.
def test_scan_total_segments_maximum_accepted(raw_client, tables):
    got = raw_client.scan(TableName=tables["full"], Segment=999999, TotalSegments=1000000, Select="COUNT")
    assert got["Count"] <= got["ScannedCount"]


# Limit must be at least 1.
@pytest.mark.oracle_deviation(LOCAL_LIMIT)
def test_scan_limit_zero_rejected(raw_client, tables):
    assert failure(raw_client.scan, TableName=tables["full"], Limit=0) == validation(
        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
        "Member must have value greater than or equal to 1")


# Select=COUNT cannot be combined with a ProjectionExpression.
def test_scan_select_count_with_projection_rejected(raw_client, tables):
    assert failure(raw_client.scan, TableName=tables["full"], Select="COUNT", ProjectionExpression="a") == (
        validation("Cannot specify the ProjectionExpression when choosing to get only the Count"))


# Values not used by any expression are rejected.
def test_scan_unused_expression_value_rejected(raw_client, tables):
    assert failure(raw_client.scan, TableName=tables["full"], FilterExpression="a = :x",
                   ExpressionAttributeValues={":x": {"N": "1"}, ":y": {"N": "2"}}) == validation(
        "Value provided in ExpressionAttributeValues unused in expressions: keys: {:y}")


# Scan on a missing table fails with ResourceNotFoundException.
@pytest.mark.oracle_deviation(LOCAL_MISSING_TABLE)
def test_scan_missing_table_rejected(raw_client):
    assert failure(raw_client.scan, TableName=unique_name()) == (
        "ResourceNotFoundException", "Requested resource not found", 400)


# DynamoDB returns a table's partitions in the order of a hash of their keys. The orders and
# segments below were recorded by dynalite's scan tests (test/scan.js), which were written to pass
# against DynamoDB itself; Dynoxide reproduces the same order.
LOCAL_ORDER = "DynamoDB Local does not return DynamoDB's partition order"
RECORDED_STRING_ORDER = ["2", "8", "9", "1", "6", "hello", "0", "5", "4", "äáöü", "aardman", "7",
                         "3", "zapf"]
RECORDED_NUMBER_ORDER = ["7", "999.9", "8", "3", "2", "-999.9", "9", "4", "-0.09", "6", "1", "0",
                         "0.012345", "5"]


@pytest.mark.oracle_deviation(LOCAL_ORDER)
@pytest.mark.parametrize("key_type, recorded", [("S", RECORDED_STRING_ORDER),
                                                ("N", RECORDED_NUMBER_ORDER)])
def test_scan_returns_partitions_in_dynamodbs_order(client, create_table, key_type, recorded):
    name = create_table(hash=("a", key_type))
    shuffled = list(recorded)
    random.Random(7).shuffle(shuffled)
    for key in shuffled:
        client.put_item(TableName=name, Item={"a": {key_type: key}})
    items, _ = all_pages(client.scan, TableName=name, Limit=3)
    assert [item["a"][key_type] for item in items] == recorded


@pytest.mark.oracle_deviation(LOCAL_ORDER)
def test_parallel_scan_segments_hold_the_partitions_dynamodb_puts_there(client, create_table):
    name = create_table(hash=("a", "S"))
    recorded = {"3635": 0, "228": 0, "1668": 1, "3435": 4}
    for key in recorded:
        client.put_item(TableName=name, Item={"a": {"S": key}})
    for key, segment in recorded.items():
        found = client.scan(TableName=name, Segment=segment, TotalSegments=4096)["Items"]
        assert {"a": {"S": key}} in found
