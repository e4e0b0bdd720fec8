package dev.strata.app.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.app.server.Authentication;
import dev.strata.app.server.Credentials;
import dev.strata.app.server.StrataServer;
import dev.strata.app.server.control.ControlApi;
import dev.strata.app.wiring.EndpointAuthentication;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Faults (D21), quotas and custom models driven through the control API by a Python test suite
 * with boto3 as its Bedrock client, against a real server: the script's checks print one line each.
 */
class ControlApiFromBoto3Test {

  /** {@code script} from this test's resources, run with the server's URL; its output lines. */
  static List<String> run(String script, String url, String... args) throws Exception {
    ExternalClient.assume("python3 with boto3", "python3", "-c", "import boto3");
    Path scripts = Path.of(ControlApiFromBoto3Test.class.getResource("/clients/control_api.py").toURI()).getParent();
    List<String> command = new java.util.ArrayList<>(List.of("python3", scripts.resolve(script).toString(), url));
    command.addAll(List.of(args));
    ExternalClient.Run run = ExternalClient.run(command, Map.of(), scripts);
    assertEquals(0, run.exitCode(), run::toString);
    return run.out().lines().toList();
  }

  @Test
  void a_python_suite_injects_faults_changes_quotas_and_provisions_its_own_custom_model() throws Exception {
    InMemoryStrata strata = InMemoryStrata.builder().build();
    try (StrataServer server =
        StrataServer.start(
            strata.service(),
            StrataServer.Config.of("127.0.0.1", 0).withControl(ControlApi.of(strata.control())))) {
      List<String> lines = run("faults_quotas_custom_models.py", server.url());

      assertEquals(
          List.of(
              "(200, {'operation': 'CreateProvisionedModelThroughput', 'error': 'ThrottlingException', 'remaining': 2, 'latencyMs': 0})",
              "(200, {'faults': [{'operation': 'CreateProvisionedModelThroughput', 'error': 'ThrottlingException', 'remaining': 2, 'latencyMs': 0}]})",
              "retries 2 stored 1",
              "(200, {'operation': '*', 'error': 'InternalServerException', 'remaining': 1, 'latencyMs': 0})",
              "500 InternalServerException stored 1",
              "(200, {'operation': 'GetFoundationModel', 'error': 'AccessDeniedException', 'probability': 1.0, 'latencyMs': 10})",
              "403 AccessDeniedException",
              "(200, {'cleared': 1})",
              "(200, {'faults': []})",
              "amazon.nova-lite-v1:0:24k",
              "400 1 validation error detected: Value 'CreateWidget' at 'operation'",
              "400 1 validation error detected: Value 'ConflictException' at 'error'",
              "400 1 validation error detected: Value 'two' at 'count'",
              "(200, {'faults': []})",
              "200 [('L-FE44174A', 0, 1), ('L-BE77399C', 1000, 0)]",
              "ServiceQuotaExceededException stored 1",
              "1 validation error detected: Value 'L-XXXX' at 'limits' failed to satisfy constraint:"
                  + " Member must name a ledger: L-FE44174A, L-BE77399C or committed",
              "{'ledger': 'L-FE44174A', 'name': 'Model units no-commitment Provisioned Throughputs across"
                  + " base models', 'limit': 0, 'used': 1}",
              "200 my-tuned Active",
              "True arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1:0:8k",
              "True",
              "400 2 validation errors detected",
              "(200, {'removed': ['my-tuned']})"),
          lines);
    }
  }

  @Test
  void under_sigv4_a_key_controls_its_own_account_only_and_quota_limits_need_an_admin() throws Exception {
    String alice = "111111111111";
    String bob = "222222222222";
    Credentials keys =
        Credentials.builder()
            .accessKey("AKIAALICE0000001", "alice-secret", alice)
            .accessKey("AKIABOB000000002", "bob-secret", bob)
            .adminAccessKey("AKIAADMIN0000003", "admin-secret", "333333333333")
            .build();
    InMemoryStrata strata = InMemoryStrata.builder().build();
    try (StrataServer server =
        StrataServer.start(
            strata.service(),
            StrataServer.Config.of("127.0.0.1", 0)
                .withAuthentication(EndpointAuthentication.of(Set.of(Authentication.Mode.SIGV4), keys))
                .withControl(ControlApi.of(strata.control())))) {
      List<String> lines =
          run(
              "control_isolation.py",
              server.url(),
              "AKIAALICE0000001", "alice-secret", "AKIABOB000000002", "bob-secret",
              "AKIAADMIN0000003", "admin-secret", bob);

      assertEquals(
          List.of(
              "own fault (200, {'operation': 'CreateProvisionedModelThroughput', 'error': 'ThrottlingException',"
                  + " 'remaining': 1, 'latencyMs': 0, 'account': '111111111111'})",
              "bob's fault (403, 'StrataArmFault on account 222222222222')",
              "bob's faults (403, 'StrataListFaults on account 222222222222')",
              "bob's quotas (403, 'StrataGetQuotas on account 222222222222')",
              "own limits (403, 'StrataSetQuotaLimits on every account')",
              "bob's model (403, 'StrataRegisterCustomModel on account 222222222222')",
              "bob created",
              "alice throttled",
              "own quotas 200 111111111111 0",
              "admin sets bob's limit 200 222222222222 5",
              "bob's own faults (200, {'faults': []})",
              "everyone's faults 200 (200, {'faults': []})"),
          lines);
    }
  }
}
