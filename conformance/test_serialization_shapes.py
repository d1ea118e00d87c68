"""A JSON value of the wrong shape anywhere in a request is DynamoDB's SerializationException, its
text chosen by what the deserializer expected there and the JSON it got.

The rule below is the one DynamoDB answered when dynalite recorded it (architect/dynalite
test/helpers.js, assertType, and each operation's describe('serializations') block in
test/<operation>.js); /work/notes/serialization-shapes.md has the table and the sources. Every
expected text is computed from the shape at the path, never listed per operation.
"""

import pytest

from raw_json import DynamoDBError, call

MODEL = "com.amazonaws.dynamodb.v20120810."
OBJECT_NOT_EXPECTED = "Start of structure or map found where not expected"
UNEXPECTED_FIELD = "Unexpected field type"
UNEXPECTED_VALUE = "Unexpected value type in payload"
# A list or map that is itself a list element or map value (RequestItems.<table> of
# BatchWriteItem, Keys.<n> of BatchGetItem), given a scalar: Java's reflection error, verbatim.
PARAMETERIZED_CAST = (
    "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class "
    "java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and "
    "java.lang.Class are in module java.base of loader 'bootstrap')"
)

# The wrong JSON values sent at each path: dynalite's, plus false.
WRONG = {
    "string": "23",
    "true": True,
    "false": False,
    "integer": 23,
    "big_integer": 2147483648,
    "decimal": 34.56,
    "list": [],
    "map": {},
}
# Strings that are not canonical base64, sent where a Blob belongs.
BAD_BASE64 = {
    "23456": "Base64 encoded length is expected a multiple of 4 bytes but found: 5",
    "=+/=": "Invalid last non-pad Base64 character dectected",
    "+/+=": "Invalid last non-pad Base64 character dectected",
}


def token(value):
    """Jackson's name for a scalar JSON token."""
    if isinstance(value, bool):
        return "TRUE_VALUE" if value else "FALSE_VALUE"
    if isinstance(value, int):
        return "NUMBER_VALUE"
    if isinstance(value, float):
        return "DECIMAL_VALUE"
    return "STRING_VALUE"


def java_class(name):
    return name if "." in name else MODEL + name


# Shapes: ("scalar", java type), ("blob",), ("list", element?), ("map", value type, element?),
# ("struct", class, element?). `element` is True for a list element or map value.
def expected(shape, value):
    """DynamoDB's SerializationException text for `value` where `shape` belongs; None when the
    value has the right JSON type (it is then not a serialization error)."""
    kind = shape[0]
    is_map, is_list = isinstance(value, dict), isinstance(value, list)
    if kind == "scalar":
        java = shape[1]
        if is_map:
            return OBJECT_NOT_EXPECTED
        if is_list:
            return "Unrecognized collection type class java.lang." + java
        if java == "String":
            if isinstance(value, str):
                return None
            return token(value) + " cannot be converted to String"
        if java == "Boolean":
            if isinstance(value, bool):
                return None
            if isinstance(value, str):
                return "Unexpected token received from parser"
            return token(value) + " cannot be converted to Boolean"
        # Integer, Long: any number is read (a fraction is dropped).
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return None
        return token(value) + " cannot be converted to " + java
    if kind == "blob":
        if is_map:
            return OBJECT_NOT_EXPECTED
        if is_list:
            return "Unrecognized collection type class java.nio.ByteBuffer"
        if isinstance(value, str):
            return BAD_BASE64.get(value)
        return "only base-64-encoded strings are convertible to bytes"
    element = shape[-1] is True
    if kind == "list":
        if is_list:
            return None
        if is_map:
            return OBJECT_NOT_EXPECTED
        return PARAMETERIZED_CAST if element else UNEXPECTED_FIELD
    if kind == "map":
        if is_map:
            return None
        if is_list:
            value_type = java_class(shape[1])
            return f"Unrecognized collection type java.util.Map<java.lang.String, {value_type}>"
        return PARAMETERIZED_CAST if element else UNEXPECTED_FIELD
    assert kind == "struct"
    if is_map:
        return None
    if is_list:
        return "Unrecognized collection type class " + java_class(shape[1])
    return UNEXPECTED_VALUE if element else UNEXPECTED_FIELD


