"""Table settings beside keys and billing: deletion protection, table class, encryption, on-demand
and warm throughput, the throughput history; DescribeLimits, DescribeEndpoints; resource policies
(stored, never enforced); UpdateTable's one-kind-of-change rule. Wording from the 2026 probes
recorded in /work/notes/control-plane.md."""

import json
import urllib.parse

import pytest

from conftest import failure, unique_name, validation
from raw_json import call, call_error

LOCAL_NO_SETTINGS = "DynamoDB Local does not keep or report these table settings"
PROTECTED = (
    "Resource cannot be deleted as it is currently protected against deletion. "
    "Disable deletion protection first."
)
POLICY = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"AWS": "arn:aws:iam::000000000000:root"},
                "Action": "dynamodb:GetItem",
                "Resource": "*",
            }
        ],
    }
)


def describe(client, name):
    return client.describe_table(TableName=name)["Table"]


def describe_raw(endpoint, name):
    """DescribeTable's answer with the members botocore 1.29 does not know."""
    return call(endpoint, "DescribeTable", TableName=name)["Table"]


def create_raw(endpoint, create_table, **extra):
    """A PAY_PER_REQUEST table keyed by p (S), created with members botocore does not know."""
    name = unique_name()
    create_table.track(name)
    call(
        endpoint,
        "CreateTable",
        TableName=name,
        KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "p", "AttributeType": "S"}],
        **({"BillingMode": "PAY_PER_REQUEST"} if "ProvisionedThroughput" not in extra else {}),
        **extra,
    )
    return name


# DeleteTable refuses a protected table until UpdateTable turns the protection off.
def test_deletion_protection_blocks_delete_until_disabled(client, endpoint, create_table):
    name = create_raw(endpoint, create_table, DeletionProtectionEnabled=True)
    assert describe_raw(endpoint, name)["DeletionProtectionEnabled"] is True
    assert failure(client.delete_table, TableName=name) == validation(PROTECTED)
    call(endpoint, "UpdateTable", TableName=name, DeletionProtectionEnabled=False)
    assert describe_raw(endpoint, name)["DeletionProtectionEnabled"] is False
    client.delete_table(TableName=name)


# A table class given at creation shows as TableClassSummary; none given shows none (STANDARD);
# UpdateTable changes it and records when.
@pytest.mark.oracle_deviation(LOCAL_NO_SETTINGS)
def test_table_class_summary(client, create_table):
    plain = create_table()
    assert "TableClassSummary" not in describe(client, plain)
    name = create_table(TableClass="STANDARD_INFREQUENT_ACCESS")
    assert describe(client, name)["TableClassSummary"] == {
        "TableClass": "STANDARD_INFREQUENT_ACCESS"
    }
    client.update_table(TableName=name, TableClass="STANDARD")
    summary = describe(client, name)["TableClassSummary"]
    assert summary["TableClass"] == "STANDARD"
    assert "LastUpdateDateTime" in summary


# An unknown table class is refused with DynamoDB's own message.
@pytest.mark.oracle_deviation(LOCAL_NO_SETTINGS)
def test_bad_table_class(raw_client, create_table):
    name = create_table()
    assert failure(raw_client.update_table, TableName=name, TableClass="COLD") == validation(
        "Invalid table-class parameter provided. Please try again with a valid table-class "
        "value: [STANDARD, STANDARD_INFREQUENT_ACCESS]."
    )


# KMS encryption shows as SSEDescription with the key's ARN; the default (AWS owned key) shows
# nothing, and asking for it again is refused.
@pytest.mark.oracle_deviation(LOCAL_NO_SETTINGS)
def test_sse_description(client, create_table):
    name = create_table(SSESpecification={"Enabled": True, "SSEType": "KMS"})
    sse = describe(client, name)["SSEDescription"]
    assert sse["Status"] == "ENABLED" and sse["SSEType"] == "KMS"
    assert sse["KMSMasterKeyArn"].startswith("arn:aws:kms:us-east-1:")
    plain = create_table()
    assert "SSEDescription" not in describe(client, plain)
    assert failure(
        client.update_table, TableName=plain, SSESpecification={"Enabled": False}
    ) == validation("One or more parameter values were invalid: Table is already encrypted by default")
    client.update_table(TableName=name, SSESpecification={"Enabled": False})
    assert "SSEDescription" not in describe(client, name)


