"""Single-item operations: PutItem, GetItem, DeleteItem; the ten attribute types, number
normalization, ReturnValues, and the validation errors of items and keys (types, sets, numbers,
sizes, nesting)."""

import math
from decimal import Decimal

import pytest
from boto3.dynamodb.types import Binary

from conftest import ITEM_WRITE_ENVELOPE, failure, item_write_validation, unique_name, validation

MAX_ITEM_BYTES = 400 * 1024
LOCAL_MISSING_TABLE = "DynamoDB Local says 'Cannot do operations on a non-existent table'"
LOCAL_KEY_MESSAGES = "DynamoDB Local words key-schema mismatches its own way"
LOCAL_NUMBER_MESSAGES = "DynamoDB Local words precision and parse errors of numbers its own way"
LOCAL_KEY_SIZE = "DynamoDB Local has one combined message for both key size limits"
LOCAL_RETURN_VALUES = "DynamoDB Local says 'Return values set to invalid value'"


def normalize_sets(item):
    """Wire-form item with set members sorted, so sets compare regardless of order."""
    if isinstance(item, dict):
        out = {}
        for key, value in item.items():
            if key in ("SS", "NS", "BS"):
                out[key] = sorted(value)
            else:
                out[key] = normalize_sets(value)
        return out
    if isinstance(item, list):
        return [normalize_sets(v) for v in item]
    return item


# --- Item size as the Developer Guide's "Item sizes and formats" page counts it ---------------


def number_size(text):
    # Exact only for integers without trailing zeros, which is all this suite uses: one byte per
    # two significant digits, plus one.
    assert text.isdigit() and text[0] != "0" and text[-1] != "0", text
    return math.ceil(len(text) / 2) + 1


def value_size(value):
    (kind, inner), = value.items()
    if kind == "S":
        return len(inner.encode())
    if kind == "B":
        return len(inner)
    if kind == "N":
        return number_size(inner)
    if kind in ("BOOL", "NULL"):
        return 1
    if kind == "SS":
        return sum(len(s.encode()) for s in inner)
    if kind == "BS":
        return sum(len(b) for b in inner)
    if kind == "NS":
        return sum(number_size(n) for n in inner)
    if kind == "L":
        return 3 + sum(value_size(v) + 1 for v in inner)
    if kind == "M":
        return 3 + sum(len(k.encode()) + value_size(v) + 1 for k, v in inner.items())
    raise AssertionError(kind)


def item_size(item):
    return sum(len(name.encode()) + value_size(value) for name, value in item.items())


def padded_to(item, total, filler="f"):
    """item plus a string attribute named `filler` so that the item's size is exactly total."""
    base = item_size(item) + len(filler)
    return dict(item, **{filler: {"S": "x" * (total - base)}})


ALL_TYPES_ITEM = {
    "p": {"S": "all-types"},
    "s": {"S": "hello"},
    "n": {"N": "-56.789"},
    "b": {"B": b"\x00\x01\xfe\xff"},
    "t": {"BOOL": True},
    "f": {"BOOL": False},
    "z": {"NULL": True},
    "ss": {"SS": ["a", "b", "c"]},
    "ns": {"NS": ["1", "-2.5", "300"]},
    "bs": {"BS": [b"x", b"\x00y"]},
    "l": {"L": [{"S": "a"}, {"N": "1"}, {"B": b"q"}, {"BOOL": True}, {"NULL": True},
                {"SS": ["a"]}, {"NS": ["2"]}, {"BS": [b"r"]}, {"L": []}, {"M": {}}]},
    "m": {"M": {"s": {"S": "a"}, "n": {"N": "3"}, "l": {"L": [{"M": {"deep": {"SS": ["x"]}}}]},
                "m": {"M": {"inner": {"NULL": True}}}}},
}


# --- Put / Get / Delete -----------------------------------------------------------------------


# PutItem stores an item and GetItem returns it unchanged.
def test_put_item_then_get_item(dynamodb, create_table):
    table = dynamodb.Table(create_table())
    item = {"p": "k1", "name": "Jane", "age": 25, "tags": {"a", "b"}}
    table.put_item(Item=item)
    assert table.get_item(Key={"p": "k1"})["Item"] == item


# PutItem replaces the whole item: attributes absent from the new item are gone.
def test_put_item_replaces_whole_item(dynamodb, create_table):
    table = dynamodb.Table(create_table())
    table.put_item(Item={"p": "k", "old": 1, "kept": "no"})
    table.put_item(Item={"p": "k", "new": 2})
    assert table.get_item(Key={"p": "k"})["Item"] == {"p": "k", "new": 2}


