package dev.strata.ports.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ports.edge.SignatureV4;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SignatureV4} must do. An adapter's test extends this class and implements
 * {@link #signer}.
 *
 * <p>The tests named for a vector use AWS's SigV4 test suite (credentials {@code AKIDEXAMPLE}, time
 * 20150830T123600Z, scope {@code us-east-1/service}): each request is the vector's request line and
 * headers, as they arrive, and each expected value the {@code Signature} of its {@code
 * Authorization}. They are copied from AWS's own copies of the suite: aws-sdk-js-v3's {@code
 * packages/signature-v4/src/suite.fixture.ts}, and aws-c-auth's {@code
 * tests/aws-signing-test-suite/v4/<vector>/header-signed-request.txt} for the session token, the
 * normalized paths and the form post whose payload hash is signed.
 */
public abstract class SignatureV4Contract {

  /** The signer under test. */
  protected abstract SignatureV4 signer();

  /** The test suite's secret access key. */
  protected static final String SUITE_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

  private static final Instant SUITE_TIME = Instant.parse("2015-08-30T12:36:00Z");
  private static final String SUITE_HOST = "example.amazonaws.com";
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /**
   * GetProvisionedModelThroughput by ARN as the AWS SDK for Java v2 signs it: the ARN one
   * percent-encoded path label, and {@code x-amz-content-sha256} signed.
   */
  protected static final SignatureV4.Request BEDROCK_GET_BY_ARN =
      new SignatureV4.Request(
          "GET",
          "bedrock.us-east-1.amazonaws.com",
          "/provisioned-model-throughput/"
              + "arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Aprovisioned-model%2Fabcdefghijkl",
          "",
          Map.of(
              "host", List.of("bedrock.us-east-1.amazonaws.com"),
              "x-amz-content-sha256",
                  List.of("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
              "x-amz-date", List.of("20260302T100000Z")),
          new byte[0],
          Instant.parse("2026-03-02T10:00:00Z"),
          "us-east-1",
          "bedrock");

  /**
   * {@link #BEDROCK_GET_BY_ARN}'s signature with {@link #SUITE_SECRET}, by the AWS SDK for Java
   * v2.40.2's {@code AwsV4HttpSigner} with {@code DOUBLE_URL_ENCODE}, as its Bedrock client signs
   * (the AWS adapter's contract test signs it again to check).
   */
  protected static final String BEDROCK_GET_BY_ARN_SIGNATURE =
      "1bd2735c98a0542174c8cafa912be191ae70aa84f20ed5cdab62d3ed6e0b5266";

  /** The same, but with the path URI-encoded once only ({@code DOUBLE_URL_ENCODE} off). */
  protected static final String BEDROCK_GET_BY_ARN_SINGLE_ENCODED_SIGNATURE =
      "8f5cd6ec2089ef6c8e95461094965ab03e0ceff5e84e9c85d097bbee329eca19";

  private static SignatureV4.Request suite(
      String method, String rawPath, String rawQuery, Map<String, List<String>> moreHeaders) {
    return suite(method, rawPath, rawQuery, moreHeaders, "");
  }

  private static SignatureV4.Request suite(
      String method,
      String rawPath,
      String rawQuery,
      Map<String, List<String>> moreHeaders,
      String body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("host", List.of(SUITE_HOST));
    headers.put("x-amz-date", List.of("20150830T123600Z"));
    headers.putAll(moreHeaders);
    return new SignatureV4.Request(
        method,
        SUITE_HOST,
        rawPath,
        rawQuery,
        headers,
        body.getBytes(StandardCharsets.UTF_8),
        SUITE_TIME,
        "us-east-1",
        "service");
  }

  private void assertSignature(String expected, SignatureV4.Request request) {
    assertEquals(expected, signer().signature(request, SUITE_SECRET));
  }

  @Test
  void signs_get_vanilla_as_the_aws_test_suite_does() {
    assertSignature(
        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
        suite("GET", "/", "", Map.of()));
  }

  @Test
  void signs_get_vanilla_query_order_key_case_as_the_aws_test_suite_does() {
    assertSignature(
        "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
        suite("GET", "/", "Param2=value2&Param1=value1", Map.of()));
  }

  @Test
  void signs_get_vanilla_query_unreserved_as_the_aws_test_suite_does() {
    String unreserved = "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    assertSignature(
        "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197",
        suite("GET", "/", unreserved + "=" + unreserved, Map.of()));
  }

