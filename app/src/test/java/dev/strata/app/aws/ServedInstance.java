package dev.strata.app.aws;

import dev.strata.app.server.StrataServer;
import dev.strata.composition.StrataConfiguration;
import dev.strata.composition.WiredStrata;
import dev.strata.composition.Wiring;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;

/**
 * One app instance as a deployment runs it: a Strata wired from a configuration, served over HTTP
 * on an ephemeral port, and the real AWS SDK's {@link BedrockClient} pointed at it. The client
 * retries as the SDK does by default (5xx and throttling), with more attempts: every request the
 * tests send carries a client request token, so a retry never creates twice.
 */
final class ServedInstance implements AutoCloseable {
  final WiredStrata wired;
  final StrataServer server;
  final BedrockClient bedrock;

  ServedInstance(StrataConfiguration configuration) {
    this.wired = Wiring.open(configuration);
    this.server = StrataServer.start(wired.strata(), "127.0.0.1", 0);
    this.bedrock =
        BedrockClient.builder()
            .endpointOverride(URI.create(server.url()))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64))
            .overrideConfiguration(
                c -> c.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(10).build()))
            .build();
  }

  /** Stops serving, then closes the adapters' AWS clients: the instance is gone. */
  @Override
  public void close() {
    bedrock.close();
    try {
      server.stop(Duration.ofSeconds(5));
    } finally {
      wired.close();
    }
  }
}
