package dev.strata.adapters.aws;

import dev.strata.domain.Partition;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds the AWS SDK clients the adapters use, all alike: one region, one credentials provider, the
 * URL-connection HTTP client, the SDK's standard retry strategy (throttling and 5xx are retried),
 * and time limits per attempt and per call. Any service can be pointed at another endpoint
 * (WireMock, LocalStack, DynamoDB Local).
 *
 * <p>Immutable; every {@code with...} answers a new factory. Each client method builds a new
 * client, which the caller owns and closes.
 */
public final class AwsClients {

  /** The AWS services Strata calls. */
  public enum Service {
    BEDROCK,
    SERVICE_QUOTAS,
    STS,
    DYNAMODB
  }

  /** The longest a call may take, retries included. */
  public static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofSeconds(10);

  /** The longest one attempt of a call may take. */
  public static final Duration DEFAULT_API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(3);

  private final Region region;
  private final AwsCredentialsProvider credentials;
  private final Map<Service, URI> endpoints;
  private final Duration apiCallTimeout;
  private final Duration apiCallAttemptTimeout;
  private final RetryStrategy retryStrategy;

  private AwsClients(
      Region region,
      AwsCredentialsProvider credentials,
      Map<Service, URI> endpoints,
      Duration apiCallTimeout,
      Duration apiCallAttemptTimeout,
      RetryStrategy retryStrategy) {
    this.region = Objects.requireNonNull(region, "region");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.endpoints = endpoints;
    this.apiCallTimeout = Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
    this.apiCallAttemptTimeout =
        Objects.requireNonNull(apiCallAttemptTimeout, "apiCallAttemptTimeout");
    this.retryStrategy = Objects.requireNonNull(retryStrategy, "retryStrategy");
  }

  /**
   * Clients for {@code region} (e.g. {@code us-east-1}) with the default time limits and retries.
   */
  public static AwsClients of(String region, AwsCredentialsProvider credentials) {
    return new AwsClients(
        Region.of(region),
        credentials,
        new EnumMap<>(Service.class),
        DEFAULT_API_CALL_TIMEOUT,
        DEFAULT_API_CALL_ATTEMPT_TIMEOUT,
        AwsRetryStrategy.standardRetryStrategy());
  }

  /**
   * Clients for {@code region} with the SDK's default credentials provider chain (system
   * properties, {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, web identity, profile,
   * container, instance profile), so that callers need no SDK type to build them.
   */
  public static AwsClients of(String region) {
    return of(region, DefaultCredentialsProvider.builder().build());
  }

  /** These clients, with {@code service} reached at {@code endpoint} instead of AWS's. */
  public AwsClients withEndpoint(Service service, URI endpoint) {
    Map<Service, URI> next = new EnumMap<>(Service.class);
    next.putAll(endpoints);
    next.put(service, Objects.requireNonNull(endpoint, "endpoint"));
    return new AwsClients(
        region, credentials, next, apiCallTimeout, apiCallAttemptTimeout, retryStrategy);
  }

  /** These clients, with other time limits per call (retries included) and per attempt. */
  public AwsClients withTimeouts(Duration apiCall, Duration apiCallAttempt) {
    return new AwsClients(region, credentials, endpoints, apiCall, apiCallAttempt, retryStrategy);
  }

  /** These clients, with another retry strategy (e.g. shorter back-off in tests). */
  public AwsClients withRetryStrategy(RetryStrategy strategy) {
    return new AwsClients(
        region, credentials, endpoints, apiCallTimeout, apiCallAttemptTimeout, strategy);
  }

  /** The region every client is built for. */
  public Region region() {
    return region;
  }

  public BedrockClient bedrock() {
    return build(BedrockClient.builder(), Service.BEDROCK);
  }

  public ServiceQuotasClient serviceQuotas() {
    return build(ServiceQuotasClient.builder(), Service.SERVICE_QUOTAS);
  }

  public StsClient sts() {
    return build(StsClient.builder(), Service.STS);
  }

  public DynamoDbClient dynamoDb() {
    return build(DynamoDbClient.builder(), Service.DYNAMODB);
  }

  /**
   * The partition {@code region} belongs to, from the SDK's region metadata; a region the SDK does
   * not know yet is placed by its name's prefix, as the SDK's endpoint rules do.
   */
  public static Partition partitionOf(Region region) {
    return Partition.of(PartitionMetadata.of(region).id());
  }

  private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
      B builder, Service service) {
    builder
        .region(region)
        .credentialsProvider(credentials)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(
            o ->
                o.apiCallTimeout(apiCallTimeout)
                    .apiCallAttemptTimeout(apiCallAttemptTimeout)
                    .retryStrategy(retryStrategy));
    URI endpoint = endpoints.get(service);
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }
}
