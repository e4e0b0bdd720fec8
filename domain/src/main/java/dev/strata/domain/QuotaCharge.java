package dev.strata.domain;

import org.immutables.value.Value;

/** The model units one provisioned throughput holds in one ledger, reserved at Create (D14). */
@Value.Immutable
public abstract class QuotaCharge {
  public abstract QuotaKey key();

  public abstract ModelUnits units();

  public static QuotaCharge of(QuotaKey key, ModelUnits units) {
    return ImmutableQuotaCharge.of(key, units);
  }

  @Override
  public String toString() {
    return units() + " in " + key();
  }
}