STRING = ("scalar", "String")
BOOLEAN = ("scalar", "Boolean")
INTEGER = ("scalar", "Integer")
LONG = ("scalar", "Long")
BLOB = ("blob",)
LIST = ("list", False)
LIST_ELEMENT = ("list", True)


def member_map(value_type):
    return ("map", value_type, False)


def struct(name):
    return ("struct", name, False)


def element_struct(name):
    return ("struct", name, True)


def attribute_value(path, element=True):
    """The paths inside an AttributeValue at `path` (dynalite's AttrStruct)."""
    own = element_struct("AttributeValue") if element else struct("AttributeValue")
    return [
        (path, own),
        (path + ".S", STRING),
        (path + ".N", STRING),
        (path + ".B", BLOB),
        (path + ".BOOL", BOOLEAN),
        (path + ".NULL", BOOLEAN),
        (path + ".SS", LIST),
        (path + ".SS.0", STRING),
        (path + ".NS", LIST),
        (path + ".NS.0", STRING),
        (path + ".BS", LIST),
        (path + ".BS.0", BLOB),
        (path + ".L", LIST),
        (path + ".L.0", element_struct("AttributeValue")),
        (path + ".L.0.BS.0", BLOB),
        (path + ".M", member_map("AttributeValue")),
        (path + ".M.a", element_struct("AttributeValue")),
        (path + ".M.a.BS", LIST),
    ]


VALUES = member_map("AttributeValue")
NAMES = member_map("java.lang.String")

