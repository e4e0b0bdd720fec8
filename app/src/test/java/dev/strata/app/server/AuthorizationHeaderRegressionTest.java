package dev.strata.app.server;

import static dev.strata.app.server.SecuredStrata.ALICE_API_KEY;
import static dev.strata.app.server.SecuredStrata.ALICE_KEY_ID;
import static dev.strata.app.server.SecuredStrata.ALICE_SECRET;
import static dev.strata.app.server.SecuredStrata.BOB_API_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.adapters.aws.SdkSignatureV4;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.services.bedrock.BedrockClient;

/**
 * What {@link AuthenticationFuzzTest} found in the Authorization header's handling, each pinned
 * down: a validly signed request that carries a second Authorization header is refused rather than
 * authenticated by its first; and a refusal never repeats a value that may be an API key.
 */
class AuthorizationHeaderRegressionTest {
  SecuredStrata served;

  @BeforeEach
  void start() {
    served = SecuredStrata.start(new SdkSignatureV4());
  }

  @AfterEach
  void stop() {
    served.close();
  }

  @Test
  void a_validly_signed_create_with_a_second_authorization_header_is_refused_and_creates_nothing() {
    BedrockClient twice =
        alicesClientSending(
            r -> withHeader(r, "Authorization", "AWS4-HMAC-SHA256 Credential=x"));

    AwsServiceException e = assertThrows(AwsServiceException.class, () -> create(twice));

    assertEquals(403, e.statusCode());
    assertEquals("IncompleteSignatureException", e.awsErrorDetails().errorCode());
    assertEquals("The request carries 2 Authorization headers; send one.", e.awsErrorDetails().errorMessage());
    assertEquals(List.of(), served.inMemory.snapshot().asJava());
  }

  @Test
  void a_validly_signed_create_whose_authorization_header_is_repeated_is_refused_too() {
    BedrockClient repeated =
        alicesClientSending(
            r -> withHeader(r, "Authorization", r.httpRequest().firstMatchingHeader("Authorization").orElseThrow()));

    AwsServiceException e = assertThrows(AwsServiceException.class, () -> create(repeated));

    assertEquals(403, e.statusCode());
    assertEquals("IncompleteSignatureException", e.awsErrorDetails().errorCode());
    assertEquals(List.of(), served.inMemory.snapshot().asJava());
  }

  @Test
  void a_signature_and_an_api_key_together_are_refused() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(served.server.url() + "/provisioned-model-throughputs"))
                .header("Authorization", "Bearer " + BOB_API_KEY)
                .header("Authorization", "Bearer " + ALICE_API_KEY));

    assertEquals(403, response.statusCode());
    assertEquals("IncompleteSignatureException", response.headers().firstValue("x-amzn-ErrorType").orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Bearer:", "Bearer=", "Bearer,", "Bearer\u00a0", "Token\u00a0", "x"})
  void an_api_key_under_a_misspelled_scheme_is_refused_without_repeating_it(String prefix)
      throws Exception {
    HttpResponse<String> response = withAuthorization(prefix + ALICE_API_KEY);

    assertEquals(403, response.statusCode());
    assertEquals("IncompleteSignatureException", response.headers().firstValue("x-amzn-ErrorType").orElseThrow());
    assertFalse(response.body().contains(ALICE_API_KEY), response.body());
    assertFalse(response.body().contains(ALICE_API_KEY.substring(0, 12)), response.body());
  }

  @Test
  void a_scheme_followed_by_credentials_is_still_named() throws Exception {
    HttpResponse<String> response = withAuthorization("Basic dXNlcjpwYXNz");

    assertEquals(
        "{\"message\":\"The Authorization header scheme 'Basic' is not accepted here; use"
            + " AWS4-HMAC-SHA256 or Bearer.\"}",
        response.body());
  }

  @Test
  void an_api_key_wrapped_in_control_characters_is_not_that_api_key() throws Exception {
    java.util.concurrent.ScheduledExecutorService watchdog =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    try {
      URI url = URI.create(served.server.url());
      byte[] request =
          ("GET /provisioned-model-throughputs HTTP/1.1\r\nHost: " + url.getAuthority()
                  + "\r\nAuthorization: Bearer \u0000" + ALICE_API_KEY + "\u0001\r\n\r\n")
              .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

      RawHttp.Outcome outcome =
          RawHttp.oneShot(
              new java.net.InetSocketAddress(url.getHost(), url.getPort()), watchdog, request, false);

      RawHttp.Response response = outcome.responses().get(0);
      assertEquals(403, response.status());
      assertEquals("AccessDeniedException", response.header("x-amzn-ErrorType"));
    } finally {
      watchdog.shutdownNow();
    }
  }

  private HttpResponse<String> withAuthorization(String value) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(served.server.url() + "/provisioned-model-throughputs"))
            .header("Authorization", value));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void create(BedrockClient client) {
    client.createProvisionedModelThroughput(
        r -> r.provisionedModelName("twice").modelId(TwoAccountIsolationTest.BASE_MODEL).modelUnits(1));
  }

  private static HttpExecuteRequest withHeader(HttpExecuteRequest r, String name, String value) {
    return HttpExecuteRequest.builder()
        .request(r.httpRequest().toBuilder().appendHeader(name, value).build())
        .contentStreamProvider(r.contentStreamProvider().orElse(null))
        .build();
  }

  /** Alice's SigV4 client, whose signed requests {@code change} alters on their way out. */
  private BedrockClient alicesClientSending(UnaryOperator<HttpExecuteRequest> change) {
    return served.sigv4Sending(ALICE_KEY_ID, ALICE_SECRET, change);
  }
}
