package dev.strata.adapters.inmemory;

import dev.strata.ports.contract.ProvisionedThroughputsContract;
import dev.strata.ports.driven.ProvisionedThroughputs;

class InMemoryProvisionedThroughputsContractTest extends ProvisionedThroughputsContract {

  @Override
  protected ProvisionedThroughputs emptyRepository() {
    return new InMemoryProvisionedThroughputs();
  }
}
