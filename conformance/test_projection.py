"""ProjectionExpression on GetItem: top-level attributes, nested map members and list elements,
#name placeholders, paths that do not resolve, and the validation errors of projections."""

import pytest

from conftest import failure, unique_name, validation

MAX_EXPRESSION_BYTES = 4096
ITEM = {
    "p": "k",
    "a": {"b": [2, 4, {"x": "hi", "y": "yo"}], "c": 5},
    "b": "hello",
    "a.b": "dotted",
    "name": "reserved",
    "l": [[1, 2], [3, 4]],
}


@pytest.fixture(scope="module")
def table(dynamodb, client, raw_client):
    """A table holding ITEM for the whole module (projections only read)."""
    name = unique_name("proj")
    client.create_table(
        TableName=name,
        KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "p", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    client.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 60})
    resource_table = dynamodb.Table(name)
    resource_table.put_item(Item=ITEM)
    yield resource_table
    raw_client.delete_table(TableName=name)


def project(table, expression, names=None, key="k"):
    params = {"ProjectionExpression": expression}
    if names is not None:
        params["ExpressionAttributeNames"] = names
    return table.get_item(Key={"p": key}, **params)


def projection_error(raw_client, table, expression, names=None, **params):
    if names is not None:
        params["ExpressionAttributeNames"] = names
    return failure(raw_client.get_item, TableName=table.name, Key={"p": {"S": "k"}},
                   ProjectionExpression=expression, **params)


# Top-level attributes: only those named come back; the key only if asked for.
@pytest.mark.parametrize(
    "expression, expected",
    [("b", {"b": "hello"}), ("b, p", {"b": "hello", "p": "k"}), ("p", {"p": "k"}),
     ("  b  ,   a.c ", {"b": "hello", "a": {"c": 5}}), ("x", {}), ("x, y", {})],
)
def test_projection_top_level(table, expression, expected):
    assert project(table, expression)["Item"] == expected


# A nested path returns the value inside its enclosing maps and lists.
@pytest.mark.parametrize(
    "expression, expected",
    [("a", {"a": ITEM["a"]}), ("a.b", {"a": {"b": [2, 4, {"x": "hi", "y": "yo"}]}}), ("a.c", {"a": {"c": 5}}),
     ("a.b[0]", {"a": {"b": [2]}}), ("a.b[2]", {"a": {"b": [{"x": "hi", "y": "yo"}]}}),
     ("a.b[2].y", {"a": {"b": [{"y": "yo"}]}}), ("l[1][0]", {"l": [[3]]})],
)
def test_projection_nested(table, expression, expected):
    assert project(table, expression)["Item"] == expected


# Several paths merge into one item shaped like the original; list elements keep their order.
@pytest.mark.parametrize(
    "expression, expected",
    [("a.b[0], a.b[1]", {"a": {"b": [2, 4]}}), ("a.b[2], a.b[0]", {"a": {"b": [2, {"x": "hi", "y": "yo"}]}}),
     ("a.b[0], a.c", {"a": {"b": [2], "c": 5}}), ("a.c, b, a.b[1]", {"a": {"b": [4], "c": 5}, "b": "hello"}),
     ("l[0][1], l[1][0]", {"l": [[2], [3]]})],
)
def test_projection_merged_paths(table, expression, expected):
    assert project(table, expression)["Item"] == expected


# Paths that do not resolve (missing member, index past the end, wrong container) are skipped.
@pytest.mark.parametrize("expression", ["a.x", "a.x.y", "a.b[3]", "a.b[3].x", "a.b.x", "a[0]", "a.b[0].x",
                                        "a.b[0][0]", "b.x", "b[0]"])
def test_projection_unresolved_path_skipped(table, expression):
    assert project(table, expression)["Item"] == {}
    assert project(table, expression + ", p")["Item"] == {"p": "k"}


# #name placeholders stand for path elements; a placeholder is one element even with a dot.
@pytest.mark.parametrize(
    "expression, names, expected",
    [("#n", {"#n": "name"}, {"name": "reserved"}), ("#n", {"#n": "a.b"}, {"a.b": "dotted"}),
     ("a.b[1]", None, {"a": {"b": [4]}}), ("#a.#b[1]", {"#a": "a", "#b": "b"}, {"a": {"b": [4]}}),
     ("#a.c, #a.b[0]", {"#a": "a"}, {"a": {"b": [2], "c": 5}})],
)
def test_projection_placeholders(table, expression, names, expected):
    assert project(table, expression, names)["Item"] == expected


# A missing item has no Item, whatever the projection.
def test_projection_missing_item(table):
    assert "Item" not in project(table, "a.b[0], b", key="absent")


# A ProjectionExpression may be 4096 bytes long.
def test_projection_length_limit_accepted(table):
    assert project(table, "x" * MAX_EXPRESSION_BYTES)["Item"] == {}


# --- Errors -----------------------------------------------------------------------------------


# Reserved words need placeholders.
@pytest.mark.parametrize("expression, word", [("name", "name"), ("a.data", "data"), ("b, Year", "Year")])
def test_projection_reserved_word_rejected(raw_client, table, expression, word):
    assert projection_error(raw_client, table, expression) == validation(
        f"Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: {word}")


