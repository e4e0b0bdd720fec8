package dev.strata.ports.edge;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * AWS Signature Version 4 as AWS itself computes it, so that a signature a client sent can be
 * checked by computing it again from the secret key. Implementations must be a well-kept signer
 * (the AWS SDK's), never a re-derivation of the algorithm: every client signs with one of those.
 *
 * <p>The canonical request is AWS's for every service but S3: the request's raw path normalized
 * and URI-encoded a second time (so {@code %3A} in an ARN label is signed as {@code %253A}), the
 * query parameters decoded, sorted and re-encoded, exactly the headers of {@link
 * Request#signedHeaders()}, and the hex SHA-256 of the payload. Thread-safe; never throws.
 */
public interface SignatureV4 {

  /**
   * The lowercase hex signature of {@code request} signed with {@code secretAccessKey} for the
   * credential scope {@code yyyyMMdd/region/service/aws4_request} of its signing time, region and
   * service.
   */
  String signature(Request request, String secretAccessKey);

  /**
   * What a SigV4 signature covers, exactly as the request arrived.
   *
   * @param method the HTTP method, e.g. {@code POST}
   * @param host the {@code Host} header as sent, e.g. {@code 127.0.0.1:4010}
   * @param rawPath the path as sent, still percent-encoded, e.g. {@code
   *     /provisioned-model-throughput/arn%3Aaws%3A...}
   * @param rawQuery the query as sent, still percent-encoded, without {@code ?}; empty when none
   * @param signedHeaders the headers named in {@code SignedHeaders}, by lowercase name, each with its
   *     values in arrival order; {@code host} among them when the client signed it
   * @param payload the request body; empty when none
   * @param signingTime the {@code X-Amz-Date} the client signed at, to the second
   * @param region the credential scope's region, e.g. {@code us-east-1}
   * @param service the credential scope's service, e.g. {@code bedrock}
   */
  record Request(
      String method,
      String host,
      String rawPath,
      String rawQuery,
      Map<String, List<String>> signedHeaders,
      byte[] payload,
      Instant signingTime,
      String region,
      String service) {

    public Request {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(rawPath, "rawPath");
      rawQuery = rawQuery == null ? "" : rawQuery;
      signedHeaders = Map.copyOf(signedHeaders);
      payload = payload == null ? new byte[0] : payload;
      Objects.requireNonNull(signingTime, "signingTime");
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(service, "service");
    }
  }
}
