package dev.strata.adapters.inmemory;

import dev.strata.ports.contract.ProvisionedThroughputListingContract;
import dev.strata.ports.driven.ProvisionedThroughputs;

class InMemoryProvisionedThroughputsListingContractTest extends ProvisionedThroughputListingContract {
  @Override
  protected ProvisionedThroughputs emptyRepository() {
    return new InMemoryProvisionedThroughputs();
  }
}
