"""Multi-attribute keys of global secondary indexes (DynamoDB, November 2025): up to four
partition key and four sort key attributes per index, declared in CreateTable and UpdateTable,
described by DescribeTable, kept by every write, and read by Query with equality on every
partition key attribute and conditions on a left-to-right prefix of the sort key attributes
(only the last may be a range).

Sources: the Developer Guide's "Multi-attribute keys" pattern (GSI.DesignPattern.MultiAttributeKeys)
for the rules; the CreateTable texts as probed on the service (alchemy-run/alchemy#1216); moto's
aws_verified tests of 2026 for which Query errors name which attribute. DynamoDB Local 1.25.1
predates the feature."""

import itertools
import random
from decimal import Decimal

import pytest

from conftest import (all_pages, client_for, failure, own_server, running_ddblocal, scoped_table,
                      unique_name, validation)

pytestmark = pytest.mark.oracle_deviation("DynamoDB Local 1.25.1 predates multi-attribute keys")

# The index of the module's table: partition key (tenant S, region N), sort key (day S, rank N).
INDEX = "by_tenant_region"
INDEX_KEY = [
    {"AttributeName": "tenant", "KeyType": "HASH"},
    {"AttributeName": "region", "KeyType": "HASH"},
    {"AttributeName": "day", "KeyType": "RANGE"},
    {"AttributeName": "rank", "KeyType": "RANGE"},
]
DEFINITIONS = [
    {"AttributeName": "pk", "AttributeType": "S"},
    {"AttributeName": "tenant", "AttributeType": "S"},
    {"AttributeName": "region", "AttributeType": "N"},
    {"AttributeName": "day", "AttributeType": "S"},
    {"AttributeName": "rank", "AttributeType": "N"},
]
TENANTS = ["acme", "bolt"]
REGIONS = [1, 2]
DAYS = ["d1", "d2", "d3"]
RANKS = [-5, 0, 7, 12]


def multi_index(name=INDEX, key=None, projection=None):
    return {"IndexName": name, "KeySchema": key or INDEX_KEY,
            "Projection": projection or {"ProjectionType": "ALL"}}


def make_items(seed=7, count=120):
    """Items with every combination of index key values, a few twice, and some lacking one key
    attribute (the index leaves those out)."""
    rng = random.Random(seed)
    items = []
    for i in range(count):
        item = {"pk": f"item{i:03d}", "tenant": rng.choice(TENANTS),
                "region": Decimal(rng.choice(REGIONS)), "day": rng.choice(DAYS),
                "rank": Decimal(rng.choice(RANKS)), "payload": "x" * rng.randint(0, 40)}
        if i % 10 == 9:
            del item[rng.choice(["tenant", "region", "day", "rank"])]
        items.append(item)
    return items


ITEMS = make_items()


@pytest.fixture(scope="module")
def table(client, raw_client, dynamodb):
    with scoped_table(client, raw_client, "multikey",
                      KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                      AttributeDefinitions=DEFINITIONS,
                      GlobalSecondaryIndexes=[multi_index()]) as name:
        with dynamodb.Table(name).batch_writer() as batch:
            for item in ITEMS:
                batch.put_item(Item=item)
        yield name


def indexed(items):
    return [item for item in items
            if all(key["AttributeName"] in item for key in INDEX_KEY)]


def index_order(item):
    # Strings by their UTF-8 bytes, numbers numerically; equal index keys in table key order.
    return (item["day"].encode(), item["rank"], item["pk"])


def expected(tenant, region, keep=lambda item: True, forward=True):
    matching = [item for item in indexed(ITEMS)
                if item["tenant"] == tenant and item["region"] == region and keep(item)]
    return [item["pk"] for item in sorted(matching, key=index_order, reverse=not forward)]


def query_pks(dynamodb, table, **params):
    items, _ = all_pages(dynamodb.Table(table).query, IndexName=INDEX, **params)
    return [item["pk"] for item in items]


