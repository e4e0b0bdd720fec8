package dev.strata.adapters.sqlite;

import dev.strata.ports.contract.ProvisionedThroughputsContract;
import dev.strata.ports.driven.ProvisionedThroughputs;

class SqliteProvisionedThroughputsContractTest extends ProvisionedThroughputsContract {

  @Override
  protected ProvisionedThroughputs emptyRepository() {
    return FreshStateFile.emptyStore();
  }
}
