package dev.strata.domain;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * The ARN of a provisioned throughput (D17): {@code
 * arn:{partition}:bedrock:{region}:{account}:provisioned-model/{id}}. Shape {@code
 * ProvisionedModelArn}.
 */
@Value.Immutable
public abstract class ProvisionedModelArn {
  public static final String PATTERN =
      "^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:provisioned-model/[a-z0-9]{12}$";
  static final Pattern REGEX = Pattern.compile(PATTERN);
  private static final Pattern PARTS =
      Pattern.compile("arn:([^:]+):bedrock:([^:]+):([0-9]{12}):provisioned-model/([a-z0-9]{12})");

  public abstract ResourceScope scope();

  public abstract ProvisionedModelId id();

  public static ProvisionedModelArn of(ResourceScope scope, ProvisionedModelId id) {
    return ImmutableProvisionedModelArn.of(scope, id);
  }

  /** Parses untrusted input, reporting the constraint sentence it breaks. */
  public static Validation<Seq<String>, ProvisionedModelArn> parse(String raw) {
    if (raw == null) {
      return Validation.invalid(List.of(MemberConstraint.notNull()));
    }
    if (!MemberConstraint.matchesWhole(REGEX, raw)) {
      return Validation.invalid(List.of(MemberConstraint.pattern(PATTERN)));
    }
    Matcher m = PARTS.matcher(raw);
    InvariantViolation.require(m.matches(), "ARN parts of %s", raw);
    return Validation.valid(
        of(
            ResourceScope.of(m.group(1), m.group(2), m.group(3)),
            ProvisionedModelId.of(m.group(4))));
  }

  /** The ARN as AWS writes it. */
  @Value.Lazy
  public String value() {
    return "arn:"
        + scope().partition()
        + ":bedrock:"
        + scope().region()
        + ":"
        + scope().account()
        + ":provisioned-model/"
        + id();
  }

  @Override
  public String toString() {
    return value();
  }
}
