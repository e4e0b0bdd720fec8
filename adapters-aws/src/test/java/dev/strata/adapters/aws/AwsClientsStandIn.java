package dev.strata.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * A WireMock stand-in for AWS and the clients pointed at it: fake credentials, retries without
 * back-off (three attempts, as in production), and short time limits so a delayed answer times out
 * quickly.
 */
final class AwsClientsStandIn {
  private AwsClientsStandIn() {}

  /**
   * One attempt's time limit in tests: generous, since the first call of a cold JVM on a busy
   * machine is slow.
   */
  static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

  /** One attempt's time limit of {@link #impatient} clients. */
  static final Duration IMPATIENT_ATTEMPT_TIMEOUT = Duration.ofMillis(200);

  /** A delay that outlasts every attempt of an {@link #impatient} client. */
  static final int SLOWER_THAN_ATTEMPT_MS = 1_500;

  /** How many attempts the SDK makes before giving up (the standard retry strategy's default). */
  static final int ATTEMPTS = 3;

  /** A WireMock server on a free port, for a test class's {@code @RegisterExtension}. */
  static WireMockExtension server() {
    return WireMockExtension.newInstance()
        .options(
            com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig()
                .dynamicPort())
        .build();
  }

  /** Clients for {@code region} with every service at {@code server}'s {@code basePath}. */
  static AwsClients clients(WireMockExtension server, String region, String basePath) {
    URI endpoint = URI.create(server.baseUrl() + basePath);
    return AwsClients.of(
            region,
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDSTRATATEST", "secret")))
        .withEndpoint(AwsClients.Service.BEDROCK, endpoint)
        .withEndpoint(AwsClients.Service.SERVICE_QUOTAS, endpoint)
        .withEndpoint(AwsClients.Service.STS, endpoint)
        .withTimeouts(ATTEMPT_TIMEOUT.multipliedBy(ATTEMPTS + 1), ATTEMPT_TIMEOUT)
        .withRetryStrategy(
            AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(ATTEMPTS)
                .backoffStrategy(BackoffStrategy.retryImmediately())
                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                .build());
  }

  static AwsClients clients(WireMockExtension server, String region) {
    return clients(server, region, "");
  }

  /** {@link #clients} that give up on an attempt after {@link #IMPATIENT_ATTEMPT_TIMEOUT}. */
  static AwsClients impatient(WireMockExtension server, String region) {
    return clients(server, region)
        .withTimeouts(
            IMPATIENT_ATTEMPT_TIMEOUT.multipliedBy(ATTEMPTS + 1), IMPATIENT_ATTEMPT_TIMEOUT);
  }

  /** Answers the {@code request} with {@code throttled} once, then with {@code ok}. */
  static void throttledOnceThen(
      WireMockExtension server,
      Supplier<MappingBuilder> request,
      ResponseDefinitionBuilder throttled,
      ResponseDefinitionBuilder ok) {
    server.stubFor(
        request
            .get()
            .inScenario("throttled once")
            .whenScenarioStateIs(STARTED)
            .willReturn(throttled)
            .willSetStateTo("throttled"));
    server.stubFor(
        request.get().inScenario("throttled once").whenScenarioStateIs("throttled").willReturn(ok));
  }

  /** An answer that comes after every attempt has timed out. */
  static ResponseDefinitionBuilder tooLate(ResponseDefinitionBuilder answer) {
    return answer.withFixedDelay(SLOWER_THAN_ATTEMPT_MS);
  }

  /** A JSON answer with {@code status} and the body in test resource {@code stubs/<path>}. */
  static ResponseDefinitionBuilder json(int status, String contentType, String path) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", contentType)
        .withHeader("x-amzn-RequestId", "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111")
        .withBody(resource(path));
  }

  /** The text of test resource {@code stubs/<path>}. */
  static String resource(String path) {
    try (InputStream in =
        AwsClientsStandIn.class.getClassLoader().getResourceAsStream("stubs/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource stubs/" + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The clients a test opened, closed together after it (a field under {@code @AutoClose}). */
  static final class Opened implements AutoCloseable {
    private final List<SdkAutoCloseable> clients = new ArrayList<>();

    /** {@code client}, to be closed after the test. */
    synchronized <C extends SdkAutoCloseable> C add(C client) {
      clients.add(client);
      return client;
    }

    @Override
    public synchronized void close() {
      clients.forEach(SdkAutoCloseable::close);
      clients.clear();
    }
  }

  /** A clock that stands still until a test moves it. */
  static final class TestClock extends Clock {
    private volatile Instant now = Instant.parse("2026-03-02T10:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("a test clock is UTC");
    }
  }
}
