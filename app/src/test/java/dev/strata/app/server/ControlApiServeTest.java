package dev.strata.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control API of {@code strata serve} in its own process: on by default, its clock offset
 * kept in the state file across a restart (D20, D22), and {@code --control-api off} answering its
 * paths as unknown.
 */
class ControlApiServeTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> send(ServeProcess serve, String method, String path, String body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serve.port + path))
            .timeout(Duration.ofSeconds(10))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void a_restart_on_the_same_state_file_keeps_the_clock_and_control_api_off_answers_404(@TempDir Path dir)
      throws Exception {
    String state = dir.resolve("state.db").toString();
    try (ServeProcess first = ServeProcess.start(Map.of(), "--state", state, "--audit-log", "off")) {
      HttpResponse<String> health = send(first, "GET", "/_strata/health", null);
      assertEquals(200, health.statusCode(), health.body());
      assertTrue(health.body().contains("\"store\":\"sqlite\""), health.body());
      assertEquals(200, send(first, "POST", "/_strata/clock", "{\"advance\":\"P1D\"}").statusCode());
    }
    try (ServeProcess second = ServeProcess.start(Map.of(), "--state", state, "--audit-log", "off")) {
      HttpResponse<String> clock = send(second, "GET", "/_strata/clock", null);
      assertTrue(clock.body().contains("\"offset\":\"PT24H\""), clock.body());
    }
    try (ServeProcess off =
        ServeProcess.start(Map.of("STRATA_CONTROL_API", "off"), "--state", state, "--audit-log", "off")) {
      HttpResponse<String> health = send(off, "GET", "/_strata/health", null);
      assertEquals(404, health.statusCode(), health.body());
      assertEquals("UnknownOperationException", health.headers().firstValue("x-amzn-ErrorType").orElse(null));
    }
  }
}
