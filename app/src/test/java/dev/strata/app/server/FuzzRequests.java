package dev.strata.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.ports.edge.PercentDecoding;
import io.vavr.control.Either;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A deterministic stream of malformed, random or mutated requests for one client thread of
 * {@link HttpFuzzTest}: the same seed and thread number give the same requests in the same order.
 *
 * <p>Requests on the five mutating routes (Create, Update, Delete, TagResource, UntagResource) are
 * meant to be refused. Each one is first tried on a <em>shadow</em>: a separate in-memory Strata
 * holding the same provisioned throughputs, reached through the server's own routing and JSON
 * reading ({@link Route}, {@link JsonBody}, {@link BedrockOperations}). While the shadow accepts it,
 * the request is poisoned further (an invalid member value, then a label that names nothing or a
 * body that cannot be JSON), so the fuzzer never sends a mutation it expects to succeed.
 */
final class FuzzRequests {
  enum Transport {
    /** Well-framed HTTP/1.1 on a reused connection, written by hand. */
    KEEP_ALIVE,
    /** Any bytes on a connection of their own, half-closed after writing. */
    ONE_SHOT,
    /** java.net.http.HttpClient, when it accepts the method, URI and headers. */
    HTTP_CLIENT
  }

  /** One request of the campaign, ready to send. */
  record FuzzRequest(
      String family,
      String method,
      String target,
      List<String[]> headers,
      byte[] body,
      byte[] raw,
      Transport transport,
      String route,
      boolean mutatingRoute,
      FuzzAnswers predicted) {

    boolean head() {
      return "HEAD".equals(method);
    }

    /** Whether a header line of the request's head names Transfer-Encoding, in any case. */
    boolean declaresTransferEncoding() {
      String text = new String(raw, 0, Math.min(raw.length, 256 * 1024), StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      String head = (end < 0 ? text : text.substring(0, end)).toLowerCase(Locale.ROOT);
      return head.contains("\ntransfer-encoding");
    }

    /** Whether the JDK server refuses the request's head as larger than its limit. */
    boolean overTheHeaderLimit() {
      return RawHttp.overTheHeaderLimit(raw);
    }

    String describe() {
      return family
          + " via "
          + transport
          + (route == null ? "" : " [route " + route + "]")
          + ": "
          + RawHttp.printable(raw, 300)
          + (raw.length > 300 ? " (" + raw.length + " bytes in all)" : "");
    }
  }

  /** What exists on the server before fuzzing, and valid values to start mutations from. */
  record Known(
      List<ProvisionedThroughput> records,
      List<String> foundationModelIds,
      List<String> foundationModelArns,
      List<String> customModelNames,
      List<String> customModelArns,
      List<String> throughputPageTokens,
      List<String> customModelPageTokens) {

    List<String> names() {
      return records.stream().map(pt -> pt.provisionedModelName().value()).toList();
    }

    List<String> arns() {
      return records.stream().map(pt -> pt.provisionedModelArn().value()).toList();
    }

    /**
     * Whether {@code identifier} may name a pre-created record: conservatively, any spelling that
     * equals a name or ARN ignoring case, or contains a record's id.
     */
    boolean mayName(String identifier) {
      if (identifier == null) {
        return false;
      }
      for (ProvisionedThroughput pt : records) {
        if (identifier.equalsIgnoreCase(pt.provisionedModelName().value())
            || identifier.equalsIgnoreCase(pt.provisionedModelArn().value())
            || identifier.toLowerCase(Locale.ROOT).contains(pt.id().value())) {
          return true;
        }
      }
      return false;
    }
  }

  static final String[] OPERATIONS = {
    "CreateProvisionedModelThroughput",
    "GetProvisionedModelThroughput",
    "ListProvisionedModelThroughputs",
    "UpdateProvisionedModelThroughput",
    "DeleteProvisionedModelThroughput",
    "TagResource",
    "UntagResource",
    "ListTagsForResource",
    "GetFoundationModel",
    "ListFoundationModels",
    "GetCustomModel",
    "ListCustomModels"
  };
  static final int CREATE = 0;
  static final int GET = 1;
  static final int LIST = 2;
  static final int UPDATE = 3;
  static final int DELETE = 4;
  static final int TAG = 5;
  static final int UNTAG = 6;
  static final int LIST_TAGS = 7;
  static final int GET_FM = 8;
  static final int LIST_FM = 9;
  static final int GET_CUSTOM = 10;
  static final int LIST_CUSTOM = 11;

  static boolean mutating(int op) {
    return op == CREATE || op == UPDATE || op == DELETE || op == TAG || op == UNTAG;
  }

  /** The server's own routes, in {@link #OPERATIONS} order; only matched here, never run. */
  private static final List<Route> ROUTES = BedrockOperations.ROUTES;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int LIMIT = BedrockHttpHandler.MAX_BODY_BYTES;

  private static final String[] VALID_METHODS = {"GET", "POST", "PATCH", "DELETE"};
  private static final String[] OTHER_METHODS = {
    "PUT", "HEAD", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "get", "Post", "patch", "DELETE2",
    "X-FUZZ", "M-SEARCH", "BREW", "GETT", "POS", "_", "0", "~", "G.E.T", "A".repeat(300)
  };
  private static final String[] SEGMENTS = {
    "provisioned-model-throughput", "provisioned-model-throughputs", "foundation-models",
    "custom-models", "tagResource", "untagResource", "listTagsForResource", "TagResource",
    "Provisioned-Model-Throughput", "model", "", ".", "..", "%2e%2e", "%2F", "%00", "~", "-",
    "index.html", "api", "v1", "2023-04-20", "provisioned-model-throughput%2F"
  };
  private static final String[] QUERY_NAMES = {
    "creationTimeAfter", "creationTimeBefore", "statusEquals", "modelArnEquals", "nameContains",
    "maxResults", "nextToken", "sortBy", "sortOrder", "byProvider", "byCustomizationType",
    "byOutputModality", "byInferenceType", "baseModelArnEquals", "foundationModelArnEquals",
    "isOwned", "modelStatus", "MaxResults", "max_results", "", "x", "%00", "a%ZZ", "Action",
    "X-Amz-Signature", "maxResults[]", "maxResults.1"
  };
  private static final String[] TIMESTAMPS = {
    "2024-05-01T12:34:56Z", "2024-05-01T12:34:56.123456Z", "2024-05-01T12:34:56+02:00",
    "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z",
    "2024-02-30T00:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T12:34:56", "2024-05-01",
    "2024-05-01T12:34:56+25:00", "2024-05-01T12:34:56.1234567891Z", "1714567890", "-1",
    "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2024-05-01T12:34:56-18:00",
    "2024-05-01t12:34:56z", "yesterday", ""
  };
  private static final String[] INTEGERS = {
    "1", "0", "-1", "1000", "1001", "2147483647", "2147483648", "-2147483648", "-2147483649",
    "99999999999999999999", "+1", "1e3", "0x10", " 1", "1 ", "１", "١٢", "1.0", "", "NaN"
  };
  private static final String[] ENUMS = {
    "InService", "Creating", "Updating", "Failed", "inservice", "CreationTime", "Ascending",
    "Descending", "ascending", "TEXT", "IMAGE", "EMBEDDING", "VIDEO", "ON_DEMAND", "PROVISIONED",
    "FINE_TUNING", "CONTINUED_PRE_TRAINING", "DISTILLATION", "Active", "true", "false", "True",
    "yes", "1", "Amazon", "Anthropic", "Meta", "Am@zon", "OneMonth", "SixMonths", "TwoYears"
  };
  private static final String[] JUNK = {
    "", " ", "  padded  ", "null", "true", "0", "-1", "1.5", "%", "%%", "%G1", "%ZZ", "%2",
    "%C0%AF", "%E0%80%AF", "%00", "\u0000", "a\u0000b", "\u0001\u0002\u001f\u007f", "\t", "\r\n",
    "line\nbreak", "../../etc/passwd", "..", ".", "/", "//", "<script>alert(1)</script>",
    "' OR '1'='1", "\"quoted\"", "back\\slash", "${jndi:ldap://x/a}", "{{7*7}}", "%s%n%x", "é",
    "日本語", "\uD83D\uDE00", "\u202Eevil", "\uFEFFbom", "\u00FF\u00FE", "Ω≈ç√", "a b", "a+b",
    "a&b=c", "a#b", "a?b", "arn:", "arn:aws:bedrock:::", "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/",
    "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/ZZZZZZZZZZZZ",
    "arn:aws:bedrock:us-east-1:999999999999:provisioned-model/abcdefghijkl",
    "arn:aws-cn:bedrock:cn-north-1:123456789012:provisioned-model/abcdefghijkl",
    "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0:999k",
    "arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-text-express-v1:0:8k/zzzzzzzzzzzz",
    "aws:reserved", "AWS:Reserved", "-leading-dash", "trailing-dash-", "double--dash",
    "under_score", "UPPER", "amazon.nova-lite-v1:0:24k ", "amazon.nova-lite-v1:0:999k", "amazon.",
    ":", "::::", "a".repeat(63), "a".repeat(64), "k".repeat(128), "k".repeat(129),
    "v".repeat(256), "v".repeat(257), "r".repeat(1012), "m".repeat(2049), "t".repeat(5000)
  };
  private static final String[] BAD_JSON = {
    "{", "}", "[", "]", "{\"a\"", "{\"a\":}", "{\"a\" 1}", "{,}", "{\"a\":1,}", "[1,]", "{'a':1}",
    "{a:1}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":+1}", "{\"a\":NaN}",
    "{\"a\":Infinity}", "{\"a\":-Infinity}", "{\"a\":-}", "{\"a\":tru}", "{\"a\":nul}",
    "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\uZZZZ\"}", "{\"a\":\"unterminated}",
    "{\"a\":1}{\"b\":2}", "{\"a\":1} x", "{\"a\":1}]", "/* c */{}", "// c\n{}", "# c\n{}",
    "{\"a\":[}", "{\"a\":{]}", "{\"a\":1]", "[{]}", "{\"a\":[1,2}", "{\"a\"::1}", "{:1}",
    "{\"a\":1 \"b\":2}", "{\"modelUnits\":1,\"modelUnits\":2}",
    "{\"resourceARN\":\"a\",\"resourceARN\":\"b\"}",
    "{\"tags\":[{\"key\":\"a\",\"key\":\"b\",\"value\":\"c\"}]}", "{\"a\":1e999999}",
    "{\"modelUnits\":1e999999}", "{\"modelUnits\":-1e-999999}", "{\"modelUnits\":" + "9".repeat(1500) + "}",
    "{\"modelUnits\":0." + "1".repeat(1500) + "}", "{\"a\":\"" + "\\\\".repeat(10) + "\"}",
    "1", "-0", "\"s\"", "null", "true", "false", "[]", "[{}]", "{}", " ", "\n\t ", "{ }",
    "{\"\":\"\"}", "{\"a\":null}", "{\"modelUnits\":null,\"tags\":null}", "\uFEFF{}",
    "{\"tags\":[null]}", "{\"tagKeys\":[null]}", "{\"tags\":[{}]}", "{\"tags\":[{\"key\":null}]}",
    "{\"tags\":[{\"value\":\"v\"}]}", "{\"tagKeys\":[]}", "{\"tags\":[]}",
    "{\"resourceARN\":\"\\ud800\"}", "{\"resourceARN\":\"\\udc00x\"}",
    "{\"provisionedModelName\":\"\\ud83d\"}", "{\"modelId\":\"\\u0000\"}",
    "{\"resourceARN\":\"arn:aws:bedrock:us-east-1:123456789012:provisioned-model/\\ud800bcdefghijk\"}"
  };
  /**
   * Chunk sizes the JDK server cannot read: not hex, signed, longer than 14 characters, or 8 to 14
   * hex digits that its {@code int} overflows to a negative number.
   */
  private static final String[] MALFORMED_CHUNK_SIZES = {
    "zz", "-5", "-1", "+2", "0x2", " 2", "2 ", "g", "FFFFFFFFFFFFFFFFFF", "100000000000000",
    "ffffffff", "80000000", "1ffffffff", "fffffffffffff", "7fffffff0"
  };
  private static final String[] CONTENT_TYPES = {
    "application/json", "application/x-amz-json-1.1", "application/json; charset=utf-8",
    "application/json; charset=utf-16", "application/json; charset=bogus", "text/plain",
    "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
    "", "*/*", "application/json, text/plain", ";;;", "a".repeat(2000), "application/jsonp"
  };
  private static final String[] JUNK_HEADERS = {
    "X-Amz-Target: BedrockControlPlane.CreateProvisionedModelThroughput",
    "X-Amz-Date: not-a-date",
    "Authorization: AWS4-HMAC-SHA256 Credential=junk",
    "Authorization: ",
    "X-Amz-Security-Token: " + "t".repeat(1000),
    "Accept: application/xml",
    "Accept-Encoding: gzip, deflate, br",
    "Content-Encoding: gzip",
    "Content-Encoding: identity",
    "Content-Language: xx",
    "Cookie: a=b; c=d",
    "Range: bytes=0-1",
    "If-None-Match: *",
    "X-Forwarded-For: 127.0.0.1, ::1",
    "User-Agent: " + "u".repeat(4000),
    "x-amzn-RequestId: spoofed",
    "x-amzn-ErrorType: spoofed",
    "Expect: 100-continue",
    "Connection: close",
    "Connection: keep-alive, Upgrade",
    "Upgrade: h2c",
    "Pragma: no-cache",
    "X-Empty:",
    "X-Spaces:     ",
    "X-Unicode: \u00e9\u00ff"
  };

  private final FuzzRandom rnd;
  private final Known known;
  private final String hostHeader;
  private final Supplier<InMemoryStrata> shadows;
  private InMemoryStrata shadow;
  private int serial;
  private int poisoned;

  /**
   * @param shadows builds a fresh shadow holding the pre-created records (one is rebuilt after it
   *     accepted a request)
   */
  FuzzRequests(long seed, int thread, Known known, int port, Supplier<InMemoryStrata> shadows) {
    this.rnd = new FuzzRandom(seed, thread);
    this.known = known;
    this.hostHeader = "127.0.0.1:" + port;
    this.shadows = shadows;
    this.shadow = shadows.get();
  }

  /** How many requests the shadow accepted, and were therefore poisoned before being sent. */
  int poisoned() {
    return poisoned;
  }

  FuzzRequest next() {
    int roll = rnd.nextInt(100);
    if (roll < 45) {
      return mutatedValid();
    }
    if (roll < 57) {
      return badJson();
    }
    if (roll < 65) {
      return wrongTypes();
    }
    if (roll < 69) {
      return huge();
    }
    if (roll < 89) {
      return protocolJunk();
    }
    return randomPathAndQuery();
  }

  // ---------------------------------------------------------------------------------------------
  // Drafts: a request in parts, before it becomes bytes

  /** A request under construction. */
  private static final class Draft {
    String family;
    String method;
    String path;
    String query;
    JsonNode json;
    byte[] rawBody;
    final List<String[]> headers = new ArrayList<>();

    Draft(String family, String method, String path) {
      this.family = family;
      this.method = method;
      this.path = path;
    }

    String target() {
      return query == null ? path : path + "?" + query;
    }

    byte[] body() {
      if (rawBody != null) {
        return rawBody;
      }
      if (json == null) {
        return new byte[0];
      }
      try {
        return JSON.writeValueAsBytes(json);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }

    void header(String name, String value) {
      headers.removeIf(h -> h[0].equalsIgnoreCase(name));
      headers.add(new String[] {name, value});
    }
  }

  /** The valid request of {@code op}, on a pre-created record where it has a target. */
  private Draft valid(int op) {
    String family = "mutated " + OPERATIONS[op];
    switch (op) {
      case CREATE: {
        ObjectNode b = NODES.objectNode();
        b.put("clientRequestToken", "fuzz-token-" + serial + "-" + Long.toHexString(rnd.nextLong()));
        b.put("modelUnits", 1 + rnd.nextInt(3));
        b.put("provisionedModelName", "fuzz-new-" + Long.toString(rnd.nextLong() & 0xFFFFFFFL, 36));
        b.put("modelId", rnd.pick(known.foundationModelIds()));
        if (rnd.nextBoolean()) {
          b.put("commitmentDuration", rnd.nextBoolean() ? "OneMonth" : "SixMonths");
        }
        if (rnd.nextBoolean()) {
          b.set("tags", tags(1 + rnd.nextInt(3)));
        }
        return withJson(new Draft(family, "POST", "/provisioned-model-throughput"), b);
      }
      case GET:
        return new Draft(family, "GET", "/provisioned-model-throughput/" + encode(existingIdentifier()));
      case LIST:
        return query(new Draft(family, "GET", "/provisioned-model-throughputs"), validListQuery());
      case UPDATE: {
        ObjectNode b = NODES.objectNode();
        if (rnd.nextBoolean()) {
          b.put("desiredProvisionedModelName", "renamed-" + rnd.nextInt(1000));
        }
        if (rnd.nextBoolean() || b.isEmpty()) {
          b.put("desiredModelId", rnd.nextBoolean() ? rnd.pick(known.customModelNames()) : rnd.pick(known.foundationModelIds()));
        }
        return withJson(
            new Draft(family, "PATCH", "/provisioned-model-throughput/" + encode(existingIdentifier())), b);
      }
      case DELETE:
        return new Draft(family, "DELETE", "/provisioned-model-throughput/" + encode(existingIdentifier()));
      case TAG: {
        ObjectNode b = NODES.objectNode();
        b.put("resourceARN", rnd.pick(known.arns()));
        b.set("tags", tags(1 + rnd.nextInt(3)));
        return withJson(new Draft(family, "POST", "/tagResource"), b);
      }
      case UNTAG: {
        ObjectNode b = NODES.objectNode();
        b.put("resourceARN", rnd.pick(known.arns()));
        ArrayNode keys = b.putArray("tagKeys");
        keys.add(rnd.nextBoolean() ? "team" : "env");
        return withJson(new Draft(family, "POST", "/untagResource"), b);
      }
      case LIST_TAGS: {
        ObjectNode b = NODES.objectNode();
        b.put("resourceARN", rnd.pick(known.arns()));
        return withJson(new Draft(family, "POST", "/listTagsForResource"), b);
      }
      case GET_FM:
        return new Draft(
            family,
            "GET",
            "/foundation-models/"
                + encode(rnd.nextBoolean() ? rnd.pick(known.foundationModelIds()) : rnd.pick(known.foundationModelArns())));
      case LIST_FM:
        return query(new Draft(family, "GET", "/foundation-models"), validFoundationQuery());
      case GET_CUSTOM:
        return new Draft(
            family,
            "GET",
            "/custom-models/"
                + encode(rnd.nextBoolean() ? rnd.pick(known.customModelNames()) : rnd.pick(known.customModelArns())));
      case LIST_CUSTOM:
        return query(new Draft(family, "GET", "/custom-models"), validCustomQuery());
      default:
        throw new IllegalArgumentException("op " + op);
    }
  }

  private static Draft withJson(Draft d, JsonNode json) {
    d.json = json;
    return d;
  }

  private static Draft query(Draft d, String query) {
    d.query = query.isEmpty() ? null : query;
    return d;
  }

  private String existingIdentifier() {
    return rnd.nextBoolean() ? rnd.pick(known.names()) : rnd.pick(known.arns());
  }

  private ArrayNode tags(int n) {
    ArrayNode tags = NODES.arrayNode();
    for (int i = 0; i < n; i++) {
      tags.addObject().put("key", "fuzz-key-" + i).put("value", "value " + rnd.nextInt(100));
    }
    return tags;
  }

  private String validListQuery() {
    List<String> parts = new ArrayList<>();
    maybe(parts, "creationTimeAfter", "2020-01-01T00:00:00Z");
    maybe(parts, "creationTimeBefore", "2099-01-01T00:00:00.000Z");
    maybe(parts, "statusEquals", "InService");
    maybe(parts, "nameContains", "kept");
    maybe(parts, "maxResults", String.valueOf(1 + rnd.nextInt(5)));
    maybe(parts, "sortBy", "CreationTime");
    maybe(parts, "sortOrder", rnd.nextBoolean() ? "Ascending" : "Descending");
    if (rnd.nextInt(4) == 0) {
      parts.add("nextToken=" + encode(rnd.pick(known.throughputPageTokens())));
    }
    return String.join("&", parts);
  }

  private String validFoundationQuery() {
    List<String> parts = new ArrayList<>();
    maybe(parts, "byProvider", rnd.pickOf("Amazon", "Anthropic", "Meta"));
    maybe(parts, "byCustomizationType", rnd.pickOf("FINE_TUNING", "CONTINUED_PRE_TRAINING", "DISTILLATION"));
    maybe(parts, "byOutputModality", rnd.pickOf("TEXT", "IMAGE", "EMBEDDING"));
    maybe(parts, "byInferenceType", rnd.pickOf("ON_DEMAND", "PROVISIONED"));
    return String.join("&", parts);
  }

  private String validCustomQuery() {
    List<String> parts = new ArrayList<>();
    maybe(parts, "creationTimeBefore", "2099-01-01T00:00:00Z");
    maybe(parts, "nameContains", "titan");
    maybe(parts, "maxResults", String.valueOf(1 + rnd.nextInt(5)));
    maybe(parts, "sortBy", "CreationTime");
    maybe(parts, "sortOrder", "Ascending");
    maybe(parts, "isOwned", rnd.nextBoolean() ? "true" : "false");
    maybe(parts, "modelStatus", rnd.pickOf("Active", "Creating", "Failed"));
    if (rnd.nextInt(4) == 0) {
      parts.add("nextToken=" + encode(rnd.pick(known.customModelPageTokens())));
    }
    return String.join("&", parts);
  }

  private void maybe(List<String> parts, String name, String value) {
    if (rnd.nextInt(3) == 0) {
      parts.add(name + "=" + encode(value));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Families

  /** A valid request of one of the twelve operations, mutated one to three times. */
  private FuzzRequest mutatedValid() {
    Draft d = valid(rnd.nextInt(OPERATIONS.length));
    int mutations = 1 + rnd.nextInt(3);
    for (int i = 0; i < mutations; i++) {
      mutate(d);
    }
    return finish(d, rnd.nextInt(4) == 0 ? Transport.HTTP_CLIENT : Transport.KEEP_ALIVE);
  }

  private void mutate(Draft d) {
    switch (rnd.nextInt(10)) {
      case 0:
        d.method = rnd.nextInt(3) == 0 ? rnd.pick(OTHER_METHODS) : rnd.pick(VALID_METHODS);
        d.family += " +method";
        break;
      case 1:
        d.path = tweakPath(d.path);
        d.family += " +path";
        break;
      case 2:
        d.path = mutateLabel(d.path);
        d.family += " +label";
        break;
      case 3:
      case 4:
        d.query = mutateQuery(d.query);
        d.family += " +query";
        break;
      case 5:
      case 6:
        if (d.rawBody == null && d.json != null && d.json.isObject()) {
          mutateTree((ObjectNode) d.json);
          d.family += " +member";
        } else if (d.rawBody == null && d.json == null) {
          d.json = junkObject();
          d.family += " +body";
        }
        break;
      case 7:
        d.header("Content-Type", rnd.pick(CONTENT_TYPES));
        d.family += " +content-type";
        break;
      case 8:
        addJunkHeader(d);
        d.family += " +header";
        break;
      default:
        d.rawBody = tweakBytes(d.body());
        d.family += " +bytes";
        break;
    }
  }

  /** Bodies that are not JSON, not an object, or JSON that Strata's reader must refuse. */
  private FuzzRequest badJson() {
    Draft d = bodyRoute("bad JSON");
    d.rawBody = junkJson();
    if (rnd.nextInt(5) == 0) {
      d.header("Content-Type", rnd.pick(CONTENT_TYPES));
    }
    return finish(d, rnd.nextInt(5) == 0 ? Transport.HTTP_CLIENT : Transport.KEEP_ALIVE);
  }

  /** A valid body with one to three members of the wrong JSON type. */
  private FuzzRequest wrongTypes() {
    int[] ops = {CREATE, UPDATE, TAG, UNTAG, LIST_TAGS};
    int op = ops[rnd.nextInt(ops.length)];
    Draft d = valid(op);
    d.family = "wrong types " + OPERATIONS[op];
    ObjectNode b = (ObjectNode) d.json;
    String[] members = members(op);
    int n = 1 + rnd.nextInt(Math.min(3, members.length));
    for (int i = 0; i < n; i++) {
      String m = members[rnd.nextInt(members.length)];
      b.set(m, wrongValue(memberType(m)));
      d.family += " " + m;
    }
    return finish(d, rnd.nextInt(4) == 0 ? Transport.HTTP_CLIENT : Transport.KEEP_ALIVE);
  }

  /** 100 KB strings, bodies around and far beyond the 1 MiB limit, deep nesting, many members. */
  private FuzzRequest huge() {
    switch (rnd.nextInt(12)) {
      case 0: {
        Draft d = valid(CREATE);
        ((ObjectNode) d.json).put("provisionedModelName", "n".repeat(100_000));
        d.family = "huge name";
        return finish(d, Transport.KEEP_ALIVE);
      }
      case 1: {
        Draft d = valid(rnd.nextBoolean() ? TAG : LIST_TAGS);
        ((ObjectNode) d.json).put("resourceARN", "arn:aws:bedrock:" + "r".repeat(100_000));
        d.family = "huge ARN";
        return finish(d, Transport.KEEP_ALIVE);
      }
      case 2: {
        Draft d = new Draft("huge label", rnd.pickOf("GET", "PATCH", "DELETE"),
            rnd.pickOf("/provisioned-model-throughput/", "/foundation-models/", "/custom-models/")
                + "l".repeat(100_000));
        return finish(d, Transport.KEEP_ALIVE);
      }
      case 3: {
        Draft d = valid(pickOp(LIST, LIST_FM, LIST_CUSTOM));
        d.query = "nameContains=" + "q".repeat(100_000);
        d.family = "huge query value";
        return finish(d, Transport.KEEP_ALIVE);
      }
      case 4: {
        Draft d = valid(pickOp(LIST, LIST_CUSTOM));
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
          q.append(i == 0 ? "" : "&").append(rnd.pick(QUERY_NAMES)).append('=').append(i);
        }
        d.query = q.toString();
        d.family = "five thousand query parameters";
        return finish(d, Transport.KEEP_ALIVE);
      }
      case 5: {
        Draft d = bodyRoute("one byte over the limit");
        d.rawBody = jsonOfLength(LIMIT + 1);
        return finish(d, Transport.ONE_SHOT);
      }
      case 6: {
        Draft d = bodyRoute("exactly the limit");
        d.rawBody = jsonOfLength(LIMIT);
        return finish(d, Transport.KEEP_ALIVE);
      }
      case 7: {
        Draft d = bodyRoute("2 MB body");
        d.rawBody = jsonOfLength(2_000_000);
        return finish(d, rnd.nextBoolean() ? Transport.ONE_SHOT : Transport.HTTP_CLIENT);
      }
      case 8: {
        Draft d = bodyRoute("2 MB chunked body");
        d.rawBody = jsonOfLength(2_000_000);
        d.header("Transfer-Encoding", "chunked");
        return finish(d, Transport.ONE_SHOT);
      }
      case 9: {
        Draft d = bodyRoute("100k nested arrays");
        d.rawBody = ascii("[".repeat(100_000) + (rnd.nextBoolean() ? "]".repeat(100_000) : ""));
        return finish(d, Transport.KEEP_ALIVE);
      }
      case 10: {
        Draft d = bodyRoute("deep nesting in a member");
        String open = rnd.nextBoolean() ? "{\"a\":" : "[";
        int depth = rnd.pickInt(499, 500, 501, 5_000, 50_000);
        d.rawBody = ascii("{\"tags\":" + open.repeat(depth) + "1" + (open.equals("[") ? "]" : "}").repeat(depth) + "}");
        return finish(d, Transport.KEEP_ALIVE);
      }
      default: {
        Draft d = valid(pickOp(CREATE, TAG));
        ((ObjectNode) d.json).set("tags", tags(rnd.pickInt(50, 51, 200, 201, 5_000)));
        d.family = "many tags";
        return finish(d, Transport.KEEP_ALIVE);
      }
    }
  }

  /** Broken HTTP: request lines, percent-encoding, headers and framing; mostly one-shot. */
  private FuzzRequest protocolJunk() {
    String method = rnd.nextInt(3) == 0 ? rnd.pick(OTHER_METHODS) : rnd.pick(VALID_METHODS);
    String target = junkTarget();
    byte[] body = rnd.nextInt(3) == 0 ? new byte[0] : junkJson();
    String family;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean wellFramed = false;
    int kind = rnd.nextInt(17);
    if (kind == 16) {
      return malformedChunkSize();
    }
    switch (kind) {
      case 0:
        family = "bad percent-encoding";
        target = rnd.pickOf("/provisioned-model-throughput/", "/foundation-models/", "/custom-models/",
                "/provisioned-model-throughputs?nameContains=", "/custom-models?nextToken=")
            + rnd.pickOf("%", "%G1", "%ZZ", "%2", "a%", "%%41", "%C0%AF", "%E0%80%AF", "%ED%A0%80",
                "%F8%88%80%80%80", "%FF%FE", "%00", "%0D%0A", "%u0041", "%C3", "%e2%82", "%2F%2E%2E");
        write(out, method + " " + target + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n"
            + lengthHeader(body) + "\r\n");
        out.writeBytes(body);
        wellFramed = true;
        break;
      case 1:
        family = "raw bytes in the request line";
        write(out, method + " ");
        out.writeBytes(rnd.bytes(1 + rnd.nextInt(40)));
        write(out, " HTTP/1.1\r\nHost: " + hostHeader + "\r\n\r\n");
        break;
      case 2:
        family = "odd HTTP version";
        write(out, method + " " + target + " " + rnd.pickOf("HTTP/1.0", "HTTP/2.0", "HTTP/9.9",
                "HTTP/1.1.1", "http/1.1", "HTTP/1", "FOO/1.1", "HTTP/1.1 extra", "", "HTTP/0.9",
                "HTTP/1.1\u0000")
            + "\r\nHost: " + hostHeader + "\r\n" + lengthHeader(body) + "\r\n");
        out.writeBytes(body);
        break;
      case 3:
        family = "odd request line";
        write(out, rnd.pickOf("GET\r\n", "\r\n\r\nGET / HTTP/1.1\r\n", "GET  /foundation-models  HTTP/1.1\r\n",
                "GET\t/foundation-models\tHTTP/1.1\r\n", " GET /foundation-models HTTP/1.1\r\n",
                "GET /foundation-models\r\n", "GET * HTTP/1.1\r\n", "OPTIONS * HTTP/1.1\r\n",
                "CONNECT 127.0.0.1:80 HTTP/1.1\r\n", "GET http://example.com/foundation-models HTTP/1.1\r\n",
                "GET //foundation-models HTTP/1.1\r\n", "GET foundation-models HTTP/1.1\r\n",
                "GET mailto:x@y HTTP/1.1\r\n", "GET urn:x HTTP/1.1\r\n", "GET ? HTTP/1.1\r\n",
                "GET /?# HTTP/1.1\r\n", "GET /# HTTP/1.1\r\n", "GET #x HTTP/1.1\r\n",
                "GET http://[::1 HTTP/1.1\r\n", "GET http://user@host:99999/ HTTP/1.1\r\n",
                method + " " + target + " HTTP/1.1 trailing words\r\n", "\u0000\u0000\u0000\r\n",
                "PRI * HTTP/2.0\r\n\r\nSM\r\n")
            + "Host: " + hostHeader + "\r\n\r\n");
        break;
      case 4:
        family = "bad Content-Length";
        write(out, method + " " + target + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n"
            + rnd.pickOf("Content-Length: abc\r\n", "Content-Length: -1\r\n", "Content-Length: -100\r\n",
                "Content-Length: 99999999999999999999\r\n", "Content-Length: 9223372036854775807\r\n",
                "Content-Length: 1e3\r\n", "Content-Length:\r\n", "Content-Length: 5\r\nContent-Length: 7\r\n",
                "Content-Length: +5\r\n", "Content-Length: 0x10\r\n", "Content-Length: 5, 5\r\n",
                "Content-Length:  " + body.length + " \r\n", "content-length: " + body.length + "\r\n",
                "Content-Length: " + (body.length + 1 + rnd.nextInt(100)) + "\r\n",
                "Content-Length: " + Math.max(0, body.length - 1 - rnd.nextInt(5)) + "\r\n",
                "Content-Length: 0\r\n", "Content-Length: 2000000\r\n",
                "Content-Length: " + body.length + "\r\nTransfer-Encoding: chunked\r\n")
            + "\r\n");
        out.writeBytes(body);
        break;
      case 5:
        family = "bad chunked body";
        write(out, method + " " + target + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n"
            + rnd.pickOf("Transfer-Encoding: chunked\r\n", "Transfer-Encoding: CHUNKED\r\n",
                "Transfer-Encoding: chunked, chunked\r\n", "Transfer-Encoding: gzip, chunked\r\n",
                "Transfer-Encoding: gzip\r\n", "Transfer-Encoding: identity\r\n",
                "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n",
                "Transfer-Encoding : chunked\r\n")
            + "\r\n");
        write(out, rnd.pickOf("zz\r\nabc\r\n0\r\n\r\n", "-1\r\nabc\r\n0\r\n\r\n",
            "FFFFFFFFFFFFFFFFFF\r\nabc\r\n", "3\r\nabcdef\r\n0\r\n\r\n", "3\r\nab",
            "3;ext=\"x\r\nabc\r\n0\r\n\r\n", "2\r\n{}\r\n0\r\nTrailer: x\r\n\r\n", "2\r\n{}\r\n",
            "0\r\n\r\n", "\r\n", "7fffffff\r\n{}", "2\n{}\n0\n\n", " 2 \r\n{}\r\n0\r\n\r\n",
            "1\r\n\u00ff\r\n0\r\n\r\n", "100000000\r\n"));
        break;
      case 6:
        family = "malformed header";
        write(out, method + " " + target + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n"
            + rnd.pickOf("NoColonHere\r\n", ": empty-name\r\n", "Bad Name: x\r\n", "X-Fold: a\r\n  folded\r\n",
                " Leading-Space: x\r\n", "X-Nul: a\u0000b\r\n", "X-Ctl: \u0001\u0002\r\n",
                "X-Latin: \u00e9\u00ff\r\n", "X-Long: " + "h".repeat(100_000) + "\r\n",
                "Content-Type: application/json\u0000\r\n", "Host: \r\n", "Host: a\r\nHost: b\r\n",
                "X-A: 1\nX-B: 2\r\n", "X-Bare-CR: a\rb\r\n", "\u0000: x\r\n", "X-Tab:\tvalue\r\n")
            + lengthHeader(body) + "\r\n");
        out.writeBytes(body);
        break;
      case 7: {
        family = "many headers";
        write(out, method + " " + target + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n");
        int n = rnd.pickInt(150, 199, 200, 201, 1_000);
        for (int i = 0; i < n; i++) {
          write(out, "X-Fuzz-" + i + ": " + i + "\r\n");
        }
        write(out, "\r\n");
        break;
      }
      case 8:
        family = "LF line endings";
        write(out, method + " " + target + " HTTP/1.1\nHost: " + hostHeader + "\n" + lengthHeader(body).replace("\r\n", "\n") + "\n");
        out.writeBytes(body);
        break;
      case 9:
        family = "unterminated head";
        write(out, method + " " + target + " HTTP/1.1\r\nHost: " + hostHeader + rnd.pickOf("", "\r\n", "\r", "\n", "\r\nX-Half"));
        break;
      case 10:
        family = "random bytes";
        out.writeBytes(rnd.bytes(rnd.nextInt(400)));
        break;
      case 11:
        family = "TLS or HTTP/2 bytes on the plain port";
        out.writeBytes(rnd.nextBoolean()
            ? new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0x00, 0x00, (byte) 0xa1, 0x03, 0x03}
            : ascii("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\u0000\u0000\u0012\u0004\u0000\u0000\u0000\u0000\u0000"));
        break;
      case 12:
        family = "pipelined requests";
        for (int i = 0, n = 2 + rnd.nextInt(3); i < n; i++) {
          String m = i == 0 ? method : "GET";
          String t = i == 0 ? target : rnd.pickOf("/foundation-models", "/custom-models", "/provisioned-model-throughputs");
          byte[] b = i == 0 ? body : new byte[0];
          write(out, m + " " + t + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n" + lengthHeader(b) + "\r\n");
          out.writeBytes(b);
        }
        break;
      case 13:
        family = "trailing garbage after the body";
        write(out, method + " " + target + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n" + lengthHeader(body) + "\r\n");
        out.writeBytes(body);
        out.writeBytes(rnd.bytes(1 + rnd.nextInt(50)));
        break;
      case 14:
        family = "empty connection";
        write(out, rnd.pickOf("", "\r\n", "\r\n\r\n", " "));
        break;
      default:
        family = "junk method and target";
        write(out, method + " " + target + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n" + lengthHeader(body)
            + (rnd.nextBoolean() ? "Content-Type: " + rnd.pick(CONTENT_TYPES) + "\r\n" : "") + "\r\n");
        out.writeBytes(body);
        wellFramed = true;
        break;
    }
    byte[] raw = out.toByteArray();
    return shadowChecked(
        family,
        raw,
        wellFramed && asciiSafe(method) && asciiSafe(target) && rnd.nextBoolean()
            ? Transport.KEEP_ALIVE
            : Transport.ONE_SHOT);
  }

  /**
   * A chunked body whose chunk size the JDK server cannot read, behind a clean request line: the
   * handler must answer it (see {@link FuzzAnswers#MALFORMED_FRAMING}).
   */
  private FuzzRequest malformedChunkSize() {
    Draft d = bodyRoute("malformed chunk size");
    byte[] body = junkJson();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, d.method + " " + d.target() + " HTTP/1.1\r\nHost: " + hostHeader
        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        + rnd.pick(MALFORMED_CHUNK_SIZES) + "\r\n");
    out.writeBytes(body);
    write(out, "\r\n0\r\n\r\n");
    return shadowChecked(d.family, out.toByteArray(), Transport.ONE_SHOT, FuzzAnswers.MALFORMED_FRAMING);
  }

  /** Random paths and query parameters with the four real methods and a few others. */
  private FuzzRequest randomPathAndQuery() {
    String method = rnd.nextInt(5) == 0 ? rnd.pick(OTHER_METHODS) : rnd.pick(VALID_METHODS);
    StringBuilder path = new StringBuilder();
    for (int i = 0, n = 1 + rnd.nextInt(4); i < n; i++) {
      path.append('/').append(rnd.nextInt(3) == 0 ? encode(nonexistentLabel()) : rnd.pick(SEGMENTS));
    }
    Draft d = new Draft("random path and query", method, path.toString());
    if (rnd.nextBoolean()) {
      d.query = mutateQuery(null);
    }
    if (!method.equals("GET") && rnd.nextBoolean()) {
      d.json = junkObject();
    }
    return finish(d, rnd.nextInt(3) == 0 ? Transport.HTTP_CLIENT : Transport.KEEP_ALIVE);
  }

  // ---------------------------------------------------------------------------------------------
  // Mutations

  private String tweakPath(String path) {
    switch (rnd.nextInt(10)) {
      case 0:
        return path + "/";
      case 1:
        return "/" + path;
      case 2:
        return path + "/" + encode(rnd.pick(JUNK));
      case 3:
        return path.toUpperCase(Locale.ROOT);
      case 4:
        return path.replaceFirst("/", "/./");
      case 5:
        return path + "/..";
      case 6:
        return path.replace("-", "%2D");
      case 7:
        return path.substring(0, rnd.nextInt(path.length() + 1));
      case 8:
        return path + rnd.pickOf("%2F", "%2f", "%00", "%20", ";jsessionid=x", "#frag", "?", "??");
      default:
        return path.replaceFirst("/", "//");
    }
  }

  /** The last segment (the label, when there is one) replaced or mangled. */
  private String mutateLabel(String path) {
    int slash = path.lastIndexOf('/');
    String prefix = path.substring(0, slash + 1);
    String label = PercentDecoding.decode(path.substring(slash + 1)).getOrElse("");
    switch (rnd.nextInt(12)) {
      case 0:
        return prefix + encode(label + rnd.pick(JUNK));
      case 1:
        return prefix + encodeAll(label, rnd.nextBoolean());
      case 2:
        return prefix + encode(label).replace("%", "%25");
      case 3:
        return prefix + rawUtf8(rnd.pick(JUNK));
      case 4:
        return prefix + encode(rnd.pick(JUNK));
      case 5:
        return prefix;
      case 6:
        return prefix + encode(label.toUpperCase(Locale.ROOT));
      case 7:
        return prefix + rnd.pickOf("%C0%AF", "%E0%80%AF", "%ED%A0%80", "%F0%80%80%AF", "%FF", "%00",
            "%C0%80", "%EF%BF%BF", "%F4%90%80%80") + encode(label);
      case 8:
        return prefix + encode(label.isEmpty() ? "x" : label.substring(0, rnd.nextInt(label.length())));
      case 9:
        return prefix + encode(label) + "/" + encode(label);
      case 10:
        return prefix + encode(label).replace("%3A", ":").replace("%2F", "/");
      default:
        return prefix + encode(label + new String(Character.toChars(0x10000 + rnd.nextInt(0x1000))));
    }
  }

  /** {@code query} with junk parameters added, values replaced, or structure broken. */
  private String mutateQuery(String query) {
    List<String> parts = new ArrayList<>(query == null ? List.of() : Arrays.asList(query.split("&", -1)));
    for (int i = 0, n = 1 + rnd.nextInt(3); i < n; i++) {
      switch (rnd.nextInt(8)) {
        case 0:
          parts.add(encode(rnd.pick(QUERY_NAMES)) + "=" + encode(queryValue()));
          break;
        case 1:
          if (!parts.isEmpty()) {
            parts.remove(rnd.nextInt(parts.size()));
          }
          break;
        case 2:
          parts.add(rnd.pick(QUERY_NAMES) + "=" + rawUtf8(queryValue()));
          break;
        case 3:
          parts.add(rnd.pickOf("", "=", "==", "a", "a=b=c", "&", "maxResults", "maxResults=", "=1",
              "nextToken=%", "nextToken=%G1", "maxResults=%31", "sortOrder=Ascending%00"));
          break;
        case 4:
          if (!parts.isEmpty()) {
            parts.add(0, parts.get(rnd.nextInt(parts.size())));
          }
          break;
        case 5:
          parts.add("nextToken=" + encode(mangledToken()));
          break;
        default:
          parts.add(encode(rnd.pick(QUERY_NAMES)) + "=" + encode(rnd.pick(rnd.nextBoolean() ? TIMESTAMPS : INTEGERS)));
          break;
      }
    }
    return String.join("&", parts);
  }

  private String queryValue() {
    switch (rnd.nextInt(5)) {
      case 0:
        return rnd.pick(TIMESTAMPS);
      case 1:
        return rnd.pick(INTEGERS);
      case 2:
        return rnd.pick(ENUMS);
      case 3:
        return mangledToken();
      default:
        return rnd.pick(JUNK);
    }
  }

  private String mangledToken() {
    List<String> tokens = new ArrayList<>(known.throughputPageTokens());
    tokens.addAll(known.customModelPageTokens());
    String t = rnd.pick(tokens);
    switch (rnd.nextInt(8)) {
      case 0:
        return t.substring(0, rnd.nextInt(t.length() + 1));
      case 1:
        return t + rnd.pick(JUNK);
      case 2: {
        char[] c = t.toCharArray();
        c[rnd.nextInt(c.length)] = (char) ('!' + rnd.nextInt(94));
        return new String(c);
      }
      case 3:
        return new StringBuilder(t).reverse().toString();
      case 4:
        return java.util.Base64.getEncoder().encodeToString(ascii(rnd.pickOf("{}", "[]", "null", "{\"a\":1}",
            "x", "{\"offset\":-1}", "\u0000", "{\"k\":\"" + "z".repeat(3000) + "\"}")));
      case 5:
        return java.util.Base64.getUrlEncoder().encodeToString(rnd.bytes(rnd.nextInt(64)));
      case 6:
        return "x".repeat(rnd.pickInt(2048, 2049, 10_000));
      default:
        return t;
    }
  }

  /** One structural change to a body tree: a member dropped, nulled, retyped or replaced. */
  private void mutateTree(ObjectNode b) {
    List<String> names = new ArrayList<>();
    b.fieldNames().forEachRemaining(names::add);
    String member = names.isEmpty() ? "provisionedModelName" : rnd.pick(names);
    switch (rnd.nextInt(9)) {
      case 0:
        b.remove(member);
        break;
      case 1:
        b.putNull(member);
        break;
      case 2:
        b.set(member, wrongValue(memberType(member)));
        break;
      case 3:
        b.put(member, rnd.pick(JUNK));
        break;
      case 4:
        b.put(member, rnd.pickInt(0, -1, 1, 1000, 1001, Integer.MAX_VALUE, Integer.MIN_VALUE));
        break;
      case 5:
        b.set(rnd.pickOf("unknownMember", "ModelUnits", "RESOURCEARN", "tags ", "__proto__", ""), junkValue(3));
        break;
      case 6: {
        ArrayNode tags = b.putArray(rnd.nextBoolean() ? "tags" : "tagKeys");
        for (int i = 0, n = rnd.nextInt(5); i < n; i++) {
          if (rnd.nextBoolean()) {
            tags.addObject()
                .put("key", rnd.nextBoolean() ? rnd.pick(JUNK) : rnd.pickOf("aws:x", "team", "team", "Team"))
                .put("value", rnd.pick(JUNK));
          } else {
            tags.add(rnd.pick(JUNK));
          }
        }
        break;
      }
      case 7:
        b.set(member, junkValue(4));
        break;
      default:
        b.removeAll();
        break;
    }
  }

  /** One byte-level change to a serialized body, most of which break the JSON. */
  private byte[] tweakBytes(byte[] body) {
    if (body.length == 0) {
      return junkJson();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = rnd.nextInt(body.length + 1);
    switch (rnd.nextInt(12)) {
      case 0:
        return Arrays.copyOf(body, rnd.nextInt(body.length));
      case 1:
        out.writeBytes(body);
        out.writeBytes(ascii(rnd.pickOf(",", "}", "]", " x", "{}", "\u0000", "\n\n{}", "null")));
        return out.toByteArray();
      case 2:
        out.writeBytes(ascii(rnd.pickOf("]", ",", "\u0000", "//c\n", "/*", "\uFEFF", " \n\t", "\u00ef\u00bb\u00bf",
            "\u00fe\u00ff", "\u00ff\u00fe", "\u0000\u0000\u00fe\u00ff")));
        out.writeBytes(body);
        return out.toByteArray();
      case 3: {
        int quote = indexAfterQuote(body);
        out.write(body, 0, quote);
        out.writeBytes(ascii(rnd.pickOf("\\u0000", "\\ud800", "\\udc00", "\\ud800\\ud800", "\\uffff",
            "\\u0085", "\\u2028", "\\/", "\\\"", "\\b\\f\\n\\r\\t", "\\ud83d\\ude00")));
        out.write(body, quote, body.length - quote);
        return out.toByteArray();
      }
      case 4: {
        int quote = indexAfterQuote(body);
        out.write(body, 0, quote);
        out.writeBytes(pickBytes(new byte[] {0}, new byte[] {0x1f}, new byte[] {'\n'},
            new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc0, (byte) 0xaf},
            new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xe2, (byte) 0x82},
            new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xc1, (byte) 0xbf}, new byte[] {(byte) 0xe0, (byte) 0x80, (byte) 0xaf},
            new byte[] {(byte) 0xf0, (byte) 0x80, (byte) 0x80, (byte) 0xaf}, new byte[] {(byte) 0xc0, (byte) 0x80},
            new byte[] {(byte) 0xed, (byte) 0xbf, (byte) 0xbf}, new byte[] {(byte) 0xf5, (byte) 0x80, (byte) 0x80, (byte) 0x80}));
        out.write(body, quote, body.length - quote);
        return out.toByteArray();
      }
      case 5: {
        byte[] copy = body.clone();
        copy[Math.min(at, copy.length - 1)] = (byte) rnd.nextInt(256);
        return copy;
      }
      case 6: {
        int brace = indexOf(body, (byte) '{');
        if (brace < 0) {
          return body;
        }
        out.write(body, 0, brace + 1);
        out.writeBytes(ascii(rnd.pickOf("\"resourceARN\":\"x\",", "\"modelUnits\":1,", "\"tags\":[],",
            "\"provisionedModelName\":\"dup\",", "\"a\":1,\"a\":2,")));
        out.write(body, brace + 1, body.length - brace - 1);
        return out.toByteArray();
      }
      case 7:
        return new String(body, StandardCharsets.UTF_8).getBytes(
            pickCharset("UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32BE", "UTF-32LE"));
      case 8:
        return ascii(new String(body, StandardCharsets.UTF_8).replaceFirst(":", rnd.pickOf("=", "::", ": :", "")));
      case 9:
        return ascii(new String(body, StandardCharsets.UTF_8).replaceFirst("\"", rnd.pickOf("'", "", "\"\"")));
      case 10:
        return ascii(new String(body, StandardCharsets.UTF_8).replaceFirst(",", rnd.pickOf("", ",,", ";")));
      default: {
        out.write(body, 0, at);
        out.writeBytes(rnd.bytes(1 + rnd.nextInt(8)));
        out.write(body, at, body.length - at);
        return out.toByteArray();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Finishing: shadow check, poisoning, bytes

  /**
   * The draft as bytes, poisoned first for as long as the shadow accepts it on a mutating route.
   * Route and acceptance are judged on the request line the JDK server will read from the bytes,
   * which is not always the draft's target (a raw space in it ends the target early).
   */
  private FuzzRequest finish(Draft d, Transport transport) {
    for (int attempt = 0; ; attempt++) {
      byte[] body = d.body();
      boolean chunked = d.headers.stream().anyMatch(h -> h[0].equalsIgnoreCase("Transfer-Encoding"));
      byte[] raw = bytes(d, body, chunked);
      String[] line = requestLine(raw);
      int op = line == null ? -1 : classify(line[0], line[1]);
      if (op >= 0 && mutating(op) && accepted(line[0], line[1], body)) {
        if (attempt == 0) {
          poisoned++;
        }
        poison(d, op, attempt);
        continue;
      }
      // A body the server does not read (no route, or a route without one) is drained only up to
      // 64 KB before the connection is closed, which may reset it before the answer is read: such
      // requests, like any that cannot go on a request line intact, get a connection of their own.
      boolean unread = body.length > 64 * 1024 && (op < 0 || !ROUTES.get(op).hasBody());
      boolean intact = asciiSafe(d.method) && asciiSafe(d.target());
      if (transport == Transport.KEEP_ALIVE && (body.length > 256 * 1024 || unread || !intact)) {
        transport = Transport.ONE_SHOT;
      }
      if (transport == Transport.HTTP_CLIENT && (chunked || unread || !intact)) {
        transport = Transport.ONE_SHOT;
      }
      serial++;
      return new FuzzRequest(
          d.family,
          d.method,
          d.target(),
          List.copyOf(d.headers),
          body,
          raw,
          transport,
          op < 0 ? null : OPERATIONS[op],
          op >= 0 && mutating(op),
          op < 0 || body.length > LIMIT || RawHttp.overTheHeaderLimit(raw)
              ? FuzzAnswers.ANY
              : FuzzAnswers.forRoute(ROUTES.get(op), URI.create(line[1]), body));
    }
  }

  private byte[] bytes(Draft d, byte[] body, boolean chunked) {
    StringBuilder head = new StringBuilder();
    head.append(d.method).append(' ').append(d.target()).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(hostHeader).append("\r\n");
    if (d.headers.stream().noneMatch(h -> h[0].equalsIgnoreCase("Content-Type")) && body.length > 0) {
      head.append("Content-Type: application/json\r\n");
    }
    for (String[] h : d.headers) {
      head.append(h[0]).append(": ").append(h[1]).append("\r\n");
    }
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    if (chunked) {
      head.append("\r\n");
      write(raw, head.toString());
      for (int i = 0; i < body.length; i += 65_536) {
        int n = Math.min(65_536, body.length - i);
        write(raw, Integer.toHexString(n) + "\r\n");
        raw.write(body, i, n);
        write(raw, "\r\n");
      }
      write(raw, "0\r\n\r\n");
    } else {
      head.append(lengthHeader(body)).append("\r\n");
      write(raw, head.toString());
      raw.writeBytes(body);
    }
    return raw.toByteArray();
  }

  /**
   * Raw bytes checked like a draft. Should the shadow accept them on a mutating route (raw
   * requests carry junk or empty bodies and labels that name nothing, so it should not), they are
   * not sent: a poisoned draft of the same request line and body is sent instead.
   */
  private FuzzRequest shadowChecked(String family, byte[] raw, Transport transport) {
    return shadowChecked(family, raw, transport, FuzzAnswers.ANY);
  }

  private FuzzRequest shadowChecked(
      String family, byte[] raw, Transport transport, FuzzAnswers predicted) {
    String[] line = requestLine(raw);
    int op = line == null ? -1 : classify(line[0], line[1]);
    byte[] body = bodyAfterHead(raw);
    if (op >= 0 && mutating(op) && accepted(line[0], line[1], body)) {
      Draft d = new Draft(family + " (poisoned)", line[0], line[1]);
      d.rawBody = body;
      return finish(d, transport);
    }
    serial++;
    return new FuzzRequest(
        family,
        line == null ? "" : line[0],
        line == null ? "" : line[1],
        List.of(),
        body,
        raw,
        transport,
        op < 0 ? null : OPERATIONS[op],
        op >= 0 && mutating(op),
        predicted);
  }

  /**
   * The method and target the JDK server reads from {@code raw}, or null when it reads none: it
   * skips empty lines, ends the request line at the first CRLF (a lone CR or LF is an ordinary
   * character), and takes the target from between the first and the second space.
   */
  static String[] requestLine(byte[] raw) {
    int from = 0;
    while (from + 1 < raw.length && raw[from] == '\r' && raw[from + 1] == '\n') {
      from += 2;
    }
    int end = -1;
    for (int i = from; i + 1 < raw.length; i++) {
      if (raw[i] == '\r' && raw[i + 1] == '\n') {
        end = i;
        break;
      }
    }
    if (end < 0) {
      return null;
    }
    String line = new String(raw, from, end - from, StandardCharsets.ISO_8859_1);
    int first = line.indexOf(' ');
    int second = first < 0 ? -1 : line.indexOf(' ', first + 1);
    if (second < 0) {
      return null;
    }
    return new String[] {line.substring(0, first), line.substring(first + 1, second)};
  }

  private static byte[] bodyAfterHead(byte[] raw) {
    for (int i = 0; i + 3 < raw.length; i++) {
      if (raw[i] == '\r' && raw[i + 1] == '\n' && raw[i + 2] == '\r' && raw[i + 3] == '\n') {
        return Arrays.copyOfRange(raw, i + 4, raw.length);
      }
    }
    return new byte[0];
  }

  /**
   * Makes a request on a mutating route refused: an invalid member value first, then (from the
   * second attempt on) a label that names nothing or a body that cannot be JSON.
   */
  private void poison(Draft d, int op, int attempt) {
    d.family += " +poison";
    if (op == DELETE || (op == UPDATE && (attempt > 0 || rnd.nextBoolean()))) {
      d.path = "/provisioned-model-throughput/" + encode(nonexistentLabel());
      return;
    }
    if (attempt > 1 || d.rawBody != null || d.json == null || !d.json.isObject()) {
      byte[] body = d.body();
      d.rawBody = new byte[body.length + 1];
      d.rawBody[0] = (byte) rnd.pickOf("]", "}", ",", ":", "#", "'", "\u0000").charAt(0);
      System.arraycopy(body, 0, d.rawBody, 1, body.length);
      return;
    }
    ObjectNode b = (ObjectNode) d.json;
    switch (op) {
      case CREATE:
        switch (rnd.nextInt(7)) {
          case 0:
            b.put("modelUnits", rnd.pickInt(0, -1, Integer.MIN_VALUE));
            break;
          case 1:
            b.put("provisionedModelName", rnd.pickOf("", "bad name", "bad!", "-x", "x--y", "a".repeat(64)));
            break;
          case 2:
            b.put("modelId", rnd.pickOf("", "m".repeat(2049)));
            break;
          case 3:
            b.put("commitmentDuration", rnd.pickOf("TwoYears", "onemonth", ""));
            break;
          case 4:
            b.put("clientRequestToken", rnd.pickOf("", "-bad", "bad_token", "a".repeat(257)));
            break;
          case 5:
            b.remove(rnd.pickOf("modelUnits", "provisionedModelName", "modelId"));
            break;
          default:
            b.putArray("tags").addObject().put("key", rnd.pickOf("", "bad!key", "k".repeat(129))).put("value", "v");
            break;
        }
        return;
      case UPDATE:
        if (rnd.nextBoolean()) {
          b.put("desiredProvisionedModelName", rnd.pickOf("", "bad name", "bad!", "-x", "a".repeat(64)));
        } else {
          b.put("desiredModelId", rnd.pickOf("", "m".repeat(2049)));
        }
        return;
      case TAG:
        if (rnd.nextBoolean()) {
          b.put("resourceARN", nonexistentArn());
        } else {
          b.putArray("tags").addObject().put("key", rnd.pickOf("", "bad!key", "k".repeat(129))).put("value", "v");
        }
        return;
      default:
        if (rnd.nextBoolean()) {
          b.put("resourceARN", nonexistentArn());
        } else {
          b.putArray("tagKeys").add(rnd.pickOf("", "bad!key", "k".repeat(129)));
        }
    }
  }

  /** The index of the route the server would run for this method and target, or -1. */
  static int classify(String method, String target) {
    String rawPath;
    try {
      rawPath = new URI(target).getRawPath();
    } catch (URISyntaxException e) {
      return -1;
    }
    String[] segments = Route.split(rawPath == null ? "" : rawPath);
    for (int i = 0; i < ROUTES.size(); i++) {
      Route route = ROUTES.get(i);
      if (route.matches(method, segments)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether the shadow Strata accepts this request, read as the server reads it: routed on the raw
   * path, a body over the limit refused, the body and query parsed by the server's own readers.
   * A shadow that accepted is replaced, so that it always holds exactly the pre-created records.
   */
  private boolean accepted(String method, String target, byte[] body) {
    URI uri;
    try {
      uri = new URI(target);
    } catch (URISyntaxException e) {
      return false;
    }
    if (body.length > LIMIT) {
      return false;
    }
    String[] segments = Route.split(uri.getRawPath() == null ? "" : uri.getRawPath());
    for (Route route : BedrockOperations.ROUTES) {
      if (route.matches(method, segments)) {
        Either<Refusal, Reply> reply =
            WireRequest.read(shadow.service(), route, segments, uri.getRawQuery(), body)
                .<Refusal>mapLeft(refused -> refused)
                .flatMap(request -> route.operation().apply(request));
        if (reply.isRight() && reply.get().status() < 300) {
          shadow = shadows.get();
          return true;
        }
        return false;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Building blocks

  /** A body route (sometimes a body-less one, which ignores the body) with a target naming nothing. */
  private Draft bodyRoute(String family) {
    switch (rnd.nextInt(7)) {
      case 0:
        return new Draft(family, "POST", "/provisioned-model-throughput");
      case 1:
        return new Draft(family, "PATCH", "/provisioned-model-throughput/" + encode(nonexistentLabel()));
      case 2:
        return new Draft(family, "POST", "/tagResource");
      case 3:
        return new Draft(family, "POST", "/untagResource");
      case 4:
        return new Draft(family, "POST", "/listTagsForResource");
      case 5:
        return new Draft(family, "GET", rnd.pickOf("/foundation-models", "/provisioned-model-throughputs", "/custom-models"));
      default:
        return new Draft(family, rnd.pickOf("PUT", "POST", "DELETE"), "/" + encode(rnd.pick(JUNK)));
    }
  }

  private String junkTarget() {
    switch (rnd.nextInt(6)) {
      case 0:
        return "/provisioned-model-throughput/" + encode(nonexistentLabel());
      case 1:
        return rnd.pickOf("/provisioned-model-throughput", "/tagResource", "/untagResource", "/listTagsForResource");
      case 2:
        return rnd.pickOf("/foundation-models", "/custom-models", "/provisioned-model-throughputs") + "?" + mutateQuery(null);
      case 3:
        return "/" + rawUtf8(rnd.pick(JUNK));
      case 4:
        return rnd.pickOf("/foundation-models/", "/custom-models/") + encode(rnd.pick(JUNK));
      default:
        return "/" + rnd.pick(SEGMENTS) + "/" + rnd.pick(SEGMENTS);
    }
  }

  /** A label that names no pre-created record, however it is decoded. */
  private String nonexistentLabel() {
    while (true) {
      String label;
      switch (rnd.nextInt(4)) {
        case 0:
          label = rnd.pick(JUNK);
          break;
        case 1:
          label = nonexistentArn();
          break;
        case 2:
          label = rnd.pick(known.names()) + "-" + Long.toString(rnd.nextLong() & 0xFFFFFFL, 36);
          break;
        default:
          label = "no-such-" + Long.toString(rnd.nextLong() & 0xFFFFFFFFL, 36);
      }
      if (!label.isEmpty() && !known.mayName(label)) {
        return label;
      }
    }
  }

  private String nonexistentArn() {
    while (true) {
      StringBuilder id = new StringBuilder();
      for (int i = 0; i < 12; i++) {
        id.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(rnd.nextInt(36)));
      }
      String arn = "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/" + id;
      if (!known.mayName(arn)) {
        return arn;
      }
    }
  }

  /** An object of junk members; never names a pre-created record. */
  private ObjectNode junkObject() {
    ObjectNode o = NODES.objectNode();
    for (int i = 0, n = rnd.nextInt(4); i < n; i++) {
      String name = rnd.nextBoolean() ? rnd.pickOf("resourceARN", "tags", "tagKeys", "modelUnits",
          "provisionedModelName", "modelId", "desiredProvisionedModelName", "desiredModelId") : rnd.pick(JUNK);
      o.set(name, junkValue(2));
    }
    if (o.has("resourceARN") && o.get("resourceARN").isTextual() && known.mayName(o.get("resourceARN").textValue())) {
      o.put("resourceARN", nonexistentArn());
    }
    return o;
  }

  private JsonNode junkValue(int depth) {
    switch (rnd.nextInt(depth <= 0 ? 6 : 8)) {
      case 0:
        return NODES.textNode(rnd.pick(JUNK));
      case 1:
        return NODES.numberNode(rnd.pickInt(0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE));
      case 2:
        return NODES.numberNode(rnd.nextDouble() * 1e6);
      case 3:
        return NODES.booleanNode(rnd.nextBoolean());
      case 4:
        return NODES.nullNode();
      case 5:
        return NODES.numberNode(new BigInteger("123456789012345678901234567890"));
      case 6: {
        ArrayNode a = NODES.arrayNode();
        for (int i = 0, n = rnd.nextInt(4); i < n; i++) {
          a.add(junkValue(depth - 1));
        }
        return a;
      }
      default: {
        ObjectNode o = NODES.objectNode();
        for (int i = 0, n = rnd.nextInt(4); i < n; i++) {
          o.set(rnd.nextBoolean() ? rnd.pickOf("key", "value", "a") : rnd.pick(JUNK), junkValue(depth - 1));
        }
        return o;
      }
    }
  }

  private byte[] junkJson() {
    switch (rnd.nextInt(8)) {
      case 0:
      case 1:
      case 2:
        return utf8(rnd.pick(BAD_JSON));
      case 3: {
        byte[] good = utf8("{\"provisionedModelName\":\"x\",\"modelUnits\":1,\"tags\":[{\"key\":\"k\",\"value\":\"v\"}]}");
        return Arrays.copyOf(good, 1 + rnd.nextInt(good.length - 1));
      }
      case 4:
        return rnd.bytes(rnd.nextInt(200));
      case 5: {
        String alphabet = "{}[]\":,0123456789.eE+-tfnul\\ \t\n\"abc";
        StringBuilder s = new StringBuilder();
        for (int i = 0, n = rnd.nextInt(200); i < n; i++) {
          s.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return ascii(s.toString());
      }
      case 6:
        return tweakBytes(utf8("{\"resourceARN\":\"" + nonexistentArn() + "\",\"tagKeys\":[\"team\"],\"tags\":[]}"));
      default:
        return utf8("{\"tags\":" + rnd.pickOf("[", "{\"a\":", "[{\"key\":").repeat(rnd.pickInt(10, 499, 501, 1_000, 10_000)));
    }
  }

  private byte[] jsonOfLength(int length) {
    String open = "{\"resourceARN\":\"";
    String close = "\"}";
    return ascii(open + "x".repeat(length - open.length() - close.length()) + close);
  }

  /** Member names each op reads, and their wire types. */
  private static String[] members(int op) {
    switch (op) {
      case CREATE:
        return new String[] {"clientRequestToken", "modelUnits", "provisionedModelName", "modelId",
            "commitmentDuration", "tags"};
      case UPDATE:
        return new String[] {"desiredProvisionedModelName", "desiredModelId"};
      case TAG:
        return new String[] {"resourceARN", "tags"};
      case UNTAG:
        return new String[] {"resourceARN", "tagKeys"};
      default:
        return new String[] {"resourceARN"};
    }
  }

  private static char memberType(String member) {
    switch (member) {
      case "modelUnits":
        return 'I';
      case "tags":
        return 'T';
      case "tagKeys":
        return 'L';
      default:
        return 'S';
    }
  }

  /** A value that is never of {@code type}, and never null (null reads as absent). */
  private JsonNode wrongValue(char type) {
    switch (type) {
      case 'I':
        return pickNode(NODES.textNode("1"), NODES.textNode("one"), NODES.numberNode(1.5),
            NODES.numberNode(100.0), NODES.booleanNode(true), NODES.arrayNode().add(1), NODES.objectNode(),
            NODES.numberNode(BigInteger.ONE.shiftLeft(31)), NODES.numberNode(-2147483649L),
            NODES.numberNode(new BigInteger("1000000000000000000000000000000")), NODES.numberNode(Long.MAX_VALUE));
      case 'T':
        return pickNode(NODES.objectNode(), NODES.textNode("k=v"), NODES.numberNode(1),
            NODES.arrayNode().add("k"), NODES.arrayNode().add(1), NODES.arrayNode().add(NODES.arrayNode()),
            tagList(NODES.numberNode(1), NODES.textNode("v")), tagList(NODES.textNode("k"), NODES.objectNode()),
            tagList(NODES.arrayNode(), NODES.textNode("v")), tagList(NODES.textNode("k"), NODES.booleanNode(true)),
            NODES.booleanNode(false));
      case 'L':
        return pickNode(NODES.objectNode(), NODES.textNode("team"), NODES.numberNode(1),
            NODES.arrayNode().add(1), NODES.arrayNode().add(true), NODES.arrayNode().add(NODES.objectNode()),
            NODES.arrayNode().add(NODES.arrayNode()), NODES.arrayNode().add("team").add(2));
      default:
        return pickNode(NODES.numberNode(1), NODES.numberNode(-1), NODES.numberNode(1.5),
            NODES.numberNode(1e308), NODES.booleanNode(false), NODES.objectNode(),
            NODES.objectNode().put("a", "b"), NODES.arrayNode(), NODES.arrayNode().add("x"),
            NODES.arrayNode().add(NODES.arrayNode()));
    }
  }

  private static ArrayNode tagList(JsonNode key, JsonNode value) {
    ArrayNode a = NODES.arrayNode();
    ObjectNode t = a.addObject();
    t.set("key", key);
    t.set("value", value);
    return a;
  }

  private void addJunkHeader(Draft d) {
    String h = rnd.pick(JUNK_HEADERS);
    int colon = h.indexOf(':');
    d.headers.add(new String[] {h.substring(0, colon), h.substring(colon + 1).trim()});
  }

  private static String lengthHeader(byte[] body) {
    return "Content-Length: " + body.length + "\r\n";
  }

  private static int indexAfterQuote(byte[] body) {
    int quote = indexOf(body, (byte) '"');
    return quote < 0 ? 0 : quote + 1;
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** RFC 3986 percent-encoding of the UTF-8 bytes, as AWS SDKs encode labels and query values. */
  static String encode(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append(String.format(Locale.ROOT, "%%%02X", c));
      }
    }
    return out.toString();
  }

  /** Every byte percent-encoded, unreserved ones too, in upper or lower case hex. */
  private static String encodeAll(String s, boolean lower) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      out.append(String.format(Locale.ROOT, lower ? "%%%02x" : "%%%02X", b & 0xff));
    }
    return out.toString();
  }

  /** The UTF-8 bytes of {@code s} as ISO-8859-1 characters: raw, unencoded, on the wire. */
  private static String rawUtf8(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  /** Whether {@code target} goes on a request line without breaking HTTP framing. */
  private static boolean asciiSafe(String target) {
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  private static void write(ByteArrayOutputStream out, String latin1) {
    out.writeBytes(latin1.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static byte[] ascii(String latin1) {
    return latin1.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private int pickOp(int... ops) {
    return rnd.pickInt(ops);
  }

  private JsonNode pickNode(JsonNode... nodes) {
    return nodes[rnd.nextInt(nodes.length)];
  }

  private byte[] pickBytes(byte[]... values) {
    return values[rnd.nextInt(values.length)];
  }

  private Charset pickCharset(String... names) {
    return Charset.forName(rnd.pick(names));
  }
}
