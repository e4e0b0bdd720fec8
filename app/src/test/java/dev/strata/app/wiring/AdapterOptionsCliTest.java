package dev.strata.app.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.app.cli.StrataCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter options on the command line: a bad value, from a flag, a variable or the file, is a
 * usage error (exit 2) naming its key; adapters that cannot start end the command with 255.
 */
class AdapterOptionsCliTest {
  @TempDir Path directory;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = StrataCli.execute(environment, new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private static void assertUsageError(Run run, String named) {
    assertEquals(StrataCli.USAGE_ERROR, run.exitCode(), run::toString);
    assertTrue(run.err().contains(named), () -> "stderr does not name '" + named + "': " + run.err());
  }

  @Test
  void a_bad_flag_value_is_a_usage_error_naming_its_key() {
    assertUsageError(run(Map.of(), "get", "--provisioned-model-id", "x", "--store", "dynamo"), "store: unknown adapter 'dynamo'");
    assertUsageError(run(Map.of(), "get", "--provisioned-model-id", "x", "--endpoint", "ftp=http://127.0.0.1:1"), "endpoint.ftp");
    assertUsageError(run(Map.of(), "get", "--provisioned-model-id", "x", "--create-table", "maybe"), "create-table");
    assertUsageError(run(Map.of(), "serve", "--port", "0", "--quotas", "aws"), "quotas: aws needs store aws");
  }

  @Test
  void a_bad_environment_value_is_a_usage_error_naming_the_variable() {
    assertUsageError(
        run(Map.of("STRATA_ARNS", "sts"), "get", "--provisioned-model-id", "x"),
        "arns: unknown adapter 'sts'; expected inmemory or aws (from STRATA_ARNS)");
  }

  @Test
  void a_bad_or_missing_configuration_file_is_a_usage_error_naming_it() throws IOException {
    Path file = directory.resolve("strata.properties");
    Files.writeString(file, "store=aws\ntabel=typo\n");

    assertUsageError(run(Map.of(), "get", "--provisioned-model-id", "x", "--config", file.toString()), "tabel: unknown configuration key");
    assertUsageError(
        run(Map.of("STRATA_CONFIG", directory.resolve("nope").toString()), "get", "--provisioned-model-id", "x"),
        "cannot read configuration file " + directory.resolve("nope"));
  }

  @Test
  void a_state_file_with_an_aws_adapter_is_a_usage_error() {
    assertUsageError(
        run(Map.of(), "get", "--provisioned-model-id", "x", "--state", directory.resolve("s.json").toString(), "--store", "aws"),
        "--state");
  }

  @Test
  void a_store_that_cannot_be_reached_ends_the_command_with_255_naming_the_table() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }

    Run run =
        run(
            Map.of("STRATA_STORE", "aws", "STRATA_ENDPOINT_DYNAMODB", "http://127.0.0.1:" + closed),
            "get", "--provisioned-model-id", "x", "--table", "unreachable");

    assertEquals(StrataCli.ADAPTERS_FAILED, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("DynamoDB table unreachable could not be created or described"), run.err());
  }
}
