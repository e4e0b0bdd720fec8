package dev.strata.app.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strata.app.server.ServeProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Terraform user wants from the control API: {@code terraform apply} of a provisioned
 * throughput with a {@code OneMonth} commitment, {@code terraform destroy} refused inside the term
 * as AWS refuses it, then allowed once {@code POST /_strata/clock {"advance":"P32D"}} moved the
 * service clock past it. Runs Terraform and the hashicorp/aws provider offline, from the
 * filesystem mirror {@value #MIRROR}; skipped, saying so, where either is missing.
 */
class TerraformCommitmentTest {
  static final String MIRROR = "/opt/tf-plugins";
  private static final Path PROVIDER =
      Path.of(MIRROR, "registry.terraform.io", "hashicorp", "aws", "5.100.0", "linux_amd64");

  /** The CLI configuration that takes the provider from the mirror and nowhere else. */
  static final String CLI_CONFIG =
      "provider_installation {\n  filesystem_mirror {\n    path = \"" + MIRROR + "\"\n  }\n}\n";

  @Test
  void destroy_of_a_one_month_commitment_succeeds_once_the_clock_passed_its_term(@TempDir Path dir)
      throws Exception {
    ExternalClient.assume("terraform", "terraform", "version");
    assumeTrue(Files.isDirectory(PROVIDER), "the hashicorp/aws 5.100.0 provider is not in " + MIRROR + "; skipped");
    try (var in = getClass().getResourceAsStream("/clients/terraform/main.tf")) {
      Files.copy(in, dir.resolve("main.tf"));
    }
    Path cliConfig = Files.writeString(dir.resolve("cli.tfrc"), CLI_CONFIG);
    try (ServeProcess serve = ServeProcess.start(Map.of(), "--audit-log", "off")) {
      String url = "http://127.0.0.1:" + serve.port;
      Map<String, String> env =
          Map.of(
              "TF_CLI_CONFIG_FILE", cliConfig.toString(),
              "CHECKPOINT_DISABLE", "1",
              "TF_IN_AUTOMATION", "1",
              "TF_VAR_strata", url);
      terraform(dir, env, 0, "init", "-input=false");
      terraform(dir, env, 0, "apply", "-input=false", "-auto-approve");

      ExternalClient.Run refused = terraform(dir, env, 1, "destroy", "-input=false", "-auto-approve");
      assertTrue(refused.err().contains("ConflictException"), refused::toString);

      HttpResponse<String> advanced =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url + "/_strata/clock"))
                      .timeout(Duration.ofSeconds(10))
                      .POST(HttpRequest.BodyPublishers.ofString("{\"advance\":\"P32D\"}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, advanced.statusCode(), advanced.body());

      terraform(dir, env, 0, "destroy", "-input=false", "-auto-approve");
    }
  }

  private static ExternalClient.Run terraform(Path dir, Map<String, String> env, int exitCode, String... args)
      throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("terraform"));
    command.addAll(List.of(args));
    command.add("-no-color");
    ExternalClient.Run run = ExternalClient.run(command, env, dir);
    assertEquals(exitCode, run.exitCode(), run::toString);
    return run;
  }
}
