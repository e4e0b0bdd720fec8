package dev.strata.app.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.app.server.ServeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control API as a pytest suite uses it ({@code clients/test_control_api.py}): boto3 for the
 * Bedrock calls, plain HTTP for {@code /_strata/}, against two {@code strata serve} processes, one
 * open with manual transitions and a committed quota of one unit, one under {@code --auth sigv4}
 * with two accounts and an admin key.
 */
class ControlApiPytestTest {
  private static final String CREDENTIALS =
      "{\"accessKeys\":["
          + "{\"accessKeyId\":\"AKIAALICE0000001\",\"secretAccessKey\":\"alice-secret\",\"accountId\":\"111111111111\"},"
          + "{\"accessKeyId\":\"AKIABOB000000002\",\"secretAccessKey\":\"bob-secret\",\"accountId\":\"222222222222\"},"
          + "{\"accessKeyId\":\"AKIAADMIN0000003\",\"secretAccessKey\":\"admin-secret\",\"accountId\":\"333333333333\","
          + "\"admin\":true}]}";

  @Test
  void the_pytest_suite_passes_against_real_servers(@TempDir Path dir) throws Exception {
    ExternalClient.assume("python3 with boto3 and pytest", "python3", "-c", "import boto3, pytest");
    Path suite = dir.resolve("test_control_api.py");
    try (var in = getClass().getResourceAsStream("/clients/test_control_api.py")) {
      Files.copy(in, suite);
    }
    Path credentials = Files.writeString(dir.resolve("credentials.json"), CREDENTIALS);
    try (ServeProcess open =
            ServeProcess.start(Map.of(), "--transitions", "manual", "--quota", "committed=1", "--audit-log", "off");
        ServeProcess secured =
            ServeProcess.start(
                Map.of(), "--auth", "sigv4", "--credentials", credentials.toString(), "--audit-log", "off")) {
      ExternalClient.Run run =
          ExternalClient.run(
              List.of("python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", suite.toString()),
              Map.of(
                  "STRATA_URL", "http://127.0.0.1:" + open.port,
                  "STRATA_SECURED_URL", "http://127.0.0.1:" + secured.port),
              dir);
      assertEquals(0, run.exitCode(), run::toString);
      assertTrue(run.out().contains("10 passed"), run::toString);
    }
  }
}
