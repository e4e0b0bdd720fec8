package dev.strata.adapters.sqlite;

import dev.strata.ports.contract.ProvisionedThroughputListingContract;
import dev.strata.ports.driven.ProvisionedThroughputs;

class SqliteProvisionedThroughputsListingContractTest extends ProvisionedThroughputListingContract {

  @Override
  protected ProvisionedThroughputs emptyRepository() {
    return FreshStateFile.emptyStore();
  }
}
