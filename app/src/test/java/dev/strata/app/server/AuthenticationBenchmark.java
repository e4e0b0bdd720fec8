package dev.strata.app.server;

import dev.strata.adapters.aws.SdkSignatureV4;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * What authenticating one CreateProvisionedModelThroughput costs the server: verifying its SigV4
 * signature (recomputed by the AWS SDK's signer) or its Bedrock API key, against the baseline of
 * the AWS SDK signing the same request, which every client pays anyway. Run with {@code mvn -B
 * -Pbench -DskipTests verify -Dbench.args="Authentication -f 1"}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AuthenticationBenchmark {
  static final String KEY_ID = "AKIAALICE0000001";
  static final String SECRET = "alice/secret+key0000000000000000000000000";
  static final String API_KEY = "ABSKYWxpY2UtYXBpLWtleQ==alice";
  static final Instant SIGNED_AT = Instant.parse("2026-11-24T10:00:00Z");
  static final byte[] BODY =
      ("{\"provisionedModelName\":\"chat-prod\",\"modelId\":\"amazon.nova-lite-v1:0:24k\","
              + "\"modelUnits\":1,\"clientRequestToken\":\"deploy-42\","
              + "\"tags\":[{\"key\":\"team\",\"value\":\"search\"}]}")
          .getBytes(StandardCharsets.UTF_8);

  /** One signed and one bearer Create, and a server that knows both keys. */
  @State(Scope.Benchmark)
  public static class Requests {
    Authentication authentication;
    IncomingRequest signed;
    IncomingRequest bearer;
    SdkHttpFullRequest unsigned;
    AwsV4HttpSigner signer;

    @Setup
    public void sign() {
      authentication =
          Authentication.of(
              Set.of(Authentication.Mode.SIGV4, Authentication.Mode.BEARER),
              Credentials.builder()
                  .accessKey(KEY_ID, SECRET, "111111111111")
                  .apiKey("alice-ci", API_KEY, "111111111111")
                  .build(),
              new SdkSignatureV4(),
              Clock.fixed(SIGNED_AT, ZoneOffset.UTC));
      signer = AwsV4HttpSigner.create();
      unsigned =
          SdkHttpFullRequest.builder()
              .method(SdkHttpMethod.POST)
              .protocol("http")
              .host("127.0.0.1")
              .port(4010)
              .encodedPath("/provisioned-model-throughput")
              .putHeader("Content-Type", "application/json")
              .contentStreamProvider(ContentStreamProvider.fromByteArrayUnsafe(BODY))
              .build();
      SignedRequest result = signAsTheSdkDoes(signer, unsigned);
      Map<String, List<String>> headers = new LinkedHashMap<>();
      result
          .request()
          .forEachHeader(
              (name, values) ->
                  headers
                      .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                      .addAll(values));
      headers.putIfAbsent("host", List.of("127.0.0.1:4010"));
      signed = new IncomingRequest("POST", "/provisioned-model-throughput", "", headers, BODY);
      Map<String, List<String>> bearerHeaders = new LinkedHashMap<>();
      bearerHeaders.put("host", List.of("127.0.0.1:4010"));
      bearerHeaders.put("content-type", List.of("application/json"));
      bearerHeaders.put("authorization", List.of("Bearer " + API_KEY));
      bearer = new IncomingRequest("POST", "/provisioned-model-throughput", "", bearerHeaders, BODY);
      if (authentication.authenticate(signed).isLeft() || authentication.authenticate(bearer).isLeft()) {
        throw new IllegalStateException("the benchmark's requests must authenticate");
      }
    }
  }

  static SignedRequest signAsTheSdkDoes(AwsV4HttpSigner signer, SdkHttpFullRequest request) {
    return signer.sign(
        r ->
            r.identity(AwsCredentialsIdentity.create(KEY_ID, SECRET))
                .request(request)
                .payload(request.contentStreamProvider().orElseThrow())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(SIGNED_AT, ZoneOffset.UTC)));
  }

  @Benchmark
  public Either<WireRefusal, Option<Caller>> verify_a_sigv4_signature(Requests r) {
    return r.authentication.authenticate(r.signed);
  }

  @Benchmark
  public Either<WireRefusal, Option<Caller>> verify_a_bearer_api_key(Requests r) {
    return r.authentication.authenticate(r.bearer);
  }

  @Benchmark
  public SignedRequest baseline_the_sdk_signs_the_request(Requests r) {
    return signAsTheSdkDoes(r.signer, r.unsigned);
  }
}