# Items that share a partition key but differ in sort key are distinct items.
def test_put_item_sort_key_distinguishes_items(dynamodb, create_table):
    table = dynamodb.Table(create_table(hash=("p", "S"), range=("c", "N")))
    table.put_item(Item={"p": "k", "c": 1, "v": "one"})
    table.put_item(Item={"p": "k", "c": 2, "v": "two"})
    assert table.get_item(Key={"p": "k", "c": 1})["Item"]["v"] == "one"
    assert table.get_item(Key={"p": "k", "c": 2})["Item"]["v"] == "two"


# GetItem of an absent item succeeds with no 'Item' in the response.
def test_get_item_missing_item_has_no_item(client, create_table):
    name = create_table()
    response = client.get_item(TableName=name, Key={"p": {"S": "absent"}})
    assert "Item" not in response


# GetItem accepts ConsistentRead true and false.
def test_get_item_consistent_read_accepted(client, create_table):
    name = create_table()
    client.put_item(TableName=name, Item={"p": {"S": "k"}, "v": {"N": "1"}})
    for consistent in (True, False):
        response = client.get_item(TableName=name, Key={"p": {"S": "k"}}, ConsistentRead=consistent)
        assert response["Item"] == {"p": {"S": "k"}, "v": {"N": "1"}}


# PutItem with ReturnValues NONE (the default) returns no Attributes.
def test_put_item_return_values_none(client, create_table):
    name = create_table()
    client.put_item(TableName=name, Item={"p": {"S": "k"}, "v": {"S": "1"}})
    response = client.put_item(TableName=name, Item={"p": {"S": "k"}, "v": {"S": "2"}}, ReturnValues="NONE")
    assert "Attributes" not in response
    response = client.put_item(TableName=name, Item={"p": {"S": "k"}, "v": {"S": "3"}})
    assert "Attributes" not in response


# PutItem with ReturnValues ALL_OLD returns the item it replaced.
def test_put_item_return_values_all_old(client, create_table):
    name = create_table()
    old = {"p": {"S": "k"}, "a": {"S": "1"}, "n": {"N": "7"}}
    client.put_item(TableName=name, Item=old)
    new = {"p": {"S": "k"}, "b": {"S": "2"}}
    response = client.put_item(TableName=name, Item=new, ReturnValues="ALL_OLD")
    assert response["Attributes"] == old


# PutItem with ReturnValues ALL_OLD of a new item returns no Attributes.
def test_put_item_return_values_all_old_new_item(client, create_table):
    name = create_table()
    response = client.put_item(TableName=name, Item={"p": {"S": "new"}}, ReturnValues="ALL_OLD")
    assert "Attributes" not in response


# DeleteItem removes the item.
def test_delete_item_removes_item(client, create_table):
    name = create_table()
    client.put_item(TableName=name, Item={"p": {"S": "k"}, "v": {"S": "x"}})
    response = client.delete_item(TableName=name, Key={"p": {"S": "k"}})
    assert "Attributes" not in response
    assert "Item" not in client.get_item(TableName=name, Key={"p": {"S": "k"}})


# DeleteItem with ReturnValues ALL_OLD returns the deleted item.
def test_delete_item_return_values_all_old(client, create_table):
    name = create_table(hash=("p", "S"), range=("c", "S"))
    item = {"p": {"S": "k"}, "c": {"S": "s"}, "v": {"NS": ["1"]}}
    client.put_item(TableName=name, Item=item)
    key = {"p": {"S": "k"}, "c": {"S": "s"}}
    response = client.delete_item(TableName=name, Key=key, ReturnValues="ALL_OLD")
    assert response["Attributes"] == item


# DeleteItem of an absent item succeeds; ALL_OLD then returns no Attributes.
def test_delete_item_missing_item_succeeds(client, create_table):
    name = create_table()
    response = client.delete_item(TableName=name, Key={"p": {"S": "absent"}}, ReturnValues="ALL_OLD")
    assert "Attributes" not in response


# --- Types ------------------------------------------------------------------------------------


# All ten types (S N B BOOL NULL M L SS NS BS), nested in lists and maps, round-trip exactly.
def test_item_all_types_round_trip_wire(client, create_table):
    # Sets compare as sets: DynamoDB does not keep member order.
    name = create_table()
    client.put_item(TableName=name, Item=ALL_TYPES_ITEM)
    got = client.get_item(TableName=name, Key={"p": {"S": "all-types"}})["Item"]
    assert normalize_sets(got) == normalize_sets(ALL_TYPES_ITEM)