# An undefined #name is rejected (placeholders are case sensitive).
@pytest.mark.parametrize("expression, names, undefined", [("#x", None, "#x"), ("#N", {"#n": "b"}, "#N"),
                                                          ("a.#y", {"#x": "b"}, "#y")])
def test_projection_undefined_name_rejected(raw_client, table, expression, names, undefined):
    assert projection_error(raw_client, table, expression, names) == validation(
        "Invalid ProjectionExpression: An expression attribute name used in the document path is not "
        f"defined; attribute name: {undefined}")


# Every ExpressionAttributeNames entry must be used.
def test_projection_unused_name_rejected(raw_client, table):
    assert projection_error(raw_client, table, "#b", {"#b": "b", "#x": "a"}) == validation(
        "Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}")


# ExpressionAttributeNames without a ProjectionExpression is rejected.
def test_projection_names_without_expression_rejected(raw_client, table):
    got = failure(raw_client.get_item, TableName=table.name, Key={"p": {"S": "k"}},
                  ExpressionAttributeNames={"#b": "b"})
    assert got == validation("ExpressionAttributeNames can only be specified when using expressions")


# An empty ExpressionAttributeNames map is rejected.
def test_projection_empty_names_rejected(raw_client, table):
    assert projection_error(raw_client, table, "b", {}) == validation(
        "ExpressionAttributeNames must not be empty")


# The same path twice, or a path and its ancestor, overlap.
@pytest.mark.parametrize(
    "expression, one, two",
    [("b, b", "[b]", "[b]"), ("a, a.b", "[a]", "[a, b]"), ("a.b, a", "[a, b]", "[a]"),
     ("a.b[0], a.b[0]", "[a, b, [0]]", "[a, b, [0]]"), ("a.b, a.b[2].x", "[a, b]", "[a, b, [2], x]"),
     ("#x, #y", "[b]", "[b]")],
)
def test_projection_overlapping_paths_rejected(raw_client, table, expression, one, two):
    names = {"#x": "b", "#y": "b"} if "#x" in expression else None
    assert projection_error(raw_client, table, expression, names) == validation(
        "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite "
        f"one of these paths; path one: {one}, path two: {two}")


# A path used both as a map and as a list conflicts.
def test_projection_conflicting_paths_rejected(raw_client, table):
    assert projection_error(raw_client, table, "a.b, a[1]") == validation(
        "Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite "
        "one of these paths; path one: [a, b], path two: [a, [1]]")


# Paths with a common prefix only are fine.
def test_projection_sibling_paths_allowed(table):
    assert project(table, "a.b[1], a.c, a.b[2].x")["Item"] == {"a": {"b": [4, {"x": "hi"}], "c": 5}}


# An empty ProjectionExpression is rejected.
def test_projection_empty_rejected(raw_client, table):
    assert projection_error(raw_client, table, "") == validation(
        "Invalid ProjectionExpression: The expression can not be empty;")


# Syntax errors name the offending token; functions and values are not paths.
@pytest.mark.parametrize(
    "expression, token, near",
    [("a,", "<EOF>", ","), (",a", ",", ",a"), ("a,,b", ",", ",,b"), ("size(a)", "(", "size(a"),
     ("a.b[#i]", "#i", "[#i]"), ("a.b[-1]", "-", "[-1"), ("a b", "b", "a b"), ("_a", "_", "_a")],
)
def test_projection_syntax_error(raw_client, table, expression, token, near):
    names = {"#i": "1"} if "#i" in expression else None
    assert projection_error(raw_client, table, expression, names) == validation(
        f'Invalid ProjectionExpression: Syntax error; token: "{token}", near: "{near}"')


# A ProjectionExpression longer than 4096 bytes is rejected.
def test_projection_too_long_rejected(raw_client, table):
    assert projection_error(raw_client, table, "x" * (MAX_EXPRESSION_BYTES + 1)) == validation(
        "Invalid ProjectionExpression: Expression size has exceeded the maximum allowed size;")


# A list index too large to represent is rejected.
def test_projection_list_index_out_of_range_rejected(raw_client, table):
    assert projection_error(raw_client, table, "a.b[99999999999]") == validation(
        "Invalid ProjectionExpression: List index is not within the allowable range; index: [99999999999]")


# A path may nest 32 levels; 33 is rejected.
def test_projection_nesting_limit(raw_client, table):
    assert project(table, "a." + ".".join(["x"] * 31))["Item"] == {}
    assert projection_error(raw_client, table, "a." + ".".join(["x"] * 32)) == validation(
        "Invalid ProjectionExpression: The document path has too many nesting levels; nesting levels: 33")


# ProjectionExpression cannot be combined with the classic AttributesToGet.
def test_projection_with_attributes_to_get_rejected(raw_client, table):
    assert projection_error(raw_client, table, "b", AttributesToGet=["b"]) == validation(
        "Can not use both expression and non-expression parameters in the same request: "
        "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}")
