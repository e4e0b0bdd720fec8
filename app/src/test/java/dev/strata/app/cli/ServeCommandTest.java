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
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
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

    assertEquals("127.0.0.1", command.host);
    assertEquals(4010, command.port);
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
}
