package dev.strata.adapters.aws;

import dev.strata.domain.QuotaKey;
import dev.strata.ports.contract.ProvisionedThroughputsQuotaContract;
import io.vavr.collection.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class DynamoDbProvisionedThroughputsQuotaContractTest extends ProvisionedThroughputsQuotaContract {
  private static DynamoDbLocal dynamoDb;

  @BeforeAll
  static void start() {
    dynamoDb = DynamoDbLocal.start();
  }

  @AfterAll
  static void stop() {
    dynamoDb.close();
  }

  @Override
  protected Ledgered ledgered(Map<QuotaKey, Long> limits) {
    DynamoDbStrataTable table = dynamoDb.freshTable();
    return new Ledgered(
        new DynamoDbProvisionedThroughputs(table),
        new DynamoDbModelUnitQuotas(table, DynamoDbModelUnitQuotasContractTest.fixed(limits)));
  }
}
