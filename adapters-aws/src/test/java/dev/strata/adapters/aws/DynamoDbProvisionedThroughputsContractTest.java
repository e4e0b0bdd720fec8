package dev.strata.adapters.aws;

import dev.strata.ports.contract.ProvisionedThroughputsContract;
import dev.strata.ports.driven.ProvisionedThroughputs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class DynamoDbProvisionedThroughputsContractTest extends ProvisionedThroughputsContract {
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
  protected ProvisionedThroughputs emptyRepository() {
    return new DynamoDbProvisionedThroughputs(dynamoDb.freshTable());
  }
}
