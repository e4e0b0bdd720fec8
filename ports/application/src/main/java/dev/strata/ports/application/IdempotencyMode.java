package dev.strata.ports.application;

/** What Create does with a client request token reused with different parameters (D3). */
public enum IdempotencyMode {
  /**
   * As AWS documents it: the request is ignored without an error, and the original provisioned
   * throughput's ARN is returned. The default.
   */
  LENIENT,
  /** The reuse is a ValidationException naming the token. */
  STRICT
}