SHAPES = {
    "PutItem": [
        ("TableName", STRING),
        ("Item", VALUES),
        *attribute_value("Item.Attr"),
        ("Expected", member_map("ExpectedAttributeValue")),
        ("Expected.Attr", element_struct("ExpectedAttributeValue")),
        ("Expected.Attr.Exists", BOOLEAN),
        *attribute_value("Expected.Attr.Value", element=False),
        ("ReturnValues", STRING),
        ("ConditionExpression", STRING),
        ("ExpressionAttributeValues", VALUES),
        ("ExpressionAttributeNames", NAMES),
        ("ExpressionAttributeNames.Attr", STRING),
    ],
    "GetItem": [
        ("TableName", STRING),
        ("Key", VALUES),
        *attribute_value("Key.Attr"),
        ("AttributesToGet", LIST),
        ("AttributesToGet.0", STRING),
        ("ConsistentRead", BOOLEAN),
        ("ProjectionExpression", STRING),
        ("ReturnConsumedCapacity", STRING),
    ],
    "UpdateItem": [
        ("Key", VALUES),
        ("AttributeUpdates", member_map("AttributeValueUpdate")),
        ("AttributeUpdates.Attr", element_struct("AttributeValueUpdate")),
        ("AttributeUpdates.Attr.Action", STRING),
        ("AttributeUpdates.Attr.Value", struct("AttributeValue")),
        ("UpdateExpression", STRING),
        ("ExpressionAttributeValues", VALUES),
        *attribute_value("ExpressionAttributeValues.Attr"),
        ("ReturnValues", STRING),
    ],
    "Query": [
        ("TableName", STRING),
        ("Limit", INTEGER),
        ("ScanIndexForward", BOOLEAN),
        ("ConsistentRead", BOOLEAN),
        ("Select", STRING),
        ("IndexName", STRING),
        ("ExclusiveStartKey", VALUES),
        ("ExclusiveStartKey.Attr", element_struct("AttributeValue")),
        ("KeyConditions", member_map("Condition")),
        ("KeyConditions.Attr", element_struct("Condition")),
        ("KeyConditions.Attr.ComparisonOperator", STRING),
        ("KeyConditions.Attr.AttributeValueList", LIST),
        *attribute_value("KeyConditions.Attr.AttributeValueList.0"),
        ("QueryFilter", member_map("Condition")),
        ("KeyConditionExpression", STRING),
        ("ExpressionAttributeValues", VALUES),
        ("ExpressionAttributeValues.Attr", element_struct("AttributeValue")),
    ],
    "Scan": [
        ("TableName", STRING),
        ("Limit", INTEGER),
        ("Segment", INTEGER),
        ("TotalSegments", INTEGER),
        ("ScanFilter", member_map("Condition")),
        ("ScanFilter.Attr", element_struct("Condition")),
        ("AttributesToGet", LIST),
        ("FilterExpression", STRING),
        ("ExclusiveStartKey", VALUES),
        ("Select", STRING),
        ("ConditionalOperator", STRING),
        ("ExpressionAttributeValues.Attr", element_struct("AttributeValue")),
    ],
    "BatchWriteItem": [
        ("RequestItems", member_map(f"java.util.List<{MODEL}WriteRequest>")),
        ("RequestItems.Attr", LIST_ELEMENT),
        ("RequestItems.Attr.0", element_struct("WriteRequest")),
        ("RequestItems.Attr.0.DeleteRequest", struct("DeleteRequest")),
        ("RequestItems.Attr.0.DeleteRequest.Key", VALUES),
        ("RequestItems.Attr.0.DeleteRequest.Key.Attr", element_struct("AttributeValue")),
        ("RequestItems.Attr.0.PutRequest", struct("PutRequest")),
        ("RequestItems.Attr.0.PutRequest.Item", VALUES),
        *attribute_value("RequestItems.Attr.0.PutRequest.Item.Attr"),
        ("ReturnConsumedCapacity", STRING),
        ("ReturnItemCollectionMetrics", STRING),
    ],
    "BatchGetItem": [
        ("RequestItems", member_map("KeysAndAttributes")),
        ("RequestItems.Attr", element_struct("KeysAndAttributes")),
        ("RequestItems.Attr.Keys", LIST),
        ("RequestItems.Attr.Keys.0", ("map", "AttributeValue", True)),
        *attribute_value("RequestItems.Attr.Keys.0.Attr"),
        ("RequestItems.Attr.AttributesToGet", LIST),
        ("RequestItems.Attr.ConsistentRead", BOOLEAN),
        ("RequestItems.Attr.ExpressionAttributeNames", NAMES),
        ("RequestItems.Attr.ExpressionAttributeNames.Attr", STRING),
        ("RequestItems.Attr.ProjectionExpression", STRING),
        ("ReturnConsumedCapacity", STRING),
    ],
    "TransactWriteItems": [
        ("TransactItems", LIST),
        ("TransactItems.0", element_struct("TransactWriteItem")),
        ("TransactItems.0.Put", struct("Put")),
        ("TransactItems.0.Put.TableName", STRING),
        ("TransactItems.0.Put.Item", VALUES),
        *attribute_value("TransactItems.0.Put.Item.Attr"),
        ("TransactItems.0.Update", struct("Update")),
        ("TransactItems.0.Update.Key", VALUES),
        ("TransactItems.0.Update.UpdateExpression", STRING),
        ("TransactItems.0.Update.ExpressionAttributeValues", VALUES),
        ("TransactItems.0.Update.ExpressionAttributeValues.Attr.M", member_map("AttributeValue")),
        ("TransactItems.0.ConditionCheck.ConditionExpression", STRING),
        ("TransactItems.0.Put.ExpressionAttributeNames.Attr", STRING),
        ("TransactItems.0.Delete", struct("Delete")),
        ("TransactItems.0.ConditionCheck", struct("ConditionCheck")),
        ("ClientRequestToken", STRING),
    ],
    "DeleteItem": [
        ("TableName", STRING),
        ("Key", VALUES),
        *attribute_value("Key.Attr"),
        ("Expected", member_map("ExpectedAttributeValue")),
        ("ConditionExpression", STRING),
        ("ExpressionAttributeValues.Attr", element_struct("AttributeValue")),
        ("ReturnValues", STRING),
        ("ReturnValuesOnConditionCheckFailure", STRING),
    ],
    "TransactGetItems": [
        ("TransactItems", LIST),
        ("TransactItems.0", element_struct("TransactGetItem")),
        ("TransactItems.0.Get", struct("Get")),
        ("TransactItems.0.Get.TableName", STRING),
        ("TransactItems.0.Get.Key", VALUES),
        ("TransactItems.0.Get.Key.Attr", element_struct("AttributeValue")),
        ("TransactItems.0.Get.ProjectionExpression", STRING),
        ("TransactItems.0.Get.ExpressionAttributeNames", NAMES),
        ("ReturnConsumedCapacity", STRING),
    ],
    "ExecuteStatement": [
        ("Statement", STRING),
        ("Parameters", LIST),
        *attribute_value("Parameters.0"),
        ("ConsistentRead", BOOLEAN),
        ("NextToken", STRING),
        ("Limit", INTEGER),
    ],
    "BatchExecuteStatement": [
        ("Statements", LIST),
        ("Statements.0", element_struct("BatchStatementRequest")),
        ("Statements.0.Statement", STRING),
        ("Statements.0.Parameters", LIST),
        ("Statements.0.Parameters.0", element_struct("AttributeValue")),
        ("Statements.0.ConsistentRead", BOOLEAN),
    ],
    "ExecuteTransaction": [
        ("TransactStatements", LIST),
        ("TransactStatements.0", element_struct("ParameterizedStatement")),
        ("TransactStatements.0.Statement", STRING),
        ("TransactStatements.0.Parameters.0", element_struct("AttributeValue")),
        ("ClientRequestToken", STRING),
    ],
    "DescribeTable": [("TableName", STRING)],
    "DeleteTable": [("TableName", STRING)],
    "ListTables": [("ExclusiveStartTableName", STRING), ("Limit", INTEGER)],
    "UpdateTimeToLive": [
        ("TableName", STRING),
        ("TimeToLiveSpecification", struct("TimeToLiveSpecification")),
        ("TimeToLiveSpecification.Enabled", BOOLEAN),
        ("TimeToLiveSpecification.AttributeName", STRING),
    ],
    "TagResource": [
        ("ResourceArn", STRING),
        ("Tags", LIST),
        ("Tags.0", element_struct("Tag")),
        ("Tags.0.Value", STRING),
    ],
    "UntagResource": [("ResourceArn", STRING), ("TagKeys", LIST), ("TagKeys.0", STRING)],
    "ListTagsOfResource": [("ResourceArn", STRING), ("NextToken", STRING)],
    "UpdateContinuousBackups": [
        ("TableName", STRING),
        ("PointInTimeRecoverySpecification", struct("PointInTimeRecoverySpecification")),
        ("PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled", BOOLEAN),
        ("PointInTimeRecoverySpecification.RecoveryPeriodInDays", INTEGER),
    ],
    "RestoreTableFromBackup": [
        ("TargetTableName", STRING),
        ("BackupArn", STRING),
        ("ProvisionedThroughputOverride", struct("ProvisionedThroughput")),
        ("ProvisionedThroughputOverride.ReadCapacityUnits", LONG),
        ("SSESpecificationOverride", struct("SSESpecification")),
        ("GlobalSecondaryIndexOverride", LIST),
        ("GlobalSecondaryIndexOverride.0", element_struct("GlobalSecondaryIndex")),
    ],
    "CreateTable": [
        ("TableName", STRING),
        ("AttributeDefinitions", LIST),
        ("AttributeDefinitions.0", element_struct("AttributeDefinition")),
        ("AttributeDefinitions.0.AttributeName", STRING),
        ("AttributeDefinitions.0.AttributeType", STRING),
        ("KeySchema", LIST),
        ("KeySchema.0", element_struct("KeySchemaElement")),
        ("KeySchema.0.KeyType", STRING),
        ("ProvisionedThroughput", struct("ProvisionedThroughput")),
        ("ProvisionedThroughput.ReadCapacityUnits", LONG),
        ("ProvisionedThroughput.WriteCapacityUnits", LONG),
        ("LocalSecondaryIndexes", LIST),
        ("LocalSecondaryIndexes.0", element_struct("LocalSecondaryIndex")),
        ("LocalSecondaryIndexes.0.IndexName", STRING),
        ("LocalSecondaryIndexes.0.KeySchema", LIST),
        ("LocalSecondaryIndexes.0.KeySchema.0", element_struct("KeySchemaElement")),
        ("LocalSecondaryIndexes.0.Projection", struct("Projection")),
        ("LocalSecondaryIndexes.0.Projection.NonKeyAttributes", LIST),
        ("LocalSecondaryIndexes.0.Projection.NonKeyAttributes.0", STRING),
        ("GlobalSecondaryIndexes", LIST),
        ("GlobalSecondaryIndexes.0", element_struct("GlobalSecondaryIndex")),
        ("GlobalSecondaryIndexes.0.IndexName", STRING),
        ("GlobalSecondaryIndexes.0.KeySchema", LIST),
        ("GlobalSecondaryIndexes.0.KeySchema.0", element_struct("KeySchemaElement")),
        ("GlobalSecondaryIndexes.0.KeySchema.0.AttributeName", STRING),
        ("GlobalSecondaryIndexes.0.Projection", struct("Projection")),
        ("GlobalSecondaryIndexes.0.Projection.ProjectionType", STRING),
        ("GlobalSecondaryIndexes.0.ProvisionedThroughput", struct("ProvisionedThroughput")),
        ("GlobalSecondaryIndexes.0.ProvisionedThroughput.ReadCapacityUnits", LONG),
        ("BillingMode", STRING),
        ("StreamSpecification", struct("StreamSpecification")),
        ("StreamSpecification.StreamEnabled", BOOLEAN),
        ("SSESpecification", struct("SSESpecification")),
        ("Tags", LIST),
        ("Tags.0", element_struct("Tag")),
        ("Tags.0.Key", STRING),
        ("OnDemandThroughput", struct("OnDemandThroughput")),
        ("OnDemandThroughput.MaxReadRequestUnits", LONG),
        ("WarmThroughput", struct("WarmThroughput")),
        ("WarmThroughput.WriteUnitsPerSecond", LONG),
        ("DeletionProtectionEnabled", BOOLEAN),
        ("SSESpecification.Enabled", BOOLEAN),
        ("StreamSpecification.StreamViewType", STRING),
    ],
    "UpdateTable": [
        ("TableName", STRING),
        ("ProvisionedThroughput", struct("ProvisionedThroughput")),
        ("ProvisionedThroughput.WriteCapacityUnits", LONG),
        ("AttributeDefinitions", LIST),
        ("GlobalSecondaryIndexUpdates", LIST),
        ("GlobalSecondaryIndexUpdates.0", element_struct("GlobalSecondaryIndexUpdate")),
        ("GlobalSecondaryIndexUpdates.0.Update", struct("UpdateGlobalSecondaryIndexAction")),
        ("GlobalSecondaryIndexUpdates.0.Update.IndexName", STRING),
        (
            "GlobalSecondaryIndexUpdates.0.Update.ProvisionedThroughput",
            struct("ProvisionedThroughput"),
        ),
        ("GlobalSecondaryIndexUpdates.0.Update.ProvisionedThroughput.ReadCapacityUnits", LONG),
        ("GlobalSecondaryIndexUpdates.0.Create", struct("CreateGlobalSecondaryIndexAction")),
        ("GlobalSecondaryIndexUpdates.0.Create.KeySchema", LIST),
        ("GlobalSecondaryIndexUpdates.0.Delete", struct("DeleteGlobalSecondaryIndexAction")),
        ("GlobalSecondaryIndexUpdates.0.Delete.IndexName", STRING),
        ("BillingMode", STRING),
        ("StreamSpecification", struct("StreamSpecification")),
        ("OnDemandThroughput.MaxWriteRequestUnits", LONG),
        ("DeletionProtectionEnabled", BOOLEAN),
    ],
    # DynamoDB Streams (same endpoint, its own X-Amz-Target prefix). ShardFilter's own class is
    # left out: no recording names the Streams model's package.
    "ListStreams": [
        ("TableName", STRING),
        ("Limit", INTEGER),
        ("ExclusiveStartStreamArn", STRING),
    ],
    "DescribeStream": [
        ("StreamArn", STRING),
        ("Limit", INTEGER),
        ("ExclusiveStartShardId", STRING),
        ("ShardFilter.Type", STRING),
        ("ShardFilter.ShardId", STRING),
    ],
    "GetShardIterator": [
        ("StreamArn", STRING),
        ("ShardId", STRING),
        ("ShardIteratorType", STRING),
        ("SequenceNumber", STRING),
    ],
    "GetRecords": [("ShardIterator", STRING), ("Limit", INTEGER)],
}