def test_describe_table_lists_every_key_attribute_in_order(client, table):
    index = client.describe_table(TableName=table)["Table"]["GlobalSecondaryIndexes"][0]
    assert index["KeySchema"] == INDEX_KEY
    assert index["IndexStatus"] == "ACTIVE"
    assert index["ItemCount"] == len(indexed(ITEMS))


# Against a model of the same items: every partition, each sort key condition DynamoDB allows.
SORT_CONDITIONS = [
    ("", {}, lambda item: True),
    (" AND #day = :d", {":d": "d2"}, lambda item: item["day"] == "d2"),
    (" AND #day > :d", {":d": "d1"}, lambda item: item["day"] > "d1"),
    (" AND begins_with(#day, :d)", {":d": "d"}, lambda item: item["day"].startswith("d")),
    (" AND #day BETWEEN :a AND :b", {":a": "d1", ":b": "d2"},
     lambda item: "d1" <= item["day"] <= "d2"),
    (" AND #day = :d AND #rank = :r", {":d": "d3", ":r": Decimal(0)},
     lambda item: item["day"] == "d3" and item["rank"] == 0),
    (" AND #day = :d AND #rank < :r", {":d": "d1", ":r": Decimal(7)},
     lambda item: item["day"] == "d1" and item["rank"] < 7),
    (" AND #day = :d AND #rank >= :r", {":d": "d2", ":r": Decimal(0)},
     lambda item: item["day"] == "d2" and item["rank"] >= 0),
    (" AND #day = :d AND #rank BETWEEN :a AND :b", {":d": "d3", ":a": Decimal(-5), ":b": Decimal(7)},
     lambda item: item["day"] == "d3" and -5 <= item["rank"] <= 7),
]


@pytest.mark.parametrize("sort_condition,sort_values,keep", SORT_CONDITIONS,
                         ids=[text or "partition only" for text, _, _ in SORT_CONDITIONS])
@pytest.mark.parametrize("forward", [True, False])
def test_query_matches_a_model_of_the_items(dynamodb, table, sort_condition, sort_values, keep,
                                            forward):
    names = {"#t": "tenant", "#g": "region"}
    if "#day" in sort_condition:
        names["#day"] = "day"
    if "#rank" in sort_condition:
        names["#rank"] = "rank"
    for tenant, region in itertools.product(TENANTS, REGIONS):
        got = query_pks(dynamodb, table,
                        KeyConditionExpression="#t = :t AND #g = :g" + sort_condition,
                        ExpressionAttributeNames=names,
                        ExpressionAttributeValues={":t": tenant, ":g": Decimal(region),
                                                   **sort_values},
                        ScanIndexForward=forward)
        want = expected(tenant, region, keep, forward)
        # Items with equal index keys come in an order of their own; the index order decides the rest.
        assert [index_order(item)[:2] for item in map(by_pk, got)] == \
            [index_order(item)[:2] for item in map(by_pk, want)]
        assert sorted(got) == sorted(want)


def by_pk(pk):
    return next(item for item in ITEMS if item["pk"] == pk)


def test_pages_of_a_query_neither_skip_nor_repeat(client, dynamodb, table):
    params = {"KeyConditionExpression": "tenant = :t AND #r = :g",
              "ExpressionAttributeNames": {"#r": "region"},
              "ExpressionAttributeValues": {":t": "acme", ":g": Decimal(1)}}
    whole = query_pks(dynamodb, table, **params)
    items, pages = all_pages(dynamodb.Table(table).query, IndexName=INDEX, Limit=4, **params)
    assert [item["pk"] for item in items] == whole
    assert len(pages) > 2
    # A page's last key names the table's key and every attribute of the index's key.
    assert set(pages[0]["LastEvaluatedKey"]) == {"pk", "tenant", "region", "day", "rank"}


