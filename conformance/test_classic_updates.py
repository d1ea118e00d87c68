"""The classic (pre-2014) AttributeUpdates of UpdateItem: PUT, ADD (numbers, sets and lists, on a
missing attribute or item) and DELETE (the attribute, or elements of a set); ReturnValues; key
attributes refused; DynamoDB's errors, with nothing changed by a refused request; and the same
update as an UpdateExpression twin giving the same item. Texts: /work/notes/messages-classic.md."""

import pytest

from conftest import (
    ITEM_WRITE_ENVELOPE,
    failure,
    item_write_validation,
    scoped_table,
    validation,
    wire,
)

INVALID = "One or more parameter values were invalid: "
MISMATCH = validation("Type mismatch for attribute to update")
LOCAL_TYPE_NAMES = "DynamoDB Local names types in full (STRING, LIST, ...) in AttributeUpdates errors"
LOCAL_ACTION_ENUM = "DynamoDB Local says only 'Member must satisfy enum value set: [ADD, DELETE, PUT]'"
LOCAL_REMOVE_UPSERT = "DynamoDB Local creates the item for a DELETE on a missing item"
LOCAL_INDEX_TYPE = "DynamoDB Local lets AttributeUpdates give an index key the wrong type"

KEY = {"p": {"S": "k"}}
OLD = {"p": "k", "n": 1, "s": "x", "ss": {"a", "b"}, "ns": {1, 2}, "l": [1], "m": {"x": 1}}
OLD_WIRE = {name: wire(value) for name, value in OLD.items()}


def stored(client, table, key=KEY):
    return client.get_item(TableName=table, Key=key, ConsistentRead=True).get("Item")


@pytest.fixture
def table(client, create_table):
    name = create_table()
    client.put_item(TableName=name, Item=OLD_WIRE)
    return name


def updated(client, table, updates, **params):
    """The item after UpdateItem with `updates` (AttributeUpdates)."""
    client.update_item(TableName=table, Key=KEY, AttributeUpdates=updates, **params)
    return stored(client, table)


def put(value):
    return {"Action": "PUT", "Value": wire(value)}


def add(value):
    return {"Action": "ADD", "Value": wire(value)}


def delete(value=None):
    return {"Action": "DELETE"} if value is None else {"Action": "DELETE", "Value": wire(value)}


# --- What each action does ---------------------------------------------------------------------

def test_put_replaces_or_creates_an_attribute(client, table):
    item = updated(client, table, {"s": put("y"), "z": put([1, "two"]), "e": put("")})
    assert item["s"] == {"S": "y"}
    assert item["z"] == wire([1, "two"])
    assert item["e"] == {"S": ""}


# A Value without an Action is a PUT.
def test_action_defaults_to_put(client, table):
    assert updated(client, table, {"z": {"Value": {"N": "7"}}})["z"] == {"N": "7"}


def test_delete_without_a_value_removes_the_attribute(client, table):
    item = updated(client, table, {"s": delete(), "missing": delete()})
    assert "s" not in item and item["n"] == {"N": "1"}


def test_delete_removes_set_elements(client, table):
    item = updated(client, table, {"ss": delete({"a", "c"}), "missing": delete({"x"})})
    assert item["ss"] == {"SS": ["b"]}
    assert "missing" not in item
    assert "ns" not in updated(client, table, {"ns": delete({1, 2})})


def test_add_sums_numbers_and_joins_sets(client, table):
    item = updated(client, table, {"n": add(2), "ns": add({2, 3}), "ss": add({"c"})})
    assert item["n"] == {"N": "3"}
    assert sorted(item["ns"]["NS"]) == ["1", "2", "3"]
    assert sorted(item["ss"]["SS"]) == ["a", "b", "c"]


# ADD on a missing attribute starts from 0 or the empty set (dynalite's tests).
def test_add_on_a_missing_attribute(client, table):
    item = updated(client, table, {"c": add(-2), "t": add({"x"})})
    assert item["c"] == {"N": "-2"}
    assert item["t"] == {"SS": ["x"]}


# The classic ADD appends to a list, or starts one (dynalite's tests; the expression language's
# ADD takes no list).
def test_add_appends_to_a_list(client, table):
    item = updated(client, table, {"l": add(["two", 3]), "q": add([True])})
    assert item["l"] == wire([1, "two", 3])
    assert item["q"] == wire([True])


# On a missing item the updates apply to the key alone (dynalite's tests).
def test_updates_create_a_missing_item(client, table):
    key = {"p": {"S": "new"}}
    client.update_item(TableName=table, Key=key, AttributeUpdates={
        "b": delete(), "c": delete({"a"}), "d": add(5), "e": add({"a", "b"}), "f": add(["a", 1])})
    assert stored(client, table, key) == {"p": {"S": "new"}, "d": {"N": "5"},
                                          "e": {"SS": ["a", "b"]}, "f": wire(["a", 1])}


# No updates at all still create the item with its key (Alternator's test_item.py).
def test_empty_updates_create_the_item(client, table):
    key = {"p": {"S": "new"}}
    client.update_item(TableName=table, Key=key, AttributeUpdates={})
    assert stored(client, table, key) == key