def body_with(path, value):
    """A request body holding `value` at `path` and nothing else, as dynalite builds it: a "0"
    piece makes its parent a list, any other piece a map key or member."""
    pieces = path.split(".")
    body = {}
    node = body
    for piece, following in zip(pieces, pieces[1:]):
        child = [] if following == "0" else {}
        if isinstance(node, list):
            node.append(child)
        else:
            node[piece] = child
        node = child
    if isinstance(node, list):
        node.append(value)
    else:
        node[pieces[-1]] = value
    return body


def cases():
    for operation, shapes in SHAPES.items():
        for path, shape in shapes:
            wrongs = dict(WRONG)
            if shape == BLOB:
                wrongs.update({"base64 " + text: text for text in BAD_BASE64})
            for name, value in wrongs.items():
                message = expected(shape, value)
                if message is not None:
                    case_id = f"{operation}-{path}-{name}"
                    yield pytest.param(operation, path, value, message, id=case_id)


@pytest.mark.oracle_deviation(
    "DynamoDB Local answers most wrong JSON types with a 500 InternalFailure, and reads a "
    "non-string name as a name (ResourceNotFoundException, ValidationException)"
)
@pytest.mark.parametrize("operation, path, value, message", list(cases()))
def test_wrong_shape_is_serialization_exception(endpoint, operation, path, value, message):
    with pytest.raises(DynamoDBError) as excinfo:
        call(endpoint, operation, **body_with(path, value))
    assert (excinfo.value.code, excinfo.value.message) == ("SerializationException", message)


