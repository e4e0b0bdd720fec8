package dev.strata.domain;

import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/** The name of a provisioned throughput, unique per account and region (D1). Shape {@code ProvisionedModelName}. */
@Value.Immutable
public abstract class ProvisionedModelName {
  public static final int MIN_LENGTH = 1;
  public static final int MAX_LENGTH = 63;
  public static final String PATTERN = "^([0-9a-zA-Z][_-]?)+$";
  static final Pattern REGEX = Pattern.compile(PATTERN);

  public abstract String value();

  /** A valid ProvisionedModelName; an invalid one is a bug and throws {@link InvariantViolation}. */
  public static ProvisionedModelName of(String value) {
    return ImmutableProvisionedModelName.of(value);
  }

  /** Parses untrusted input, reporting every constraint sentence it breaks. */
  public static Validation<Seq<String>, ProvisionedModelName> parse(String raw) {
    return MemberConstraint.parseString(raw, MIN_LENGTH, MAX_LENGTH, REGEX, ProvisionedModelName::of);
  }

  @Value.Check
  protected void check() {
    MemberConstraint.requireString("ProvisionedModelName", value(), MIN_LENGTH, MAX_LENGTH, REGEX);
  }

  @Override
  public String toString() {
    return value();
  }
}
