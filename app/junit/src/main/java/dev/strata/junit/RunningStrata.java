package dev.strata.junit;

import dev.strata.adapters.aws.SdkSignatureV4;
import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.app.server.Authentication;
import dev.strata.app.server.Credentials;
import dev.strata.app.server.StrataServer;
import dev.strata.app.server.control.ControlApi;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpService;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockAsyncClient;
import software.amazon.awssdk.services.bedrock.BedrockClient;

/**
 * One started Strata: the in-memory Strata, the HTTP server in front of it on a free loopback
 * port, the clients handed to tests (built on first use) and, when asked for, the redirected SDK
 * system properties. Closing it closes the clients, stops the server and restores the properties;
 * closing it again does nothing.
 */
@SuppressWarnings("deprecation") // CloseableResource: what JUnit before 5.13 closes
final class RunningStrata implements ExtensionContext.Store.CloseableResource, AutoCloseable {
  /** Requests in flight when a test ends are its own; they get this long to finish. */
  private static final Duration GRACE = Duration.ofSeconds(2);

  private static final int THREADS = 4;

  final InMemoryStrata strata;
  final StrataHandle handle;
  final StrataServer server;
  final URI endpoint;
  private final StrataSettings settings;
  private final Optional<SdkRedirect> redirect;
  private BedrockClient client;
  private BedrockAsyncClient asyncClient;
  private boolean closed;

  private RunningStrata(InMemoryStrata strata, StrataServer server, StrataSettings settings) {
    this.strata = strata;
    this.handle = new StrataHandle(strata);
    this.server = server;
    this.endpoint = URI.create(server.url());
    this.settings = settings;
    this.redirect =
        settings.redirectSdk
            ? Optional.of(SdkRedirect.to(endpoint, settings.region, accessKeyId(), secretAccessKey()))
            : Optional.empty();
  }

  /** Builds the Strata {@code settings} describe and serves it on 127.0.0.1, on a free port. */
  static RunningStrata start(StrataSettings settings) {
    InMemoryStrata strata = settings.build();
    StrataServer.Config config =
        StrataServer.Config.of("127.0.0.1", 0)
            .withThreads(THREADS)
            .withClock(settings.clock)
            .withControl(ControlApi.of(strata.control()));
    if (settings.authentication.isPresent()) {
      config = config.withAuthentication(sigv4(settings.authentication.get().credentials()));
    }
    return new RunningStrata(strata, StrataServer.start(strata.service(), config), settings);
  }

  /** A sync client for this server, the same one each time. */
  synchronized BedrockClient client() {
    if (client == null) {
      client = configure(BedrockClient.builder()).httpClientBuilder(ApacheHttpClient.builder()).build();
    }
    return client;
  }

  /** An async client for this server, the same one each time. */
  synchronized BedrockAsyncClient asyncClient() {
    if (asyncClient == null) {
      asyncClient = configure(BedrockAsyncClient.builder()).build();
    }
    return asyncClient;
  }

  /** Whether an async HTTP client (Netty, CRT) is on the class path for {@link #asyncClient()}. */
  static boolean asyncHttpAvailable() {
    return ServiceLoader.load(SdkAsyncHttpService.class).findFirst().isPresent();
  }

  private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
    return builder
        .endpointOverride(endpoint)
        .region(Region.of(settings.region))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId(), secretAccessKey())));
  }

  private String accessKeyId() {
    return settings.authentication.map(StrataSettings.Authenticated::accessKeyId).orElse(StrataSettings.TEST_ACCESS_KEY_ID);
  }

  private String secretAccessKey() {
    return settings.authentication
        .map(StrataSettings.Authenticated::secretAccessKey)
        .orElse(StrataSettings.TEST_SECRET_ACCESS_KEY);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (client != null) {
        client.close();
      }
      if (asyncClient != null) {
        asyncClient.close();
      }
      server.stop(GRACE);
    } finally {
      redirect.ifPresent(SdkRedirect::restore);
    }
  }

  /** SigV4 with the AWS SDK's signer, as {@code strata serve --auth sigv4} checks it. */
  private static Authentication sigv4(Credentials credentials) {
    return Authentication.of(
        EnumSet.of(Authentication.Mode.SIGV4), credentials, new SdkSignatureV4(), Clock.systemUTC());
  }
}
