package dev.strata.app.server;

import static dev.strata.app.server.FuzzRequests.encode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * A deterministic stream of requests against the authentication path for one client thread of
 * {@link AuthenticationFuzzTest}: the same seed and thread number choose the same requests in the
 * same order (signed ones carry the current time, so their bytes differ between runs).
 *
 * <p>Four kinds:
 *
 * <ul>
 *   <li>{@link Kind#HOSTILE}: Authorization, X-Amz-Date, X-Amz-Security-Token and Host headers
 *       that are missing, duplicated, empty, huge, full of control characters, non-ASCII or random
 *       bytes, or wrong in one of the many ways a SigV4 header or a bearer key can be. None carries
 *       a signature computed with a secret, so none can authenticate.
 *   <li>{@link Kind#TAMPERED}: requests validly signed with the AWS SDK's {@link AwsV4HttpSigner}
 *       and the right secret (about half on mutating routes, naming records that exist, so that
 *       they would change state if accepted), then changed in exactly one thing the signature
 *       covers, or sent with a second Authorization header.
 *   <li>{@link Kind#CONTROL}: correctly signed (or bearer) read requests, which must succeed.
 *   <li>{@link Kind#OVERSIZED}: hostile credentials with a body just over {@link
 *       BedrockHttpHandler#MAX_BODY_BYTES}, which the handler refuses (413) before it authenticates.
 *   <li>{@link Kind#BROKEN_FRAMING}: hostile credentials in header lines broken by a bare CR or LF,
 *       a fold, a line without a colon or a name, which the JDK server may refuse (400) before
 *       Strata's handler runs.
 * </ul>
 *
 * <p>A bearer value that is a genuine API key padded only with whitespace or other control
 * characters is not generated: {@code Authentication} trims them ({@link String#trim()}), so such a
 * value authenticates, as the key it carries.
 *
 * <p>Every header value is written as ISO-8859-1 characters (so a non-ASCII string is its raw
 * UTF-8 bytes on the wire) and, except in {@link Kind#BROKEN_FRAMING}, never contains CR or
 * LF, so the request stays well framed on a keep-alive connection.
 */
final class HostileAuthRequests {
  enum Kind {
    HOSTILE,
    TAMPERED,
    CONTROL,
    OVERSIZED,
    BROKEN_FRAMING
  }

  /** A provisioned throughput that exists before the campaign. */
  record Kept(String name, String arn, String region) {
    String id() {
      return arn.substring(arn.lastIndexOf('/') + 1);
    }
  }

  /** A caller: its access key, secret, API key, and the records its account holds. */
  record Account(
      String accountId, String keyId, String secret, String apiKey, List<Kept> records) {
    List<String> regions() {
      return records.stream().map(Kept::region).distinct().toList();
    }

    List<Kept> in(String region) {
      return records.stream().filter(k -> k.region().equals(region)).toList();
    }
  }

  /**
   * One request, ready to send.
   *
   * @param family what was done to it, for the report
   * @param oneShot whether it goes on a connection of its own (its framing may be broken)
   * @param route the operation the server routes it to, or {@code null}
   * @param mustContain for {@link Kind#CONTROL}: text its 200 body must contain
   * @param mustNotContain for {@link Kind#CONTROL}: text its 200 body must not contain
   * @param attackerInput every header value, the target and the body as sent, for the echo check
   */
  record AuthRequest(
      Kind kind,
      String family,
      String method,
      String target,
      byte[] raw,
      boolean oneShot,
      String route,
      boolean mutatingRoute,
      List<String> mustContain,
      List<String> mustNotContain,
      List<String> attackerInput) {

    boolean head() {
      return "HEAD".equals(method);
    }

    /** Whether the JDK server refuses the request's head as larger than its limit. */
    boolean overTheHeaderLimit() {
      return RawHttp.overTheHeaderLimit(raw);
    }

    String describe() {
      return kind
          + " "
          + family
          + (route == null ? "" : " [route " + route + "]")
          + ": "
          + RawHttp.printable(raw, 400)
          + (raw.length > 400 ? " (" + raw.length + " bytes in all)" : "");
    }
  }

  static final String FOUNDATION_MODEL = "amazon.nova-lite-v1:0:24k";
  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  static final String SERVICE = "bedrock";

  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final HexFormat HEX = HexFormat.of();

  private static final String[] WRONG_ALGORITHMS = {
    "AWS4-HMAC-SHA512", "aws4-hmac-sha256", "Aws4-Hmac-Sha256", "AWS4-HMAC-SHA1", "AWS4-HMAC-SHA",
    "AWS4-ECDSA-P256-SHA256", "AWS4-X-AMZ-CHUNKED", "AWS3-HTTPS", "AWS", "AWS4", "HMAC-SHA256",
    "AWS4-HMAC-SHA256-PAYLOAD", "AWS4_HMAC_SHA256", "AWS4-HMAC-SHA256\u0000", " AWS4-HMAC-SHA256",
    "AWS4\u2010HMAC\u2010SHA256", "Basic", "Digest", "Negotiate", "NTLM", "OAuth", "Token", "HOBA",
    "SharedKey", "Signature", "Credential=", "=", ",", ""
  };
  private static final String[] WRONG_SERVICES = {
    "Bedrock", "BEDROCK", "bedrock-runtime", "bedrock-agent", "s3", "execute-api", "sts", "",
    "bedrock ", " bedrock", "bedrock\t", "bedrock\u0000", "bedrockbedrock", "bedrock%00", "*",
    "b\u00e9drock", "bedrock;", "\u0432edrock"
  };
  private static final String[] WRONG_TERMINATORS = {
    "aws4_REQUEST", "AWS4_request", "aws4_requests", "aws4-request", "aws5_request", "aws4_request ",
    " aws4_request", "aws4_request\u0000", "aws4_request\u0001", "", "aws4", "request", "aws4_r\u00e9quest",
    "aws4_request;", "*"
  };
  private static final String[] WRONG_REGIONS = {
    "US-EAST-1", "Us-East-1", "us_east_1", "us-east-1 ", " us-east-1", "us-east-1\t", "us.east.1",
    "", "..", "../../etc/passwd", "us-east-1/..", "%2e%2e", "..%2f..", "*", "?", "us-east-1\u0000",
    "\u00fcs-east-1", "us-east-\u0661", "a".repeat(21), "us-east-1-and-a-much-longer-name",
    "x".repeat(5000), "us-east-1;", "us-east-1,", "us-east-1=", "<script>", "${jndi:ldap://x/a}"
  };
  /** Regions the pattern allows that hold nothing: a request there is a stranger, not an error. */
  private static final String[] ODD_VALID_REGIONS = {"aaaaaaaaaaaaaaaaaaaa", "0", "-", "cn-north-1",
    "us-gov-west-1", "aws-global", "eu-west-9"};
  private static final String[] BAD_KEY_IDS = {
    "AKIANOBODY0000000000", "akiaalice0000001", "AKIAALICE000000", "AKIAALICE00000011", "", " ",
    "AKIA\u00c4LICE0000001", "../../AKIAALICE0000001", "AKIAALICE0000001\u0000", "%41KIAALICE0000001",
    "*", "AKIAALICE0000001 ", "\u0000", "null", "undefined", "ASIAALICE0000001"
  };
  private static final String[] BAD_SIGNED_HEADERS = {
    "", ";", ";;", ";;;;;;;;", "host;;x-amz-date", ";host;x-amz-date", "host;x-amz-date;",
    "host;host;x-amz-date", "host;x-amz-date;x-amz-date", "host;x-amz-date;x-not-sent",
    "host;x-amz-date;x-amz-security-token", "host;x-amz-date;authorization", "Host;X-Amz-Date",
    "HOST;x-amz-date", "host", "x-amz-date", "content-type;x-amz-date", " host ; x-amz-date ",
    "host; x-amz-date", "host,x-amz-date", "host x-amz-date", "h\u00f6st;x-amz-date",
    "host;x-amz-date;\u0001", "host;x-amz-date;content-length;transfer-encoding", "*",
    "host;x-amz-date;" + "x".repeat(9000), "host;x-amz-date;;;;;;;;;;;;;;;;;;;;;;;;;;;;"
  };
  private static final String[] BAD_DATE_SHAPES = {
    "%sT%sZ", "%st%sz", "%st%sZ", "%sT%sz", "%sT%s", "%sT%s+0000", "%sT%s+0100", "%sT%s-0800",
    "%sT%s+00:00", "%sT%s.000Z", "%sT%sZZ", "%s %sZ", "%sT%sZ ", " %sT%sZ", "%sT%sZ\u0000",
    "%s\u0000T%sZ", "+%sT%sZ", "-%sT%sZ", "0000%sT%sZ", "%s%sZ", "%sTT%sZ"
  };
  private static final String[] FIXED_BAD_DATES = {
    "00000101T000000Z", "00001231T235959Z", "99991231T235959Z", "99990101T000000Z",
    "19700101T000000Z", "20240230T120000Z", "20230229T120000Z", "20241301T000000Z",
    "20240000T000000Z", "20240132T000000Z", "20240101T240000Z", "20240101T236000Z",
    "20240101T235960Z", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00.000Z",
    "Mon, 01 Jan 2024 00:00:00 GMT", "1704067200", "1704067200000", "20240101", "T000000Z", "Z",
    "", " ", "+1000000000101T000000Z", "+999999999101T000000Z", "0000000000000020240101T000000Z",
    "\uff12\uff10\uff12\uff14\uff10\uff11\uff10\uff11T000000Z", "\u0662\u0660\u0662\u0664\u0660\u0661\u0660\u0661T000000Z",
    "2024010\u0000T000000Z", "NaN", "-1", "null"
  };
  private static final String[] HOSTILE_HOSTS = {
    "", " ", "evil.example.com", "127.0.0.1:1", "127.0.0.1:99999", "127.0.0.1:-1", "localhost",
    "127.0.0.1:%d/../../etc", "127.0.0.1:%d@evil.example.com", "[::1]:%d", "[::1", "127.0.0.1:%d:%d",
    "h\u00f6st.example", "host\u0000name", "host\u0001name", "host\tname", "a b c", "*", "%2e%2e",
    "bedrock.us-east-1.amazonaws.com", "BEDROCK.US-EAST-1.AMAZONAWS.COM", "127.0.0.1:%d,evil",
    "${jndi:ldap://x/a}", "x".repeat(255), "x".repeat(40_000)
  };
  private static final String[] JUNK_TEXT = {
    "", " ", "\t", "=", ",", ";", "/", "//", "=,;/", "==", "%00", "%", "\\", "\"", "'", "<script>",
    "${jndi:ldap://x/a}", "%s%n%x", "../../../etc/passwd", "null", "{}", "[]", "\u00ff\u00fe",
    "\u0000", "\u0001\u0002\u0003", "\u007f", "\u001b[31m"
  };

  private final FuzzRandom rnd;
  private final List<Account> accounts;
  private final String host;
  private final int port;

  HostileAuthRequests(long seed, int thread, List<Account> accounts, int port) {
    this.rnd = new FuzzRandom(seed, thread);
    this.accounts = List.copyOf(accounts);
    this.port = port;
    this.host = "127.0.0.1:" + port;
  }

  AuthRequest next() {
    int roll = rnd.nextInt(1000);
    if (roll < 80) {
      return control();
    }
    if (roll < 330) {
      return tampered();
    }
    if (roll < 790) {
      return hostileSigV4();
    }
    if (roll < 890) {
      return hostileBearer();
    }
    if (roll < 955) {
      return hostileScheme();
    }
    if (roll < 993) {
      return severalAuthorizations();
    }
    return roll < 996 ? oversized() : brokenFraming();
  }

  // ---------------------------------------------------------------------------------------------
  // Drafts

  /** A request in parts: method, encoded path, raw query, headers in order, body. */
  private static final class Draft {
    final List<String> family = new ArrayList<>();
    String method;
    String path;
    String query = "";
    final List<String[]> headers = new ArrayList<>();
    byte[] body = new byte[0];

    String target() {
      return query.isEmpty() ? path : path + "?" + query;
    }

    String header(String name) {
      for (String[] h : headers) {
        if (h[0].equalsIgnoreCase(name)) {
          return h[1];
        }
      }
      return null;
    }

    void set(String name, String value) {
      for (String[] h : headers) {
        if (h[0].equalsIgnoreCase(name)) {
          h[1] = value;
          return;
        }
      }
      headers.add(new String[] {name, value});
    }

    void remove(String name) {
      headers.removeIf(h -> h[0].equalsIgnoreCase(name));
    }

    void add(String name, String value) {
      headers.add(new String[] {name, value});
    }
  }

  /** The valid request of operation {@code op} (in {@link FuzzRequests#OPERATIONS} order) for {@code a}. */
  private Draft operation(int op, Account a, String region) {
    Draft d = new Draft();
    List<Kept> own = a.in(region).isEmpty() ? a.records() : a.in(region);
    Kept kept = rnd.pick(own);
    String serial = Integer.toString(rnd.nextInt(1_000_000));
    switch (op) {
      case FuzzRequests.CREATE -> {
        d.method = "POST";
        d.path = "/provisioned-model-throughput";
        d.body = json("{\"provisionedModelName\":\"fuzz-new-" + serial + "\",\"modelId\":\""
            + FOUNDATION_MODEL + "\",\"modelUnits\":1}");
      }
      case FuzzRequests.GET -> {
        d.method = "GET";
        d.path = "/provisioned-model-throughput/" + label(kept);
      }
      case FuzzRequests.LIST -> {
        d.method = "GET";
        d.path = "/provisioned-model-throughputs";
        d.query = rnd.pickOf("", "maxResults=10", "sortBy=CreationTime&sortOrder=Ascending",
            "nameContains=kept&maxResults=5", "statusEquals=InService");
      }
      case FuzzRequests.UPDATE -> {
        d.method = "PATCH";
        d.path = "/provisioned-model-throughput/" + label(kept);
        d.body = json("{\"desiredProvisionedModelName\":\"fuzz-renamed-" + serial + "\"}");
      }
      case FuzzRequests.DELETE -> {
        d.method = "DELETE";
        d.path = "/provisioned-model-throughput/" + label(kept);
      }
      case FuzzRequests.TAG -> {
        d.method = "POST";
        d.path = "/tagResource";
        d.body = json("{\"resourceARN\":\"" + kept.arn() + "\",\"tags\":[{\"key\":\"fuzz\",\"value\":\""
            + serial + "\"}]}");
      }
      case FuzzRequests.UNTAG -> {
        d.method = "POST";
        d.path = "/untagResource";
        d.body = json("{\"resourceARN\":\"" + kept.arn() + "\",\"tagKeys\":[\"team\"]}");
      }
      case FuzzRequests.LIST_TAGS -> {
        d.method = "POST";
        d.path = "/listTagsForResource";
        d.body = json("{\"resourceARN\":\"" + kept.arn() + "\"}");
      }
      case FuzzRequests.GET_FM -> {
        d.method = "GET";
        d.path = "/foundation-models/" + encode(FOUNDATION_MODEL);
      }
      case FuzzRequests.LIST_FM -> {
        d.method = "GET";
        d.path = "/foundation-models";
        d.query = rnd.pickOf("", "byProvider=Amazon", "byInferenceType=PROVISIONED",
            "byOutputModality=TEXT&byProvider=Anthropic");
      }
      default -> {
        d.method = "GET";
        d.path = "/custom-models";
        d.query = rnd.pickOf("", "maxResults=5", "sortBy=CreationTime");
      }
    }
    if (d.body.length > 0) {
      d.add("Content-Type", "application/json");
    }
    return d;
  }

  /** How the SDK names a record in a path: by name, or by percent-encoded ARN. */
  private String label(Kept kept) {
    return rnd.nextBoolean() ? encode(kept.name()) : encode(kept.arn());
  }

  private int anyOperation() {
    return rnd.nextInt(FuzzRequests.OPERATIONS.length);
  }

  private int mutatingOperation() {
    return rnd.pickInt(FuzzRequests.CREATE, FuzzRequests.UPDATE, FuzzRequests.DELETE, FuzzRequests.TAG,
        FuzzRequests.UNTAG);
  }

  private int readOperation() {
    return rnd.pickInt(FuzzRequests.GET, FuzzRequests.LIST, FuzzRequests.LIST_TAGS,
        FuzzRequests.GET_FM, FuzzRequests.LIST_FM, FuzzRequests.LIST_CUSTOM);
  }

  // ---------------------------------------------------------------------------------------------
  // Signing with the SDK

  /**
   * Signs {@code d} as the AWS SDK for Java v2 does, for {@code region} at {@code at}, with {@code
   * secret} (or with a session token when {@code sessionToken} is not null): adds Host, X-Amz-Date,
   * X-Amz-Content-Sha256, X-Amz-Security-Token and Authorization as the signer made them, and
   * takes the query as the signer encoded it.
   */
  private void sign(Draft d, String keyId, String secret, String sessionToken, String region, Instant at) {
    SdkHttpFullRequest.Builder http =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.fromValue(d.method))
            .protocol("http")
            .host("127.0.0.1")
            .port(port)
            .encodedPath(d.path)
            .contentStreamProvider(ContentStreamProvider.fromByteArray(d.body));
    for (String parameter : d.query.isEmpty() ? new String[0] : d.query.split("&")) {
      int eq = parameter.indexOf('=');
      http.appendRawQueryParameter(parameter.substring(0, eq), parameter.substring(eq + 1));
    }
    for (String[] h : d.headers) {
      http.appendHeader(h[0], h[1]);
    }
    SdkHttpFullRequest unsigned = http.build();
    AwsCredentialsIdentity identity =
        sessionToken == null
            ? AwsCredentialsIdentity.create(keyId, secret)
            : AwsSessionCredentialsIdentity.create(keyId, secret, sessionToken);
    SdkHttpRequest signed =
        SIGNER
            .sign(
                s ->
                    s.identity(identity)
                        .request(unsigned)
                        .payload(ContentStreamProvider.fromByteArray(d.body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)))
            .request();
    d.query = signed.encodedQueryParameters().orElse("");
    d.headers.clear();
    if (signed.firstMatchingHeader("Host").isEmpty()) {
      d.add("Host", host);
    }
    for (Map.Entry<String, List<String>> h : signed.headers().entrySet()) {
      for (String value : h.getValue()) {
        d.add(h.getKey(), value);
      }
    }
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * A correctly signed TagResource (or UntagResource) of the tag {@code fuzz-proof} on {@code
   * kept}, signed and written exactly as the campaign's tampered requests are before their change:
   * a mutation the server must accept, which proves they were one change away from succeeding.
   */
  AuthRequest signedTagging(Account a, Kept kept, boolean add) {
    Draft d = new Draft();
    d.method = "POST";
    d.path = add ? "/tagResource" : "/untagResource";
    d.body = json("{\"resourceARN\":\"" + kept.arn() + "\","
        + (add ? "\"tags\":[{\"key\":\"fuzz-proof\",\"value\":\"1\"}]}" : "\"tagKeys\":[\"fuzz-proof\"]}"));
    d.add("Content-Type", "application/json");
    sign(d, a.keyId(), a.secret(), null, kept.region(), now());
    d.family.add(add ? "signed TagResource" : "signed UntagResource");
    return finish(Kind.CONTROL, d, true, List.of(), List.of());
  }

  // ---------------------------------------------------------------------------------------------
  // Control: correctly signed reads, which must succeed

  private AuthRequest control() {
    Account a = rnd.pick(accounts);
    boolean bearer = rnd.nextInt(4) == 0;
    String region =
        bearer ? "us-east-1" : rnd.nextInt(6) == 0 ? "ap-south-1" : rnd.pick(a.regions());
    int op = readOperation();
    Draft d = operation(op, a, region);
    List<Kept> visible = a.in(region);
    List<String> mustContain = new ArrayList<>();
    List<String> mustNotContain = new ArrayList<>();
    if (visible.isEmpty() && (op == FuzzRequests.GET || op == FuzzRequests.LIST_TAGS)) {
      op = FuzzRequests.LIST_FM;
      d = operation(op, a, region);
    }
    if (op == FuzzRequests.GET || op == FuzzRequests.LIST_TAGS) {
      Kept kept = rnd.pick(visible);
      d = operation(op, a, region);
      d.path = op == FuzzRequests.GET ? "/provisioned-model-throughput/" + label(kept) : d.path;
      d.body = op == FuzzRequests.LIST_TAGS ? json("{\"resourceARN\":\"" + kept.arn() + "\"}") : d.body;
      mustContain.add(op == FuzzRequests.GET ? kept.arn() : "\"tags\"");
    }
    if (op == FuzzRequests.LIST && d.query.isEmpty()) {
      visible.forEach(k -> mustContain.add("\"" + k.name() + "\""));
    }
    if (op == FuzzRequests.GET || op == FuzzRequests.LIST) {
      for (Account other : accounts) {
        for (Kept k : other.records()) {
          if (!visible.contains(k)) {
            mustNotContain.add(k.arn());
          }
        }
      }
    }
    if (bearer) {
      d.add("Host", host);
      d.add("Authorization", rnd.pickOf("Bearer ", "bearer ", "BEARER ") + a.apiKey());
      d.family.add("bearer");
    } else {
      sign(d, a.keyId(), a.secret(), rnd.nextInt(5) == 0 ? "session-token-" + rnd.nextInt(1000) : null,
          region, now());
      d.family.add("sigv4 in " + region);
    }
    return finish(Kind.CONTROL, d, false, mustContain, mustNotContain);
  }

  // ---------------------------------------------------------------------------------------------
  // Tampered: validly signed, then changed in one thing the signature covers

  private AuthRequest tampered() {
    Account a = rnd.pick(accounts);
    String region = rnd.pick(a.regions());
    int op = rnd.nextBoolean() ? mutatingOperation() : anyOperation();
    Draft d = operation(op, a, region);
    boolean session = rnd.nextInt(6) == 0;
    int change = rnd.nextInt(session ? 14 : 13);
    Account other = accounts.stream().filter(o -> o != a).findFirst().orElseThrow();
    sign(d, a.keyId(), change == 9 ? other.secret() : a.secret(),
        session ? "session-" + rnd.nextInt(1000) : null, region, now());
    String authorization = d.header("Authorization");
    switch (change) {
      case 0 -> {
        d.family.add("signature one hex digit off");
        int at = authorization.length() - 1 - rnd.nextInt(64);
        d.set("Authorization", authorization.substring(0, at) + otherHexDigit(authorization.charAt(at))
            + authorization.substring(at + 1));
      }
      case 1 -> {
        int seconds = rnd.nextBoolean() ? 1 : -1;
        d.family.add("X-Amz-Date shifted by " + seconds + " s");
        Instant signedAt = AMZ_DATE.parse(d.header("X-Amz-Date"), Instant::from);
        d.set("X-Amz-Date", AMZ_DATE.format(signedAt.plusSeconds(seconds)));
      }
      case 2 -> changeSignedHeader(d);
      case 3 -> changePath(d, a);
      case 4 -> changeQuery(d);
      case 5 -> changeBody(d);
      case 6 -> {
        String method = switch (d.method) {
          case "GET" -> rnd.pickOf("HEAD", "POST", "DELETE", "get");
          case "POST" -> rnd.pickOf("PUT", "PATCH", "GET", "post");
          case "PATCH" -> rnd.pickOf("PUT", "POST", "patch");
          default -> rnd.pickOf("GET", "POST", "delete");
        };
        d.family.add("method " + d.method + " -> " + method);
        d.method = method;
      }
      case 7 -> {
        d.family.add("Credential names the other account's access key");
        d.set("Authorization", authorization.replace(a.keyId() + "/", other.keyId() + "/"));
      }
      case 8 -> {
        String to = region.equals("us-east-1") ? rnd.pickOf("us-west-2", "eu-west-1") : "us-east-1";
        d.family.add("Credential scope region " + region + " -> " + to);
        d.set("Authorization", authorization.replace("/" + region + "/", "/" + to + "/"));
      }
      case 9 -> d.family.add("signed with the other account's secret");
      case 10 -> {
        String signedHeaders = between(authorization, "SignedHeaders=", ",");
        String changed =
            rnd.pickOf(
                signedHeaders.replace("host;", ""),
                signedHeaders + ";x-amz-extra",
                signedHeaders.replace(";x-amz-date", ""));
        d.family.add("SignedHeaders " + signedHeaders + " -> " + changed);
        if (changed.endsWith("x-amz-extra")) {
          d.add("X-Amz-Extra", "1");
        }
        d.set("Authorization", authorization.replace("SignedHeaders=" + signedHeaders, "SignedHeaders=" + changed));
      }
      case 11 -> {
        d.family.add("signature in upper case");
        String signature = authorization.substring(authorization.lastIndexOf('=') + 1);
        d.set("Authorization", authorization.replace(signature, signature.toUpperCase(Locale.ROOT)));
      }
      case 12 -> {
        String date = between(authorization, "Credential=" + a.keyId() + "/", "/");
        String shifted = date.substring(0, 6) + String.format(Locale.ROOT, "%02d",
            (Integer.parseInt(date.substring(6)) % 28) + 1);
        d.family.add("Credential scope date " + date + " -> " + shifted);
        d.set("Authorization", authorization.replace("/" + date + "/", "/" + shifted + "/"));
      }
      default -> {
        d.family.add("X-Amz-Security-Token changed");
        String token = d.header("X-Amz-Security-Token");
        d.set("X-Amz-Security-Token", token + rnd.pickOf("x", "=", "0"));
      }
    }
    return finish(Kind.TAMPERED, d, false, List.of(), List.of());
  }

  private void changeSignedHeader(Draft d) {
    String signedHeaders = between(d.header("Authorization"), "SignedHeaders=", ",");
    List<String> names = List.of(signedHeaders.split(";"));
    String name = rnd.pick(names.stream().filter(n -> !n.equals("x-amz-date")).toList());
    String value = d.header(name);
    String changed =
        switch (name) {
          case "host" -> rnd.pickOf("localhost:" + port, "127.0.0.1", "127.0.0.1:" + (port + 1),
              "127.0.0.2:" + port);
          case "x-amz-content-sha256" -> value.substring(0, 10) + otherHexDigit(value.charAt(10))
              + value.substring(11);
          case "content-type" -> rnd.pickOf("application/x-amz-json-1.1", "application/JSON",
              "text/plain", "application/json; charset=utf-8");
          default -> value + "0";
        };
    d.family.add("signed header " + name + " changed");
    d.set(name, changed);
  }

  private void changePath(Draft d, Account a) {
    String path = d.path;
    int slash = path.lastIndexOf('/');
    String last = path.substring(slash + 1);
    String changed;
    if (path.startsWith("/provisioned-model-throughput/")) {
      List<Kept> others = a.records().stream().filter(k -> !path.endsWith(k.id()) && !path.endsWith(encode(k.name()))
          && !path.endsWith(encode(k.arn()))).toList();
      changed =
          switch (rnd.nextInt(4)) {
            case 0 -> path.substring(0, slash + 1) + rnd.pick(others).id();
            case 1 -> path.substring(0, slash + 1) + encode(rnd.pick(others).name());
            case 2 -> path.substring(0, slash + 1) + last.substring(0, last.length() - 1)
                + (last.endsWith("0") ? "1" : "0");
            default -> path.substring(0, slash + 1) + last.toUpperCase(Locale.ROOT) + "X";
          };
    } else {
      changed =
          switch (rnd.nextInt(4)) {
            case 0 -> path + "s";
            case 1 -> path.toUpperCase(Locale.ROOT);
            case 2 -> path.replaceFirst("-", "%2D");
            default -> "/x" + path;
          };
      if (changed.equals(path)) {
        changed = path + "x";
      }
    }
    d.family.add("path " + (path.length() > 60 ? "(label)" : path) + " changed");
    d.path = changed;
  }

  private void changeQuery(Draft d) {
    String query = d.query;
    String changed;
    if (query.isEmpty()) {
      changed = rnd.pickOf("maxResults=1", "x=1", "nameContains=kept", "X-Amz-Signature=0");
    } else {
      changed =
          switch (rnd.nextInt(4)) {
            case 0 -> query + "&maxResults=2";
            case 1 -> query.substring(0, query.length() - 1) + (query.endsWith("1") ? "2" : "1");
            case 2 -> query.contains("&") ? query.substring(query.indexOf('&') + 1) : "";
            default -> query.substring(0, 1).toUpperCase(Locale.ROOT) + query.substring(1);
          };
    }
    d.family.add("query changed");
    d.query = changed;
  }

  private void changeBody(Draft d) {
    byte[] body = d.body;
    byte[] changed;
    if (body.length == 0) {
      changed = json(rnd.pickOf("{}", " ", "{\"modelUnits\":2}"));
    } else {
      switch (rnd.nextInt(4)) {
        case 0 -> {
          changed = body.clone();
          int at = indexOf(changed, (byte) '"', rnd.nextInt(changed.length / 2)) + 1;
          changed[at] = (byte) (changed[at] == 'x' ? 'y' : 'x');
        }
        case 1 -> changed = concat(body, json(" "));
        case 2 -> changed = java.util.Arrays.copyOf(body, body.length - 1);
        default -> changed = json("{}");
      }
    }
    d.family.add("body changed");
    d.body = changed;
  }

  // ---------------------------------------------------------------------------------------------
  // Hostile SigV4: never signed with a secret

  /** The parts of a SigV4 Authorization header, each free to be wrong. */
  private final class SigV4 {
    String algorithm = ALGORITHM;
    String afterAlgorithm = " ";
    String keyId;
    String date;
    String region = "us-east-1";
    String service = SERVICE;
    String terminator = "aws4_request";
    String credential;
    String signedHeaders = rnd.pickOf("host;x-amz-date", "content-type;host;x-amz-date",
        "host;x-amz-content-sha256;x-amz-date");
    String signature = HEX.formatHex(rnd.bytes(32));
    String separator = rnd.pickOf(", ", ",", ",  ");
    final List<String[]> fields = new ArrayList<>();

    String credential() {
      return credential != null ? credential
          : keyId + "/" + date + "/" + region + "/" + service + "/" + terminator;
    }

    String render() {
      List<String[]> all = new ArrayList<>();
      if (fields.isEmpty()) {
        all.add(new String[] {"Credential", credential()});
        all.add(new String[] {"SignedHeaders", signedHeaders});
        all.add(new String[] {"Signature", signature});
      } else {
        all.addAll(fields);
      }
      StringBuilder out = new StringBuilder(algorithm).append(afterAlgorithm);
      for (int i = 0; i < all.size(); i++) {
        if (i > 0) {
          out.append(separator);
        }
        out.append(all.get(i)[0]);
        if (all.get(i)[1] != null) {
          out.append('=').append(all.get(i)[1]);
        }
      }
      return out.toString();
    }

    /** Switches to explicit fields, so that one can be dropped, repeated or renamed. */
    List<String[]> explicit() {
      if (fields.isEmpty()) {
        fields.add(new String[] {"Credential", credential()});
        fields.add(new String[] {"SignedHeaders", signedHeaders});
        fields.add(new String[] {"Signature", signature});
      }
      return fields;
    }
  }

  private AuthRequest hostileSigV4() {
    Account a = rnd.pick(accounts);
    Draft d = operation(anyOperation(), a, rnd.pick(a.regions()));
    SigV4 v = new SigV4();
    int who = rnd.nextInt(10);
    v.keyId = who < 5 ? accounts.get(0).keyId() : who < 8 ? accounts.get(1).keyId() : rnd.pick(BAD_KEY_IDS);
    String amzDate = AMZ_DATE.format(now());
    v.date = amzDate.substring(0, 8);
    d.add("Host", host);
    d.add("X-Amz-Date", amzDate);
    if (v.signedHeaders.contains("x-amz-content-sha256")) {
      d.add("X-Amz-Content-Sha256", HEX.formatHex(rnd.bytes(32)));
    }
    int mutations = rnd.nextInt(4);
    if (mutations == 0) {
      d.family.add("random signature");
    }
    for (int i = 0; i < mutations; i++) {
      mutateSigV4(v, d);
    }
    if (rnd.nextInt(5) == 0) {
      hostileExtras(d, v);
    }
    d.set("Authorization", v.render());
    moveAuthorization(d);
    return finish(Kind.HOSTILE, d, false, List.of(), List.of());
  }

  private void mutateSigV4(SigV4 v, Draft d) {
    switch (rnd.nextInt(26)) {
      case 0 -> {
        v.algorithm = rnd.pick(WRONG_ALGORITHMS);
        d.family.add("algorithm '" + v.algorithm + "'");
      }
      case 1 -> {
        v.afterAlgorithm = rnd.pickOf("", "  ", "\t", ",", "=", "\u00a0", "\u0000");
        d.family.add("separator after the algorithm");
      }
      case 2 -> {
        List<String[]> fields = v.explicit();
        fields.remove(rnd.nextInt(fields.size()));
        d.family.add("a field dropped");
      }
      case 3 -> {
        List<String[]> fields = v.explicit();
        String[] field = rnd.pick(fields);
        String[] copy = {field[0], rnd.nextBoolean() ? field[1] : hostileValue()};
        fields.add(rnd.nextInt(fields.size() + 1), copy);
        d.family.add("field " + field[0] + " duplicated");
      }
      case 4 -> {
        String[] field = rnd.pick(v.explicit());
        field[1] = rnd.pickOf("", " ", null);
        d.family.add("field " + field[0] + " empty or without '='");
      }
      case 5 -> {
        String[] field = rnd.pick(v.explicit());
        field[0] = rnd.pickOf(field[0].toLowerCase(Locale.ROOT), field[0].toUpperCase(Locale.ROOT),
            " " + field[0], field[0] + " ", field[0] + "s", "X-" + field[0], "");
        d.family.add("field name changed");
      }
      case 6 -> {
        v.separator = rnd.pickOf(";", " ", "", ",,", ", ,", "\t", "&", " , ", ",\u0000");
        d.family.add("field separator");
      }
      case 7 -> {
        String[] field = rnd.pick(v.explicit());
        field[1] = huge();
        d.family.add("field " + field[0] + " huge");
      }
      case 8 -> {
        String[] field = rnd.pick(v.explicit());
        field[1] = insert(field[1] == null ? "" : field[1], rnd.pickOf(controls(), nonAscii(), junkBytes()));
        d.family.add("field " + field[0] + " with control or non-ASCII characters");
      }
      case 9 -> {
        v.explicit().add(new String[] {junkBytes(), junkBytes()});
        d.family.add("random bytes as a field");
      }
      case 10 -> {
        int slashes = rnd.nextInt(9);
        List<String> parts = new ArrayList<>(List.of(v.keyId, v.date, v.region, v.service, v.terminator));
        while (parts.size() > slashes + 1) {
          parts.remove(rnd.nextInt(parts.size()));
        }
        while (parts.size() < slashes + 1) {
          parts.add(rnd.nextInt(parts.size() + 1), rnd.pickOf("", "extra", "..", "aws4_request", "bedrock"));
        }
        v.credential = String.join("/", parts);
        d.family.add("Credential with " + slashes + " slashes");
      }
      case 11 -> {
        String date = badDate();
        d.set("X-Amz-Date", date);
        if (date.length() >= 8 && rnd.nextInt(3) > 0) {
          v.date = date.substring(0, 8);
        }
        d.family.add("bad X-Amz-Date");
      }
      case 12 -> {
        switch (rnd.nextInt(4)) {
          case 0 -> d.remove("X-Amz-Date");
          case 1 -> d.set("X-Amz-Date", "");
          case 2 -> d.add("X-Amz-Date", rnd.pickOf(AMZ_DATE.format(now()), badDate()));
          default -> {
            String first = badDate();
            d.remove("X-Amz-Date");
            d.add("X-Amz-Date", first);
            d.add("X-Amz-Date", AMZ_DATE.format(now()));
          }
        }
        d.family.add("X-Amz-Date missing, empty or repeated");
      }
      case 13 -> {
        v.service = rnd.pick(WRONG_SERVICES);
        d.family.add("service '" + v.service + "'");
      }
      case 14 -> {
        v.terminator = rnd.pick(WRONG_TERMINATORS);
        d.family.add("terminator");
      }
      case 15 -> {
        v.region = rnd.nextInt(4) == 0 ? rnd.pick(ODD_VALID_REGIONS) : rnd.pick(WRONG_REGIONS);
        d.family.add("region");
      }
      case 16 -> {
        v.keyId = rnd.nextInt(4) == 0 ? huge() : rnd.pickOf(rnd.pick(BAD_KEY_IDS), nonAscii(), controls());
        d.family.add("access key id");
      }
      case 17 -> {
        v.date = rnd.pickOf("20240101", "00000000", "99999999", "2024-01-01", "", "yyyyMMdd",
            AMZ_DATE.format(now().minus(Duration.ofDays(1))).substring(0, 8),
            AMZ_DATE.format(now().plus(Duration.ofDays(1))).substring(0, 8), v.date + "0",
            (v.date + "0000000").substring(0, 7));
        d.family.add("Credential date does not match X-Amz-Date");
      }
      case 18 -> {
        Instant at =
            now().plus(Duration.ofSeconds(rnd.pickInt(-16 * 60, 16 * 60, -14 * 60, 14 * 60, -15 * 60 - 1,
                15 * 60 + 1, -86_400, 86_400, -400 * 86_400, 3_000 * 86_400)));
        String date = AMZ_DATE.format(at);
        d.set("X-Amz-Date", date);
        v.date = date.substring(0, 8);
        d.family.add("signing time skewed");
      }
      case 19 -> {
        String hex = HEX.formatHex(rnd.bytes(64));
        v.signature =
            rnd.pickOf(hex.substring(0, 63), hex.substring(0, 65), hex.substring(0, 128), "",
                hex.substring(0, 64).toUpperCase(Locale.ROOT), hex.substring(0, 63) + "g",
                hex.substring(0, 62) + "\u00e9", hex.substring(0, 32) + " " + hex.substring(32, 63),
                "0x" + hex.substring(0, 62), "-" + hex.substring(0, 63), hex.substring(0, 1),
                "0".repeat(64), "f".repeat(64), hex.substring(0, 64) + "\u0000");
        d.family.add("signature of the wrong length, case or alphabet");
      }
      case 20 -> {
        v.signedHeaders = rnd.pick(BAD_SIGNED_HEADERS);
        d.family.add("SignedHeaders '" + RawHttp.printable(v.signedHeaders, 40) + "'");
      }
      case 21 -> {
        StringBuilder names = new StringBuilder();
        int n = 1000 + rnd.nextInt(3000);
        for (int i = 0; i < n; i++) {
          names.append(rnd.nextInt(20) == 0 ? "" : "x-h" + i).append(';');
        }
        v.signedHeaders = names + "host;x-amz-date";
        d.family.add("SignedHeaders with thousands of names");
      }
      case 22 -> hostileSecurityToken(d, v);
      case 23 -> hostileHost(d);
      case 24 -> {
        v.credential = rnd.pickOf(v.credential() + "/", "/" + v.credential(), v.credential().replace("/", "//"),
            v.credential().replace("/", "\\"), v.credential().replace("/", "%2F"),
            v.credential().toUpperCase(Locale.ROOT), v.credential() + "," + v.credential());
        d.family.add("Credential reshaped");
      }
      default -> {
        Account other = rnd.pick(accounts);
        v.keyId = other.keyId();
        v.signature = rnd.pickOf(HEX.formatHex(rnd.bytes(32)), v.signature);
        d.family.add("known access key, unsigned");
      }
    }
  }

  /** Hostile X-Amz-Security-Token, Host, or unrelated headers on top. */
  private void hostileExtras(Draft d, SigV4 v) {
    switch (rnd.nextInt(3)) {
      case 0 -> hostileSecurityToken(d, v);
      case 1 -> hostileHost(d);
      default -> {
        d.add(rnd.pickOf("X-Amz-Content-Sha256", "X-Amz-Target", "X-Amzn-Authorization", "X-Amz-Credential",
            "X-Amz-Signature", "Proxy-Authorization", "Cookie"), hostileValue());
        d.family.add("hostile unrelated header");
      }
    }
  }

  private void hostileSecurityToken(Draft d, SigV4 v) {
    int copies = 1 + (rnd.nextInt(4) == 0 ? 1 : 0);
    for (int i = 0; i < copies; i++) {
      d.add("X-Amz-Security-Token", hostileValue());
    }
    if (v != null && rnd.nextBoolean()) {
      v.signedHeaders = v.signedHeaders + ";x-amz-security-token";
    }
    d.family.add("hostile X-Amz-Security-Token" + (copies > 1 ? " twice" : ""));
  }

  private void hostileHost(Draft d) {
    switch (rnd.nextInt(4)) {
      case 0 -> d.remove("Host");
      case 1 -> d.add("Host", hostileHostValue());
      default -> d.set("Host", hostileHostValue());
    }
    d.family.add("hostile Host");
  }

  private String hostileHostValue() {
    return rnd.nextInt(5) == 0 ? hostileValue() : rnd.pick(HOSTILE_HOSTS).replace("%d", Integer.toString(port));
  }

  // ---------------------------------------------------------------------------------------------
  // Hostile bearer keys and schemes

  private AuthRequest hostileBearer() {
    Account a = rnd.pick(accounts);
    Draft d = operation(anyOperation(), a, "us-east-1");
    d.add("Host", host);
    String key = a.apiKey();
    String scheme = rnd.pickOf("Bearer ", "Bearer ", "bearer ", "BEARER ");
    String value =
        switch (rnd.nextInt(22)) {
          case 0 -> "Bearer";
          case 1 -> "Bearer ";
          case 2 -> scheme + rnd.pickOf(" ", "  \t  ", "\t", " \u000b ", "\u00a0", "\u3000");
          case 3 -> scheme + huge();
          case 4 -> scheme + nonAscii();
          case 5 -> scheme + controls();
          case 6 -> scheme + junkBytes();
          case 7 -> scheme + key.substring(0, key.length() - 1);
          case 8 -> scheme + key + rnd.pickOf("x", "=", "0", ".", "\u00e9");
          case 9 -> scheme + rnd.pickOf("x", "ABSK", "\u0000x", "Bearer") + key;
          case 10 -> scheme + flipCase(key);
          case 11 -> scheme + key + " " + key;
          case 12 -> scheme + key.substring(0, 4) + "\u0000" + key.substring(4);
          case 13 -> rnd.pickOf("Bearer:", "Bearer=", "Bearer\u00a0", "Bearer,", "Bearer;") + key;
          case 14 -> rnd.pickOf("Token ", "Basic ", "Api-Key ", "ApiKey ", "Bearer-") + key;
          case 15 -> scheme + "Bearer " + key;
          case 16 -> scheme + "\"" + key + "\"";
          case 17 -> scheme + key.replace("=", "%3D");
          case 18 -> key;
          case 19 -> scheme + rnd.pick(JUNK_TEXT);
          case 20 -> scheme + "ABSK" + HEX.formatHex(rnd.bytes(40));
          default -> scheme + key.substring(0, key.length() - 3) + "zzz";
        };
    d.family.add("bearer: " + bearerShape(value, key));
    d.add("Authorization", value);
    if (rnd.nextInt(8) == 0) {
      hostileSecurityToken(d, null);
    }
    if (rnd.nextInt(8) == 0) {
      hostileHost(d);
    }
    moveAuthorization(d);
    return finish(Kind.HOSTILE, d, false, List.of(), List.of());
  }

  /** How a hostile bearer value looks, never with the key itself. */
  private static String bearerShape(String value, String key) {
    String shown = value.replace(key, "<key>");
    return shown.length() > 40 ? RawHttp.printable(shown, 30) + " (" + value.length() + " chars)"
        : RawHttp.printable(shown, 40);
  }

  private AuthRequest hostileScheme() {
    Account a = rnd.pick(accounts);
    Draft d = operation(anyOperation(), a, "us-east-1");
    d.add("Host", host);
    if (rnd.nextInt(3) > 0) {
      d.add("X-Amz-Date", rnd.nextBoolean() ? AMZ_DATE.format(now()) : badDate());
    }
    switch (rnd.nextInt(10)) {
      case 0 -> d.family.add("no Authorization");
      case 1 -> {
        d.add("Authorization", rnd.pickOf("", " ", "\t", " \t "));
        d.family.add("empty Authorization");
      }
      case 2 -> {
        String algorithm = rnd.pick(WRONG_ALGORITHMS);
        d.add("Authorization", algorithm + " Credential=" + a.keyId() + "/" + AMZ_DATE.format(now()).substring(0, 8)
            + "/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + HEX.formatHex(rnd.bytes(32)));
        d.family.add("algorithm '" + RawHttp.printable(algorithm, 30) + "'");
      }
      case 3 -> {
        d.add("Authorization", rnd.pickOf("Basic dXNlcjpwYXNz", "Digest username=\"a\", realm=\"b\"",
            "Negotiate YIIB", "NTLM TlRMTVNTUAAB", "OAuth oauth_token=\"x\"", "AWS AKIAALICE0000001:c2ln",
            "AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256 ", "Credential=x, SignedHeaders=host, Signature=y"));
        d.family.add("another scheme");
      }
      case 4 -> {
        d.add("Authorization", junkBytes());
        d.family.add("random bytes");
      }
      case 5 -> {
        d.add("Authorization", huge());
        d.family.add("huge Authorization");
      }
      case 6 -> {
        d.add("Authorization", rnd.pickOf(controls(), nonAscii(), rnd.pick(JUNK_TEXT)));
        d.family.add("control, non-ASCII or junk Authorization");
      }
      case 7 -> {
        d.query = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + encode(a.keyId() + "/20240101/us-east-1/bedrock/aws4_request")
            + "&X-Amz-Date=20240101T000000Z&X-Amz-SignedHeaders=host&X-Amz-Signature=" + HEX.formatHex(rnd.bytes(32));
        d.family.add("presigned URL");
      }
      case 8 -> {
        d.add(rnd.pickOf("authorization", "AUTHORIZATION", "aUtHoRiZaTiOn"), "AWS4-HMAC-SHA256 Credential="
            + a.keyId() + "/" + AMZ_DATE.format(now()).substring(0, 8)
            + "/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + HEX.formatHex(rnd.bytes(32)));
        d.family.add("header name case, random signature");
      }
      default -> {
        d.add(rnd.pickOf("Authorisation", "Authorization-X", "X-Authorization", "Proxy-Authorization", "X-Amz-Authorization"),
            "Bearer " + a.apiKey());
        d.family.add("API key under another header name");
      }
    }
    if (rnd.nextInt(6) == 0) {
      hostileSecurityToken(d, null);
    }
    return finish(Kind.HOSTILE, d, false, List.of(), List.of());
  }

  /**
   * Two or more Authorization headers at once. When one of them is validly signed, the request is
   * {@link Kind#TAMPERED}: its other Authorization header is the change.
   */
  private AuthRequest severalAuthorizations() {
    Account a = rnd.pick(accounts);
    String region = rnd.pick(a.regions());
    int op = rnd.nextBoolean() ? mutatingOperation() : anyOperation();
    Draft d = operation(op, a, region);
    sign(d, a.keyId(), a.secret(), null, region, now());
    String valid = d.header("Authorization");
    d.remove("Authorization");
    String garbage =
        rnd.pickOf("Bearer " + rnd.pickOf("", "x", a.apiKey() + "x"), "AWS4-HMAC-SHA256 Credential=x", junkBytes(),
            valid.replace("Signature=", "Signature=0"), "", "Basic dXNlcjpwYXNz", huge());
    boolean signedOne = rnd.nextInt(3) > 0;
    switch (rnd.nextInt(4)) {
      case 0 -> {
        d.add("Authorization", signedOne ? valid : garbage);
        d.add("Authorization", garbage);
        d.family.add(signedOne ? "a valid Authorization, then a hostile one" : "two hostile Authorization headers");
      }
      case 1 -> {
        d.add("Authorization", garbage);
        d.add("Authorization", signedOne ? valid : garbage);
        d.family.add(signedOne ? "a hostile Authorization, then a valid one" : "two hostile Authorization headers");
      }
      case 2 -> {
        d.add("Authorization", signedOne ? valid : garbage);
        d.add("Authorization", "Bearer " + rnd.pick(accounts).apiKey());
        d.family.add(signedOne ? "a valid signature, then a valid API key" : "a hostile Authorization, then a valid API key");
        signedOne = true;
      }
      default -> {
        int n = 2 + rnd.nextInt(5);
        for (int i = 0; i < n; i++) {
          d.add("Authorization", signedOne ? valid : garbage);
        }
        d.family.add(n + (signedOne ? " copies of a valid Authorization" : " hostile Authorization headers"));
      }
    }
    return finish(signedOne ? Kind.TAMPERED : Kind.HOSTILE, d, false, List.of(), List.of());
  }

  // ---------------------------------------------------------------------------------------------
  // Refused before authentication

  private AuthRequest oversized() {
    Draft d = operation(rnd.pickInt(FuzzRequests.CREATE, FuzzRequests.TAG, FuzzRequests.LIST_TAGS), rnd.pick(accounts), "us-east-1");
    d.add("Host", host);
    d.add("Authorization", rnd.pickOf(junkBytes(), "Bearer " + huge(), "AWS4-HMAC-SHA256 Credential=x",
        "Bearer " + rnd.pick(accounts).apiKey() + "x"));
    byte[] body = new byte[BedrockHttpHandler.MAX_BODY_BYTES + 1 + rnd.nextInt(1000)];
    java.util.Arrays.fill(body, (byte) ' ');
    System.arraycopy(d.body, 0, body, 0, d.body.length);
    d.body = body;
    d.family.add("body over 1 MiB");
    return finish(Kind.OVERSIZED, d, true, List.of(), List.of());
  }

  private AuthRequest brokenFraming() {
    Account a = rnd.pick(accounts);
    Draft d = operation(anyOperation(), a, "us-east-1");
    d.add("Host", host);
    String valid = "AWS4-HMAC-SHA256 Credential=" + a.keyId() + "/" + AMZ_DATE.format(now()).substring(0, 8)
        + "/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + HEX.formatHex(rnd.bytes(32));
    switch (rnd.nextInt(6)) {
      case 0 -> {
        d.add("Authorization", valid.replace(", ", ",\r "));
        d.family.add("bare CR in Authorization");
      }
      case 1 -> {
        d.add("Authorization", valid.replace(", Signature", "\n Signature"));
        d.family.add("bare LF in Authorization");
      }
      case 2 -> {
        d.add("Authorization", valid.replace(", Signature", ",\r\n Signature"));
        d.family.add("Authorization folded over two lines");
      }
      case 3 -> {
        d.add("Authorization" + rnd.pickOf(" ", "\t", "\u0000"), valid);
        d.family.add("whitespace or NUL before the colon");
      }
      case 4 -> {
        d.headers.add(new String[] {"Authorization " + valid, null});
        d.family.add("an Authorization line without a colon");
      }
      default -> {
        d.add("", valid);
        d.family.add("a header without a name");
      }
    }
    d.add("X-Amz-Date", AMZ_DATE.format(now()));
    return finish(Kind.BROKEN_FRAMING, d, true, List.of(), List.of());
  }

  // ---------------------------------------------------------------------------------------------
  // Bytes

  private AuthRequest finish(
      Kind kind, Draft d, boolean oneShot, List<String> mustContain, List<String> mustNotContain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, d.method + " " + d.target() + " HTTP/1.1\r\n");
    List<String> input = new ArrayList<>();
    input.add(d.target());
    for (String[] h : d.headers) {
      write(out, h[1] == null ? h[0] + "\r\n" : h[0] + ": " + h[1] + "\r\n");
      input.add(h[1] == null ? h[0] : h[1]);
    }
    if (d.body.length > 0) {
      write(out, "Content-Length: " + d.body.length + "\r\n");
    }
    write(out, "\r\n");
    out.writeBytes(d.body);
    input.add(new String(d.body, 0, Math.min(d.body.length, 4096), StandardCharsets.ISO_8859_1));
    int op = FuzzRequests.classify(d.method, d.target());
    return new AuthRequest(
        kind,
        String.join(" + ", d.family),
        d.method,
        d.target(),
        out.toByteArray(),
        oneShot,
        op < 0 ? null : FuzzRequests.OPERATIONS[op],
        op >= 0 && FuzzRequests.mutating(op),
        List.copyOf(mustContain),
        List.copyOf(mustNotContain),
        List.copyOf(input));
  }

  /** Puts the Authorization header somewhere else among the headers, sometimes. */
  private void moveAuthorization(Draft d) {
    if (rnd.nextInt(3) == 0) {
      for (int i = 0; i < d.headers.size(); i++) {
        if (d.headers.get(i)[0].equals("Authorization")) {
          String[] h = d.headers.remove(i);
          d.headers.add(rnd.nextInt(d.headers.size() + 1), h);
          return;
        }
      }
    }
  }

  private static void write(ByteArrayOutputStream out, String latin1) {
    out.writeBytes(latin1.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------------------------------------
  // Hostile values; none contains CR or LF

  /** Any of the hostile shapes. */
  private String hostileValue() {
    return switch (rnd.nextInt(7)) {
      case 0 -> huge();
      case 1 -> controls();
      case 2 -> nonAscii();
      case 3 -> junkBytes();
      case 4 -> rnd.pick(JUNK_TEXT);
      case 5 -> "";
      default -> HEX.formatHex(rnd.bytes(1 + rnd.nextInt(200)));
    };
  }

  /** Tens of kilobytes: one character repeated, printable junk, or random bytes. */
  private String huge() {
    int length = 10_000 + rnd.nextInt(50_000);
    return switch (rnd.nextInt(4)) {
      case 0 -> "A".repeat(length);
      case 1 -> "/".repeat(length);
      case 2 -> {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
          s.append((char) (0x21 + rnd.nextInt(0x5e)));
        }
        yield s.toString();
      }
      default -> junkBytes(length);
    };
  }

  /** Control characters other than CR and LF, between letters. */
  private String controls() {
    StringBuilder s = new StringBuilder("a");
    int n = 1 + rnd.nextInt(8);
    for (int i = 0; i < n; i++) {
      char c = (char) rnd.nextInt(0x20);
      s.append(c == '\r' || c == '\n' ? '\u007f' : c).append('b');
    }
    return s.toString();
  }

  /** Unicode text as its UTF-8 bytes (so ISO-8859-1 characters on the wire), or raw Latin-1. */
  private String nonAscii() {
    String text = rnd.pickOf("\u00fcn\u00efc\u00f8d\u00e9", "\u2603\u2764", "\ud834\udd1e", "\u202eevil",
        "\ufeffBOM", "\u0000\u00ff", "\u4e2d\u6587", "\u0410\u041a\u0406\u0410", "\ud83d\ude00".repeat(20),
        "\u00e9".repeat(100), "\u2028\u2029");
    return rnd.nextBoolean()
        ? new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
        : new String(text.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
  }

  private String junkBytes() {
    return junkBytes(1 + rnd.nextInt(300));
  }

  /** {@code n} random bytes other than CR and LF, as ISO-8859-1 characters. */
  private String junkBytes(int n) {
    char[] chars = new char[n];
    for (int i = 0; i < n; i++) {
      int b = rnd.nextInt(256);
      chars[i] = (char) (b == '\r' || b == '\n' ? 'z' : b);
    }
    return new String(chars);
  }

  private String badDate() {
    if (rnd.nextInt(3) == 0) {
      return rnd.pick(FIXED_BAD_DATES);
    }
    if (rnd.nextInt(6) == 0) {
      return rnd.pickOf(huge(), controls(), nonAscii(), junkBytes());
    }
    String now = AMZ_DATE.format(now());
    String day = now.substring(0, 8);
    String time = now.substring(9, 15);
    if (rnd.nextInt(4) == 0) {
      day = now.substring(0, 4) + rnd.pickOf("0230", "0231", "0431", "0631", "0229", "1332", "0000");
    }
    return String.format(Locale.ROOT, rnd.pick(BAD_DATE_SHAPES), day, time);
  }

  private String insert(String text, String junk) {
    int at = text.isEmpty() ? 0 : rnd.nextInt(text.length() + 1);
    return text.substring(0, at) + junk + text.substring(at);
  }

  private String flipCase(String text) {
    StringBuilder s = new StringBuilder(text);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        s.setCharAt(i, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        return s.toString();
      }
    }
    return text + "x";
  }

  private static char otherHexDigit(char c) {
    return c == '0' ? '1' : '0';
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start) + start.length();
    int to = text.indexOf(end, from);
    return text.substring(from, to < 0 ? text.length() : to);
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return 0;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
