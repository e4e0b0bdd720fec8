package dev.strata.app.server;

import static dev.strata.app.server.SecuredStrata.ALICE_ACCOUNT;
import static dev.strata.app.server.SecuredStrata.ALICE_API_KEY;
import static dev.strata.app.server.SecuredStrata.ALICE_KEY_ID;
import static dev.strata.app.server.SecuredStrata.ALICE_SECRET;
import static dev.strata.app.server.SecuredStrata.BOB_API_KEY;
import static dev.strata.app.server.SecuredStrata.BOB_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.adapters.aws.SdkSignatureV4;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrock.model.ProvisionedModelSummary;
import software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException;

/**
 * SigV4 and bearer authentication proven with the real AWS SDK for Java v2: what it signs with
 * good credentials is accepted, and every way of getting a request wrong is refused as AWS refuses
 * it, with nothing changed.
 */
class SignedRequestsTest {
  static final String BASE_MODEL = TwoAccountIsolationTest.BASE_MODEL;

  SecuredStrata served;
  CapturedLog logged;

  @BeforeEach
  void start() {
    served = SecuredStrata.start(new SdkSignatureV4());
    logged = CapturedLog.everything();
  }

  @AfterEach
  void stop() {
    logged.close();
    served.close();
  }

  @Test
  void aRequestSignedWithAGoodKeyActsForItsAccountInItsRegion() {
    BedrockClient alice = served.sigv4(ALICE_KEY_ID, ALICE_SECRET, Region.EU_WEST_1);

    String arn = create(alice, "signed");

    assertTrue(arn.startsWith("arn:aws:bedrock:eu-west-1:" + ALICE_ACCOUNT + ":provisioned-model/"), arn);
    assertEquals("signed", alice.getProvisionedModelThroughput(r -> r.provisionedModelId(arn)).provisionedModelName());
  }

  @Test
  void everyOperationAcceptsAGoodSignatureIncludingPercentEncodedArnPathsAndQueries() {
    BedrockClient alice = served.sigv4(ALICE_KEY_ID, ALICE_SECRET, Region.US_EAST_1);
    String arn = create(alice, "every-op");

    alice.getProvisionedModelThroughput(r -> r.provisionedModelId(arn));
    alice.listProvisionedModelThroughputs(
        r -> r.nameContains("every-op").modelArnEquals("arn:aws:bedrock:us-east-1::foundation-model/" + BASE_MODEL).creationTimeAfter(Instant.parse("2020-01-01T00:00:00Z")).maxResults(5));
    alice.updateProvisionedModelThroughput(r -> r.provisionedModelId(arn).desiredProvisionedModelName("renamed"));
    alice.tagResource(r -> r.resourceARN(arn).tags(t -> t.key("team").value("a b/c")));
    alice.listTagsForResource(r -> r.resourceARN(arn));
    alice.untagResource(r -> r.resourceARN(arn).tagKeys("team"));
    alice.getFoundationModel(r -> r.modelIdentifier("arn:aws:bedrock:us-east-1::foundation-model/" + BASE_MODEL));
    alice.listFoundationModels(r -> r.byInferenceType("PROVISIONED"));
    alice.listCustomModels(r -> {});
    alice.deleteProvisionedModelThroughput(r -> r.provisionedModelId(arn));
  }

  @Test
  void temporaryCredentialsSignTheirSessionTokenToo() {
    BedrockClient alice =
        served.client(
            b ->
                b.credentialsProvider(
                    StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(ALICE_KEY_ID, ALICE_SECRET, "session-token=="))),
            Region.US_EAST_1);

