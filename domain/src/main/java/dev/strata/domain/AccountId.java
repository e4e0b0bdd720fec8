package dev.strata.domain;

import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/** A twelve-digit AWS account id. Shape {@code AccountId}. */
@Value.Immutable
public abstract class AccountId {
  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 12;
  public static final String PATTERN = "^[0-9]{12}$";
  static final Pattern REGEX = Pattern.compile(PATTERN);

  public abstract String value();

  /** A valid AccountId; an invalid one is a bug and throws {@link InvariantViolation}. */
  public static AccountId of(String value) {
    return ImmutableAccountId.of(value);
  }

  /** Parses untrusted input, reporting every constraint sentence it breaks. */
  public static Validation<Seq<String>, AccountId> parse(String raw) {
    return MemberConstraint.parseString(raw, MIN_LENGTH, MAX_LENGTH, REGEX, AccountId::of);
  }

  @Value.Check
  protected void check() {
    MemberConstraint.requireString("AccountId", value(), MIN_LENGTH, MAX_LENGTH, REGEX);
  }

  @Override
  public String toString() {
    return value();
  }
}
