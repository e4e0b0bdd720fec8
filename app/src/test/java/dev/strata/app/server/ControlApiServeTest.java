package dev.strata.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control API of {@code strata serve} in its own process: on by default, its clock offset
 * kept in the state file across a restart (D20, D22), and {@code --control-api off} answering its
 * paths as unknown.
 */
class ControlApiServeTest {
  @Test
  void a_restart_on_the_same_state_file_keeps_the_clock_and_control_api_off_answers_404(@TempDir Path dir)
      throws Exception {
    String state = dir.resolve("state.db").toString();
    try (ServeProcess first = ServeProcess.start(Map.of(), "--state", state, "--audit-log", "off")) {
      HttpResponse<String> health = first.send("GET", "/_strata/health", null);
      assertEquals(200, health.statusCode(), health.body());
      assertTrue(health.body().contains("\"store\":\"sqlite\""), health.body());
      assertEquals(200, first.send("POST", "/_strata/clock", "{\"advance\":\"P1D\"}").statusCode());
    }
    try (ServeProcess second = ServeProcess.start(Map.of(), "--state", state, "--audit-log", "off")) {
      HttpResponse<String> clock = second.send("GET", "/_strata/clock", null);
      assertTrue(clock.body().contains("\"offset\":\"PT24H\""), clock.body());
    }
    try (ServeProcess off =
        ServeProcess.start(Map.of("STRATA_CONTROL_API", "off"), "--state", state, "--audit-log", "off")) {
      HttpResponse<String> health = off.send("GET", "/_strata/health", null);
      assertEquals(404, health.statusCode(), health.body());
      assertEquals("UnknownOperationException", health.headers().firstValue("x-amzn-ErrorType").orElse(null));
    }
  }
}