    assertEquals(List.of(), alice.listProvisionedModelThroughputs(r -> {}).provisionedModelSummaries());
  }

  @Test
  void aWrongSecretIsAnInvalidSignature() {
    BedrockClient impostor = served.sigv4(ALICE_KEY_ID, BOB_SECRET, Region.US_EAST_1);

    assertRefused(403, "InvalidSignatureException", Authentication.SIGNATURE_MISMATCH, () -> create(impostor, "x"));
  }

  @Test
  void anUnknownAccessKeyIsAnUnrecognizedClient() {
    BedrockClient stranger = served.sigv4("AKIANOBODY000000", ALICE_SECRET, Region.US_EAST_1);

    assertRefused(
        403,
        "UnrecognizedClientException",
        "The security token included in the request is invalid.",
        () -> create(stranger, "x"));
  }

  @Test
  void aSignatureOlderThanFifteenMinutesHasExpired() {
    Instant past = Instant.now().minus(Duration.ofMinutes(16));
    BedrockClient late = signingAt(past);

    AwsServiceException e = assertRefused(403, "InvalidSignatureException", null, () -> create(late, "x"));
    assertTrue(e.awsErrorDetails().errorMessage().startsWith("Signature expired: "), e.getMessage());
  }

  @Test
  void aSignatureFromMoreThanFifteenMinutesAheadIsNotYetCurrent() {
    BedrockClient early = signingAt(Instant.now().plus(Duration.ofMinutes(16)));

    AwsServiceException e = assertRefused(403, "InvalidSignatureException", null, () -> create(early, "x"));
    assertTrue(e.awsErrorDetails().errorMessage().startsWith("Signature not yet current: "), e.getMessage());
  }

  @Test
  void aSignatureWithinTheSkewWindowIsAccepted() {
    BedrockClient slowClock = signingAt(Instant.now().minus(Duration.ofMinutes(14)));

    assertEquals(List.of(), slowClock.listProvisionedModelThroughputs(r -> {}).provisionedModelSummaries());
  }

  @Test
  void aBodyChangedAfterSigningIsAnInvalidSignature() {
    BedrockClient tampered =
        tampering(
            r -> {
              byte[] body = read(r.contentStreamProvider().orElseThrow());
              byte[] changed =
                  new String(body, StandardCharsets.UTF_8)
                      .replace("\"modelUnits\":1", "\"modelUnits\":2")
                      .getBytes(StandardCharsets.UTF_8);
              return HttpExecuteRequest.builder()
                  .request(r.httpRequest())
                  .contentStreamProvider(ContentStreamProvider.fromByteArray(changed))
                  .build();
            });

    assertRefused(403, "InvalidSignatureException", Authentication.SIGNATURE_MISMATCH, () -> create(tampered, "x"));
    assertNothingWasCreated();
  }

  @Test
  void aPathChangedAfterSigningIsAnInvalidSignature() {
    BedrockClient alice = served.sigv4(ALICE_KEY_ID, ALICE_SECRET, Region.US_EAST_1);
    String kept = create(alice, "kept");
    String other = create(alice, "other");
    String keptId = kept.substring(kept.lastIndexOf('/') + 1);
    String otherId = other.substring(other.lastIndexOf('/') + 1);
    BedrockClient tampered =
        tampering(
            r ->
                HttpExecuteRequest.builder()
                    .request(
                        r.httpRequest().toBuilder()
                            .encodedPath(r.httpRequest().encodedPath().replace(otherId, keptId))
                            .build())
                    .contentStreamProvider(r.contentStreamProvider().orElse(null))
                    .build());

    assertRefused(
        403,
        "InvalidSignatureException",
        Authentication.SIGNATURE_MISMATCH,
        () -> tampered.deleteProvisionedModelThroughput(r -> r.provisionedModelId(other)));
    assertEquals(2, alice.listProvisionedModelThroughputs(r -> {}).provisionedModelSummaries().size());
  }

  @Test
  void aRequestWithoutCredentialsIsMissingItsAuthenticationToken() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(served.server.url() + "/provisioned-model-throughputs")).build(),
                HttpResponse.BodyHandlers.ofString());

    assertEquals(403, response.statusCode());
    assertEquals("MissingAuthenticationTokenException", response.headers().firstValue("x-amzn-ErrorType").orElseThrow());
    assertEquals("{\"message\":\"Missing Authentication Token\"}", response.body());
  }

  @Test
  void aBearerApiKeyActsForItsAccount() {
    BedrockClient alice = served.bearer(ALICE_API_KEY);
    String arn = create(alice, "by-api-key");

    assertTrue(arn.contains(":" + ALICE_ACCOUNT + ":"), arn);
    assertEquals(
        List.of("by-api-key"),
        served.sigv4(ALICE_KEY_ID, ALICE_SECRET, Region.US_EAST_1)
            .listProvisionedModelThroughputs(r -> {})
            .provisionedModelSummaries()
            .stream()
            .map(ProvisionedModelSummary::provisionedModelName)
            .toList());
    assertEquals(List.of(), served.bearer(BOB_API_KEY).listProvisionedModelThroughputs(r -> {}).provisionedModelSummaries());
  }

  @Test
  void anUnknownBearerApiKeyIsDenied() {
    BedrockClient stranger = served.bearer("ABSKnot-a-configured-key");

    AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> create(stranger, "x"));
    assertEquals(403, e.statusCode());
    assertEquals("Authentication failed: Please make sure your API Key is valid.", e.awsErrorDetails().errorMessage());
  }

  @Test
  void anotherRegionOfTheSameAccountCannotSeeIt() {
    BedrockClient east = served.sigv4(ALICE_KEY_ID, ALICE_SECRET, Region.US_EAST_1);
    BedrockClient west = served.sigv4(ALICE_KEY_ID, ALICE_SECRET, Region.US_WEST_2);
    String arn = create(east, "regional");

    assertThrows(ResourceNotFoundException.class, () -> west.getProvisionedModelThroughput(r -> r.provisionedModelId(arn)));
    assertThrows(ResourceNotFoundException.class, () -> west.deleteProvisionedModelThroughput(r -> r.provisionedModelId("regional")));
    assertThrows(ResourceNotFoundException.class, () -> west.listTagsForResource(r -> r.resourceARN(arn)));
    assertEquals(List.of(), west.listProvisionedModelThroughputs(r -> {}).provisionedModelSummaries());
    assertEquals("regional", east.getProvisionedModelThroughput(r -> r.provisionedModelId(arn)).provisionedModelName());
  }

  @Test
  void noSecretEverAppearsInALogOrAuditLine() {
    assertThrows(AwsServiceException.class, () -> create(served.sigv4(ALICE_KEY_ID, BOB_SECRET, Region.US_EAST_1), "x"));
    assertThrows(AwsServiceException.class, () -> create(served.bearer("ABSKguessed-key"), "x"));
    create(served.sigv4(ALICE_KEY_ID, ALICE_SECRET, Region.US_EAST_1), "fine");
    create(served.bearer(ALICE_API_KEY), "fine-too");

    String everything = String.join("\n", logged.lines()) + "\n" + served.audit;
    for (String secret : List.of(ALICE_SECRET, BOB_SECRET, ALICE_API_KEY, "ABSKguessed-key")) {
      assertFalse(everything.contains(secret), "a secret was logged");
    }
    assertEquals(4, served.audit.size());
  }

  private String create(BedrockClient client, String name) {
    return client
        .createProvisionedModelThroughput(r -> r.provisionedModelName(name).modelId(BASE_MODEL).modelUnits(1))
        .provisionedModelArn();
  }

  private void assertNothingWasCreated() {
    assertEquals(
        List.of(),
        served.sigv4(ALICE_KEY_ID, ALICE_SECRET, Region.US_EAST_1)
            .listProvisionedModelThroughputs(r -> {})
            .provisionedModelSummaries());
  }

  private static AwsServiceException assertRefused(
      int status, String errorCode, String message, Executable call) {
    AwsServiceException e = assertThrows(AwsServiceException.class, call);
    assertEquals(status, e.statusCode());
    assertEquals(errorCode, e.awsErrorDetails().errorCode());
    if (message != null) {
      assertEquals(message, e.awsErrorDetails().errorMessage());
    }
    return e;
  }

  /** Alice's client, whose SigV4 signer believes it is {@code time}. */
  private BedrockClient signingAt(Instant time) {
    Clock clock = Clock.fixed(time, ZoneOffset.UTC);
    AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    HttpSigner<AwsCredentialsIdentity> skewed =
        new HttpSigner<>() {
          @Override
          public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
            return signer.sign(
                request.<SignRequest.Builder<AwsCredentialsIdentity>>toBuilder()
                    .putProperty(HttpSigner.SIGNING_CLOCK, clock)
                    .build());
          }

          @Override
          public CompletableFuture<AsyncSignedRequest> signAsync(
              AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
            throw new UnsupportedOperationException("synchronous client");
          }
        };
    AuthScheme<AwsCredentialsIdentity> scheme =
        new AuthScheme<>() {
          @Override
          public String schemeId() {
            return AwsV4AuthScheme.SCHEME_ID;
          }

          @Override
          public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
            return providers.identityProvider(AwsCredentialsIdentity.class);
          }

          @Override
          public HttpSigner<AwsCredentialsIdentity> signer() {
            return skewed;
          }
        };
    return served.client(
        b ->
            b.credentialsProvider(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create(ALICE_KEY_ID, ALICE_SECRET)))
                .putAuthScheme(scheme),
        Region.US_EAST_1);
  }

  /** Alice's client, whose signed requests {@code tamper} changes on their way to the server. */
  private BedrockClient tampering(UnaryOperator<HttpExecuteRequest> tamper) {
    return served.sigv4Sending(ALICE_KEY_ID, ALICE_SECRET, tamper);
  }

  private static byte[] read(ContentStreamProvider body) {
    try (var in = body.newStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
