package dev.strata.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JDK server's limits as {@code strata serve} sets them from its flags and environment: each
 * server runs in a JVM of its own, because the limits are per process and read once. A client over
 * a limit sees its connection closed, never a status, so never a 5xx; the server goes on serving.
 */
class ServeLimitsTest {
  static final Duration EVENTUALLY = Duration.ofSeconds(10);
  static final String HALF_A_REQUEST = "GET /foundation-models HTTP/1.1\r\nHost: strata\r\n";

  /** Reads a request for at most 2 s, takes 20 header names and 4 KiB of request head. */
  static ServeProcess serve;

  @BeforeAll
  static void startServe() throws Exception {
    serve =
        ServeProcess.start(
            Map.of("STRATA_MAX_HEADERS", "20"),
            "--read-timeout-seconds", "2",
            "--max-header-bytes", "4096");
  }

  @AfterAll
  static void stopServe() throws Exception {
    if (serve != null) {
      serve.close();
    }
  }

  /** A GET with {@code count} header names in all, each extra one with a value of {@code size}. */
  static String getWithHeaders(int count, int size) {
    StringBuilder request =
        new StringBuilder("GET /foundation-models HTTP/1.1\r\nHost: strata\r\nConnection: close\r\n");
    for (int i = 2; i < count; i++) {
      request.append("x-extra-").append(i).append(": ").append("v".repeat(size)).append("\r\n");
    }
    return request.append("\r\n").toString();
  }

  /** Sends GETs on fresh connections until one's status passes {@code expected}; that status. */
  static int eventually(ServeProcess server, IntPredicate expected) throws Exception {
    long deadline = System.nanoTime() + EVENTUALLY.toNanos();
    int status;
    while (!expected.test(status = server.statusOfGet("/foundation-models"))
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return status;
  }

  @Test
  void a_client_that_stalls_half_way_through_its_request_is_disconnected_while_others_are_served()
      throws Exception {
    try (RawConnection stalled = serve.connect().send(HALF_A_REQUEST)) {
      assertEquals(200, serve.statusOfGet("/custom-models"));

      assertEquals(
          "",
          stalled.readUntilClosed(),
          "closed without a response within " + RawConnection.READ_LIMIT);
    }
  }

  @Test
  void stalled_clients_holding_every_thread_get_others_shed_until_the_read_timeout_frees_it()
      throws Exception {
    try (ServeProcess oneThread =
            ServeProcess.start(
                Map.of(),
                "--max-concurrent-requests", "1",
                "--max-queued-requests", "0",
                "--read-timeout-seconds", "2");
        RawConnection stalled = oneThread.connect().send(HALF_A_REQUEST)) {
      assertEquals(503, eventually(oneThread, status -> status == 503));

      assertEquals("", stalled.readUntilClosed());
      assertEquals(200, eventually(oneThread, status -> status == 200));
    }
  }

  @Test
  void more_header_names_than_the_limit_close_the_connection_without_a_response()
      throws Exception {
    try (RawConnection atTheLimit = serve.connect();
        RawConnection overTheLimit = serve.connect()) {
      assertEquals(200, atTheLimit.send(getWithHeaders(20, 1)).readResponse().status());

      assertEquals("", overTheLimit.sendUntilClosed(getWithHeaders(21, 1)));
    }
    assertEquals(200, serve.statusOfGet("/foundation-models"));
  }

  @Test
  void headers_larger_than_the_limit_close_the_connection_without_a_response() throws Exception {
    try (RawConnection underTheLimit = serve.connect();
        RawConnection overTheLimit = serve.connect();
        RawConnection longRequestLine = serve.connect()) {
      assertEquals(200, underTheLimit.send(getWithHeaders(3, 3000)).readResponse().status());

      assertEquals("", overTheLimit.sendUntilClosed(getWithHeaders(3, 5000)));
      assertEquals(
          "", longRequestLine.sendUntilClosed(RawConnection.get("/" + "a".repeat(5000))));
    }
    assertEquals(200, serve.statusOfGet("/foundation-models"));
  }

  @Test
  void a_connection_beyond_the_limit_is_closed_at_once_until_another_one_closes()
      throws Exception {
    try (ServeProcess three = ServeProcess.start(Map.of(), "--max-connections", "3")) {
      List<RawConnection> idle = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          RawConnection c = three.connect();
          idle.add(c);
          c.send("GET /custom-models HTTP/1.1\r\nHost: strata\r\n\r\n");
          assertEquals(200, c.readResponse().status());
        }
        try (RawConnection fourth = three.connect()) {
          assertEquals("", fourth.sendUntilClosed(RawConnection.get("/custom-models")));
        }

        idle.remove(0).close();

        assertEquals(200, eventually(three, status -> status == 200));
        assertEquals(
            200,
            idle.get(0)
                .send("GET /custom-models HTTP/1.1\r\nHost: strata\r\n\r\n")
                .readResponse()
                .status());
      } finally {
        for (RawConnection c : idle) {
          c.close();
        }
      }
    }
  }
}
