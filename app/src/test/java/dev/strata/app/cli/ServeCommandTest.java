package dev.strata.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.app.server.StrataServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
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
}
