"""Where tables live: per region by default (AWS's rule, in one account), in one namespace for
every region and key with --shared-db (DynamoDB Local's flag), or per access key and region with
--namespace-per-key (parallel test workers apart, each with its own key)."""

import subprocess

import pytest
from botocore.exceptions import ClientError

from conftest import client_for, ddblocal_binary, error_of, own_server, running_ddblocal

pytestmark = own_server


def client(url, key="AKIDONE", region="us-east-1"):
    return client_for(url, key, "secret", region)


def create(dynamodb, name="shared"):
    return dynamodb.create_table(
        TableName=name, KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "p", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST")["TableDescription"]


def names(dynamodb):
    return dynamodb.list_tables()["TableNames"]


# By default a table is seen from its region, by any key, and its ARN names that region.
def test_namespaces_per_region_by_default():
    with running_ddblocal("--in-memory") as url:
        description = create(client(url, "AKIDONE", "eu-west-1"))
        assert description["TableArn"].startswith("arn:aws:dynamodb:eu-west-1:")
        assert names(client(url, "AKIDTWO", "eu-west-1")) == ["shared"]
        assert names(client(url, "AKIDONE", "us-east-1")) == []
        create(client(url, "AKIDONE", "us-east-1"))  # the same name in another region


# With --shared-db every region and key sees the same tables.
@pytest.mark.parametrize("args, environment", [(["--shared-db"], {}),
                                               ([], {"DDBLOCAL_SHARED_DB": "true"})])
def test_namespaces_shared(monkeypatch, args, environment):
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    with running_ddblocal("--in-memory", *args) as url:
        create(client(url, "AKIDONE", "eu-west-1"))
        client(url, "AKIDONE", "eu-west-1").put_item(TableName="shared", Item={"p": {"S": "k"}})
        other = client(url, "AKIDTWO", "ap-south-1")
        assert names(other) == ["shared"]
        assert other.get_item(TableName="shared", Key={"p": {"S": "k"}})["Item"] == {"p": {"S": "k"}}
        with pytest.raises(ClientError) as excinfo:
            create(other)
        assert error_of(excinfo)[0] == "ResourceInUseException"


# With --namespace-per-key each access key has its own tables in each region; the ARN still
# names the region.
@pytest.mark.parametrize("args, environment", [(["--namespace-per-key"], {}),
                                               ([], {"DDBLOCAL_NAMESPACE_PER_KEY": "1"})])
def test_namespaces_per_access_key(monkeypatch, args, environment):
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    with running_ddblocal("--in-memory", *args) as url:
        worker1, worker2 = client(url, "WORKER1"), client(url, "WORKER2")
        assert create(worker1)["TableArn"].startswith("arn:aws:dynamodb:us-east-1:")
        create(worker2)  # its own table of the same name
        worker1.put_item(TableName="shared", Item={"p": {"S": "one"}})
        assert worker2.scan(TableName="shared")["Items"] == []
        assert names(client(url, "WORKER1", "eu-west-1")) == []
        assert names(client(url, "WORKER3")) == []


def test_namespaces_flags_exclude_each_other():
    done = subprocess.run([str(ddblocal_binary()), "--in-memory", "--shared-db",
                           "--namespace-per-key"], capture_output=True, text=True, timeout=30)
    assert done.returncode != 0
    assert "excludes" in done.stderr
