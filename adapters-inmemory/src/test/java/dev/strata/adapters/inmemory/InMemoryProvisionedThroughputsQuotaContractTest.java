package dev.strata.adapters.inmemory;

import dev.strata.domain.QuotaKey;
import dev.strata.ports.contract.ProvisionedThroughputsQuotaContract;
import io.vavr.collection.Map;

class InMemoryProvisionedThroughputsQuotaContractTest extends ProvisionedThroughputsQuotaContract {

  @Override
  protected Ledgered ledgered(Map<QuotaKey, Long> limits) {
    InMemoryModelUnitQuotas quotas = new InMemoryModelUnitQuotas();
    limits.forEach(quotas::limit);
    return new Ledgered(new InMemoryProvisionedThroughputs(quotas), quotas);
  }
}
