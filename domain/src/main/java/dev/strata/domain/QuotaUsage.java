package dev.strata.domain;

import org.immutables.value.Value;

/** The state of one model-unit ledger in one scope: its limit and the units held against it. */
@Value.Immutable
public abstract class QuotaUsage {
  public abstract QuotaKey key();

  public abstract long limit();

  public abstract long used();

  public static QuotaUsage of(QuotaKey key, long limit, long used) {
    return ImmutableQuotaUsage.of(key, limit, used);
  }

  @Value.Check
  protected void check() {
    InvariantViolation.require(limit() >= 0 && used() >= 0, "negative quota figures: %s", this);
  }

  public long available() {
    return Math.max(0, limit() - used());
  }

  /** Whether {@code units} more fit under the limit. */
  public boolean admits(ModelUnits units) {
    return used() + units.value() <= limit();
  }

  /** Why {@code units} more do not fit, as the ServiceQuotaExceededException message. */
  public BedrockError.ServiceQuotaExceeded exceededBy(ModelUnits units) {
    String subject = key().modelId().orElse(key().ledger() == QuotaLedger.NO_COMMITMENT_CUSTOM_MODELS
        ? "custom models" : "base models");
    String text =
        limit() == 0
            ? "Your account does not currently have any "
                + (key().ledger() == QuotaLedger.COMMITTED_PER_MODEL ? "committed" : "no commitment")
                + " model units reserved for "
                + subject
                + " (quota "
                + key().describe()
                + ")."
            : "The request for "
                + units
                + " model units exceeds quota "
                + key().describe()
                + ": limit "
                + limit()
                + ", in use "
                + used()
                + ", available "
                + available()
                + ".";
    return new BedrockError.ServiceQuotaExceeded(text);
  }
}