  @Test
  void signs_get_vanilla_utf8_query_as_the_aws_test_suite_does_whether_or_not_it_arrives_encoded() {
    String expected = "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04";
    assertSignature(expected, suite("GET", "/", "ሴ=bar", Map.of()));
    assertSignature(expected, suite("GET", "/", "%E1%88%B4=bar", Map.of()));
  }

  @Test
  void signs_post_vanilla_query_nonunreserved_as_the_aws_test_suite_does() {
    assertSignature(
        "66c82657c86e26fb25238d0e69f011edc4c6df5ae71119d7cb98ed9b87393c1e",
        suite(
            "POST",
            "/",
            "%40%23%24%25%5E=&%2B=%2F%2C%3F%3E%3C%60%22%3B%3A%5C%7C%5D%5B%7B%7D",
            Map.of()));
  }

  @Test
  void signs_get_unreserved_as_the_aws_test_suite_does() {
    assertSignature(
        "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f",
        suite(
            "GET",
            "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
            "",
            Map.of()));
  }

  @Test
  void signs_get_utf8_as_the_aws_test_suite_does() {
    assertSignature(
        "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85",
        suite("GET", "/ሴ", "", Map.of()));
  }

  @Test
  void signs_get_header_value_trim_as_the_aws_test_suite_does() {
    assertSignature(
        "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736",
        suite(
            "GET",
            "/",
            "",
            Map.of("my-header1", List.of(" value1"), "my-header2", List.of(" \"a   b   c\""))));
  }

  @Test
  void signs_get_header_value_order_as_the_aws_test_suite_does() {
    assertSignature(
        "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01",
        suite(
            "GET", "/", "", Map.of("my-header1", List.of("value4", "value1", "value3", "value2"))));
  }

  @Test
  void signs_get_header_key_duplicate_as_the_aws_test_suite_does() {
    assertSignature(
        "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea",
        suite("GET", "/", "", Map.of("my-header1", List.of("value2", "value2", "value1"))));
  }

  @Test
  void signs_get_vanilla_with_session_token_as_the_aws_test_suite_does() {
    assertSignature(
        "07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8",
        suite(
            "GET",
            "/",
            "",
            Map.of(
                "x-amz-security-token",
                List.of("6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"))));
  }

  @Test
  void signs_the_normalized_relative_paths_of_the_aws_test_suite_as_get_vanilla() {
    String getVanilla = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";
    assertSignature(getVanilla, suite("GET", "/example/..", "", Map.of()));
    assertSignature(getVanilla, suite("GET", "/example1/example2/../..", "", Map.of()));
    assertSignature(getVanilla, suite("GET", "/./", "", Map.of()));
  }

  @Test
  void signs_get_slash_pointless_dot_normalized_as_the_aws_test_suite_does() {
    assertSignature(
        "ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5",
        suite("GET", "/./example", "", Map.of()));
  }

  @Test
  void signs_get_slashes_normalized_as_the_aws_test_suite_does() {
    assertSignature(
        "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84",
        suite("GET", "//example//", "", Map.of()));
  }

  @Test
  void signs_post_vanilla_as_the_aws_test_suite_does() {
    assertSignature(
        "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b",
        suite("POST", "/", "", Map.of()));
  }

  @Test
  void signs_post_header_key_case_as_the_aws_test_suite_does_whatever_the_case_of_the_names() {
    SignatureV4.Request capitalized =
        new SignatureV4.Request(
            "POST",
            SUITE_HOST,
            "/",
            "",
            Map.of("Host", List.of(SUITE_HOST), "X-Amz-Date", List.of("20150830T123600Z")),
            new byte[0],
            SUITE_TIME,
            "us-east-1",
            "service");
    assertSignature(
        "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b", capitalized);
  }

  @Test
  void signs_post_header_key_sort_as_the_aws_test_suite_does() {
    assertSignature(
        "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c",
        suite("POST", "/", "", Map.of("my-header1", List.of("value1"))));
  }

  @Test
  void signs_post_header_value_case_as_the_aws_test_suite_does() {
    assertSignature(
        "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d",
        suite("POST", "/", "", Map.of("my-header1", List.of("VALUE1"))));
  }

  @Test
  void signs_post_vanilla_query_as_the_aws_test_suite_does() {
    assertSignature(
        "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11",
        suite("POST", "/", "Param1=value1", Map.of()));
  }

