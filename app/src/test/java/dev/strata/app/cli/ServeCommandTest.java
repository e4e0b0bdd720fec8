package dev.strata.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.app.server.HttpLimits.Limit;
import dev.strata.app.server.StrataServer;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

class ServeCommandTest {
  @Test
  void serve_prints_exactly_one_ready_line_with_the_bound_url() throws Exception {
    ServeCommand command = new ServeCommand(InMemoryStrata.create());
    CommandLine cli = new CommandLine(command);
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.parseArgs("--port", "0", "--grace-seconds", "3");

    StrataServer server = command.start();
    try {
      assertEquals("Strata listening on " + server.url() + System.lineSeparator(), out.toString());
      assertEquals(
          200,
          HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(URI.create(server.url() + "/custom-models")).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode());
      assertEquals(Duration.ofSeconds(3), command.grace());
    } finally {
      server.stop(command.grace());
    }
  }

  @Test
  void host_and_port_default_to_loopback_4010() {
    ServeCommand command = new ServeCommand(InMemoryStrata.create());
    new CommandLine(command).parseArgs();

    assertEquals("127.0.0.1", command.host());
    assertEquals(4010, command.port());
  }

  @Test
  void a_non_loopback_address_without_authentication_is_refused() {
    ServeCommand command = new ServeCommand(InMemoryStrata.create());
    CommandLine cli = new CommandLine(command);
    cli.parseArgs("--host", "0.0.0.0", "--port", "0");

    CommandLine.ParameterException e =
        assertThrows(CommandLine.ParameterException.class, command::start);
    assertTrue(e.getMessage().startsWith("refusing to serve 0.0.0.0 without authentication"), e.getMessage());
  }

  @Test
  void a_non_loopback_address_is_served_when_explicitly_allowed_or_authenticated(@TempDir Path dir)
      throws Exception {
    Path credentials = apiKeyFile(dir);
    for (String[] args :
        List.of(
            new String[] {"--host", "0.0.0.0", "--port", "0", "--allow-unauthenticated-remote"},
            new String[] {
              "--host", "0.0.0.0", "--port", "0", "--auth", "bearer", "--credentials", credentials.toString()
            })) {
      ServeCommand command = new ServeCommand(InMemoryStrata.create());
      CommandLine cli = new CommandLine(command);
      cli.setOut(new PrintWriter(new StringWriter()));
      cli.parseArgs(args);
      StrataServer server = command.start();
      server.stop(Duration.ZERO);
    }
  }

