package dev.strata.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Optional;

/** Splits model ARNs into their parts, for the values that accept ARNs from callers. */
final class ArnParser {
  private static final Pattern MODEL_ARN_PARTS =
      Pattern.compile(
          "arn:([^:]+):bedrock:([^:]+):([0-9]{12})?:(foundation-model|custom-model)/(.+)");

  private ArnParser() {}

  /** The model ARN {@code raw} spells, if it is a well-formed foundation- or custom-model ARN. */
  static Optional<ModelArn> modelArn(String raw) {
    return MemberConstraint.matchesWhole(ModelArn.Holder.REGEX, raw)
        ? Optional.of(split(raw))
        : Optional.empty();
  }

  /**
   * The parts of {@code valid}, which matches {@link ModelArn#PATTERN} whole: its foundation-model
   * alternative is exactly {@link FoundationModelArn#PATTERN}, and its custom-model alternative
   * always has an account, so the split cannot fail and is not checked again here; the values'
   * own {@code @Value.Check} guards against a caller that broke this contract.
   */
  static ModelArn split(String valid) {
    Matcher m = MODEL_ARN_PARTS.matcher(valid);
    if (!m.matches()) {
      throw new InvariantViolation("not a model ARN: " + valid);
    }
    Partition partition = Partition.of(m.group(1));
    Region region = Region.of(m.group(2));
    if (m.group(4).equals("foundation-model")) {
      return FoundationModelArn.of(partition, region, m.group(5));
    }
    String rest = m.group(5);
    int slash = rest.lastIndexOf('/');
    return CustomModelArn.of(
        ResourceScope.of(partition, region, AccountId.of(m.group(3))),
        rest.substring(0, slash),
        rest.substring(slash + 1));
  }
}