# The boto3 resource maps the ten types to Python types and back (Decimal, Binary, set, ...).
def test_item_all_types_round_trip_resource(dynamodb, create_table):
    table = dynamodb.Table(create_table())
    item = {
        "p": "k",
        "s": "text",
        "n": Decimal("3.25"),
        "b": Binary(b"\x00\xff"),
        "t": True,
        "z": None,
        "ss": {"x", "y"},
        "ns": {Decimal(1), Decimal("2.5")},
        "bs": {Binary(b"a"), Binary(b"b")},
        "l": ["a", Decimal(1), [True, None], {"k": "v"}],
        "m": {"a": {"b": {"c": [Decimal(2)]}}},
    }
    table.put_item(Item=item)
    assert table.get_item(Key={"p": "k"})["Item"] == item


# Empty strings and binaries are allowed outside keys; empty lists and maps too.
def test_item_empty_values_outside_keys_round_trip(client, create_table):
    name = create_table()
    item = {"p": {"S": "k"}, "s": {"S": ""}, "b": {"B": b""}, "l": {"L": []}, "m": {"M": {}},
            "nested": {"M": {"s": {"S": ""}}}}
    client.put_item(TableName=name, Item=item)
    assert client.get_item(TableName=name, Key={"p": {"S": "k"}})["Item"] == item


# Strings are Unicode: multi-byte characters in names and values round-trip.
def test_item_unicode_round_trip(client, create_table):
    name = create_table()
    item = {"p": {"S": "ключ-🔑"}, "名前": {"S": "värde ✓ 𝄞"}}
    client.put_item(TableName=name, Item=item)
    assert client.get_item(TableName=name, Key={"p": {"S": "ключ-🔑"}})["Item"] == item


# Binary keys work, including bytes that are not valid UTF-8.
def test_item_binary_key_round_trip(client, create_table):
    name = create_table(hash=("p", "B"), range=("c", "B"))
    key = {"p": {"B": b"\xff\x00\x80"}, "c": {"B": b"\x01"}}
    client.put_item(TableName=name, Item=dict(key, v={"S": "x"}))
    assert client.get_item(TableName=name, Key=key)["Item"] == dict(key, v={"S": "x"})


# Numbers come back canonical: no exponent, '+', leading or trailing fractional zeros; '-0' is '0'.
@pytest.mark.parametrize(
    "sent, returned",
    [
        ("0001.23", "1.23"),
        ("1e+5", "100000"),
        ("1E2", "100"),
        ("-0", "0"),
        ("-0.0", "0"),
        ("0e1000", "0"),
        ("0.000", "0"),
        ("1.0", "1"),
        ("1.50", "1.5"),
        ("5.", "5"),
        (".123", "0.123"),
        ("+3", "3"),
        ("-17.4E37", "-174" + "0" * 36),
        ("123.456e-2", "1.23456"),
        ("1e-5", "0.00001"),
        ("1E-130", "0." + "0" * 129 + "1"),
        ("-0001.000e-130", "-0." + "0" * 129 + "1"),
        ("9.9999999999999999999999999999999999999E+125", "9" * 38 + "0" * 88),
        ("-00001.23456789012345678901234567890123456780000", "-1.2345678901234567890123456789012345678"),
        ("12345678901234567890123456789012345678", "12345678901234567890123456789012345678"),
    ],
)
def test_number_normalized(client, create_table, sent, returned):
    name = create_table()
    client.put_item(TableName=name, Item={"p": {"S": "n"}, "v": {"N": sent}})
    assert client.get_item(TableName=name, Key={"p": {"S": "n"}})["Item"]["v"] == {"N": returned}


# Number set members are normalized too.
def test_number_set_normalized(client, create_table):
    name = create_table()
    client.put_item(TableName=name, Item={"p": {"S": "n"}, "v": {"NS": ["1.0", "2.50", "3e2"]}})
    got = client.get_item(TableName=name, Key={"p": {"S": "n"}})["Item"]["v"]["NS"]
    assert sorted(got) == ["1", "2.5", "300"]


# A number key is matched by value, whatever its spelling.
def test_number_key_matched_by_value(client, create_table):
    name = create_table(hash=("p", "N"))
    client.put_item(TableName=name, Item={"p": {"N": "1.50"}, "v": {"S": "x"}})
    got = client.get_item(TableName=name, Key={"p": {"N": "15e-1"}})["Item"]
    assert got == {"p": {"N": "1.5"}, "v": {"S": "x"}}


# --- Errors: tables and keys ------------------------------------------------------------------


