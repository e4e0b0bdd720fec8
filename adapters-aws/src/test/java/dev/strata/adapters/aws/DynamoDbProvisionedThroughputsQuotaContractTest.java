package dev.strata.adapters.aws;

import dev.strata.domain.QuotaKey;
import dev.strata.ports.contract.ProvisionedThroughputsQuotaContract;
import io.vavr.collection.Map;

import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoDbProvisionedThroughputsQuotaContractTest extends ProvisionedThroughputsQuotaContract {
  @RegisterExtension static final DynamoDbLocal DYNAMO_DB = new DynamoDbLocal();

  @Override
  protected Ledgered ledgered(Map<QuotaKey, Long> limits) {
    DynamoDbStrataTable table = DYNAMO_DB.freshTable();
    return new Ledgered(
        new DynamoDbProvisionedThroughputs(table),
        new DynamoDbModelUnitQuotas(table, DynamoDbModelUnitQuotasContractTest.fixed(limits)));
  }
}
