package dev.strata.domain;

import java.util.regex.Pattern;
import org.immutables.value.Value;

/** The twelve-character id that ends a provisioned-model ARN (D17). */
@Value.Immutable
public abstract class ProvisionedModelId {
  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 12;
  public static final String PATTERN = "^[a-z0-9]{12}$";
  static final Pattern REGEX = Pattern.compile(PATTERN);

  public abstract String value();

  /** A valid ProvisionedModelId; an invalid one is a bug and throws {@link InvariantViolation}. */
  public static ProvisionedModelId of(String value) {
    return ImmutableProvisionedModelId.of(value);
  }

  @Value.Check
  protected void check() {
    MemberConstraint.requireString("ProvisionedModelId", value(), MIN_LENGTH, MAX_LENGTH, REGEX);
  }

  /** The characters an id is drawn from, for minters. */
  public static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  @Override
  public String toString() {
    return value();
  }
}
