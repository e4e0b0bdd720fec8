package dev.strata.domain;

import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * The ARN of a foundation model: {@code arn:{partition}:bedrock:{region}::foundation-model/{modelId}}
 * (the account field is empty). Shape {@code FoundationModelArn}.
 */
@Value.Immutable
public abstract non-sealed class FoundationModelArn implements ModelArn {
  public static final String PATTERN =
      "^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}::foundation-model/[a-z0-9-]{1,63}[.]{1}([a-z0-9-]{1,63}[.]){0,2}[a-z0-9-]{1,63}([:][a-z0-9-]{1,63}){0,2}$";
  static final Pattern REGEX = Pattern.compile(PATTERN);

  public abstract Partition partition();

  public abstract Region region();

  /** The model id, e.g. {@code anthropic.claude-v2:0:100k}. */
  public abstract String modelId();

  public static FoundationModelArn of(Partition partition, Region region, String modelId) {
    return ImmutableFoundationModelArn.of(partition, region, modelId);
  }

  @Override
  @Value.Lazy
  public String value() {
    return "arn:" + partition() + ":bedrock:" + region() + "::foundation-model/" + modelId();
  }

  @Override
  public boolean isCustom() {
    return false;
  }

  @Value.Check
  protected void check() {
    InvariantViolation.require(
        MemberConstraint.matchesWhole(REGEX, value()), "not a foundation-model ARN: %s", value());
  }

  @Override
  public String toString() {
    return value();
  }
}
