package dev.strata.domain;

import io.vavr.control.Option;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits model ARNs into their parts, for the values that accept ARNs from callers. */
final class ArnParser {
  private static final Pattern MODEL_ARN_PARTS =
      Pattern.compile(
          "arn:([^:]+):bedrock:([^:]+):([0-9]{12})?:(foundation-model|custom-model)/(.+)");

  private ArnParser() {}

  /** The model ARN {@code raw} spells, if it is a well-formed foundation- or custom-model ARN. */
  static Option<ModelArn> modelArn(String raw) {
    if (!MemberConstraint.matchesWhole(ModelArn.Holder.REGEX, raw)) {
      return Option.none();
    }
    Matcher m = MODEL_ARN_PARTS.matcher(raw);
    if (!m.matches()) {
      return Option.none();
    }
    Partition partition = Partition.of(m.group(1));
    Region region = Region.of(m.group(2));
    if (m.group(4).equals("foundation-model")) {
      return MemberConstraint.matchesWhole(FoundationModelArn.REGEX, raw)
          ? Option.of(FoundationModelArn.of(partition, region, m.group(5)))
          : Option.none();
    }
    String rest = m.group(5);
    int slash = rest.lastIndexOf('/');
    return Option.of(
        CustomModelArn.of(
            ResourceScope.of(partition, region, AccountId.of(m.group(3))),
            rest.substring(0, slash),
            rest.substring(slash + 1)));
  }
}
