package dev.strata.ports.driven;

/**
 * AWS Signature Version 4 as AWS itself computes it, so that a signature a client sent can be
 * checked by computing it again from the secret key. Implementations must be a well-kept signer
 * (the AWS SDK's), never a re-derivation of the algorithm: every client signs with one of those.
 *
 * <p>The canonical request is AWS's for every service but S3: the request's raw path normalized
 * and URI-encoded a second time (so {@code %3A} in an ARN label is signed as {@code %253A}), the
 * query parameters decoded, sorted and re-encoded, exactly the headers of {@link
 * SigningRequest#signedHeaders()}, and the hex SHA-256 of the payload. Thread-safe; never throws.
 */
public interface SignatureV4 {

  /**
   * The lowercase hex signature of {@code request} signed with {@code secretAccessKey} for the
   * credential scope {@code yyyyMMdd/region/service/aws4_request} of its signing time, region and
   * service.
   */
  String signature(SigningRequest request, String secretAccessKey);
}
