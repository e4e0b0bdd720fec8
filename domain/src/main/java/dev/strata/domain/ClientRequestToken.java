package dev.strata.domain;

import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/** An idempotency token for Create (D2, D3). Shape {@code IdempotencyToken}; a UUID satisfies it. */
@Value.Immutable
public abstract class ClientRequestToken {
  public static final int MIN_LENGTH = 1;
  public static final int MAX_LENGTH = 256;
  public static final String PATTERN = "^[a-zA-Z0-9]([-a-zA-Z0-9]{0,254}[a-zA-Z0-9])?$";
  static final Pattern REGEX = Pattern.compile(PATTERN);

  public abstract String value();

  /** A valid ClientRequestToken; an invalid one is a bug and throws {@link InvariantViolation}. */
  public static ClientRequestToken of(String value) {
    return ImmutableClientRequestToken.of(value);
  }

  /** Parses untrusted input, reporting every constraint sentence it breaks. */
  public static Validation<Seq<String>, ClientRequestToken> parse(String raw) {
    return MemberConstraint.parseString(raw, MIN_LENGTH, MAX_LENGTH, REGEX, ClientRequestToken::of);
  }

  @Value.Check
  protected void check() {
    MemberConstraint.requireString("ClientRequestToken", value(), MIN_LENGTH, MAX_LENGTH, REGEX);
  }

  @Override
  public String toString() {
    return value();
  }
}
