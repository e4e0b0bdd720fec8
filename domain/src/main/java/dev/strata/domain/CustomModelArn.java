package dev.strata.domain;

import org.immutables.value.Value;

/**
 * The ARN of a custom model: {@code
 * arn:{partition}:bedrock:{region}:{account}:custom-model/{baseModelId}/{id}}, where {@code
 * baseModelId} is the base foundation model's id, or {@code imported}. Shape {@code
 * CustomModelArn}.
 */
@Value.Immutable
public abstract non-sealed class CustomModelArn implements ModelArn {
  public static final String IMPORTED = "imported";

  public abstract ResourceScope scope();

  /** The base model's id as the ARN carries it, or {@link #IMPORTED}. */
  public abstract String baseModelSegment();

  /** The twelve-character id that ends the ARN. */
  public abstract String id();

  public static CustomModelArn of(ResourceScope scope, String baseModelSegment, String id) {
    return ImmutableCustomModelArn.of(scope, baseModelSegment, id);
  }

  @Override
  @Value.Lazy
  public String value() {
    return "arn:"
        + scope().partition()
        + ":bedrock:"
        + scope().region()
        + ":"
        + scope().account()
        + ":custom-model/"
        + baseModelSegment()
        + "/"
        + id();
  }

  @Override
  public boolean isCustom() {
    return true;
  }

  @Value.Check
  protected void check() {
    InvariantViolation.require(
        MemberConstraint.matchesWhole(ModelArn.Holder.REGEX, value()),
        "not a custom-model ARN: %s",
        value());
  }

  @Override
  public String toString() {
    return value();
  }
}