# SSESpecification's own rules.
@pytest.mark.oracle_deviation(LOCAL_NO_SETTINGS)
def test_sse_rules(raw_client, create_table):
    name = create_table()
    assert failure(
        raw_client.update_table,
        TableName=name,
        SSESpecification={"Enabled": False, "SSEType": "KMS"},
    ) == validation("One or more parameter values were invalid: SSEType can not be specified if Enabled is false")


# Every table reports a warm throughput that Terraform waits on: ACTIVE, at least the initial
# 12,000 reads and 4,000 writes per second; raising it is kept, lowering it refused.
@pytest.mark.oracle_deviation(LOCAL_NO_SETTINGS)
def test_warm_throughput(endpoint, create_table):
    name = create_table()
    assert describe_raw(endpoint, name)["WarmThroughput"] == {
        "ReadUnitsPerSecond": 12000,
        "WriteUnitsPerSecond": 4000,
        "Status": "ACTIVE",
    }
    call(
        endpoint,
        "UpdateTable",
        TableName=name,
        WarmThroughput={"ReadUnitsPerSecond": 15000, "WriteUnitsPerSecond": 5000},
    )
    warm = describe_raw(endpoint, name)["WarmThroughput"]
    assert (warm["ReadUnitsPerSecond"], warm["WriteUnitsPerSecond"]) == (15000, 5000)
    assert call_error(
        endpoint, "UpdateTable", TableName=name, WarmThroughput={"ReadUnitsPerSecond": 13000}
    ) == (
        "ValidationException",
        "One or more parameter values were invalid: Requested ReadUnitsPerSecond for "
        "WarmThroughput for table is lower than current WarmThroughput, decreasing "
        "WarmThroughput is not supported",
    )


# OnDemandThroughput is kept under PAY_PER_REQUEST and refused under PROVISIONED.
@pytest.mark.oracle_deviation(LOCAL_NO_SETTINGS)
def test_on_demand_throughput(endpoint, create_table):
    name = create_raw(
        endpoint,
        create_table,
        OnDemandThroughput={"MaxReadRequestUnits": 100, "MaxWriteRequestUnits": 50},
    )
    assert describe_raw(endpoint, name)["OnDemandThroughput"] == {
        "MaxReadRequestUnits": 100,
        "MaxWriteRequestUnits": 50,
    }
    provisioned = create_table(ProvisionedThroughput={"ReadCapacityUnits": 1, "WriteCapacityUnits": 1})
    assert call_error(
        endpoint,
        "UpdateTable",
        TableName=provisioned,
        OnDemandThroughput={"MaxReadRequestUnits": 100},
    ) == (
        "ValidationException",
        "One or more parameter values were invalid: MaxReadRequestUnits for OnDemandThroughput "
        "cannot be specified when the table BillingMode is PROVISIONED",
    )


# Raising and lowering provisioned capacity is recorded in ProvisionedThroughput.
@pytest.mark.oracle_deviation(LOCAL_NO_SETTINGS)
def test_throughput_history(client, create_table):
    name = create_table(ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5})
    throughput = describe(client, name)["ProvisionedThroughput"]
    assert "LastIncreaseDateTime" not in throughput and throughput["NumberOfDecreasesToday"] == 0
    client.update_table(
        TableName=name, ProvisionedThroughput={"ReadCapacityUnits": 10, "WriteCapacityUnits": 5}
    )
    assert "LastIncreaseDateTime" in describe(client, name)["ProvisionedThroughput"]
    client.update_table(
        TableName=name, ProvisionedThroughput={"ReadCapacityUnits": 2, "WriteCapacityUnits": 5}
    )
    throughput = describe(client, name)["ProvisionedThroughput"]
    assert "LastDecreaseDateTime" in throughput and throughput["NumberOfDecreasesToday"] == 1


# DynamoDB changes one kind of thing per UpdateTable: each of these pairs is refused whole.
@pytest.mark.oracle_deviation(LOCAL_NO_SETTINGS)
@pytest.mark.parametrize(
    "changes, message",
    [
        (
            {"SSESpecification": {"Enabled": True}, "DeletionProtectionEnabled": True},
            "Server-Side Encryption modification must be the only operation in the request",
        ),
        (
            {"TableClass": "STANDARD", "BillingMode": "PAY_PER_REQUEST"},
            "TableClass modification must be the only operation in the request",
        ),
        (
            {"DeletionProtectionEnabled": True, "BillingMode": "PAY_PER_REQUEST"},
            "DeletionProtection modification must be the only operation in the request",
        ),
        (
            {"WarmThroughput": {"ReadUnitsPerSecond": 20000}, "BillingMode": "PAY_PER_REQUEST"},
            "WarmThroughput must be the only operation in the request",
        ),
    ],
)
def test_update_table_one_kind_of_change(endpoint, create_table, changes, message):
    name = create_table()
    assert call_error(endpoint, "UpdateTable", TableName=name, **changes) == (
        "ValidationException",
        "One or more parameter values were invalid: " + message,
    )
    table = describe_raw(endpoint, name)
    assert table["DeletionProtectionEnabled"] is False and "SSEDescription" not in table