# GetItem on a missing table fails with ResourceNotFoundException.
@pytest.mark.oracle_deviation(LOCAL_MISSING_TABLE)
def test_get_item_missing_table_rejected(raw_client):
    assert failure(raw_client.get_item, TableName=unique_name(), Key={"p": {"S": "k"}}) == (
        "ResourceNotFoundException", "Requested resource not found", 400)


# PutItem on a missing table fails with ResourceNotFoundException.
@pytest.mark.oracle_deviation(LOCAL_MISSING_TABLE)
def test_put_item_missing_table_rejected(raw_client):
    assert failure(raw_client.put_item, TableName=unique_name(), Item={"p": {"S": "k"}}) == (
        "ResourceNotFoundException", "Requested resource not found", 400)


# DeleteItem on a missing table fails with ResourceNotFoundException.
@pytest.mark.oracle_deviation(LOCAL_MISSING_TABLE)
def test_delete_item_missing_table_rejected(raw_client):
    assert failure(raw_client.delete_item, TableName=unique_name(), Key={"p": {"S": "k"}}) == (
        "ResourceNotFoundException", "Requested resource not found", 400)


# GetItem rejects a Key that does not match the key schema (name, parts, extra attribute, type).
@pytest.mark.oracle_deviation(LOCAL_KEY_MESSAGES)
@pytest.mark.parametrize(
    "key",
    [
        {},
        {"q": {"S": "k"}},
        {"p": {"S": "k"}},
        {"p": {"S": "k"}, "c": {"S": "s"}, "x": {"S": "extra"}},
        {"p": {"N": "1"}, "c": {"S": "s"}},
        {"p": {"S": "k"}, "c": {"B": b"s"}},
    ],
    ids=["empty", "wrong-name", "missing-range", "extra-attribute", "wrong-hash-type", "wrong-range-type"],
)
def test_get_item_key_mismatch_rejected(raw_client, create_table, key):
    name = create_table(hash=("p", "S"), range=("c", "S"))
    assert failure(raw_client.get_item, TableName=name, Key=key) == validation(
        "The provided key element does not match the schema")


# DeleteItem rejects a Key that does not match the key schema.
@pytest.mark.oracle_deviation(LOCAL_KEY_MESSAGES)
@pytest.mark.parametrize(
    "key", [{"p": {"N": "1"}}, {"p": {"S": "k"}, "x": {"S": "extra"}}], ids=["wrong-type", "extra-attribute"]
)
def test_delete_item_key_mismatch_rejected(raw_client, create_table, key):
    name = create_table()
    assert failure(raw_client.delete_item, TableName=name, Key=key) == validation(
        "The provided key element does not match the schema")


# PutItem rejects an item lacking a key attribute, naming it.
@pytest.mark.oracle_deviation(LOCAL_KEY_MESSAGES)
@pytest.mark.parametrize(
    "item, missing",
    [({"c": {"S": "s"}, "x": {"S": "v"}}, "p"), ({"p": {"S": "k"}, "x": {"S": "v"}}, "c")],
    ids=["hash", "range"],
)
def test_put_item_missing_key_attribute_rejected(raw_client, create_table, item, missing):
    name = create_table(hash=("p", "S"), range=("c", "S"))
    assert failure(raw_client.put_item, TableName=name, Item=item) == validation(
        f"One or more parameter values were invalid: Missing the key {missing} in the item")


# PutItem rejects a key attribute of the wrong type, naming expected and actual types.
@pytest.mark.oracle_deviation(LOCAL_KEY_MESSAGES)
@pytest.mark.parametrize(
    "item, attr, expected, actual",
    [
        ({"p": {"N": "1"}, "c": {"N": "2"}}, "p", "S", "N"),
        ({"p": {"S": "k"}, "c": {"S": "2"}}, "c", "N", "S"),
        ({"p": {"SS": ["k"]}, "c": {"N": "2"}}, "p", "S", "SS"),
    ],
    ids=["hash", "range", "set-as-hash"],
)
def test_put_item_key_type_mismatch_rejected(raw_client, create_table, item, attr, expected, actual):
    name = create_table(hash=("p", "S"), range=("c", "N"))
    assert failure(raw_client.put_item, TableName=name, Item=item) == validation(
        f"One or more parameter values were invalid: Type mismatch for key {attr} expected: "
        f"{expected} actual: {actual}")


