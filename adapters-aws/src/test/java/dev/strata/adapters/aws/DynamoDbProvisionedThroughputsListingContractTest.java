package dev.strata.adapters.aws;

import dev.strata.ports.contract.ProvisionedThroughputListingContract;
import dev.strata.ports.driven.ProvisionedThroughputs;

import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoDbProvisionedThroughputsListingContractTest extends ProvisionedThroughputListingContract {
  @RegisterExtension static final DynamoDbLocal DYNAMO_DB = new DynamoDbLocal();

  @Override
  protected ProvisionedThroughputs emptyRepository() {
    return new DynamoDbProvisionedThroughputs(DYNAMO_DB.freshTable());
  }
}
