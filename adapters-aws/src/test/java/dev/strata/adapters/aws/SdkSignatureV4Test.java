package dev.strata.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.strata.ports.edge.SignatureV4;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.CommitmentDuration;
import software.amazon.awssdk.services.bedrock.model.ProvisionedModelStatus;
import software.amazon.awssdk.services.bedrock.model.SortByProvisionedModels;
import software.amazon.awssdk.services.bedrock.model.SortOrder;
import software.amazon.awssdk.services.bedrock.model.Tag;

/**
 * {@link SdkSignatureV4} against the real Bedrock client: a local HTTP server takes down each
 * request exactly as the SDK sent it, and the signature recomputed from it must be the one in its
 * {@code Authorization} header.
 */
class SdkSignatureV4Test {
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final String ARN =
      "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abcdefghijkl";
  private static final String NOVA_LITE_24K =
      "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0:24k";
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** A request as it arrived, names of headers in lowercase. */
  private record Arrived(
      String method,
      String rawPath,
      String rawQuery,
      Map<String, List<String>> headers,
      byte[] body) {}

  private final SdkSignatureV4 signer = new SdkSignatureV4();
  private final BlockingQueue<Arrived> arrived = new LinkedBlockingQueue<>();
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::takeDown);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private void takeDown(HttpExchange exchange) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
    arrived.add(
        new Arrived(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(),
            exchange.getRequestURI().getRawQuery(),
            headers,
            exchange.getRequestBody().readAllBytes()));
    byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  private static final AwsCredentials SESSION =
      AwsSessionCredentials.create("ASIAEXAMPLE", SECRET, "FwoGZXIvYXdzEFAaDJ+session/token==");

  static Stream<AwsCredentials> credentials() {
    return Stream.of(AwsBasicCredentials.create("AKIDEXAMPLE", SECRET), SESSION);
  }

  @ParameterizedTest
  @MethodSource("credentials")
  void verifies_a_create_with_its_json_body_as_the_bedrock_client_signed_it(AwsCredentials as) {
    Arrived request =
        sentBy(
            as,
            bedrock ->
                bedrock.createProvisionedModelThroughput(
                    r ->
                        r.provisionedModelName("support bot é/1")
                            .modelId(NOVA_LITE_24K)
                            .modelUnits(2)
                            .commitmentDuration(CommitmentDuration.ONE_MONTH)
                            .tags(Tag.builder().key("team").value("a+b=c").build())));

    assertEquals("POST", request.method());
    assertVerified(request);
  }

  @ParameterizedTest
  @MethodSource("credentials")
  void verifies_a_get_by_percent_encoded_arn_as_the_bedrock_client_signed_it(AwsCredentials as) {
    Arrived request =
        sentBy(
            as, bedrock -> bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId(ARN)));

    assertEquals(
        "/provisioned-model-throughput/"
            + "arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Aprovisioned-model%2Fabcdefghijkl",
        request.rawPath());
    assertVerified(request);
  }

  @ParameterizedTest
  @MethodSource("credentials")
  void verifies_a_list_whose_query_needs_encoding_as_the_bedrock_client_signed_it(
      AwsCredentials as) {
    Arrived request =
        sentBy(
            as,
            bedrock ->
                bedrock.listProvisionedModelThroughputs(
                    r ->
                        r.nameContains("a b+c é/~*'()!")
                            .creationTimeAfter(Instant.parse("2026-01-02T03:04:05Z"))
                            .creationTimeBefore(Instant.parse("2026-02-03T04:05:06.789Z"))
                            .modelArnEquals(NOVA_LITE_24K)
                            .statusEquals(ProvisionedModelStatus.IN_SERVICE)
                            .sortBy(SortByProvisionedModels.CREATION_TIME)
                            .sortOrder(SortOrder.DESCENDING)
                            .maxResults(5)
                            .nextToken("eyJwYWdlIjoyfQ==/+")));

    assertTrue(
        request.rawQuery().contains("nameContains=a%20b%2Bc%20%C3%A9%2F~%2A%27%28%29%21"),
        request.rawQuery());
    assertVerified(request);
  }

  @ParameterizedTest
  @MethodSource("credentials")
  void verifies_a_delete_as_the_bedrock_client_signed_it(AwsCredentials as) {
    Arrived request =
        sentBy(
            as,
            bedrock -> bedrock.deleteProvisionedModelThroughput(r -> r.provisionedModelId(ARN)));

    assertEquals("DELETE", request.method());
    assertVerified(request);
  }

  @Test
  void session_credentials_sign_the_security_token() {
    Arrived request =
        sentBy(
            SESSION,
            bedrock -> bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId(ARN)));

    assertTrue(signedHeaderNames(request).contains("x-amz-security-token"));
    assertVerified(request);
  }

  @Test
  void a_malformed_escape_in_the_query_is_signed_as_the_text_it_is_and_a_plus_as_a_plus() {
    assertEquals(signature("a=100%25&b=%25zz"), signature("a=100%&b=%zz"));
    assertEquals(signature("a=b%2Bc"), signature("a=b+c"));
    assertNotEquals(signature("a=b%20c"), signature("a=b+c"));
  }

  @Test
  void a_request_the_sdk_cannot_sign_answers_a_new_random_signature_each_time() {
    SignatureV4.Request withSpace = request("GET", "/example space/", "", Map.of());

    assertNotEquals(signer.signature(withSpace, SECRET), signer.signature(withSpace, SECRET));
  }

  @Test
  void a_query_whose_escapes_are_not_utf8_cannot_be_signed_and_answers_a_new_random_signature() {
    SignatureV4.Request overlong = request("GET", "/", "nameContains=a%C0%AFb", Map.of());

    assertNotEquals(signer.signature(overlong, SECRET), signer.signature(overlong, SECRET));
    assertEquals(signature("nameContains=a%2Fb"), signature("nameContains=a%2Fb"));
  }

  @Test
  void a_method_is_signed_exactly_as_sent_so_get_in_lower_case_is_not_get() {
    String get = signer.signature(request("GET", "/", "", Map.of()), SECRET);

    assertNotEquals(get, signer.signature(request("get", "/", "", Map.of()), SECRET));
    assertNotEquals(get, signer.signature(request("Get", "/", "", Map.of()), SECRET));
    assertEquals(get, signer.signature(request("GET", "/", "", Map.of()), SECRET));
  }

  @Test
  void a_signed_header_the_sdk_never_signs_is_left_out_as_the_sdk_leaves_it_out() {
    assertEquals(
        signer.signature(request("GET", "/", "", Map.of()), SECRET),
        signer.signature(
            request("GET", "/", "", Map.of("user-agent", List.of("aws-cli/2"))), SECRET));
  }

  private String signature(String rawQuery) {
    return signer.signature(request("GET", "/", rawQuery, Map.of()), SECRET);
  }

  private static SignatureV4.Request request(
      String method, String rawPath, String rawQuery, Map<String, List<String>> moreHeaders) {
    Map<String, List<String>> headers = new LinkedHashMap<>(moreHeaders);
    headers.put("host", List.of("127.0.0.1:4010"));
    headers.put("x-amz-date", List.of("20260302T100000Z"));
    return new SignatureV4.Request(
        method,
        "127.0.0.1:4010",
        rawPath,
        rawQuery,
        headers,
        new byte[0],
        Instant.parse("2026-03-02T10:00:00Z"),
        "us-east-1",
        "bedrock");
  }

  private Arrived sentBy(AwsCredentials credentials, Consumer<BedrockClient> call) {
    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    try (BedrockClient bedrock =
        AwsClients.of("us-east-1", StaticCredentialsProvider.create(credentials))
            .withEndpoint(AwsClients.Service.BEDROCK, endpoint)
            .bedrock()) {
      call.accept(bedrock);
    }
    try {
      Arrived request = arrived.poll(5, TimeUnit.SECONDS);
      assertTrue(arrived.isEmpty(), "one request, no retries");
      return request;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The recomputed signature of {@code request} is the one its {@code Authorization} carries. */
  private void assertVerified(Arrived request) {
    String authorization = request.headers().get("authorization").get(0);
    String[] scope = part(authorization, "Credential=").split("/");
    Map<String, List<String>> signedHeaders = new LinkedHashMap<>();
    signedHeaderNames(request)
        .forEach(name -> signedHeaders.put(name, request.headers().get(name)));
    String amzDate = request.headers().get("x-amz-date").get(0);

    SignatureV4.Request signing =
        new SignatureV4.Request(
            request.method(),
            request.headers().get("host").get(0),
            request.rawPath(),
            request.rawQuery(),
            signedHeaders,
            request.body(),
            AMZ_DATE.parse(amzDate, Instant::from),
            scope[2],
            scope[3]);

    assertEquals(part(authorization, "Signature="), signer.signature(signing, SECRET));
  }

  private static List<String> signedHeaderNames(Arrived request) {
    return Arrays.asList(
        part(request.headers().get("authorization").get(0), "SignedHeaders=").split(";"));
  }

  /** The value of {@code name} in an {@code Authorization} header, up to its comma. */
  private static String part(String authorization, String name) {
    int start = authorization.indexOf(name) + name.length();
    int end = authorization.indexOf(',', start);
    return authorization.substring(start, end < 0 ? authorization.length() : end);
  }
}