# An empty string is not a valid key value, in any operation.
@pytest.mark.parametrize("operation", ["put_item", "get_item", "delete_item"])
def test_item_empty_string_key_rejected(raw_client, create_table, operation):
    name = create_table()
    argument = "Item" if operation == "put_item" else "Key"
    got = failure(getattr(raw_client, operation), TableName=name, **{argument: {"p": {"S": ""}}})
    assert got == validation(
        "One or more parameter values are not valid. The AttributeValue for a key attribute "
        "cannot contain an empty string value. Key: p")


# An empty sort key string is rejected too, naming the sort key.
def test_item_empty_string_sort_key_rejected(raw_client, create_table):
    name = create_table(hash=("p", "S"), range=("c", "S"))
    assert failure(raw_client.put_item, TableName=name, Item={"p": {"S": "k"}, "c": {"S": ""}}) == validation(
        "One or more parameter values are not valid. The AttributeValue for a key attribute "
        "cannot contain an empty string value. Key: c")


# An empty binary is not a valid key value.
@pytest.mark.parametrize("operation", ["put_item", "get_item"])
def test_item_empty_binary_key_rejected(raw_client, create_table, operation):
    name = create_table(hash=("p", "B"))
    argument = "Item" if operation == "put_item" else "Key"
    got = failure(getattr(raw_client, operation), TableName=name, **{argument: {"p": {"B": b""}}})
    assert got == validation(
        "One or more parameter values are not valid. The AttributeValue for a key attribute "
        "cannot contain an empty binary value. Key: p")


# --- Errors: attribute values -----------------------------------------------------------------


# Sets cannot be empty (the string and number messages really have two spaces).
@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize(
    "value, message",
    [
        ({"SS": []}, "One or more parameter values were invalid: An string set  may not be empty"),
        ({"NS": []}, "One or more parameter values were invalid: An number set  may not be empty"),
        ({"BS": []}, "One or more parameter values were invalid: Binary sets should not be empty"),
    ],
    ids=["SS", "NS", "BS"],
)
def test_put_item_empty_set_rejected(raw_client, create_table, value, message):
    name = create_table()
    got = failure(raw_client.put_item, TableName=name, Item={"p": {"S": "k"}, "v": value})
    assert got == item_write_validation(message)


# Set members must be distinct (boto3's resource would silently dedup, so the raw client is used).
# BatchWriteItem keeps the older wording, members as sent, with DynamoDB's final period
# (paritysuite/dynamodb-conformance tests/tier3/error-messages/valueLayers.test.ts, 2026-10-09).
@pytest.mark.oracle_deviation("DynamoDB Local has no final period")
def test_batch_write_duplicate_string_set_rejected(raw_client, create_table):
    name = create_table()
    item = {"p": {"S": "k"}, "v": {"SS": ["b", "a", "b"]}}
    assert failure(raw_client.batch_write_item,
                   RequestItems={name: [{"PutRequest": {"Item": item}}]}) == validation(
        "One or more parameter values were invalid: Input collection [b, a, b] contains duplicates.")


# PutItem's current wording quotes the members, in byte order up to the first repeat
# (paritysuite/dynamodb-conformance tests/tier3/error-messages/valueLayers.test.ts, 2026-10-09).
@ITEM_WRITE_ENVELOPE
def test_put_item_duplicate_string_set_rejected(raw_client, create_table):
    name = create_table()
    item = {"p": {"S": "k"}, "v": {"SS": ["b", "a", "b"]}}
    assert failure(raw_client.put_item, TableName=name, Item=item) == item_write_validation(
        'One or more parameter values were invalid: Input collection ["a", "b", "b"] contains duplicates.')


# Number set members must be distinct as numbers: '1' and '1.0' are duplicates. The current
# wording has the prefix and a final period (valueLayers.test.ts, as above).
@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize("members", [["1", "1"], ["1", "1.0"], ["100", "1e2"]])
def test_put_item_duplicate_number_set_rejected(raw_client, create_table, members):
    name = create_table()
    item = {"p": {"S": "k"}, "v": {"NS": members}}
    assert failure(raw_client.put_item, TableName=name, Item=item) == item_write_validation(
        "One or more parameter values were invalid: Input collection contains duplicates.")


# BatchWriteItem keeps the older text (valueLayers.test.ts, as above).
def test_batch_write_duplicate_number_set_rejected(raw_client, create_table):
    name = create_table()
    item = {"p": {"S": "k"}, "v": {"NS": ["2", "1", "2"]}}
    assert failure(raw_client.batch_write_item,
                   RequestItems={name: [{"PutRequest": {"Item": item}}]}) == validation(
        "Input collection contains duplicates")