def test_scan_of_the_index_holds_only_items_with_every_key_attribute(dynamodb, table):
    items, _ = all_pages(dynamodb.Table(table).scan, IndexName=INDEX)
    assert sorted(item["pk"] for item in items) == sorted(item["pk"] for item in indexed(ITEMS))


def test_key_conditions_classic_parameter(client, table):
    response = client.query(TableName=table, IndexName=INDEX, KeyConditions={
        "tenant": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "bolt"}]},
        "region": {"ComparisonOperator": "EQ", "AttributeValueList": [{"N": "2"}]},
        "day": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "d1"}]},
        "rank": {"ComparisonOperator": "GT", "AttributeValueList": [{"N": "0"}]},
    })
    want = expected("bolt", 2, lambda item: item["day"] == "d1" and item["rank"] > 0)
    assert sorted(item["pk"]["S"] for item in response["Items"]) == sorted(want)


MISSED = "Query condition missed key schema element: "


@pytest.mark.parametrize("condition,values,message", [
    # Every partition key attribute needs an equality.
    ("tenant = :t", {":t": {"S": "acme"}}, validation(MISSED + "region")),
    ("tenant = :t AND #r > :g", {":t": {"S": "acme"}, ":g": {"N": "1"}},
     validation("Query key condition not supported")),
    # Sort key attributes from the left, without a gap.
    ("tenant = :t AND #r = :g AND #k = :k", {":t": {"S": "a"}, ":g": {"N": "1"}, ":k": {"N": "1"}},
     validation(MISSED + "day")),
    # Only the last sort key condition may be a range.
    ("tenant = :t AND #r = :g AND #d > :d AND #k = :k",
     {":t": {"S": "a"}, ":g": {"N": "1"}, ":d": {"S": "d"}, ":k": {"N": "1"}},
     validation("Query key condition not supported")),
    # Values of each attribute's type.
    ("tenant = :t AND #r = :g", {":t": {"S": "a"}, ":g": {"S": "1"}},
     validation("One or more parameter values were invalid: Condition parameter type does not "
                "match schema type")),
])
def test_query_errors(client, table, condition, values, message):
    names = {name: attribute for name, attribute in
             {"#r": "region", "#d": "day", "#k": "rank"}.items() if name in condition}
    params = {"ExpressionAttributeNames": names} if names else {}
    assert failure(client.query, TableName=table, IndexName=INDEX, KeyConditionExpression=condition,
                   ExpressionAttributeValues=values, **params) == message


def test_filter_may_not_name_an_index_key_attribute(client, table):
    assert failure(client.query, TableName=table, IndexName=INDEX,
                   KeyConditionExpression="tenant = :t AND #r = :g",
                   FilterExpression="#k > :k",
                   ExpressionAttributeNames={"#r": "region", "#k": "rank"},
                   ExpressionAttributeValues={":t": {"S": "a"}, ":g": {"N": "1"},
                                              ":k": {"N": "1"}}) == validation(
        "Filter Expression can only contain non-primary key attributes: Primary key attribute: "
        "rank")


def test_a_write_moves_the_item_in_the_index(client, dynamodb, table_factory):
    name = table_factory()
    items = dynamodb.Table(name)
    items.put_item(Item={"pk": "a", "tenant": "t", "region": 1, "day": "d1", "rank": 1})
    client.update_item(TableName=name, Key={"pk": {"S": "a"}}, UpdateExpression="SET #k = :k",
                       ExpressionAttributeNames={"#k": "rank"},
                       ExpressionAttributeValues={":k": {"N": "9"}})
    found = items.query(IndexName=INDEX, KeyConditionExpression="tenant = :t AND #r = :g",
                        ExpressionAttributeNames={"#r": "region"},
                        ExpressionAttributeValues={":t": "t", ":g": 1})["Items"]
    assert [item["rank"] for item in found] == [9]
    # Removing one key attribute takes the item out of the index.
    client.update_item(TableName=name, Key={"pk": {"S": "a"}}, UpdateExpression="REMOVE #d",
                       ExpressionAttributeNames={"#d": "day"})
    assert items.scan(IndexName=INDEX)["Items"] == []


