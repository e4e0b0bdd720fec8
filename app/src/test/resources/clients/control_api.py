"""Calls of Strata's control API (/_strata/) from Python, as a pytest suite makes them: plain JSON
over HTTP, signed with SigV4 like any Bedrock call when keys are given (botocore's signer)."""
import json
import urllib.error
import urllib.request

import boto3
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials


class Strata:
    def __init__(self, url, key_id="any", secret="any", signed=False, region="us-east-1"):
        self.url, self.region, self.signed = url, region, signed
        self.credentials = Credentials(key_id, secret)

    def bedrock(self, attempts=1):
        """A boto3 Bedrock client making at most this many attempts (standard retry mode)."""
        return boto3.client(
            "bedrock", region_name=self.region, endpoint_url=self.url,
            aws_access_key_id=self.credentials.access_key,
            aws_secret_access_key=self.credentials.secret_key,
            config=Config(retries={"mode": "standard", "total_max_attempts": attempts}))

    def control(self, method, path, body=None):
        """(status, JSON answer) of one control call."""
        data = None if body is None else json.dumps(body).encode()
        headers = {"Content-Type": "application/json"}
        if self.signed:
            request = AWSRequest(method=method, url=self.url + "/_strata/" + path, data=data, headers=headers)
            SigV4Auth(self.credentials, "bedrock", self.region).add_auth(request)
            headers = dict(request.headers.items())
        request = urllib.request.Request(self.url + "/_strata/" + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                return answer.status, json.loads(answer.read())
        except urllib.error.HTTPError as refused:
            return refused.code, json.loads(refused.read())
