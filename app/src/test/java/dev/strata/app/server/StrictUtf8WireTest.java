package dev.strata.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.app.server.RawHttp.Outcome;
import dev.strata.app.server.RawHttp.Response;
import dev.strata.domain.ProvisionedThroughput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision D23 through the real server: request bodies, URI labels and query values are strict
 * UTF-8 (RFC 3629). Every ill-formed sequence is a 400 {@code SerializationException} naming where
 * it starts, and nothing changes: the stored records, their tags and the quota are compared before
 * and after every request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictUtf8WireTest {
  static final String KEPT = "strict-wire-kept";
  static final String NOVA = "amazon.nova-lite-v1:0:24k";

  /** Sequences that are not UTF-8; each decodes leniently to a character a filter would pass. */
  static Stream<Arguments> illFormed() {
    return Stream.of(
        Arguments.of("two-byte overlong /", "C0AF", "C0"),
        Arguments.of("two-byte overlong with C1", "C1BF", "C1"),
        Arguments.of("three-byte overlong /", "E080AF", "E0"),
        Arguments.of("four-byte overlong /", "F08080AF", "F0"),
        Arguments.of("overlong NUL", "C080", "C0"),
        Arguments.of("encoded high surrogate", "EDA080", "ED A0 80"),
        Arguments.of("encoded low surrogate", "EDBFBF", "ED BF BF"),
        Arguments.of("code point above U+10FFFF", "F4908080", "F4"),
        Arguments.of("F5 lead byte", "F5808080", "F5"),
        Arguments.of("five-byte form", "F888808080", "F8"),
        Arguments.of("truncated three-byte sequence", "E282", "E2 82"));
  }

  /** Where an ill-formed sequence is put: a JSON body around {@code %s} on one mutating route. */
  enum Placement {
    TAG_VALUE("POST", "/tagResource", "{\"resourceARN\":\"%ARN%\",\"tags\":[{\"key\":\"k\",\"value\":\"a%SEQ%b\"}]}"),
    CREATE_TAG_VALUE("POST", "/provisioned-model-throughput",
        "{\"provisionedModelName\":\"fresh\",\"modelId\":\"" + NOVA + "\",\"modelUnits\":1,"
            + "\"tags\":[{\"key\":\"k\",\"value\":\"a%SEQ%b\"}]}"),
    NAME("POST", "/provisioned-model-throughput",
        "{\"provisionedModelName\":\"fresh%SEQ%x\",\"modelId\":\"" + NOVA + "\",\"modelUnits\":1}"),
    NEW_NAME("PATCH", "/provisioned-model-throughput/" + KEPT,
        "{\"desiredProvisionedModelName\":\"renamed%SEQ%x\"}"),
    MODEL_ID("POST", "/provisioned-model-throughput",
        "{\"provisionedModelName\":\"fresh\",\"modelId\":\"arn:aws:bedrock:us-east-1::foundation-model"
            + "%SEQ%" + NOVA + "\",\"modelUnits\":1}");

    final String method;
    final String path;
    final String template;

    Placement(String method, String path, String template) {
      this.method = method;
      this.path = path;
      this.template = template;
    }
  }

  static Stream<Arguments> everySequenceInEveryPlacement() {
    return illFormed()
        .flatMap(
            sequence ->
                Stream.of(Placement.values())
                    .map(p -> Arguments.of(p, sequence.get()[0], sequence.get()[1], sequence.get()[2])));
  }

  @AutoClose("shutdownNow")
  private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();

  @AutoClose final ServedStrata served = ServedStrata.start();
  final String keptArn = served.createTagged(KEPT, "wire");

  /** The sequence is reported as the JDK's decoder delimits it: its maximal ill-formed prefix. */
  @ParameterizedTest(name = "{1} in {0}")
  @MethodSource("everySequenceInEveryPlacement")
  void an_ill_formed_sequence_in_a_body_is_a_serialization_exception_at_its_byte_offset_and_changes_nothing(
      Placement placement, String what, String hex, String reported) throws IOException {
    String[] around = placement.template.replace("%ARN%", keptArn).split("%SEQ%");
    byte[] body = concat(utf8(around[0]), HexFormat.of().parseHex(hex), utf8(around[1]));
    List<ProvisionedThroughput> before = records();

    Response r = send(placement.method, placement.path, body);

    assertSerializationException(
        r,
        "The request body is not valid UTF-8 (RFC 3629): ill-formed byte sequence "
            + reported
            + " at byte offset "
            + utf8(around[0]).length
            + ".");
    assertEquals(before, records(), what + " in " + placement);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("placements")
  void the_same_requests_with_a_well_formed_slash_reach_the_service_and_succeed(Placement placement)
      throws IOException {
    String slash = placement == Placement.NAME || placement == Placement.NEW_NAME ? "-" : "/";
    try (ServedStrata other = ServedStrata.start()) {
      String arn = other.createTagged(KEPT, "wire");
      String text = placement.template.replace("%ARN%", arn).replace("%SEQ%", slash);

      Response r = send(other, placement.method, placement.path, utf8(text));

      assertTrue(r.status() < 300, placement + ": " + r.status() + " " + body(r));
    }
  }

  static Stream<Placement> placements() {
    return Stream.of(Placement.values());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"UTF-16", "UTF-16BE-BOM", "UTF-16LE-BOM", "UTF-32BE-BOM", "UTF-32LE-BOM"})
  void a_body_in_utf16_or_utf32_with_a_byte_order_mark_is_refused_and_creates_nothing(String encoding)
      throws IOException {
    String create =
        "{\"provisionedModelName\":\"other-encoding\",\"modelId\":\"" + NOVA + "\",\"modelUnits\":1}";
    byte[] body = encoded(create, encoding);
    List<ProvisionedThroughput> before = records();

    Response r = send("POST", "/provisioned-model-throughput", body);

    assertEquals(400, r.status(), body(r));
    assertEquals("SerializationException", r.header("x-amzn-ErrorType"));
    assertTrue(
        body(r).contains("The request body is not valid UTF-8: it starts like UTF-")
            && body(r).contains("with a byte-order mark"),
        body(r));
    assertEquals(before, records());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE"})
  void a_body_in_utf16_or_utf32_without_a_byte_order_mark_is_refused_and_creates_nothing(
      String encoding) throws IOException {
    byte[] body =
        ("{\"provisionedModelName\":\"other-encoding\",\"modelId\":\"" + NOVA + "\",\"modelUnits\":1}")
            .getBytes(Charset.forName(encoding));
    List<ProvisionedThroughput> before = records();

    Response r = send("POST", "/provisioned-model-throughput", body);

    assertEquals(400, r.status(), body(r));
    assertEquals("SerializationException", r.header("x-amzn-ErrorType"));
    assertTrue(body(r).contains("is not valid UTF-8: it starts like UTF-16 or UTF-32"), body(r));
    assertEquals(before, records());
  }

  @Test
  void a_utf8_byte_order_mark_is_refused_as_rfc_8259_asks_senders_not_to_add_one()
      throws IOException {
    Response r =
        send("POST", "/tagResource", concat(HexFormat.of().parseHex("EFBBBF"),
            utf8("{\"resourceARN\":\"" + keptArn + "\",\"tags\":[{\"key\":\"k\",\"value\":\"v\"}]}")));

    assertSerializationException(
        r,
        "The request body is not valid UTF-8: it starts like UTF-8 with a byte-order mark (EF BB BF);"
            + " restJson1 bodies are UTF-8 without a byte-order mark (RFC 8259).");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"%C0%AF", "%E0%80%AF", "%ED%A0%80", "%F4%90%80%80", "%E2%82"})
  void a_percent_encoded_ill_formed_sequence_in_an_arn_label_is_a_serialization_exception(
      String escapes) throws IOException {
    String label = FuzzRequests.encode(keptArn).replace("%2F", escapes);
    int at = label.indexOf(escapes);
    List<ProvisionedThroughput> before = records();

    for (String method : List.of("GET", "DELETE")) {
      Response r = send(method, "/provisioned-model-throughput/" + label, new byte[0]);

      assertEquals(400, r.status(), body(r));
      assertEquals("SerializationException", r.header("x-amzn-ErrorType"));
      assertTrue(
          body(r).contains(
              "The URI label 'provisionedModelId' once percent-decoded is not valid UTF-8 (RFC 3629):"
                  + " ill-formed byte sequence ")
              && body(r).contains(" at character " + at + " of the raw label."),
          body(r));
    }
    assertEquals(before, records());
  }

  @Test
  void the_same_arn_label_with_a_well_formed_slash_is_found() throws IOException {
    Response r =
        send("GET", "/provisioned-model-throughput/" + FuzzRequests.encode(keptArn), new byte[0]);

    assertEquals(200, r.status(), body(r));
  }

  @Test
  void a_percent_encoded_overlong_sequence_in_a_query_value_is_a_serialization_exception()
      throws IOException {
    Response r = send("GET", "/provisioned-model-throughputs?nameContains=a%C0%AFb", new byte[0]);

    assertSerializationException(
        r,
        "Query parameter 'nameContains' once percent-decoded is not valid UTF-8 (RFC 3629):"
            + " ill-formed byte sequence C0 at character 1 of the raw value.");
  }

  @Test
  void the_readme_examples_are_answered_as_the_readme_shows() throws IOException {
    String arn = "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abcdefghijkl";
    byte[] body =
        concat(
            utf8("{\"resourceARN\":\"" + arn + "\",\"tags\":[{\"key\":\"k\",\"value\":\"a"),
            HexFormat.of().parseHex("C0AF"),
            utf8("b\"}]}"));

    assertSerializationException(
        send("POST", "/tagResource", body),
        "The request body is not valid UTF-8 (RFC 3629): ill-formed byte sequence C0 at byte offset 116.");
    assertSerializationException(
        send("GET", "/provisioned-model-throughput/"
            + FuzzRequests.encode(arn).replace("%2F", "%C0%AF"), new byte[0]),
        "The URI label 'provisionedModelId' once percent-decoded is not valid UTF-8 (RFC 3629):"
            + " ill-formed byte sequence C0 at character 66 of the raw label.");
  }

  // ---------------------------------------------------------------------------------------------

  private Response send(String method, String path, byte[] body) throws IOException {
    return send(served, method, path, body);
  }

  private Response send(ServedStrata to, String method, String path, byte[] body)
      throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    raw.writeBytes(
        (method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    raw.writeBytes(body);
    try (RawHttp connection =
        new RawHttp(new InetSocketAddress("127.0.0.1", to.server.port()), watchdog)) {
      Outcome o = connection.keepAlive(raw.toByteArray(), false);
      assertEquals(1, o.responses().size(), String.valueOf(o));
      return o.responses().get(0);
    }
  }

  private static void assertSerializationException(Response r, String message) {
    assertEquals(400, r.status(), body(r));
    assertEquals("SerializationException", r.header("x-amzn-ErrorType"));
    assertEquals("{\"message\":" + RawHttpTest.quoted(message) + "}", body(r));
  }

  private List<ProvisionedThroughput> records() {
    return served.records();
  }

  private static String body(Response r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  private static byte[] encoded(String text, String encoding) {
    if (encoding.equals("UTF-16")) {
      return text.getBytes(StandardCharsets.UTF_16);
    }
    String charset = encoding.replace("-BOM", "");
    return concat(("\uFEFF").getBytes(Charset.forName(charset)), text.getBytes(Charset.forName(charset)));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
