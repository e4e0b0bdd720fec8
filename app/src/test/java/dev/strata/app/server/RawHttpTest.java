package dev.strata.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** What the SDK cannot send: unknown routes, bad JSON, wrong types, oversized bodies, bad queries. */
class RawHttpTest {
  static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  @AutoClose final ServedStrata served = ServedStrata.start();

  static void assertError(HttpResponse<String> r, int status, String type, String message) {
    assertEquals(status, r.statusCode());
    assertEquals(Optional.of(type), r.headers().firstValue("x-amzn-ErrorType"));
    assertEquals(Optional.of("application/json"), r.headers().firstValue("Content-Type"));
    assertEquals("{\"message\":" + quoted(message) + "}", r.body());
  }

  static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Test
  void an_unknown_path_answers_404_unknown_operation_exception() throws Exception {
    assertError(served.send("GET", "/no-such-thing/at-all", null), 404,
        "UnknownOperationException", "No operation matches GET /no-such-thing/at-all.");
  }

  @Test
  void a_known_path_with_the_wrong_method_answers_404_unknown_operation_exception()
      throws Exception {
    assertError(served.send("PUT", "/provisioned-model-throughput/some-pt", "{}"), 404,
        "UnknownOperationException", "No operation matches PUT /provisioned-model-throughput/some-pt.");
    assertError(served.send("GET", "/tagResource", null), 404,
        "UnknownOperationException", "No operation matches GET /tagResource.");
  }

  @Test
  void an_empty_label_matches_no_operation() throws Exception {
    assertError(served.send("GET", "/provisioned-model-throughput/", null), 404,
        "UnknownOperationException", "No operation matches GET /provisioned-model-throughput/.");
  }

  @Test
  void malformed_json_answers_400_serialization_exception() throws Exception {
    HttpResponse<String> r =
        served.send("POST", "/provisioned-model-throughput", "{\"modelUnits\": 1,");

    assertEquals(400, r.statusCode());
    assertEquals(Optional.of("SerializationException"), r.headers().firstValue("x-amzn-ErrorType"));
    assertTrue(r.body().startsWith("{\"message\":\"The request body is not valid JSON: "), r.body());
  }

  @Test
  void a_body_that_is_not_an_object_answers_400_serialization_exception() throws Exception {
    assertError(served.send("POST", "/tagResource", "[1, 2]"), 400, "SerializationException",
        "The request body must be a JSON object, not a list.");
  }

  @Test
  void a_string_where_an_integer_belongs_names_the_member() throws Exception {
    assertError(
        served.send("POST", "/provisioned-model-throughput",
            "{\"modelUnits\":\"two\",\"provisionedModelName\":\"pt\",\"modelId\":\"amazon.nova-lite-v1:0:24k\"}"),
        400, "SerializationException", "Member 'modelUnits' must be an integer, not a string.");
  }

  @Test
  void a_fractional_or_oversized_integer_names_the_member() throws Exception {
    assertError(served.send("POST", "/provisioned-model-throughput", "{\"modelUnits\":1.5}"),
        400, "SerializationException", "Member 'modelUnits' must be an integer, not a number.");
    assertError(served.send("POST", "/provisioned-model-throughput", "{\"modelUnits\":3000000000}"),
        400, "SerializationException",
        "Member 'modelUnits' must be an integer, and 3000000000 is out of range.");
  }

  @Test
  void an_object_where_a_list_belongs_names_the_member() throws Exception {
    assertError(served.send("POST", "/tagResource", "{\"resourceARN\":\"x\",\"tags\":{}}"),
        400, "SerializationException", "Member 'tags' must be a list, not an object.");
    assertError(served.send("POST", "/tagResource", "{\"resourceARN\":\"x\",\"tags\":[{\"key\":1}]}"),
        400, "SerializationException", "Member 'tags[0].key' must be a string, not a number.");
    assertError(served.send("POST", "/untagResource", "{\"resourceARN\":\"x\",\"tagKeys\":[true]}"),
        400, "SerializationException", "Member 'tagKeys[0]' must be a string, not a boolean.");
  }

  @Test
  void json_null_reads_as_an_absent_member() throws Exception {
    assertError(
        served.send("POST", "/listTagsForResource", "{\"resourceARN\":null}"), 400,
        "ValidationException",
        "1 validation error detected: Value null at 'resourceARN' failed to satisfy constraint:"
            + " Member must not be null");
  }

