"""Under --auth sigv4 a control call is signed like any Bedrock call, and a key controls its own
account only; quota limits need an admin's key. Prints one line per check."""
import sys

from control_api import Strata

url, alice_key, alice_secret, bob_key, bob_secret, admin_key, admin_secret, bob = sys.argv[1:9]
alice = Strata(url, alice_key, alice_secret, signed=True)
bob_strata = Strata(url, bob_key, bob_secret, signed=True)
admin = Strata(url, admin_key, admin_secret, signed=True)
THROTTLE = {"operation": "CreateProvisionedModelThroughput", "error": "ThrottlingException", "count": 1}


def status(answer):
    code, body = answer
    return code if code == 200 else (code, body["message"].split(" perform ")[1].split(":")[0])


print("own fault", alice.control("POST", "faults", THROTTLE))
print("bob's fault", status(alice.control("POST", "faults", dict(THROTTLE, account=bob))))
print("bob's faults", status(alice.control("GET", "faults?account=" + bob)))
print("bob's quotas", status(alice.control("GET", "quotas?account=" + bob)))
print("own limits", status(alice.control("PUT", "quotas", {"limits": {"L-FE44174A": 5}})))
print("bob's model", status(alice.control("POST", "custom-models", {
    "modelName": "m", "baseModelIdentifier": "amazon.titan-text-express-v1:0:8k", "account": bob})))
for who, client in (("bob", bob_strata.bedrock()), ("alice", alice.bedrock())):
    try:
        client.create_provisioned_model_throughput(
            provisionedModelName="pt", modelId="amazon.nova-lite-v1:0:24k", modelUnits=1)
        print(who, "created")
    except client.exceptions.ThrottlingException:
        print(who, "throttled")
code, quotas = alice.control("GET", "quotas")
print("own quotas", code, quotas["account"], quotas["quotas"][0]["used"])
code, quotas = admin.control("PUT", "quotas", {"account": bob, "limits": {"L-FE44174A": 5}})
print("admin sets bob's limit", code, quotas["account"], quotas["quotas"][0]["limit"])
print("bob's own faults", bob_strata.control("GET", "faults"))
print("everyone's faults", status(alice.control("DELETE", "faults", {})), admin.control("GET", "faults"))
