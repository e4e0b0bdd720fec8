package dev.strata.composition;

/**
 * The chosen adapters could not start, e.g. the DynamoDB table could not be described or created;
 * the message says which and why.
 */
public final class WiringException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WiringException(String message) {
    super(message);
  }
}
