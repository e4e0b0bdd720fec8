package dev.strata.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.domain.BedrockError;
import dev.strata.domain.ValidationFact;
import dev.strata.ports.driving.Strata;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Starting, serving in parallel, failing safely and stopping gracefully. */
class StrataServerTest {
  final HttpClient http = HttpClient.newHttpClient();

  /** An in-memory Strata whose ListFoundationModels first runs {@code before}. */
  static Strata withHook(Runnable before) {
    Strata real = InMemoryStrata.create();
    return (Strata)
        Proxy.newProxyInstance(
            Strata.class.getClassLoader(),
            new Class<?>[] {Strata.class},
            (proxy, method, args) -> {
              if (method.getName().equals("listFoundationModels")) {
                before.run();
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  HttpResponse<String> get(StrataServer server, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void port_zero_binds_a_free_port_and_the_url_names_it() throws Exception {
    try (StrataServer server = StrataServer.start(InMemoryStrata.create(), "127.0.0.1", 0)) {
      assertTrue(server.port() > 0);
      assertEquals("http://127.0.0.1:" + server.port(), server.url());
      assertEquals(200, get(server, "/foundation-models").statusCode());
    }
  }

  @Test
  void an_unexpected_exception_answers_a_generic_500_without_its_stack_trace() throws Exception {
    Strata broken = withHook(() -> {
      throw new IllegalStateException("secret detail at dev.strata.Internal.method(Internal.java:42)");
    });
    try (CapturedLog log = CapturedLog.instead(BedrockHttpHandler.class.getName());
        StrataServer server = StrataServer.start(broken, "127.0.0.1", 0)) {
      HttpResponse<String> r = get(server, "/foundation-models");

      assertEquals(500, r.statusCode());
      assertEquals(1, log.records().size(), log.lines()::toString);
      assertEquals(java.util.logging.Level.SEVERE, log.records().get(0).getLevel());
      assertTrue(log.records().get(0).getMessage().endsWith(" failed unexpectedly"), log.lines()::toString);
      assertEquals(IllegalStateException.class, log.records().get(0).getThrown().getClass());
      assertEquals(Optional.of("InternalServerException"), r.headers().firstValue("x-amzn-ErrorType"));
      assertEquals(
          "{\"message\":\"The request could not be processed because of an internal error.\"}",
          r.body());
      assertEquals(200, get(server, "/custom-models").statusCode());
    }
  }

  @Test
  void every_bedrock_error_code_has_the_status_of_its_shape() throws Exception {
    Class<?>[] shapes = BedrockError.class.getPermittedSubclasses();

    List<String> codes = new java.util.ArrayList<>();
    for (Class<?> shape : shapes) {
      var ctor = shape.getDeclaredConstructors()[0];
      Object[] args = new Object[ctor.getParameterCount()];
      args[0] =
          ctor.getParameterTypes()[0] == String.class ? "m" : new ValidationFact.MissingRequest();
      for (int i = 1; i < args.length; i++) {
        args[i] = Optional.empty();
      }
      codes.add(((BedrockError) ctor.newInstance(args)).errorCode());
    }

    assertEquals(8, shapes.length);
    assertEquals(
        codes.stream().sorted().collect(Collectors.toList()),
        java.util.Arrays.stream(BedrockError.Shape.values())
            .map(Enum::name)
            .sorted()
            .collect(Collectors.toList()));
  }

  @Test
  void concurrent_requests_are_served_in_parallel() throws Exception {
    int parallel = 4;
    CountDownLatch allInside = new CountDownLatch(parallel);
    Strata strata = withHook(() -> {
      allInside.countDown();
      try {
        if (!allInside.await(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException("requests were served one at a time");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    try (StrataServer server =
        StrataServer.start(strata, StrataServer.Config.of("127.0.0.1", 0).withThreads(parallel))) {
      List<CompletableFuture<HttpResponse<String>>> calls =
          IntStream.range(0, parallel)
              .mapToObj(i -> http.sendAsync(
                  HttpRequest.newBuilder(URI.create(server.url() + "/foundation-models")).build(),
                  HttpResponse.BodyHandlers.ofString()))
              .collect(Collectors.toList());

      assertEquals(
          List.of(200, 200, 200, 200),
          calls.stream().map(c -> c.join().statusCode()).collect(Collectors.toList()));
    }
  }

  @Test
  void stop_lets_a_request_in_flight_finish_then_refuses_connections() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Strata strata = withHook(() -> {
      inside.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    StrataServer server = StrataServer.start(strata, "127.0.0.1", 0);
    CompletableFuture<HttpResponse<String>> inFlight =
        http.sendAsync(HttpRequest.newBuilder(URI.create(server.url() + "/foundation-models")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertTrue(inside.await(10, TimeUnit.SECONDS));

    CompletableFuture<Void> stopping =
        CompletableFuture.runAsync(() -> server.stop(Duration.ofSeconds(20)));
    release.countDown();
    long started = System.nanoTime();
    stopping.get(30, TimeUnit.SECONDS);

    assertEquals(200, inFlight.get().statusCode());
    assertTrue(inFlight.get().body().startsWith("{\"modelSummaries\":[{"));
    assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(15),
        "stop returned once the request finished, not after the grace period");
    Exception refused = assertThrows(Exception.class, () -> get(server, "/foundation-models"));
    assertTrue(refused instanceof ConnectException || refused.getCause() instanceof ConnectException,
        refused.toString());
  }

  @Test
  void stop_with_nothing_in_flight_returns_at_once_and_twice_is_harmless() {
    StrataServer server = StrataServer.start(InMemoryStrata.create(), "127.0.0.1", 0);
    long started = System.nanoTime();

    server.stop(Duration.ofSeconds(30));
    server.stop(Duration.ofSeconds(30));

    assertFalse(System.nanoTime() - started > TimeUnit.SECONDS.toNanos(5));
  }

  @Test
  void the_jdk_server_is_told_to_send_small_responses_without_waiting_for_acks() {
    StrataServer.requestId();
    assertEquals("true", System.getProperty(HttpLimits.NODELAY));
  }

  @Test
  void request_ids_are_distinct_version_4_uuids() {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = StrataServer.requestId();
      java.util.UUID uuid = java.util.UUID.fromString(id);
      assertEquals(4, uuid.version());
      assertEquals(2, uuid.variant());
      ids.add(id);
    }
    assertEquals(10_000, ids.size());
  }
}