# An attribute value must name exactly one type.
@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize(
    "value, message",
    [
        ({}, "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"),
        ({"S": "a", "N": "1"}, "Supplied AttributeValue has more than one datatypes set, must contain "
                               "exactly one of the supported datatypes"),
    ],
    ids=["no-type", "two-types"],
)
def test_put_item_malformed_attribute_value_rejected(raw_client, create_table, value, message):
    name = create_table()
    got = failure(raw_client.put_item, TableName=name, Item={"p": {"S": "k"}, "v": value})
    assert got == item_write_validation(message)


# Attribute names cannot be empty, at the top level or inside a map.
@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize("item", [{"": {"S": "v"}}, {"m": {"M": {"": {"S": "v"}}}}], ids=["top", "nested"])
def test_put_item_empty_attribute_name_rejected(raw_client, create_table, item):
    name = create_table()
    assert failure(raw_client.put_item, TableName=name, Item=dict(item, p={"S": "k"})) == item_write_validation(
        "Empty attribute name")


# Numbers have at most 38 significant digits (leading and trailing zeros do not count).
@ITEM_WRITE_ENVELOPE
@pytest.mark.oracle_deviation(LOCAL_NUMBER_MESSAGES)
@pytest.mark.parametrize("value", [{"N": "1" * 39}, {"N": "-1." + "2" * 38}, {"NS": ["1", "9" * 39]},
                                   {"M": {"deep": {"N": "3" * 39}}}], ids=["N", "fraction", "NS", "nested"])
def test_put_item_number_over_38_digits_rejected(raw_client, create_table, value):
    name = create_table()
    assert failure(raw_client.put_item, TableName=name, Item={"p": {"S": "k"}, "v": value}) == item_write_validation(
        "Attempting to store more than 38 significant digits in a Number")


# Zeros around the 38 significant digits are not counted.
def test_put_item_number_with_38_digits_and_zeros_accepted(client, create_table):
    name = create_table()
    value = "000" + "7" * 38 + "00000"
    client.put_item(TableName=name, Item={"p": {"S": "k"}, "v": {"N": value}})
    got = client.get_item(TableName=name, Key={"p": {"S": "k"}})["Item"]["v"]["N"]
    assert got == "7" * 38 + "00000"


# A number key is held to the same precision limit.
@pytest.mark.oracle_deviation(LOCAL_NUMBER_MESSAGES)
def test_get_item_number_key_over_38_digits_rejected(raw_client, create_table):
    name = create_table(hash=("p", "N"))
    assert failure(raw_client.get_item, TableName=name, Key={"p": {"N": "1" * 39}}) == validation(
        "Attempting to store more than 38 significant digits in a Number")


# Magnitudes of 1E126 and above overflow.
@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize("number", ["1e126", "-1E126", "10" + "0" * 125])
def test_put_item_number_overflow_rejected(raw_client, create_table, number):
    name = create_table()
    got = failure(raw_client.put_item, TableName=name, Item={"p": {"S": "k"}, "v": {"N": number}})
    assert got == item_write_validation(
        "Number overflow. Attempting to store a number with magnitude larger than supported range")


# Non-zero magnitudes below 1E-130 underflow.
@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize("number", ["1e-131", "-1E-131", "0.9e-130"])
def test_put_item_number_underflow_rejected(raw_client, create_table, number):
    name = create_table()
    got = failure(raw_client.put_item, TableName=name, Item={"p": {"S": "k"}, "v": {"N": number}})
    assert got == item_write_validation(
        "Number underflow. Attempting to store a number with magnitude smaller than supported range")


# The extremes of the range are accepted.
def test_put_item_number_range_limits_accepted(client, create_table):
    name = create_table()
    item = {"p": {"S": "k"}, "big": {"N": "9." + "9" * 37 + "E+125"}, "small": {"N": "-1E-130"}}
    client.put_item(TableName=name, Item=item)
    got = client.get_item(TableName=name, Key={"p": {"S": "k"}})["Item"]
    assert got["big"] == {"N": "9" * 38 + "0" * 88}
    assert got["small"] == {"N": "-0." + "0" * 129 + "1"}


# An empty number: the current wording keeps ": " after the message, the older one drops it
# (valueLayers.test.ts, as above).
@ITEM_WRITE_ENVELOPE
def test_put_item_empty_number_rejected(raw_client, create_table):
    name = create_table()
    got = failure(raw_client.put_item, TableName=name, Item={"p": {"S": "k"}, "v": {"N": ""}})
    assert got == item_write_validation("The parameter cannot be converted to a numeric value: ")