def test_an_index_key_attribute_of_another_type_is_refused(client, table_factory):
    name = table_factory()
    code, message, _ = failure(client.put_item, TableName=name, Item={
        "pk": {"S": "a"}, "tenant": {"S": "t"}, "region": {"S": "not a number"}})
    assert code == "ValidationException"
    assert "Type mismatch for Index Key region Expected: N Actual: S IndexName: " + INDEX in message


def create_with(client, create_table, definitions, indexes):
    """A table with key pk (S), these AttributeDefinitions and global indexes, ACTIVE, deleted
    when the test ends."""
    name = unique_name("multikey")
    client.create_table(TableName=name, BillingMode="PAY_PER_REQUEST",
                        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                        AttributeDefinitions=definitions, GlobalSecondaryIndexes=indexes)
    create_table.track(name)
    return name


@pytest.fixture
def table_factory(client, create_table):
    return lambda: create_with(client, create_table, DEFINITIONS, [multi_index()])


def test_update_table_builds_a_multi_attribute_index_from_existing_items(client, dynamodb,
                                                                         create_table):
    name = create_table(hash=("pk", "S"))
    with dynamodb.Table(name).batch_writer() as batch:
        for item in ITEMS:
            batch.put_item(Item=item)
    client.update_table(TableName=name, AttributeDefinitions=DEFINITIONS,
                        GlobalSecondaryIndexUpdates=[{"Create": multi_index()}])
    index = client.describe_table(TableName=name)["Table"]["GlobalSecondaryIndexes"][0]
    assert index["KeySchema"] == INDEX_KEY
    assert index["IndexStatus"] == "ACTIVE"
    got = query_pks(dynamodb, name, KeyConditionExpression="tenant = :t AND #r = :g AND #d = :d",
                    ExpressionAttributeNames={"#r": "region", "#d": "day"},
                    ExpressionAttributeValues={":t": "bolt", ":g": 1, ":d": "d3"})
    assert sorted(got) == sorted(expected("bolt", 1, lambda item: item["day"] == "d3"))


def test_partiql_select_on_the_index(client, table):
    response = client.execute_statement(
        Statement=f'SELECT pk FROM "{table}"."{INDEX}" WHERE tenant = ? AND region = ?',
        Parameters=[{"S": "acme"}, {"N": "2"}])
    items, token = response["Items"], response.get("NextToken")
    while token:
        response = client.execute_statement(
            Statement=f'SELECT pk FROM "{table}"."{INDEX}" WHERE tenant = ? AND region = ?',
            Parameters=[{"S": "acme"}, {"N": "2"}], NextToken=token)
        items, token = items + response["Items"], response.get("NextToken")
    assert sorted(item["pk"]["S"] for item in items) == sorted(expected("acme", 2))


KEY_SCHEMA = "Invalid KeySchema: "


def hashes(count):
    return [{"AttributeName": f"h{i}", "KeyType": "HASH"} for i in range(count)]


def ranges(count):
    return [{"AttributeName": f"r{i}", "KeyType": "RANGE"} for i in range(count)]


