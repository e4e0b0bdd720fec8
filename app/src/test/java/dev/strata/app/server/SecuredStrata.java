package dev.strata.app.server;

import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.domain.QuotaLedger;
import dev.strata.ports.edge.SignatureV4;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.token.credentials.StaticTokenProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.auth.spi.scheme.AuthSchemeOption;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.BedrockClientBuilder;

/**
 * An in-memory Strata served with authentication, and real AWS SDK clients for its callers. Two
 * accounts: Alice's ({@link #ALICE_ACCOUNT}) and Bob's ({@link #BOB_ACCOUNT}), each with an access
 * key and an API key. Every mutating call's audit line is kept in {@link #audit}. Retries are off
 * so every error reaches the test once.
 */
final class SecuredStrata implements AutoCloseable {
  static final String ALICE_ACCOUNT = "111111111111";
  static final String BOB_ACCOUNT = "222222222222";
  static final String ALICE_KEY_ID = "AKIAALICE0000001";
  static final String ALICE_SECRET = "alice/secret+key0000000000000000000000000";
  static final String BOB_KEY_ID = "AKIABOB000000002";
  static final String BOB_SECRET = "bob/secret+key00000000000000000000000000000";
  static final String ALICE_API_KEY = "ABSKYWxpY2UtYXBpLWtleQ==alice";
  static final String BOB_API_KEY = "ABSKYm9iLWFwaS1rZXk=bob";

  static final Credentials CREDENTIALS =
      Credentials.builder()
          .accessKey(ALICE_KEY_ID, ALICE_SECRET, ALICE_ACCOUNT)
          .accessKey(BOB_KEY_ID, BOB_SECRET, BOB_ACCOUNT)
          .apiKey("alice-ci", ALICE_API_KEY, ALICE_ACCOUNT)
          .apiKey("bob-ci", BOB_API_KEY, BOB_ACCOUNT)
          .build();

  static final String BEARER = "smithy.api#httpBearerAuth";

  final InMemoryStrata inMemory;
  final StrataServer server;
  final List<AuditEvent> audit = Collections.synchronizedList(new ArrayList<>());
  private final List<BedrockClient> clients = new ArrayList<>();

  private SecuredStrata(InMemoryStrata inMemory, Authentication authentication) {
    this.inMemory = inMemory;
    this.server =
        StrataServer.start(
            inMemory.service(),
            StrataServer.Config.of("127.0.0.1", 0)
                .withAuthentication(authentication)
                .withAudit(audit::add));
  }

  /** SigV4 and bearer, SigV4 recomputed by {@code signer}, on the system clock. */
  static SecuredStrata start(SignatureV4 signer) {
    return start(
        InMemoryStrata.builder().quota(QuotaLedger.NO_COMMITMENT_BASE_MODELS, 4).build(),
        Authentication.of(
            Set.of(Authentication.Mode.SIGV4, Authentication.Mode.BEARER),
            CREDENTIALS,
            signer,
            Clock.systemUTC()));
  }

  static SecuredStrata start(InMemoryStrata inMemory, Authentication authentication) {
    return new SecuredStrata(inMemory, authentication);
  }

  /** A client that sends {@code apiKey} as {@code Authorization: Bearer}. */
  BedrockClient bearer(String apiKey) {
    return client(
        b ->
            b.tokenProvider(StaticTokenProvider.create(token(apiKey)))
                .authSchemeProvider(
                    params -> List.of(AuthSchemeOption.builder().schemeId(BEARER).build())),
        Region.US_EAST_1);
  }

  /** A client that signs with SigV4 for {@code region}. */
  BedrockClient sigv4(String accessKeyId, String secret, Region region) {
    return client(
        b ->
            b.credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret))),
        region);
  }

  /**
   * A client that signs with SigV4 for us-east-1, whose signed requests {@code change} alters on
   * their way to the server.
   */
  BedrockClient sigv4Sending(
      String accessKeyId, String secret, java.util.function.UnaryOperator<HttpExecuteRequest> change) {
    SdkHttpClient apache = ApacheHttpClient.create();
    SdkHttpClient changing =
        new SdkHttpClient() {
          @Override
          public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return apache.prepareRequest(change.apply(request));
          }

          @Override
          public void close() {
            apache.close();
          }
        };
    return client(
        b ->
            b.credentialsProvider(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .httpClientBuilder(null)
                .httpClient(changing),
        Region.US_EAST_1);
  }

  BedrockClient client(java.util.function.Consumer<BedrockClientBuilder> auth, Region region) {
    BedrockClientBuilder builder =
        BedrockClient.builder()
            .endpointOverride(URI.create(server.url()))
            .region(region)
            .httpClientBuilder(ApacheHttpClient.builder())
            .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));
    auth.accept(builder);
    BedrockClient client = builder.build();
    clients.add(client);
    return client;
  }

  private static software.amazon.awssdk.auth.token.credentials.SdkToken token(String value) {
    return new software.amazon.awssdk.auth.token.credentials.SdkToken() {
      @Override
      public String token() {
        return value;
      }

      @Override
      public java.util.Optional<java.time.Instant> expirationTime() {
        return java.util.Optional.empty();
      }
    };
  }

  @Override
  public void close() {
    clients.forEach(BedrockClient::close);
    server.stop(java.time.Duration.ofSeconds(5));
  }
}
