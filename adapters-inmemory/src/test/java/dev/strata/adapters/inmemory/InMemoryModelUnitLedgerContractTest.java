package dev.strata.adapters.inmemory;

import dev.strata.ports.contract.ModelUnitLedgerContract;
import dev.strata.ports.driven.ProvisionedThroughputs;

class InMemoryModelUnitLedgerContractTest extends ModelUnitLedgerContract {

  @Override
  protected ProvisionedThroughputs emptyStore() {
    return new InMemoryProvisionedThroughputs();
  }
}