# Updates that only delete create nothing, as an UpdateExpression of REMOVE alone.
@pytest.mark.oracle_deviation(LOCAL_REMOVE_UPSERT)
def test_deletes_alone_create_no_item(client, table):
    key = {"p": {"S": "new"}}
    client.update_item(TableName=table, Key=key, AttributeUpdates={"a": delete()})
    assert stored(client, table, key) is None


# A classic attribute name is one top-level attribute: "m.x" is not a path.
def test_names_are_top_level(client, table):
    item = updated(client, table, {"m.x": put(7)})
    assert item["m.x"] == {"N": "7"}
    assert item["m"] == wire({"x": 1})


def test_return_values(client, table):
    updates = {"n": add(1), "s": delete(), "z": put(1)}
    got = client.update_item(TableName=table, Key=KEY, AttributeUpdates=updates, ReturnValues="UPDATED_OLD")
    assert got["Attributes"] == {"n": {"N": "1"}, "s": {"S": "x"}}
    got = client.update_item(TableName=table, Key=KEY, AttributeUpdates={"n": add(1), "l": add([2])},
                             ReturnValues="UPDATED_NEW")
    assert got["Attributes"] == {"n": {"N": "3"}, "l": wire([1, 2])}
    got = client.update_item(TableName=table, Key=KEY, AttributeUpdates={"z": delete()}, ReturnValues="ALL_NEW")
    assert "z" not in got["Attributes"] and got["Attributes"]["n"] == {"N": "3"}


# --- The same update as an expression -------------------------------------------------------------

# (AttributeUpdates, the UpdateExpression that does the same, its values)
TWINS = [
    ({"s": put("y")}, "SET s = :v", {":v": "y"}),
    ({"s": delete()}, "REMOVE s", None),
    ({"n": add(4)}, "ADD n :v", {":v": 4}),
    ({"c": add(4)}, "ADD c :v", {":v": 4}),
    ({"ss": add({"z"})}, "ADD ss :v", {":v": {"z"}}),
    ({"ns": delete({1})}, "DELETE ns :v", {":v": {1}}),
    ({"l": add([2])}, "SET l = list_append(l, :v)", {":v": [2]}),
    ({"q": add([2])}, "SET q = :v", {":v": [2]}),
    ({"n": put(0), "ss": delete(), "z": add({b"\x01"})}, "SET n = :a REMOVE ss ADD z :b",
     {":a": 0, ":b": {b"\x01"}}),
]


@pytest.mark.parametrize("updates, expression, values", TWINS)
def test_attribute_updates_and_update_expression_agree(client, create_table, updates, expression, values):
    classic, twin = create_table(), create_table()
    for name in (classic, twin):
        client.put_item(TableName=name, Item=OLD_WIRE)
    client.update_item(TableName=classic, Key=KEY, AttributeUpdates=updates)
    extra = {"ExpressionAttributeValues": {k: wire(v) for k, v in values.items()}} if values else {}
    client.update_item(TableName=twin, Key=KEY, UpdateExpression=expression, **extra)
    assert stored(client, classic) == stored(client, twin)


# --- Refused updates -------------------------------------------------------------------------------

def refused(raw_client, table, updates, **params):
    """The error of an UpdateItem with `updates`, which must leave the item as it was."""
    before = stored(raw_client, table)
    got = failure(raw_client.update_item, TableName=table, Key=KEY, AttributeUpdates=updates, **params)
    assert stored(raw_client, table) == before
    return got


# A value whose type does not fit the attribute (dynalite's tests, recorded on DynamoDB).
@pytest.mark.parametrize("updates", [
    {"s": add(1)}, {"ns": add(1)}, {"ns": add({"x"})}, {"n": add(["x"])}, {"ss": delete({1})},
    {"n": delete({1})}, {"l": delete({1})}, {"s": add(1), "z": put(1)},
], ids=["n-to-s", "n-to-ns", "ss-to-ns", "l-to-n", "ns-from-ss", "ns-from-n", "ns-from-l", "with-another"])
def test_type_mismatch(raw_client, table, updates):
    assert refused(raw_client, table, updates) == MISMATCH


@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize("updates, message", [
    ({"a": {"Action": "PUT"}}, INVALID + "Only DELETE action is allowed when no attribute value is specified"),
    ({"a": {"Action": "ADD"}}, INVALID + "Only DELETE action is allowed when no attribute value is specified"),
    ({"a": {}}, INVALID + "Only DELETE action is allowed when no attribute value is specified"),
    ({"a": {"Value": {}}}, "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"),
    ({"a": {"Value": {"NS": []}}}, INVALID + "An number set  may not be empty"),
    ({"": put(1)}, "Empty attribute name"),
    ({"a": add(None)}, INVALID + "ADD action is not supported for the type NULL"),
])
def test_update_errors(raw_client, table, updates, message):
    assert refused(raw_client, table, updates) == item_write_validation(message)


