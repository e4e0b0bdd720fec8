package dev.strata.adapters.aws;

import dev.strata.ports.contract.ProvisionedThroughputListingContract;
import dev.strata.ports.driven.ProvisionedThroughputs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class DynamoDbProvisionedThroughputsListingContractTest extends ProvisionedThroughputListingContract {
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