  @Test
  void bearer_authentication_answers_with_the_credentials_files_accounts(@TempDir Path dir)
      throws Exception {
    Path credentials = apiKeyFile(dir);
    ServeCommand command = new ServeCommand(InMemoryStrata.create());
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.parseArgs("--port", "0", "--auth", "bearer", "--credentials", credentials.toString(), "--audit-log", "off");
    StrataServer server = command.start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest.Builder list =
          HttpRequest.newBuilder(URI.create(server.url() + "/provisioned-model-throughputs"));
      assertEquals(403, http.send(list.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
      assertEquals(
          200,
          http.send(list.header("Authorization", "Bearer ABSKtest").build(), HttpResponse.BodyHandlers.discarding())
              .statusCode());
    } finally {
      server.stop(Duration.ZERO);
    }
  }

  @Test
  void authentication_without_a_credentials_file_or_with_an_unknown_mode_is_a_usage_error() {
    for (String[] args :
        List.of(new String[] {"--port", "0", "--auth", "sigv4"}, new String[] {"--port", "0", "--auth", "basic"})) {
      ServeCommand command = new ServeCommand(InMemoryStrata.create());
      new CommandLine(command).parseArgs(args);
      CommandLine.ParameterException e =
          assertThrows(CommandLine.ParameterException.class, command::start);
      assertTrue(e.getMessage().startsWith("--auth"), e.getMessage());
    }
  }

  @Test
  void the_audit_log_appends_one_json_line_per_mutating_call_to_a_file(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("audit.jsonl");
    ServeCommand command = new ServeCommand(InMemoryStrata.create());
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.parseArgs("--port", "0", "--audit-log", log.toString());
    StrataServer server = command.start();
    try {
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(server.url() + "/provisioned-model-throughput/nothing"))
                  .DELETE()
                  .build(),
              HttpResponse.BodyHandlers.discarding());
    } finally {
      command.stop(server);
    }
    List<String> lines = Files.readAllLines(log);
    assertEquals(1, lines.size());
    assertTrue(lines.get(0).contains("\"operation\":\"DeleteProvisionedModelThroughput\""), lines.get(0));
    assertTrue(lines.get(0).contains("\"outcome\":\"ResourceNotFoundException\""), lines.get(0));
  }

  @Test
  void without_limit_options_the_server_keeps_its_default_threads_queue_and_limits() {
    ServeCommand command = new ServeCommand(InMemoryStrata.create());
    new CommandLine(command).parseArgs();

    StrataServer.Config defaults = StrataServer.Config.of("127.0.0.1", 4010);
    assertEquals(defaults.threads(), command.config().threads());
    assertEquals(StrataServer.Config.DEFAULT_QUEUE, command.config().queue());
    assertEquals(Map.of(), command.limits());
  }

  @Test
  void the_concurrency_options_size_the_threads_and_the_queue() {
    ServeCommand command = new ServeCommand(InMemoryStrata.create());
    new CommandLine(command)
        .parseArgs("--max-concurrent-requests", "3", "--max-queued-requests", "0");

    assertEquals(3, command.config().threads());
    assertEquals(0, command.config().queue());
  }

  @Test
  void each_limit_option_sets_its_jdk_server_limit() {
    ServeCommand command = new ServeCommand(InMemoryStrata.create());
    new CommandLine(command)
        .parseArgs(
            "--read-timeout-seconds", "5",
            "--idle-timeout-seconds", "6",
            "--max-header-bytes", "7000",
            "--max-headers", "8",
            "--max-connections", "9");

    assertEquals(
        Map.of(
            Limit.READ_TIMEOUT_SECONDS, 5,
            Limit.IDLE_TIMEOUT_SECONDS, 6,
            Limit.MAX_HEADER_BYTES, 7000,
            Limit.MAX_HEADERS, 8,
            Limit.MAX_CONNECTIONS, 9),
        command.limits());
  }

  @Test
  void each_limit_option_states_strata_default_for_its_limit() {
    CommandLine cli = new CommandLine(new ServeCommand(InMemoryStrata.create()));
    Map<String, Limit> options =
        Map.of(
            "--read-timeout-seconds", Limit.READ_TIMEOUT_SECONDS,
            "--idle-timeout-seconds", Limit.IDLE_TIMEOUT_SECONDS,
            "--max-header-bytes", Limit.MAX_HEADER_BYTES,
            "--max-headers", Limit.MAX_HEADERS,
            "--max-connections", Limit.MAX_CONNECTIONS);

    options.forEach(
        (option, limit) -> {
          String description =
              String.join(" ", cli.getCommandSpec().findOption(option).description());
          assertTrue(
              description.endsWith("Default: " + limit.strataDefault() + "."), description);
        });
  }

  @Test
  void a_limit_below_one_or_a_negative_queue_is_a_usage_error() {
    ServeCommand headers = new ServeCommand(InMemoryStrata.create());
    new CommandLine(headers).parseArgs("--max-headers", "0");
    ServeCommand queue = new ServeCommand(InMemoryStrata.create());
    new CommandLine(queue).parseArgs("--max-queued-requests", "-1");

    assertEquals(
        "--max-headers must be at least 1, not 0",
        assertThrows(ParameterException.class, headers::limits).getMessage());
    assertEquals(
        "--max-queued-requests must be at least 0, not -1",
        assertThrows(ParameterException.class, queue::config).getMessage());
  }

  @Test
  void strata_serve_with_a_limit_below_one_exits_2_without_serving() {
    CliRun run = CliRun.of("serve", "--port", "0", "--max-connections", "0");

    assertEquals(StrataCli.USAGE_ERROR, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith("--max-connections must be at least 1, not 0"), run.err());
  }

  /** A credentials file with one API key, {@code ABSKtest}, for account 111111111111. */
  private static Path apiKeyFile(Path dir) throws java.io.IOException {
    return Files.writeString(
        dir.resolve("credentials.json"),
        "{\"apiKeys\":[{\"apiKey\":\"ABSKtest\",\"accountId\":\"111111111111\"}]}");
  }
}