# dynalite's tests, recorded on DynamoDB, name the type as the wire does.
@ITEM_WRITE_ENVELOPE
@pytest.mark.oracle_deviation(LOCAL_TYPE_NAMES)
@pytest.mark.parametrize("updates, message", [
    ({"a": delete("x")}, "DELETE action with value is not supported for the type S"),
    ({"a": delete(1)}, "DELETE action with value is not supported for the type N"),
    ({"a": delete([1])}, "DELETE action with value is not supported for the type L"),
    ({"a": delete({"x": 1})}, "DELETE action with value is not supported for the type M"),
    ({"a": add("x")}, "ADD action is not supported for the type S"),
    ({"a": add(b"x")}, "ADD action is not supported for the type B"),
    ({"a": add(True)}, "ADD action is not supported for the type BOOL"),
    ({"a": add({"x": 1})}, "ADD action is not supported for the type M"),
])
def test_action_type_errors(raw_client, table, updates, message):
    assert refused(raw_client, table, updates) == item_write_validation(INVALID + message)


@pytest.mark.oracle_deviation(LOCAL_ACTION_ENUM)
def test_unknown_action(raw_client, table):
    assert refused(raw_client, table, {"a": {"Action": "REMOVE", "Value": {"N": "1"}}}) == validation(
        "1 validation error detected: Value 'REMOVE' at 'attributeUpdates.a.member.action' failed to "
        "satisfy constraint: Member must satisfy enum value set: [ADD, PUT, DELETE]")


# A key attribute cannot be updated, even to its own value (dynalite's tests).
@pytest.mark.parametrize("updates, attribute", [
    ({"p": put("k")}, "p"), ({"p": delete()}, "p"), ({"z": put(1), "r": add(1)}, "r"),
])
def test_key_attributes_refused(raw_client, client, create_table, updates, attribute):
    name = create_table(range=("r", "N"))
    key = {"p": {"S": "k"}, "r": {"N": "1"}}
    client.put_item(TableName=name, Item=key)
    got = failure(raw_client.update_item, TableName=name, Key=key, AttributeUpdates=updates)
    assert got == validation(INVALID + f"Cannot update attribute {attribute}. This attribute is part of the key")
    assert stored(client, name, key) == key


# An index key of the wrong type is refused, as with an UpdateExpression (dynalite's tests).
@pytest.mark.oracle_deviation(LOCAL_INDEX_TYPE)
def test_index_key_type_refused(raw_client, client):
    spec = dict(KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}],
                AttributeDefinitions=[{"AttributeName": "p", "AttributeType": "S"},
                                      {"AttributeName": "g", "AttributeType": "S"}],
                GlobalSecondaryIndexes=[{"IndexName": "byg", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
                                         "Projection": {"ProjectionType": "ALL"}}])
    with scoped_table(client, raw_client, "cindex", **spec) as name:
        got = failure(raw_client.update_item, TableName=name, Key=KEY, AttributeUpdates={"g": put(1)})
        assert got == validation(INVALID + "Type mismatch for Index Key g Expected: S Actual: N IndexName: byg")
        assert stored(client, name) is None


def test_expected_guards_attribute_updates(raw_client, table):
    got = failure(raw_client.update_item, TableName=table, Key=KEY, AttributeUpdates={"n": add(1)},
                  Expected={"n": {"Value": {"N": "3"}}})
    assert got == ("ConditionalCheckFailedException", "The conditional request failed", 400)
    assert stored(raw_client, table)["n"] == {"N": "1"}


def test_item_size_limit(raw_client, table):
    got = failure(raw_client.update_item, TableName=table, Key=KEY,
                  AttributeUpdates={"a": put("x" * 300000), "b": put("y" * 200000)})
    assert got == validation("Item size to update has exceeded the maximum allowed size")


# --- Mixing with expressions (ExtendDB's tests, verified on DynamoDB) -------------------------------

@ITEM_WRITE_ENVELOPE
def test_attribute_updates_and_expressions_do_not_mix(raw_client, table):
    got = failure(raw_client.update_item, TableName=table, Key=KEY, AttributeUpdates={"a": put(1)},
                  Expected={"n": {"Value": {"N": "1"}}, "s": {"Exists": True, "Value": {"S": "x"}}},
                  ConditionalOperator="AND", UpdateExpression="SET a = :v", ConditionExpression="attribute_exists(p)",
                  ExpressionAttributeValues={":v": {"N": "1"}})
    assert got == item_write_validation(
        "Can not use both expression and non-expression parameters in the same request: Non-expression "
        "parameters: {AttributeUpdates, Expected, ConditionalOperator} Expression parameters: "
        "{UpdateExpression, ConditionExpression}")
    got = failure(raw_client.update_item, TableName=table, Key=KEY, AttributeUpdates={"a": put(1)},
                  ConditionExpression="attribute_exists(p)")
    assert got == item_write_validation(
        "Can not use both expression and non-expression parameters in the same request: Non-expression "
        "parameters: {AttributeUpdates} Expression parameters: {ConditionExpression}")
    got = failure(raw_client.update_item, TableName=table, Key=KEY, AttributeUpdates={"a": put(1)},
                  ConditionalOperator="OR")
    assert got == item_write_validation("ConditionalOperator cannot be used without Filter or Expected")
