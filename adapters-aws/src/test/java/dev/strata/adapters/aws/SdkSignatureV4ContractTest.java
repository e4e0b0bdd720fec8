package dev.strata.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.ports.contract.SignatureV4Contract;
import dev.strata.ports.edge.SignatureV4;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The SigV4 contract against {@link SdkSignatureV4}, and the contract's Bedrock signatures checked
 * against the SDK's own signer.
 */
class SdkSignatureV4ContractTest extends SignatureV4Contract {
  private final SdkSignatureV4 signer = new SdkSignatureV4();

  @Override
  protected SignatureV4 signer() {
    return signer;
  }

  @Test
  void the_contracts_bedrock_signatures_are_those_aws_v4_http_signer_computes() {
    SdkHttpRequest doubleEncoded = signedByTheSdk(BEDROCK_GET_BY_ARN, true);
    SdkHttpRequest singleEncoded = signedByTheSdk(BEDROCK_GET_BY_ARN, false);

    Map<String, List<String>> signedBySdk = new TreeMap<>();
    doubleEncoded.forEachHeader(
        (name, values) -> signedBySdk.put(name.toLowerCase(Locale.ROOT), values));
    signedBySdk.remove("authorization");

    assertEquals(new TreeMap<>(BEDROCK_GET_BY_ARN.signedHeaders()), signedBySdk);
    assertEquals(BEDROCK_GET_BY_ARN_SIGNATURE, signatureOf(doubleEncoded));
    assertEquals(BEDROCK_GET_BY_ARN_SINGLE_ENCODED_SIGNATURE, signatureOf(singleEncoded));
  }

  /** {@code request}'s method, host and path, signed by the SDK as its Bedrock client signs. */
  private static SdkHttpRequest signedByTheSdk(SignatureV4.Request request, boolean doubleUrlEncode) {
    return AwsV4HttpSigner.create()
        .sign(
            sign ->
                sign.identity(AwsCredentialsIdentity.create("AKIDEXAMPLE", SUITE_SECRET))
                    .request(
                        SdkHttpRequest.builder()
                            .method(SdkHttpMethod.fromValue(request.method()))
                            .protocol("https")
                            .host(request.host())
                            .encodedPath(request.rawPath())
                            .build())
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, request.service())
                    .putProperty(AwsV4HttpSigner.REGION_NAME, request.region())
                    .putProperty(
                        AwsV4HttpSigner.SIGNING_CLOCK,
                        Clock.fixed(request.signingTime(), ZoneOffset.UTC))
                    .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, doubleUrlEncode))
        .request();
  }

  private static String signatureOf(SdkHttpRequest signed) {
    String authorization = signed.firstMatchingHeader("Authorization").orElseThrow();
    return authorization.substring(authorization.indexOf("Signature=") + "Signature=".length());
  }
}
