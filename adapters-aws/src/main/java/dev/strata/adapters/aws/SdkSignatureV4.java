package dev.strata.adapters.aws;

import dev.strata.ports.edge.PercentDecoding;
import dev.strata.ports.edge.SignatureV4;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;

/**
 * {@link SignatureV4} by the AWS SDK for Java v2's own signers, over exactly the signed headers.
 *
 * <p>{@link AwsV4HttpSigner} signs every request whose signed {@code x-amz-content-sha256} is the
 * hex SHA-256 of its payload, as every request of the AWS SDK for Java v2 is. That signer always
 * adds and signs {@code x-amz-content-sha256}, so it cannot reproduce a client that did not sign it
 * (AWS's SigV4 test suite; botocore, and so the AWS CLI, outside S3): those requests are signed by
 * the SDK's {@code Aws4Signer}, which signs exactly the headers it is given.
 *
 * <p>The request's {@link SignatureV4.Request#host()} is handed to the SDK whole, port included, so the
 * {@code host} both signers sign is the one the client sent, even {@code example.com:80}. Both
 * signers sign {@code host} and {@code x-amz-date} (of the signing time) even when the client did
 * not, and neither signs {@code connection}, {@code expect}, {@code transfer-encoding}, {@code
 * user-agent}, {@code x-amzn-trace-id} or {@code x-forwarded-for} even when the client did: such a
 * client gets a signature other than its own.
 *
 * <p>The path is normalized as a {@link java.net.URI} path, so one that is no URI path (a space, a
 * malformed {@code %} escape) cannot be signed; neither can a method the SDK does not know by
 * exactly that name ({@code get} is not {@code GET}: the SDK would sign it as {@code GET}). Such a
 * request answers 64 random hex digits, a signature no client can have computed. In the query, a
 * {@code +} is a plus and a malformed escape is the literal text it is ({@link PercentDecoding});
 * a query whose escapes do not decode to UTF-8 ({@code %C0%AF}) cannot be signed either.
 *
 * <p>Thread-safe; never throws.
 */
public final class SdkSignatureV4 implements SignatureV4 {
  /** Named in the SDK's {@code Authorization} header only; no part of the signature. */
  private static final String ACCESS_KEY_ID = "STRATA";

  private static final String SIGNATURE = "Signature=";
  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();
  private static final HexFormat HEX = HexFormat.of();

  private final SecureRandom random = new SecureRandom();

  @Override
  public String signature(SignatureV4.Request request, String secretAccessKey) {
    try {
      SdkHttpFullRequest http = httpRequest(request);
      String authorization =
          signsItsPayloadHash(request)
              ? signedByAwsV4HttpSigner(http, request, secretAccessKey)
              : signedByAws4Signer(http, request, secretAccessKey);
      return authorization.substring(authorization.lastIndexOf(SIGNATURE) + SIGNATURE.length());
    } catch (RuntimeException unsignable) {
      byte[] unguessable = new byte[32];
      random.nextBytes(unguessable);
      return HEX.formatHex(unguessable);
    }
  }

  private static String signedByAwsV4HttpSigner(
      SdkHttpFullRequest http, SignatureV4.Request request, String secretAccessKey) {
    return SIGNER
        .sign(
            sign ->
                sign.identity(AwsCredentialsIdentity.create(ACCESS_KEY_ID, secretAccessKey))
                    .request(http)
                    .payload(http.contentStreamProvider().orElseThrow())
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, request.service())
                    .putProperty(AwsV4HttpSigner.REGION_NAME, request.region())
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clockAt(request))
                    .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, true)
                    .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, true)
                    .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true))
        .request()
        .firstMatchingHeader("Authorization")
        .orElseThrow();
  }

  @SuppressWarnings("deprecation")
  private static String signedByAws4Signer(
      SdkHttpFullRequest http, SignatureV4.Request request, String secretAccessKey) {
    Aws4SignerParams params =
        Aws4SignerParams.builder()
            .awsCredentials(AwsBasicCredentials.create(ACCESS_KEY_ID, secretAccessKey))
            .signingName(request.service())
            .signingRegion(Region.of(request.region()))
            .signingClockOverride(clockAt(request))
            .doubleUrlEncode(true)
            .normalizePath(true)
            .build();
    return Aws4Signer.create()
        .sign(http, params)
        .firstMatchingHeader("Authorization")
        .orElseThrow();
  }

  private static SdkHttpFullRequest httpRequest(SignatureV4.Request request) {
    byte[] payload = request.payload();
    SdkHttpMethod method = SdkHttpMethod.fromValue(request.method());
    if (!method.name().equals(request.method())) {
      throw new IllegalArgumentException("the SDK would sign " + method + ", not the method sent");
    }
    SdkHttpFullRequest.Builder http =
        SdkHttpFullRequest.builder()
            .method(method)
            .protocol("http")
            .host(request.host().trim())
            .encodedPath(request.rawPath())
            .contentStreamProvider(ContentStreamProvider.fromByteArrayUnsafe(payload));
    request
        .signedHeaders()
        .forEach((name, values) -> values.forEach(v -> http.appendHeader(name, v)));
    if (!request.rawQuery().isEmpty()) {
      for (String parameter : request.rawQuery().split("&", -1)) {
        int equals = parameter.indexOf('=');
        http.appendRawQueryParameter(
            decoded(equals < 0 ? parameter : parameter.substring(0, equals)),
            equals < 0 ? "" : decoded(parameter.substring(equals + 1)));
      }
    }
    return http.build();
  }

  private static boolean signsItsPayloadHash(SignatureV4.Request request) {
    List<String> signed = request.signedHeaders().get("x-amz-content-sha256");
    return signed != null
        && signed.size() == 1
        && signed.get(0).trim().equals(HEX.formatHex(sha256(request.payload())));
  }

  private static Clock clockAt(SignatureV4.Request request) {
    return Clock.fixed(request.signingTime(), ZoneOffset.UTC);
  }

  /**
   * {@code raw} percent-decoded as strict UTF-8; a query that is not UTF-8 once decoded cannot be
   * signed (the SDK signs strings, so the client's bytes could not be reproduced).
   */
  private static String decoded(String raw) {
    return PercentDecoding.decode(raw)
        .getOrElseThrow(invalid -> new IllegalArgumentException("the query is not UTF-8"));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException everyJvmHasIt) {
      throw new IllegalStateException(everyJvmHasIt);
    }
  }
}
