package dev.strata.adapters.sqlite;

import dev.strata.ports.contract.ModelUnitLedgerContract;
import dev.strata.ports.driven.ProvisionedThroughputs;

class SqliteModelUnitLedgerContractTest extends ModelUnitLedgerContract {

  @Override
  protected ProvisionedThroughputs emptyStore() {
    return FreshStateFile.emptyStore();
  }
}