# DescribeLimits answers the account and table quotas.
def test_describe_limits(client):
    limits = client.describe_limits()
    assert limits["TableMaxReadCapacityUnits"] == 40000
    assert limits["AccountMaxWriteCapacityUnits"] >= limits["TableMaxWriteCapacityUnits"]


# DescribeEndpoints names the endpoint the client reached.
@pytest.mark.oracle_deviation("DynamoDB Local answers its own fixed address")
def test_describe_endpoints_names_this_server(client, endpoint):
    endpoints = client.describe_endpoints()["Endpoints"]
    assert endpoints == [
        {"Address": urllib.parse.urlparse(endpoint).netloc, "CachePeriodInMinutes": 1440}
    ]


def table_arn(client, name):
    return describe(client, name)["TableArn"]


# A policy is stored and answered with its revision; putting the same one again keeps the
# revision; a stale ExpectedRevisionId and a missing policy are PolicyNotFoundException.
@pytest.mark.oracle_deviation("DynamoDB Local has no resource policies")
def test_resource_policy_lifecycle(client, endpoint, create_table):
    name = create_table()
    arn = table_arn(client, name)
    assert call_error(endpoint, "GetResourcePolicy", ResourceArn=arn) == (
        "PolicyNotFoundException",
        f"Resource-based policy not found for the provided ResourceArn: {arn}",
    )
    revision = call(endpoint, "PutResourcePolicy", ResourceArn=arn, Policy=POLICY)["RevisionId"]
    again = call(endpoint, "PutResourcePolicy", ResourceArn=arn, Policy=POLICY)
    assert again == {"RevisionId": revision}
    assert call(endpoint, "GetResourcePolicy", ResourceArn=arn) == {
        "Policy": POLICY,
        "RevisionId": revision,
    }
    code, _ = call_error(
        endpoint, "PutResourcePolicy", ResourceArn=arn, Policy=POLICY, ExpectedRevisionId="NO_POLICY"
    )
    assert code == "PolicyNotFoundException"
    code, message = call_error(
        endpoint, "DeleteResourcePolicy", ResourceArn=arn, ExpectedRevisionId="1"
    )
    assert code == "PolicyNotFoundException" and revision in message
    deleted = call(endpoint, "DeleteResourcePolicy", ResourceArn=arn, ExpectedRevisionId=revision)
    assert deleted == {"RevisionId": revision}
    code, _ = call_error(endpoint, "GetResourcePolicy", ResourceArn=arn)
    assert code == "PolicyNotFoundException"


# A policy that is not JSON is refused; a table that does not exist is not found.
@pytest.mark.oracle_deviation("DynamoDB Local has no resource policies")
def test_resource_policy_errors(client, endpoint, create_table):
    name = create_table()
    arn = table_arn(client, name)
    assert call_error(endpoint, "PutResourcePolicy", ResourceArn=arn, Policy="{not json") == (
        "ValidationException",
        "One or more parameter values were invalid: Invalid policy document: This policy "
        "contains invalid Json",
    )
    missing = arn[: arn.rindex("/") + 1] + unique_name()
    assert call_error(endpoint, "GetResourcePolicy", ResourceArn=missing) == (
        "ResourceNotFoundException",
        f"Requested resource not found: Table: {missing.split('/')[-1]} not found",
    )


# CreateTable's ResourcePolicy is attached to the new table, and goes with it.
@pytest.mark.oracle_deviation("DynamoDB Local has no resource policies")
def test_create_table_with_resource_policy(client, endpoint, create_table):
    name = create_raw(endpoint, create_table, ResourcePolicy=POLICY)
    arn = table_arn(client, name)
    assert call(endpoint, "GetResourcePolicy", ResourceArn=arn)["Policy"] == POLICY
    client.delete_table(TableName=name)
    create_table(name=name)
    code, _ = call_error(endpoint, "GetResourcePolicy", ResourceArn=arn)
    assert code == "PolicyNotFoundException"
