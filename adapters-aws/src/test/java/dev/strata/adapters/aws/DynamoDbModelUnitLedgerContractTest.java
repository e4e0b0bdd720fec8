package dev.strata.adapters.aws;

import dev.strata.ports.contract.ModelUnitLedgerContract;
import dev.strata.ports.driven.ProvisionedThroughputs;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoDbModelUnitLedgerContractTest extends ModelUnitLedgerContract {
  @RegisterExtension static final DynamoDbLocal DYNAMO_DB = new DynamoDbLocal();

  @Override
  protected ProvisionedThroughputs emptyStore() {
    return new DynamoDbProvisionedThroughputs(DYNAMO_DB.freshTable());
  }
}
