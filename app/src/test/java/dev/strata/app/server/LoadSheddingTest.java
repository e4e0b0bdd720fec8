package dev.strata.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrock.model.BedrockException;

/**
 * Overload: a server with one worker thread and a queue of one, both held by clients that send
 * half a request and stall, as a slow or hostile client does.
 */
class LoadSheddingTest {
  static final Duration WAIT = Duration.ofSeconds(10);
  static final String SHED_BODY =
      "{\"message\":\"The service is handling too many requests. Retry the request later.\"}";

  final AtomicInteger strataCalls = new AtomicInteger();

  @AutoClose
  final ServedStrata served =
      ServedStrata.serving(
          StrataServerTest.withHook(strataCalls::incrementAndGet),
          StrataServer.Config.of("127.0.0.1", 0).withThreads(1).withQueue(1));

  final List<RawConnection> connections = new ArrayList<>();

  /**
   * Closes the test's connections and waits for the threads to finish with them, so that the
   * server stops with nothing in flight.
   */
  @AfterEach
  void closeConnections() throws Exception {
    for (RawConnection c : connections) {
      c.close();
    }
    awaitLoad(l -> l.equals(new SheddingExecutor.Load(0, 0, 0, 0)));
  }

  /** A connection that sends a request up to the middle of its headers, then stalls. */
  RawConnection stalled() throws IOException {
    RawConnection c =
        RawConnection.open("127.0.0.1", served.server.port())
            .send("GET /foundation-models HTTP/1.1\r\nHost: strata\r\nConnection: close\r\n");
    connections.add(c);
    return c;
  }

  RawConnection open() throws IOException {
    RawConnection c = RawConnection.open("127.0.0.1", served.server.port());
    connections.add(c);
    return c;
  }

  /** Waits until the server's threads and queues are as {@code expected} says. */
  void awaitLoad(Predicate<SheddingExecutor.Load> expected) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    SheddingExecutor.Load load;
    while (!expected.test(load = served.server.executor().load())) {
      assertTrue(System.nanoTime() < deadline, "the stalled clients left the server at " + load);
      Thread.sleep(10);
    }
  }

  /** Holds the one worker and the one place in the queue with stalled clients. */
  List<RawConnection> saturate() throws Exception {
    List<RawConnection> held = List.of(stalled(), stalled());
    awaitLoad(l -> l.working() == 1 && l.waiting() == 1);
    return held;
  }

  @Test
  void a_request_beyond_the_busy_worker_and_the_full_queue_is_answered_503_without_calling_strata()
      throws Exception {
    saturate();

    RawConnection shed = open().send("GET /foundation-models HTTP/1.1\r\nHost: strata\r\n\r\n");
    RawConnection.Response r = shed.readResponse();

    assertEquals(503, r.status());
    assertEquals(Optional.of("ServiceUnavailableException"), r.header("x-amzn-ErrorType"));
    assertEquals(Optional.of("application/json"), r.header("Content-Type"));
    assertTrue(
        r.header("x-amzn-RequestId").filter(id -> RawHttpTest.UUID.matcher(id).matches()).isPresent(),
        r.headers().toString());
    assertEquals(SHED_BODY, r.body());
    assertEquals(Optional.of("close"), r.header("Connection"));
    assertEquals("", shed.readUntilClosed(), "the server closes the connection after the 503");
    assertEquals(0, strataCalls.get());
  }

  @Test
  void once_the_stalled_clients_finish_their_requests_they_are_answered_and_so_is_the_next()
      throws Exception {
    List<RawConnection> held = saturate();
    assertEquals(503, open().send(RawConnection.get("/foundation-models")).readResponse().status());

    for (RawConnection c : held) {
      c.send("\r\n");
    }

    assertEquals(200, held.get(0).readResponse().status());
    assertEquals(200, held.get(1).readResponse().status());
    assertEquals(200, served.send("GET", "/foundation-models", null).statusCode());
    assertEquals(3, strataCalls.get());
  }

  @Test
  void once_the_stalled_clients_go_away_the_next_request_is_served() throws Exception {
    List<RawConnection> held = saturate();
    for (RawConnection c : held) {
      c.close();
    }
    awaitLoad(l -> l.working() == 0 && l.waiting() == 0);

    assertEquals(200, served.send("GET", "/foundation-models", null).statusCode());
  }

  @Test
  void when_the_shedding_threads_are_held_too_the_connection_is_closed_without_a_response()
      throws Exception {
    saturate();
    stalled();
    stalled();
    awaitLoad(l -> l.shedding() == 1 && l.waitingToShed() == 1);

    RawConnection refused = open().send(RawConnection.get("/foundation-models"));

    assertEquals("", refused.readUntilClosed());
    assertEquals(0, strataCalls.get());
  }

  @Test
  void the_aws_sdk_surfaces_a_shed_request_as_a_503_service_unavailable_exception()
      throws Exception {
    saturate();

    BedrockException e =
        assertThrows(BedrockException.class, () -> served.bedrock.listFoundationModels(r -> {}));

    assertEquals(503, e.statusCode());
    assertEquals("ServiceUnavailableException", e.awsErrorDetails().errorCode());
    assertEquals(
        "The service is handling too many requests. Retry the request later.",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void the_queue_may_be_empty_but_not_negative_and_there_is_at_least_one_thread() {
    StrataServer.Config config = StrataServer.Config.of("127.0.0.1", 0);

    assertEquals(0, config.withQueue(0).queue());
    assertThrows(IllegalArgumentException.class, () -> config.withQueue(-1));
    assertThrows(IllegalArgumentException.class, () -> config.withThreads(0));
    assertEquals(StrataServer.Config.DEFAULT_QUEUE, config.queue());
  }

  @Test
  void a_server_has_a_shedding_thread_per_worker_up_to_four() {
    assertEquals(1, SheddingExecutor.sheddingThreads(1));
    assertEquals(4, SheddingExecutor.sheddingThreads(4));
    assertEquals(4, SheddingExecutor.sheddingThreads(64));
  }
}
