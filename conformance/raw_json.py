"""Calls of DynamoDB operations and members newer than the botocore on this machine (1.29):
DeletionProtectionEnabled, WarmThroughput, OnDemandThroughput, the resource-policy operations.
botocore drops members it does not know from requests and answers, so these go as signed JSON."""

import json
import urllib.request

import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from conftest import ACCESS_KEY, REGION, SECRET_KEY


class DynamoDBError(Exception):
    def __init__(self, code, message):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


# The X-Amz-Target prefix of each API on the endpoint: DynamoDB's, unless the operation is one of
# DynamoDB Streams'.
STREAMS_OPERATIONS = {"ListStreams", "DescribeStream", "GetShardIterator", "GetRecords"}


def call(endpoint, operation, **body):
    """The answer (a dict) of `operation` with `body`, or DynamoDBError(code, message)."""
    api = "DynamoDBStreams_20120810." if operation in STREAMS_OPERATIONS else "DynamoDB_20120810."
    data = json.dumps(body).encode()
    request = AWSRequest(
        method="POST",
        url=endpoint + "/",
        data=data,
        headers={
            "Content-Type": "application/x-amz-json-1.0",
            "X-Amz-Target": api + operation,
        },
    )
    SigV4Auth(Credentials(ACCESS_KEY, SECRET_KEY), "dynamodb", REGION).add_auth(request)
    http_request = urllib.request.Request(
        endpoint + "/", data=data, headers=dict(request.headers.items()), method="POST"
    )
    try:
        with urllib.request.urlopen(http_request, timeout=60) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as error:
        answer = json.loads(error.read())
        code = answer.get("__type", "").split("#")[-1]
        raise DynamoDBError(code, answer.get("message", answer.get("Message"))) from None


def call_error(endpoint, operation, **body):
    """(code, message) of a call that must fail."""
    with pytest.raises(DynamoDBError) as excinfo:
        call(endpoint, operation, **body)
    return excinfo.value.code, excinfo.value.message