# The rule's inputs that are easy to get wrong, checked on their own.
def test_rule_names_the_element_class_and_the_map_value_type():
    assert expected(element_struct("WriteRequest"), 5) == UNEXPECTED_VALUE
    assert expected(struct("Put"), []) == "Unrecognized collection type class " + MODEL + "Put"
    assert expected(NAMES, []) == (
        "Unrecognized collection type java.util.Map<java.lang.String, java.lang.String>"
    )
    assert expected(LONG, "23") == "STRING_VALUE cannot be converted to Long"
    assert expected(LIST_ELEMENT, True) == PARAMETERIZED_CAST


# DynamoDB's deserializer reads a request in document order, so of two top-level members of the
# wrong JSON type it reports the one the document lists first (ddblocal's parsers read members in
# an order of their own: protocol/wire/document_order.h). Each pair of neighbouring top-level
# members of each operation, sent in both orders.
def first_wrong_value(shape):
    return next(value for value in WRONG.values() if expected(shape, value) is not None)


def neighbour_pairs():
    for operation, shapes in SHAPES.items():
        top = [(path, shape) for path, shape in shapes if "." not in path]
        for first, second in zip(top, top[1:]):
            for pair in ((first, second), (second, first)):
                ids = f"{operation}-{pair[0][0]}-before-{pair[1][0]}"
                yield pytest.param(operation, pair, id=ids)


@pytest.mark.oracle_deviation(
    "DynamoDB Local answers most wrong JSON types with a 500 InternalFailure"
)
@pytest.mark.parametrize("operation, pair", list(neighbour_pairs()))
def test_first_wrong_member_in_the_document_is_reported(endpoint, operation, pair):
    body = {path: first_wrong_value(shape) for path, shape in pair}
    (path, shape) = pair[0]
    with pytest.raises(DynamoDBError) as excinfo:
        call(endpoint, operation, **body)
    assert (excinfo.value.code, excinfo.value.message) == (
        "SerializationException", expected(shape, body[path]))
