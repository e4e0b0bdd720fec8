"""Strata's control API from a pytest suite: boto3 for Bedrock, plain HTTP for /_strata/.

STRATA_URL is a `strata serve --transitions manual --quota committed=1`; STRATA_SECURED_URL, when
set, is one with `--auth sigv4` whose credentials file has Alice (111111111111), Bob
(222222222222) and an admin key.
"""
import datetime
import json
import os
import urllib.error
import urllib.request

import boto3
import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

URL = os.environ["STRATA_URL"]
MODEL = "amazon.nova-lite-v1:0:24k"


def control(method, path, body=None, url=URL, key=None):
    """One control call: (status, x-amzn-ErrorType, JSON body); SigV4-signed with key when given."""
    data = None if body is None else json.dumps(body).encode()
    headers = {"Content-Type": "application/json"}
    if key is not None:
        signed = AWSRequest(method=method, url=url + path, data=data, headers=headers)
        SigV4Auth(Credentials(*key), "bedrock", "us-east-1").add_auth(signed)
        headers = dict(signed.headers.items())
    request = urllib.request.Request(url + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, None, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("x-amzn-ErrorType"), json.load(error)


def bedrock(url=URL, key=("test", "test")):
    return boto3.client("bedrock", region_name="us-east-1", endpoint_url=url,
                        aws_access_key_id=key[0], aws_secret_access_key=key[1])


@pytest.fixture(autouse=True)
def reset():
    """Every test starts on an empty Strata at real time."""
    assert control("POST", "/_strata/reset")[0] == 200


@pytest.mark.parametrize("name", ["first", "second"])
def test_reset_between_tests_leaves_the_list_empty(name):
    client = bedrock()
    assert client.list_provisioned_model_throughputs()["provisionedModelSummaries"] == []
    client.create_provisioned_model_throughput(provisionedModelName=name, modelId=MODEL, modelUnits=1)
    assert len(client.list_provisioned_model_throughputs()["provisionedModelSummaries"]) == 1


def test_a_create_stays_creating_until_its_transition_is_finished():
    client = bedrock()
    client.create_provisioned_model_throughput(provisionedModelName="slow", modelId=MODEL, modelUnits=1)
    assert client.get_provisioned_model_throughput(provisionedModelId="slow")["status"] == "Creating"
    status, _, body = control("POST", "/_strata/transitions",
                              {"provisionedModelId": "slow", "outcome": "InService"})
    assert (status, body["status"]) == (200, "InService")
    assert client.get_provisioned_model_throughput(provisionedModelId="slow")["status"] == "InService"


def test_a_failed_transition_shows_its_failure_message():
    client = bedrock()
    client.create_provisioned_model_throughput(provisionedModelName="doomed", modelId=MODEL, modelUnits=1)
    control("POST", "/_strata/transitions",
            {"provisionedModelId": "doomed", "outcome": "Failed", "failureMessage": "no capacity"})
    got = client.get_provisioned_model_throughput(provisionedModelId="doomed")
    assert (got["status"], got["failureMessage"]) == ("Failed", "no capacity")


def test_a_commitment_expires_when_the_clock_passes_its_term():
    client = bedrock()
    client.create_provisioned_model_throughput(provisionedModelName="monthly", modelId=MODEL,
                                               modelUnits=1, commitmentDuration="OneMonth")
    control("POST", "/_strata/transitions", {"provisionedModelId": "monthly", "outcome": "InService"})
    with pytest.raises(client.exceptions.ConflictException):
        client.delete_provisioned_model_throughput(provisionedModelId="monthly")
    with pytest.raises(client.exceptions.ServiceQuotaExceededException):
        client.create_provisioned_model_throughput(provisionedModelName="second", modelId=MODEL,
                                                   modelUnits=1, commitmentDuration="OneMonth")

    status, _, clock = control("POST", "/_strata/clock", {"advance": "P32D"})
    assert (status, clock["offset"]) == (200, "PT768H")

    client.delete_provisioned_model_throughput(provisionedModelId="monthly")
    client.create_provisioned_model_throughput(provisionedModelName="after", modelId=MODEL,
                                               modelUnits=1, commitmentDuration="OneMonth")
    created = client.get_provisioned_model_throughput(provisionedModelId="after")["creationTime"]
    jumped = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=31)
    assert created > jumped


@pytest.mark.parametrize("path, body, member", [
    ("/_strata/clock", {"advance": "a month"}, "advance"),
    ("/_strata/clock", {"set": "2001-01-01T00:00:00Z"}, "set"),
    ("/_strata/transitions", {"provisionedModelId": "x", "outcome": "Done"}, "outcome"),
    ("/_strata/reset", {"account": "111111111111"}, "region"),
])
def test_bad_input_is_a_400_naming_the_member_and_changes_nothing(path, body, member):
    before = control("GET", "/_strata/clock")[2]["offset"]
    status, error, answer = control("POST", path, body)
    assert (status, error) == (400, "ValidationException")
    assert "at '%s'" % member in answer["message"]
    assert control("GET", "/_strata/clock")[2]["offset"] == before


ALICE = ("AKIAALICE0000001", "alice-secret")
BOB = ("AKIABOB000000002", "bob-secret")
ADMIN = ("AKIAADMIN0000003", "admin-secret")
SECURED = os.environ.get("STRATA_SECURED_URL")


@pytest.mark.skipif(SECURED is None, reason="no server with --auth sigv4")
def test_under_sigv4_an_account_controls_only_itself_and_only_an_admin_moves_the_clock():
    bedrock(SECURED, BOB).create_provisioned_model_throughput(
        provisionedModelName="bobs", modelId=MODEL, modelUnits=1)
    bob_scope = {"account": "222222222222", "region": "us-east-1"}

    assert control("POST", "/_strata/reset", bob_scope, SECURED, ALICE)[:2] == (403, "AccessDeniedException")
    assert control("POST", "/_strata/reset", None, SECURED, ALICE)[:2] == (403, "AccessDeniedException")
    assert control("POST", "/_strata/transitions", {"provisionedModelId": "bobs", "outcome": "Failed",
                   "failureMessage": "x"}, SECURED, ALICE)[:2] == (404, "ResourceNotFoundException")
    assert control("POST", "/_strata/clock", {"advance": "P1D"}, SECURED, ALICE)[:2] == (403, "AccessDeniedException")
    assert len(bedrock(SECURED, BOB).list_provisioned_model_throughputs()["provisionedModelSummaries"]) == 1

    assert control("POST", "/_strata/reset", bob_scope, SECURED, BOB)[2] == {"removed": 1}
    assert control("POST", "/_strata/clock", {"advance": "PT1M"}, SECURED, ADMIN)[0] == 200
    assert control("POST", "/_strata/reset", None, SECURED, ADMIN)[0] == 200
