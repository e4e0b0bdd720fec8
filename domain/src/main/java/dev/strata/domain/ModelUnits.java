package dev.strata.domain;

import io.vavr.control.Validation;
import org.immutables.value.Value;

/** A number of Bedrock model units. Shape {@code PositiveInteger}: at least 1, no upper bound. */
@Value.Immutable
public abstract class ModelUnits {
  public static final int MIN = 1;

  public abstract int value();

  public static ModelUnits of(int value) {
    return ImmutableModelUnits.of(value);
  }

  /** Parses untrusted input, reporting the constraint sentence it breaks. */
  public static Validation<String, ModelUnits> parse(Integer raw) {
    if (raw == null) {
      return Validation.invalid(MemberConstraint.notNull());
    }
    return raw < MIN
        ? Validation.invalid(MemberConstraint.valueAtLeast(MIN))
        : Validation.valid(of(raw));
  }

  @Value.Check
  protected void check() {
    InvariantViolation.require(value() >= MIN, "ModelUnits %d is below %d", value(), MIN);
  }

  @Override
  public String toString() {
    return Integer.toString(value());
  }
}
