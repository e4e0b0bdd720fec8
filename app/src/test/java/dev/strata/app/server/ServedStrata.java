package dev.strata.app.server;

import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.Strata;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;

/**
 * A Strata served on an ephemeral port, with the real AWS SDK's {@link BedrockClient} and a raw
 * {@link HttpClient} pointed at it. Retries are off so every error reaches the test once.
 */
final class ServedStrata implements AutoCloseable {
  final InMemoryStrata inMemory;
  final StrataServer server;
  final BedrockClient bedrock;
  final HttpClient http = HttpClient.newHttpClient();

  private ServedStrata(InMemoryStrata inMemory, Strata strata, StrataServer.Config config) {
    this.inMemory = inMemory;
    this.server = StrataServer.start(strata, config);
    this.bedrock = client(Region.US_EAST_1);
  }

  /** Another SDK client of this server, signing for {@code region} with the same test keys. */
  BedrockClient client(Region region) {
    return BedrockClient.builder()
        .endpointOverride(URI.create(server.url()))
        .region(region)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDSTRATATEST", "strata-test-secret")))
        .httpClientBuilder(ApacheHttpClient.builder())
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  static ServedStrata start(InMemoryStrata inMemory) {
    return new ServedStrata(inMemory, inMemory.service(), StrataServer.Config.of("127.0.0.1", 0));
  }

  static ServedStrata start() {
    return start(InMemoryStrata.builder().build());
  }

  /** Serves a Strata that is not in memory, e.g. one that fails unexpectedly. */
  static ServedStrata serving(Strata strata) {
    return serving(strata, StrataServer.Config.of("127.0.0.1", 0));
  }

  /** Serves {@code strata} on a loopback port with {@code config}'s threads and queue. */
  static ServedStrata serving(Strata strata, StrataServer.Config config) {
    return new ServedStrata(null, strata, config);
  }

  /** Creates a one-unit Nova provisioned throughput tagged {@code team}; its ARN. */
  String createTagged(String name, String team) {
    return inMemory
        .service()
        .createProvisionedModelThroughput(
            CreateProvisionedModelThroughputCommand.builder(name, "amazon.nova-lite-v1:0:24k", 1)
                .tag("team", team)
                .build())
        .get()
        .value();
  }

  /** Every provisioned throughput held, with its tags, in ARN order. */
  List<ProvisionedThroughput> records() {
    List<ProvisionedThroughput> records = new ArrayList<>(inMemory.snapshot().asJava());
    records.sort(Comparator.comparing(pt -> pt.provisionedModelArn().value()));
    return records;
  }

  HttpResponse<String> send(String method, String pathAndQuery, String body)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .build());
  }

  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    bedrock.close();
    server.stop(java.time.Duration.ofSeconds(5));
  }
}
