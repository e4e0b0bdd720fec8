package dev.strata.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.adapters.inmemory.InMemoryStrata;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
    Path credentials =
        Files.writeString(
            dir.resolve("credentials.json"),
            "{\"apiKeys\":[{\"apiKey\":\"ABSKtest\",\"accountId\":\"111111111111\"}]}");
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
    Path credentials =
        Files.writeString(
            dir.resolve("credentials.json"),
            "{\"apiKeys\":[{\"apiKey\":\"ABSKtest\",\"accountId\":\"111111111111\"}]}");
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
}
