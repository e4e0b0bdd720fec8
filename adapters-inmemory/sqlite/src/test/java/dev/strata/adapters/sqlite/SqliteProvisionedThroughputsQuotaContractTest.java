package dev.strata.adapters.sqlite;

import dev.strata.ports.contract.ProvisionedThroughputsQuotaContract;
import dev.strata.ports.driven.ProvisionedThroughputs;

class SqliteProvisionedThroughputsQuotaContractTest extends ProvisionedThroughputsQuotaContract {

  @Override
  protected ProvisionedThroughputs emptyStore() {
    return FreshStateFile.emptyStore();
  }
}
