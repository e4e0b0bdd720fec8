package dev.strata.ports.driven;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
public record SigningRequest(
    String method,
    String host,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> signedHeaders,
    byte[] payload,
    Instant signingTime,
    String region,
    String service) {

  public SigningRequest {
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