  @Test
  void a_body_of_one_mebibyte_and_one_byte_answers_413() throws Exception {
    String big = "{\"resourceARN\":\"" + "x".repeat((1 << 20) - 17) + "\"}";
    assertEquals((1 << 20) + 1, big.length());

    assertError(served.send("POST", "/listTagsForResource", big), 413,
        "RequestEntityTooLargeException", "The request body exceeds the limit of 1048576 bytes.");
  }

  @Test
  void a_body_of_exactly_one_mebibyte_is_read() throws Exception {
    String fits = "{\"resourceARN\":\"" + "x".repeat((1 << 20) - 18) + "\"}";

    HttpResponse<String> r = served.send("POST", "/listTagsForResource", fits);

    assertEquals(400, r.statusCode());
    assertEquals(Optional.of("ValidationException"), r.headers().firstValue("x-amzn-ErrorType"));
  }

  @Test
  void a_chunked_body_over_the_limit_answers_413() throws Exception {
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, (byte) ' ');
    List<byte[]> chunks = java.util.Collections.nCopies(17, chunk);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(served.server.url() + "/tagResource"))
            .POST(HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofByteArrays(chunks)))
            .build();

    assertError(served.send(request), 413, "RequestEntityTooLargeException",
        "The request body exceeds the limit of 1048576 bytes.");
  }

  @Test
  void an_unparseable_query_timestamp_or_integer_answers_validation_exception() throws Exception {
    assertError(
        served.send("GET", "/provisioned-model-throughputs?creationTimeAfter=yesterday&maxResults=ten",
            null),
        400, "ValidationException",
        "2 validation errors detected: Value 'yesterday' at 'creationTimeAfter' failed to satisfy"
            + " constraint: Member must be an ISO-8601 date-time, e.g. 2024-05-01T12:34:56Z; Value"
            + " 'ten' at 'maxResults' failed to satisfy constraint: Member must be an integer");
    assertError(served.send("GET", "/custom-models?isOwned=yes", null), 400, "ValidationException",
        "1 validation error detected: Value 'yes' at 'isOwned' failed to satisfy constraint:"
            + " Member must be true or false");
  }

  @Test
  void query_timestamps_accept_botocore_forms_with_and_without_fractional_seconds()
      throws Exception {
    HttpResponse<String> whole =
        served.send("GET", "/provisioned-model-throughputs?creationTimeAfter=2024-05-01T12%3A34%3A56Z", null);
    HttpResponse<String> fractional =
        served.send("GET",
            "/provisioned-model-throughputs?creationTimeBefore=2024-05-01T12:34:56.123456Z", null);

    assertEquals(200, whole.statusCode());
    assertEquals("{\"provisionedModelSummaries\":[]}", whole.body());
    assertEquals(200, fractional.statusCode());
  }

  @Test
  void unknown_enum_values_reach_the_service_and_get_its_enum_message() throws Exception {
    assertError(served.send("GET", "/foundation-models?byOutputModality=VIDEO", null), 400,
        "ValidationException",
        "1 validation error detected: Value 'VIDEO' at 'byOutputModality' failed to satisfy"
            + " constraint: Member must satisfy enum value set: [TEXT, IMAGE, EMBEDDING]");
  }

  @Test
  void every_response_carries_a_fresh_request_id_errors_included() throws Exception {
    List<HttpResponse<String>> responses =
        List.of(
            served.send("GET", "/foundation-models", null),
            served.send("GET", "/provisioned-model-throughput/missing", null),
            served.send("DELETE", "/nowhere", null),
            served.send("POST", "/tagResource", "{"),
            served.send("GET", "/custom-models?maxResults=x", null));

    Set<String> ids = new HashSet<>();
    for (HttpResponse<String> r : responses) {
      String id = r.headers().firstValue("x-amzn-RequestId").orElseThrow();
      assertTrue(UUID.matcher(id).matches(), id);
      ids.add(id);
    }
    assertEquals(List.of(200, 404, 404, 400, 400),
        responses.stream().map(HttpResponse::statusCode).collect(java.util.stream.Collectors.toList()));
    assertEquals(5, ids.size());
  }
}