@pytest.mark.oracle_deviation(LOCAL_NUMBER_MESSAGES)
def test_batch_write_empty_number_rejected(raw_client, create_table):
    name = create_table()
    got = failure(raw_client.batch_write_item,
                  RequestItems={name: [{"PutRequest": {"Item": {"p": {"S": "k"}, "v": {"N": ""}}}}]})
    assert got == validation("The parameter cannot be converted to a numeric value")


# A string that is not a number is rejected, quoting it.
@ITEM_WRITE_ENVELOPE
@pytest.mark.oracle_deviation(LOCAL_NUMBER_MESSAGES)
@pytest.mark.parametrize("text", ["abc", "NaN", "Infinity", "1 ", "0x10"])
def test_put_item_invalid_number_rejected(raw_client, create_table, text):
    name = create_table()
    got = failure(raw_client.put_item, TableName=name, Item={"p": {"S": "k"}, "v": {"N": text}})
    assert got == item_write_validation(
        f"The parameter cannot be converted to a numeric value: {text}")


# --- Errors: sizes ----------------------------------------------------------------------------


# An item of exactly 400 KB (names plus values) is accepted; one byte more is rejected.
def test_put_item_size_limit_simple(client, raw_client, create_table):
    name = create_table()
    item = padded_to({"p": {"S": "k"}}, MAX_ITEM_BYTES)
    client.put_item(TableName=name, Item=item)
    assert item_size(client.get_item(TableName=name, Key={"p": {"S": "k"}})["Item"]) == MAX_ITEM_BYTES
    item["f"]["S"] += "x"
    assert failure(raw_client.put_item, TableName=name, Item=item) == validation(
        "Item size has exceeded the maximum allowed size")


# Item size counts every type as the Developer Guide's "item sizes" page says, exact at 400 KB.
def test_put_item_size_limit_all_types(client, raw_client, create_table):
    # UTF-8 names and strings, raw binary bytes, one byte per two number digits plus one, one byte
    # for BOOL and NULL, three bytes per list or map plus one per element (see value_size).
    name = create_table()
    base = {
        "p": {"S": "k"},
        "ü": {"S": "日本語"},
        "b": {"B": b"\x00" * 7},
        "n": {"N": "12345678901234567890123456789012345678"},
        "n2": {"N": "123"},
        "t": {"BOOL": False},
        "z": {"NULL": True},
        "ss": {"SS": ["ab", "cde"]},
        "ns": {"NS": ["12", "345"]},
        "bs": {"BS": [b"ab", b"c"]},
        "l": {"L": [{"S": "x"}, {"N": "7"}, {"L": []}]},
        "m": {"M": {"a": {"M": {"b": {"S": "yz"}}}, "e": {"M": {}}}},
    }
    item = padded_to(base, MAX_ITEM_BYTES)
    client.put_item(TableName=name, Item=item)
    item["f"]["S"] += "x"
    assert failure(raw_client.put_item, TableName=name, Item=item) == validation(
        "Item size has exceeded the maximum allowed size")


# A partition key of 2048 bytes (UTF-8) is accepted.
def test_put_item_partition_key_2048_bytes_accepted(client, create_table):
    name = create_table()
    key = {"p": {"S": "é" * 1024}}
    client.put_item(TableName=name, Item=key)
    assert client.get_item(TableName=name, Key=key)["Item"] == key


# A partition key over 2048 bytes is rejected, in writes and reads, for strings and binaries.
@pytest.mark.oracle_deviation(LOCAL_KEY_SIZE)
@pytest.mark.parametrize(
    "key_type, value, operation",
    [("S", "a" * 2049, "put_item"), ("S", "é" * 1024 + "a", "put_item"), ("S", "a" * 2049, "get_item"),
     ("B", b"\x01" * 2049, "put_item")],
    ids=["put", "put-multibyte", "get", "binary"],
)
def test_item_partition_key_over_2048_bytes_rejected(raw_client, create_table, key_type, value, operation):
    name = create_table(hash=("p", key_type))
    argument = "Item" if operation == "put_item" else "Key"
    key = {"p": {key_type: value}}
    got = failure(getattr(raw_client, operation), TableName=name, **{argument: key})
    assert got == validation(
        "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size "
        "limit of2048 bytes")


# A sort key of 1024 bytes is accepted.
def test_put_item_sort_key_1024_bytes_accepted(client, create_table):
    name = create_table(hash=("p", "S"), range=("c", "B"))
    key = {"p": {"S": "k"}, "c": {"B": b"\x02" * 1024}}
    client.put_item(TableName=name, Item=key)
    assert client.get_item(TableName=name, Key=key)["Item"] == key


