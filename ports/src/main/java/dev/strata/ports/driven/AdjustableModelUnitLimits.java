package dev.strata.ports.driven;

import dev.strata.domain.QuotaLedger;
import dev.strata.domain.ResourceScope;

/**
 * Model-unit limits that can change at run time, per account and region: the configured figures
 * in memory. Service Quotas' limits cannot be changed here. A change applies to the next Create;
 * a limit lowered below the units held leaves the provisioned throughputs that hold them alone.
 */
public interface AdjustableModelUnitLimits extends ModelUnitLimits {

  /** Sets the limit of {@code ledger} (of every base model's, for the committed ledger) for {@code scope}. */
  void adjust(ResourceScope scope, QuotaLedger ledger, long limit);
}
