package dev.strata.domain;

/**
 * A value was constructed in breach of an invariant that every instance must satisfy.
 *
 * <p>Always a programming error: external input is checked first, and rejected input is reported
 * as a {@link BedrockError}, never as this exception.
 */
public final class InvariantViolation extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public InvariantViolation(String message) {
    super(message);
  }

  public InvariantViolation(String... missingAttributes) {
    super("missing required attributes: " + String.join(", ", missingAttributes));
  }

  static void require(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new InvariantViolation(String.format(format, args));
    }
  }
}