@pytest.mark.parametrize("key,message", [
    (hashes(5), KEY_SCHEMA + "The KeySchema exceeds the maximum allowed number of HASH key "
                             "attributes"),
    (hashes(1) + ranges(5), KEY_SCHEMA + "The KeySchema exceeds the maximum allowed number of "
                                         "RANGE key attributes"),
    (hashes(1) + ranges(1) + hashes(2)[1:], KEY_SCHEMA + "All HASH key attributes must precede "
                                                         "RANGE key attributes in the KeySchema"),
    (ranges(1) + hashes(1), KEY_SCHEMA + "The first KeySchemaElement is not a HASH key type"),
    (hashes(2) + [{"AttributeName": "h0", "KeyType": "RANGE"}],
     KEY_SCHEMA + "Some KeySchemaElement names are repeated"),
])
def test_create_table_key_schema_errors(client, key, message):
    names = {element["AttributeName"] for element in key}
    definitions = [{"AttributeName": "pk", "AttributeType": "S"}] + [
        {"AttributeName": name, "AttributeType": "S"} for name in sorted(names)]
    assert failure(client.create_table, TableName="multikey_refused", BillingMode="PAY_PER_REQUEST",
                   KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                   AttributeDefinitions=definitions,
                   GlobalSecondaryIndexes=[multi_index("gsi", key)]) == validation(message)


def test_up_to_four_and_four_attributes(client, create_table, dynamodb):
    key = hashes(4) + ranges(4)
    definitions = [{"AttributeName": element["AttributeName"], "AttributeType": "N"}
                   for element in key]
    name = create_with(client, create_table,
                       [{"AttributeName": "pk", "AttributeType": "S"}] + definitions,
                       [multi_index("gsi", key)])
    item = {"pk": "a", **{element["AttributeName"]: 1 for element in key}}
    dynamodb.Table(name).put_item(Item=item)
    condition = " AND ".join(f"h{i} = :one" for i in range(4)) + \
        " AND " + " AND ".join(f"r{i} = :one" for i in range(3)) + " AND r3 >= :one"
    found = dynamodb.Table(name).query(IndexName="gsi", KeyConditionExpression=condition,
                                       ExpressionAttributeValues={":one": 1})["Items"]
    assert [found_item["pk"] for found_item in found] == ["a"]


def test_local_index_and_table_keep_one_attribute_per_part(client):
    code, message, _ = failure(
        client.create_table, TableName="multikey_lsi", BillingMode="PAY_PER_REQUEST",
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"},
                   {"AttributeName": "sk", "KeyType": "RANGE"}],
        AttributeDefinitions=[{"AttributeName": name, "AttributeType": "S"}
                              for name in ("pk", "sk", "a", "b")],
        LocalSecondaryIndexes=[{"IndexName": "lsi", "Projection": {"ProjectionType": "ALL"},
                                "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                                              {"AttributeName": "a", "KeyType": "RANGE"},
                                              {"AttributeName": "b", "KeyType": "RANGE"}]}])
    assert code == "ValidationException"
    assert "localSecondaryIndexes.1.member.keySchema" in message
    assert "Member must have length less than or equal to 2" in message


@own_server
def test_the_index_survives_a_restart(tmp_path):
    data_dir = str(tmp_path / "data")
    with running_ddblocal("--data-dir", data_dir) as url:
        client = client_for(url)
        client.create_table(TableName="kept", BillingMode="PAY_PER_REQUEST",
                            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                            AttributeDefinitions=DEFINITIONS,
                            GlobalSecondaryIndexes=[multi_index()])
        client.put_item(TableName="kept", Item={
            "pk": {"S": "a"}, "tenant": {"S": "t"}, "region": {"N": "1"}, "day": {"S": "d"},
            "rank": {"N": "2"}})
    with running_ddblocal("--data-dir", data_dir) as url:
        client = client_for(url)
        index = client.describe_table(TableName="kept")["Table"]["GlobalSecondaryIndexes"][0]
        assert index["KeySchema"] == INDEX_KEY
        found = client.query(TableName="kept", IndexName=INDEX,
                             KeyConditionExpression="tenant = :t AND #r = :g AND #d = :d",
                             ExpressionAttributeNames={"#r": "region", "#d": "day"},
                             ExpressionAttributeValues={":t": {"S": "t"}, ":g": {"N": "1"},
                                                        ":d": {"S": "d"}})["Items"]
        assert [item["pk"]["S"] for item in found] == ["a"]
