package dev.strata.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.adapters.inmemory.InMemoryStrata;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.BedrockException;

/**
 * Load above an account's throttle rate: the excess is answered 429 ThrottlingException, never
 * anything else, the grants never exceed what the bucket allows, and once the load stops the
 * account is served again in full. The SDK's standard retries ride out a throttled moment.
 */
@Timeout(60)
class ThrottlingLoadTest {
  static final int RATE = 20;
  static final int BURST = 20;

  StrataServer server;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    server =
        StrataServer.start(
            InMemoryStrata.builder().build().service(),
            StrataServer.Config.of("127.0.0.1", 0)
                .withThrottle(AccountThrottle.of(new ThrottleSettings(RATE, BURST))));
  }

  @AfterEach
  void stop() {
    server.stop(Duration.ofSeconds(5));
  }

  @Test
  void loadAboveTheRateIsAnsweredWith429sAndTheAccountRecoversOnceItStops() throws Exception {
    Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    AtomicInteger other = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(8);
    long started = System.nanoTime();
    long until = started + TimeUnit.MILLISECONDS.toNanos(1500);
    for (int t = 0; t < 8; t++) {
      clients.submit(
          () -> {
            while (System.nanoTime() < until) {
              HttpResponse<String> response = get("/foundation-models");
              statuses.computeIfAbsent(response.statusCode(), s -> new LongAdder()).increment();
              if (response.statusCode() == 429
                  && !"ThrottlingException".equals(response.headers().firstValue("x-amzn-ErrorType").orElse(""))) {
                other.incrementAndGet();
              }
            }
            return null;
          });
    }
    clients.shutdown();
    assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
    double elapsedSeconds = (System.nanoTime() - started) / 1e9;

    long granted = count(statuses, 200);
    long throttled = count(statuses, 429);
    assertEquals(Map.of(), withoutAnsweredStatuses(statuses), "only 200 and 429 are answered");
    assertEquals(0, other.get(), "every 429 is a ThrottlingException");
    assertTrue(throttled > 0, "load above " + RATE + "/s is throttled: " + statuses);
    assertTrue(
        granted <= BURST + Math.ceil(RATE * elapsedSeconds) + 1,
        granted + " granted in " + elapsedSeconds + " s exceeds the bucket");

    Thread.sleep(1000L * BURST / RATE + 100);
    for (int i = 0; i < BURST; i++) {
      assertEquals(200, get("/foundation-models").statusCode(), "request " + i + " after recovery");
    }
  }

  /**
   * The bucket's time is a hand-moved clock, so nothing refills between draining it and the SDK's
   * first attempt however slowly this machine runs, and each retry comes after the SDK's backoff
   * has let exactly one request's worth refill.
   */
  @Test
  void theSdksStandardRetriesRideOutAThrottledMoment() throws Exception {
    int rate = 2;
    AtomicLong nanoTime = new AtomicLong();
    server.stop(Duration.ZERO);
    server =
        StrataServer.start(
            InMemoryStrata.builder().build().service(),
            StrataServer.Config.of("127.0.0.1", 0)
                .withThrottle(
                    AccountThrottle.of(
                        new ThrottleSettings(rate, 2), nanoTime::get, AccountThrottle.DEFAULT_MAX_ACCOUNTS)));
    AtomicInteger attempts = new AtomicInteger();
    try (BedrockClient bedrock =
        BedrockClient.builder()
            .endpointOverride(URI.create(server.url()))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create())
            .overrideConfiguration(
                c ->
                    c.retryStrategy(
                            AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(10).build())
                        .addExecutionInterceptor(
                        new ExecutionInterceptor() {
                          @Override
                          public void beforeTransmission(
                              Context.BeforeTransmission context, ExecutionAttributes attributes) {
                            if (attempts.incrementAndGet() > 1) {
                              nanoTime.addAndGet(TimeUnit.SECONDS.toNanos(1) / rate);
                            }
                          }
                        }))
            .build()) {
      bedrock.listFoundationModels(r -> {});
      assertEquals(200, get("/foundation-models").statusCode(), "the burst's second request");
      assertEquals(429, get("/foundation-models").statusCode(), "the drained bucket");
      attempts.set(0);
      try {
        bedrock.listFoundationModels(r -> {});
      } catch (BedrockException e) {
        throw new AssertionError("the SDK gave up after " + attempts.get() + " attempts", e);
      }
    }
    assertEquals(2, attempts.get(), "the first attempt was throttled and its retry granted");
  }

  private HttpResponse<String> get(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static long count(Map<Integer, LongAdder> statuses, int status) {
    LongAdder n = statuses.get(status);
    return n == null ? 0 : n.sum();
  }

  private static Map<Integer, Long> withoutAnsweredStatuses(Map<Integer, LongAdder> statuses) {
    Map<Integer, Long> rest = new java.util.TreeMap<>();
    statuses.forEach(
        (status, n) -> {
          if (status != 200 && status != 429) {
            rest.put(status, n.sum());
          }
        });
    return rest;
  }
}