# A sort key over 1024 bytes is rejected, in writes and reads.
@pytest.mark.oracle_deviation(LOCAL_KEY_SIZE)
@pytest.mark.parametrize("operation", ["put_item", "get_item"])
def test_item_sort_key_over_1024_bytes_rejected(raw_client, create_table, operation):
    name = create_table(hash=("p", "S"), range=("c", "S"))
    argument = "Item" if operation == "put_item" else "Key"
    key = {"p": {"S": "k"}, "c": {"S": "s" * 1025}}
    assert failure(getattr(raw_client, operation), TableName=name, **{argument: key}) == validation(
        "One or more parameter values were invalid: Aggregated size of all range keys has "
        "exceeded the size limit of 1024 bytes")


# --- Errors: nesting --------------------------------------------------------------------------


def nested(depth, container):
    value = {"S": "leaf"}
    for level in range(depth):
        if container == "M" or (container == "mixed" and level % 2 == 0):
            value = {"M": {"k": value}}
        else:
            value = {"L": [value]}
    return value


# Documents nest up to 32 levels: an attribute may hold 31 nested lists/maps.
@pytest.mark.parametrize("container", ["M", "L", "mixed"])
def test_put_item_nesting_at_limit_accepted(client, create_table, container):
    name = create_table()
    item = {"p": {"S": "k"}, "v": nested(31, container)}
    client.put_item(TableName=name, Item=item)
    assert client.get_item(TableName=name, Key={"p": {"S": "k"}})["Item"] == item


# One more level of nesting is rejected.
@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize("container", ["M", "L", "mixed"])
def test_put_item_nesting_beyond_limit_rejected(raw_client, create_table, container):
    name = create_table()
    item = {"p": {"S": "k"}, "v": nested(32, container)}
    assert failure(raw_client.put_item, TableName=name, Item=item) == item_write_validation(
        "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels "
        "beyond supported limit")


# --- Errors: ReturnValues ---------------------------------------------------------------------


# ReturnValues must be one of DynamoDB's five values; DynamoDB lists them without the value and
# with its typo UPDATE_NEW, among the other violations (us-east-1 since 2026-08,
# nubo-db/dynamodb-conformance captures/2026-08-12-wording-drift.json).
@pytest.mark.oracle_deviation(LOCAL_RETURN_VALUES)
@pytest.mark.parametrize("operation", ["put_item", "delete_item"])
def test_item_unknown_return_values_rejected(raw_client, create_table, operation):
    name = create_table()
    argument = "Item" if operation == "put_item" else "Key"
    params = {"TableName": name, argument: {"p": {"S": "k"}}, "ReturnValues": "FOO",
              "ReturnConsumedCapacity": "INVALID"}
    assert failure(getattr(raw_client, operation), **params) == validation(
        "2 validation errors detected: Value 'INVALID' at 'returnConsumedCapacity' failed to satisfy "
        "constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; " "Failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATE_NEW, NONE]")


# An empty TableName is the one violation reported, without its value (us-east-1 since 2026-08,
# nubo-db/dynamodb-conformance captures/2026-08-12-wording-drift.json; paritysuite
# captures/2026-10-07-sweep-follow-up.json, 31 of 33 regions).
@pytest.mark.oracle_deviation("DynamoDB Local lists every violation, the value echoed")
@pytest.mark.parametrize("operation", ["put_item", "delete_item", "update_item"])
def test_item_write_empty_table_name_rejected_alone(raw_client, operation):
    argument = "Item" if operation == "put_item" else "Key"
    assert failure(getattr(raw_client, operation), TableName="", **{argument: {}},
                   ReturnValues="INVALID") == validation(
        "1 validation error detected: Value at 'TableName' failed to satisfy constraint: "
        "Member must have length greater than or equal to 1")


# PutItem and DeleteItem only offer ReturnValues NONE and ALL_OLD.
@pytest.mark.oracle_deviation(LOCAL_RETURN_VALUES)
@pytest.mark.parametrize("operation", ["put_item", "delete_item"])
@pytest.mark.parametrize("value", ["ALL_NEW", "UPDATED_OLD", "UPDATED_NEW"])
def test_item_update_only_return_values_rejected(raw_client, create_table, operation, value):
    name = create_table()
    argument = "Item" if operation == "put_item" else "Key"
    params = {"TableName": name, argument: {"p": {"S": "k"}}, "ReturnValues": value}
    assert failure(getattr(raw_client, operation), **params) == validation(
        "1 validation error detected: ReturnValues can only be ALL_OLD or NONE")
