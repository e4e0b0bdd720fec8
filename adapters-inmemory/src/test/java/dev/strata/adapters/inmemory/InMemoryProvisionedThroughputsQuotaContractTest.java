package dev.strata.adapters.inmemory;

import dev.strata.ports.contract.ProvisionedThroughputsQuotaContract;
import dev.strata.ports.driven.ProvisionedThroughputs;

class InMemoryProvisionedThroughputsQuotaContractTest extends ProvisionedThroughputsQuotaContract {

  @Override
  protected ProvisionedThroughputs emptyStore() {
    return new InMemoryProvisionedThroughputs();
  }
}
