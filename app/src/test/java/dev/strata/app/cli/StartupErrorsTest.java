package dev.strata.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees when a command cannot start, through the real process: one line naming the cause
 * and the fix (a usage error adds one line pointing at --help), a documented exit code, and never a
 * stack trace or the whole usage.
 */
class StartupErrorsTest {
  @TempDir Path directory;

  private static void assertOneLine(StrataProcess run, int exitCode, String line) {
    assertEquals(exitCode, run.exitCode(), run::toString);
    assertEquals(List.of(line), run.errLines(), run::toString);
    assertEquals("", run.out(), run::toString);
  }

  @Test
  void a_busy_port_prints_one_line_naming_the_port_and_the_fix_and_exits_255() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      StrataProcess run = StrataProcess.run(Map.of(), "serve", "--port", String.valueOf(port));

      assertOneLine(
          run,
          StrataCli.ADAPTERS_FAILED,
          "address 127.0.0.1:" + port + " is in use: pass --port N, or --port 0 for any free port");
    }
  }

  @Test
  void an_unreadable_credentials_file_prints_one_line_naming_it_and_the_option_and_exits_2()
      throws Exception {
    Path missing = directory.resolve("missing.json");

    StrataProcess run =
        StrataProcess.run(Map.of(), "serve", "--port", "0", "--auth", "sigv4", "--credentials", missing.toString());

    assertOneLine(
        run,
        StrataCli.USAGE_ERROR,
        "credentials: cannot read " + missing
            + ": NoSuchFileException: check the path given to --credentials (or STRATA_CREDENTIALS)");
  }

  @Test
  void an_unreadable_configuration_file_prints_one_line_naming_it_and_exits_2() throws Exception {
    Path missing = directory.resolve("strata.properties");

    StrataProcess run =
        StrataProcess.run(Map.of("STRATA_CONFIG", missing.toString()), "get", "--provisioned-model-id", "x");

    assertEquals(StrataCli.USAGE_ERROR, run.exitCode(), run::toString);
    assertEquals(1, run.errLines().size(), run::toString);
    assertTrue(run.err().startsWith("config: cannot read configuration file " + missing), run.err());
    assertTrue(run.err().strip().endsWith("check the path given to --config (or STRATA_CONFIG)"), run.err());
  }

  @Test
  void an_audit_log_that_cannot_be_written_prints_one_line_and_exits_2() throws Exception {
    Path unwritable = directory.resolve("no-such-directory").resolve("audit.jsonl");

    StrataProcess run =
        StrataProcess.run(Map.of(), "serve", "--port", "0", "--audit-log", unwritable.toString());

    assertEquals(StrataCli.USAGE_ERROR, run.exitCode(), run::toString);
    assertEquals(1, run.errLines().size(), run::toString);
    assertTrue(run.err().startsWith("--audit-log: cannot append to " + unwritable), run.err());
    assertTrue(run.err().strip().endsWith("pass a writable file, - for standard error, or off"), run.err());
  }

  @Test
  void an_unreachable_store_prints_one_line_and_exits_255() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }

    StrataProcess run =
        StrataProcess.run(
            Map.of(
                "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local",
                "STRATA_STORE", "aws",
                "STRATA_ENDPOINT_DYNAMODB", "http://127.0.0.1:" + closed),
            "get", "--provisioned-model-id", "x", "--table", "unreachable");

    assertEquals(StrataCli.ADAPTERS_FAILED, run.exitCode(), run::toString);
    assertEquals(1, run.errLines().size(), run::toString);
    assertTrue(run.err().startsWith("DynamoDB table unreachable could not be created or described"), run.err());
  }

  @Test
  void a_usage_error_prints_its_message_and_one_line_pointing_at_help_not_the_usage()
      throws Exception {
    StrataProcess run = StrataProcess.run(Map.of(), "serve", "--port", "many");

    assertUsageError(
        run,
        "Invalid value for option '--port': 'many' is not an int",
        "Try 'strata serve --help' for more information.");
  }

  @Test
  void a_bad_environment_value_is_a_usage_error_of_two_lines_naming_the_variable() throws Exception {
    StrataProcess run =
        StrataProcess.run(Map.of("STRATA_STORE", "dynamo"), "get", "--provisioned-model-id", "x");

    assertUsageError(
        run,
        "store: unknown adapter 'dynamo'; expected inmemory or aws (from STRATA_STORE)",
        "Try 'strata get --help' for more information.");
  }

  @Test
  void a_bad_strata_port_is_a_usage_error_naming_the_variable() throws Exception {
    StrataProcess run = StrataProcess.run(Map.of("STRATA_PORT", "http"), "serve");

    assertUsageError(
        run,
        "STRATA_PORT: 'http' is not a port number (0 to 65535)",
        "Try 'strata serve --help' for more information.");
  }

  @Test
  void a_control_api_switch_that_is_neither_on_nor_off_is_a_usage_error() throws Exception {
    StrataProcess run = StrataProcess.run(Map.of("STRATA_CONTROL_API", "maybe"), "serve", "--port", "0");

    assertUsageError(
        run,
        "--control-api: 'maybe' is not on or off (from --control-api or STRATA_CONTROL_API)",
        "Try 'strata serve --help' for more information.");
  }

  private static void assertUsageError(StrataProcess run, String message, String hint) {
    assertEquals(StrataCli.USAGE_ERROR, run.exitCode(), run::toString);
    assertEquals(List.of(message, hint), run.errLines(), run::toString);
    assertEquals("", run.out(), run::toString);
  }
}
