package dev.strata.app.server;

import dev.strata.domain.Region;
import dev.strata.ports.edge.SignatureV4;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may call: no one needs to sign ({@link Mode#NONE}), or every request carries an AWS
 * Signature Version 4 ({@link Mode#SIGV4}) or a Bedrock API key as {@code Authorization: Bearer}
 * ({@link Mode#BEARER}), or either of the two. A request is refused as AWS refuses it, with 403 and
 * the error type AWS uses: {@code MissingAuthenticationTokenException} without credentials, {@code
 * IncompleteSignatureException} for an Authorization header that cannot be read or for more than
 * one, {@code UnrecognizedClientException} for an unknown access key, {@code
 * InvalidSignatureException} for a signature that does not match, a wrong credential scope, or a
 * signing time more than {@link #MAX_SKEW} away from the server's clock, and {@code
 * AccessDeniedException} for an unknown API key.
 *
 * <p>Signatures are recomputed by a {@link SignatureV4} (the AWS SDK's signer) and compared in
 * constant time. No message names a secret, nor repeats more than 64 characters of a header.
 * Immutable and thread-safe.
 */
public final class Authentication {
  /** How far a signing time may be from the server's clock, either way: AWS's 15 minutes. */
  public static final Duration MAX_SKEW = Duration.ofMinutes(15);

  /** The signing name Bedrock's credential scope must carry. */
  static final String SERVICE = "bedrock";

  static final String ALGORITHM = "AWS4-HMAC-SHA256";

  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");

  /** An HTTP authentication scheme name: an RFC 9110 token, short enough to name in a message. */
  private static final Pattern AUTH_SCHEME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,32}");

  static final String SIGNATURE_MISMATCH =
      "The request signature we calculated does not match the signature you provided. Check your"
          + " AWS Secret Access Key and signing method. Consult the service documentation for"
          + " details.";

  /** How requests prove who sends them. */
  public enum Mode {
    /**
     * Every request is accepted and acts for the server's own account, in the region its SigV4
     * credential scope names (read, not verified: D19) or else the server's.
     */
    NONE,
    /** AWS Signature Version 4 with an access key from the {@link Credentials}. */
    SIGV4,
    /** {@code Authorization: Bearer} with a Bedrock API key from the {@link Credentials}. */
    BEARER;

    /**
     * The modes {@code text} names: {@code none}, {@code sigv4}, {@code bearer}, or {@code
     * sigv4,bearer}.
     *
     * @throws IllegalArgumentException naming the flag and the accepted values
     */
    public static Set<Mode> parse(String text) {
      Set<Mode> modes = EnumSet.noneOf(Mode.class);
      for (String part : text.split(",", -1)) {
        String name = part.trim().toLowerCase(Locale.ROOT);
        switch (name) {
          case "none" -> modes.add(NONE);
          case "sigv4" -> modes.add(SIGV4);
          case "bearer" -> modes.add(BEARER);
          default -> throw new IllegalArgumentException(
              "--auth: '" + part.trim() + "' is not one of none, sigv4, bearer, sigv4,bearer");
        }
      }
      if (modes.contains(NONE) && modes.size() > 1) {
        throw new IllegalArgumentException("--auth: none cannot be combined with sigv4 or bearer");
      }
      return modes;
    }
  }

  private final Set<Mode> modes;
  private final Credentials credentials;
  private final SignatureV4 signer;
  private final Clock clock;

  private Authentication(Set<Mode> modes, Credentials credentials, SignatureV4 signer, Clock clock) {
    this.modes = Set.copyOf(modes);
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.signer = signer;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Every request is accepted. */
  public static Authentication none() {
    return new Authentication(EnumSet.of(Mode.NONE), Credentials.none(), null, Clock.systemUTC());
  }

  /**
   * Requests must authenticate by one of {@code modes} with {@code credentials}; SigV4 signatures
   * are recomputed by {@code signer} and their signing times checked against {@code clock}.
   */
  public static Authentication of(
      Set<Mode> modes, Credentials credentials, SignatureV4 signer, Clock clock) {
    if (modes.isEmpty() || modes.contains(Mode.NONE)) {
      if (modes.size() > 1) {
        throw new IllegalArgumentException("none cannot be combined with sigv4 or bearer");
      }
      return none();
    }
    if (modes.contains(Mode.SIGV4)) {
      Objects.requireNonNull(signer, "SigV4 needs a signer");
    }
    return new Authentication(modes, credentials, signer, clock);
  }

  /** Whether a request must prove who sends it. */
  public boolean required() {
    return !modes.contains(Mode.NONE);
  }

  public Set<Mode> modes() {
    return modes;
  }

  /**
   * The caller of {@code request}; none when no authentication is required; or the 403 that
   * refuses it.
   */
  Either<WireRefusal, Option<Caller>> authenticate(IncomingRequest request) {
    if (!required()) {
      return Either.right(Option.none());
    }
    List<String> authorizations = request.headers().getOrDefault("authorization", List.of());
    if (authorizations.size() > 1) {
      // Which one counts would be a guess, and a proxy in front may guess otherwise.
      return refuse(
          "IncompleteSignatureException",
          "The request carries " + authorizations.size() + " Authorization headers; send one.");
    }
    String authorization = request.header("authorization");
    if (authorization == null || authorization.isBlank()) {
      return refuse(
          "MissingAuthenticationTokenException",
          request.hasQueryParameter("X-Amz-Signature")
              ? "Presigned URLs are not supported; sign the Authorization header instead."
              : "Missing Authentication Token");
    }
    if (modes.contains(Mode.SIGV4) && authorization.startsWith(ALGORITHM + " ")) {
      return sigv4(request, authorization.substring(ALGORITHM.length() + 1)).map(Option::some);
    }
    if (modes.contains(Mode.BEARER) && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return bearer(withoutSpaces(authorization.substring(7))).map(Option::some);
    }
    // Only a token followed by credentials is named: a value without one may be a bare API key.
    String[] parts = authorization.trim().split("\\s+", 2);
    return refuse(
        "IncompleteSignatureException",
        parts.length == 2 && AUTH_SCHEME.matcher(parts[0]).matches()
            ? "The Authorization header scheme '" + parts[0] + "' is not accepted here; use "
                + accepted() + "."
            : "The Authorization header is not of a scheme accepted here; use " + accepted() + ".");
  }

  /**
   * The region of {@code request}'s SigV4 credential scope ({@code
   * Credential=KEY/DATE/REGION/SERVICE/aws4_request}), read but not verified: where an
   * unauthenticated request means to act (D19). Empty when the request carries no single SigV4
   * Authorization header or its scope names no valid region.
   */
  static java.util.Optional<Region> scopedRegion(IncomingRequest request) {
    List<String> authorizations = request.headers().getOrDefault("authorization", List.of());
    if (authorizations.size() != 1 || !authorizations.get(0).startsWith(ALGORITHM + " ")) {
      return java.util.Optional.empty();
    }
    for (String part : authorizations.get(0).substring(ALGORITHM.length() + 1).split(",")) {
      String field = part.trim();
      if (field.startsWith("Credential=")) {
        String[] scope = field.substring("Credential=".length()).split("/", -1);
        return scope.length == 5 && Region.parse(scope[2]).isValid()
            ? java.util.Optional.of(Region.of(scope[2]))
            : java.util.Optional.empty();
      }
    }
    return java.util.Optional.empty();
  }

  /** {@code text} without leading and trailing spaces and tabs, and nothing else removed. */
  private static String withoutSpaces(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
      end--;
    }
    return text.substring(start, end);
  }

  private Either<WireRefusal, Caller> bearer(String apiKey) {
    return credentials
        .apiKey(apiKey)
        .<Either<WireRefusal, Caller>>map(
            key -> Either.right(new Caller(key.account(), java.util.Optional.empty(), key.name(), key.admin())))
        .orElseGet(
            () ->
                refuse(
                    "AccessDeniedException",
                    "Authentication failed: Please make sure your API Key is valid."));
  }

  private Either<WireRefusal, Caller> sigv4(IncomingRequest request, String parameters) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String part : parameters.split(",")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        fields.putIfAbsent(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
      }
    }
    String amzDate = request.header("x-amz-date");
    List<String> missing = new ArrayList<>();
    for (String name : List.of("Credential", "Signature", "SignedHeaders")) {
      if (fields.get(name) == null || fields.get(name).isEmpty()) {
        missing.add("Authorization header requires '" + name + "' parameter.");
      }
    }
    if (amzDate == null) {
      missing.add("Authorization header requires existence of a 'X-Amz-Date' header.");
    }
    if (!missing.isEmpty()) {
      return refuse("IncompleteSignatureException", String.join(" ", missing));
    }
    String[] scope = fields.get("Credential").split("/", -1);
    if (scope.length != 5) {
      return refuse(
          "IncompleteSignatureException",
          "Credential must have exactly 5 slash-delimited elements, e.g."
              + " keyid/date/region/service/term, got '" + printable(fields.get("Credential")) + "'.");
    }
    Instant signedAt;
    try {
      signedAt = AMZ_DATE.parse(amzDate, LocalDateTime::from).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return refuse(
          "IncompleteSignatureException",
          "Date must be in ISO-8601 'basic format'. Got '" + printable(amzDate) + "'.");
    }
    String date = scope[1];
    String regionName = scope[2];
    Option<String> scopeProblem = scopeProblem(scope, amzDate);
    if (scopeProblem.isDefined()) {
      return refuse("InvalidSignatureException", scopeProblem.get());
    }
    java.util.Optional<Credentials.AccessKey> key = credentials.accessKey(scope[0]);
    if (key.isEmpty()) {
      return refuse(
          "UnrecognizedClientException", "The security token included in the request is invalid.");
    }
    Option<String> skew = skew(signedAt);
    if (skew.isDefined()) {
      return refuse("InvalidSignatureException", skew.get());
    }
    List<String> signedHeaders = List.of(fields.get("SignedHeaders").split(";", -1));
    if (!signedHeaders.contains("host")) {
      return refuse(
          "InvalidSignatureException",
          "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }
    if (!signedHeaders.contains("x-amz-date")) {
      return refuse(
          "InvalidSignatureException", "'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
    }
    String provided = fields.get("Signature");
    if (!SIGNATURE.matcher(provided).matches()) {
      return refuse("InvalidSignatureException", SIGNATURE_MISMATCH);
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : signedHeaders) {
      headers.put(name, request.headers().getOrDefault(name, List.of()));
    }
    String expected =
        signer.signature(
            new SignatureV4.Request(
                request.method(),
                String.valueOf(request.header("host")),
                request.rawPath(),
                request.rawQuery(),
                headers,
                request.body(),
                signedAt,
                regionName,
                SERVICE),
            key.get().secretAccessKey());
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), provided.getBytes(StandardCharsets.US_ASCII))) {
      return refuse("InvalidSignatureException", SIGNATURE_MISMATCH);
    }
    return Either.right(
        new Caller(
            key.get().account(), java.util.Optional.of(Region.of(regionName)), scope[0], key.get().admin()));
  }

  /**
   * What is wrong with credential scope {@code scope} ({@code key/date/region/service/terminator})
   * of a request signed at {@code amzDate}, in AWS's words; none when it is Bedrock's.
   */
  private static Option<String> scopeProblem(String[] scope, String amzDate) {
    if (!scope[4].equals("aws4_request")) {
      return Option.some(
          "Credential should be scoped with a valid terminator: 'aws4_request', not '"
              + printable(scope[4]) + "'.");
    }
    if (!scope[3].equals(SERVICE)) {
      return Option.some("Credential should be scoped to correct service: '" + SERVICE + "'.");
    }
    if (Region.parse(scope[2]).isInvalid()) {
      return Option.some("Credential should be scoped to a valid region.");
    }
    if (!amzDate.startsWith(scope[1])) {
      return Option.some(
          "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from"
              + " HTTP: '" + printable(scope[1]) + "' != '" + amzDate.substring(0, 8) + "', from '"
              + amzDate + "'.");
    }
    return Option.none();
  }

  private Option<String> skew(Instant signedAt) {
    Instant now = clock.instant();
    if (signedAt.isBefore(now.minus(MAX_SKEW))) {
      return Option.some(
          "Signature expired: " + AMZ_DATE.format(signedAt) + " is now earlier than "
              + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " - 15 min.)");
    }
    if (signedAt.isAfter(now.plus(MAX_SKEW))) {
      return Option.some(
          "Signature not yet current: " + AMZ_DATE.format(signedAt) + " is still later than "
              + AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " + 15 min.)");
    }
    return Option.none();
  }

  private String accepted() {
    List<String> schemes = new ArrayList<>();
    if (modes.contains(Mode.SIGV4)) {
      schemes.add(ALGORITHM);
    }
    if (modes.contains(Mode.BEARER)) {
      schemes.add("Bearer");
    }
    return String.join(" or ", schemes);
  }

  /** {@code text} cut to 64 characters with anything outside printable ASCII as {@code ?}. */
  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && i < 64; i++) {
      char c = text.charAt(i);
      out.append(c >= ' ' && c <= '~' ? c : '?');
    }
    return out.toString();
  }

  private static <T> Either<WireRefusal, T> refuse(String errorType, String message) {
    return Either.left(WireRefusal.unauthenticated(errorType, message));
  }
}