  @Test
  void signs_post_x_www_form_urlencoded_as_the_aws_test_suite_does() {
    assertSignature(
        "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a",
        suite(
            "POST",
            "/",
            "",
            Map.of("content-type", List.of("application/x-www-form-urlencoded")),
            "Param1=value1"));
  }

  @Test
  void signs_post_x_www_form_urlencoded_parameters_as_the_aws_test_suite_does() {
    assertSignature(
        "1a72ec8f64bd914b0e42e42607c7fbce7fb2c7465f63e3092b3b0d39fa77a6fe",
        suite(
            "POST",
            "/",
            "",
            Map.of("content-type", List.of("application/x-www-form-urlencoded; charset=utf8")),
            "Param1=value1"));
  }

  @Test
  void signs_post_x_www_form_urlencoded_with_its_payload_hash_signed_as_aws_c_auth_does() {
    assertSignature(
        "d3875051da38690788ef43de4db0d8f280229d82040bfac253562e56c3f20e0b",
        suite(
            "POST",
            "/",
            "",
            Map.of(
                "content-type", List.of("application/x-www-form-urlencoded"),
                "content-length", List.of("13"),
                "x-amz-content-sha256",
                    List.of("9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e")),
            "Param1=value1"));
  }

  @Test
  void signs_a_bedrock_arn_path_label_uri_encoded_twice_as_the_aws_sdk_does() {
    String signature = signer().signature(BEDROCK_GET_BY_ARN, SUITE_SECRET);

    assertEquals(BEDROCK_GET_BY_ARN_SIGNATURE, signature);
    assertNotEquals(BEDROCK_GET_BY_ARN_SINGLE_ENCODED_SIGNATURE, signature);
  }

  @Test
  void a_change_to_the_secret_or_to_anything_signed_changes_the_signature() {
    String k = SUITE_SECRET;
    String p = "/a/b";
    String q = "x=1";
    String h = "value1";
    String b = "{}";
    String r = "us-east-1";
    String s = "service";
    Map<String, String> signatures = new LinkedHashMap<>();
    signatures.put("none", signed(k, p, q, h, b, 0, r, s));
    signatures.put("secret", signed(k + "x", p, q, h, b, 0, r, s));
    signatures.put("path", signed(k, "/a/c", q, h, b, 0, r, s));
    signatures.put("query", signed(k, p, "x=2", h, b, 0, r, s));
    signatures.put("header", signed(k, p, q, "value2", b, 0, r, s));
    signatures.put("body", signed(k, p, q, h, "{ }", 0, r, s));
    signatures.put("time", signed(k, p, q, h, b, 1, r, s));
    signatures.put("region", signed(k, p, q, h, b, 0, "us-west-2", s));
    signatures.put("service", signed(k, p, q, h, b, 0, r, "bedrock"));

    assertEquals(
        signatures.size(), new HashSet<>(signatures.values()).size(), signatures.toString());
  }

  /** A POST signed {@code seconds} after the suite's time, its {@code x-amz-date} to match. */
  private String signed(
      String secret,
      String rawPath,
      String rawQuery,
      String myHeader1,
      String body,
      int seconds,
      String region,
      String service) {
    Instant time = SUITE_TIME.plusSeconds(seconds);
    Map<String, List<String>> headers =
        Map.of(
            "host", List.of(SUITE_HOST),
            "x-amz-date", List.of(AMZ_DATE.format(time)),
            "my-header1", List.of(myHeader1));
    return signer()
        .signature(
            new SignatureV4.Request(
                "POST",
                SUITE_HOST,
                rawPath,
                rawQuery,
                headers,
                body.getBytes(StandardCharsets.UTF_8),
                time,
                region,
                service),
            secret);
  }

  @Test
  void never_throws_and_answers_lowercase_hex_even_for_a_request_it_cannot_sign() {
    List<SignatureV4.Request> odd =
        List.of(
            suite("GET", "/example space/", "", Map.of()),
            suite("GET", "/100%zz", "", Map.of()),
            suite("GET", "/", "a=%zz&=&&b=%E1%88&c", Map.of()),
            suite("BREW", "/", "", Map.of()),
            suite("GET", "", "", Map.of()),
            new SignatureV4.Request("GET", "[::1", "/", "", Map.of(), new byte[0], SUITE_TIME, "", ""));

    for (SignatureV4.Request request : odd) {
      for (String secret : List.of(SUITE_SECRET, "")) {
        String signature = signer().signature(request, secret);
        assertTrue(signature.matches("[0-9a-f]{64}"), request + " -> " + signature);
      }
    }
  }
}
