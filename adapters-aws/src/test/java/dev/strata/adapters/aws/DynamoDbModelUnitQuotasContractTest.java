package dev.strata.adapters.aws;

import dev.strata.domain.BedrockError;
import dev.strata.domain.QuotaKey;
import dev.strata.ports.contract.ModelUnitQuotasContract;
import dev.strata.ports.driven.ModelUnitQuotas;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class DynamoDbModelUnitQuotasContractTest extends ModelUnitQuotasContract {
  private static DynamoDbLocal dynamoDb;

  @BeforeAll
  static void start() {
    dynamoDb = DynamoDbLocal.start();
  }

  @AfterAll
  static void stop() {
    dynamoDb.close();
  }

  /** Fixed limits, as tests configure them; a key without one cannot be read. */
  static ModelUnitLimits fixed(Map<QuotaKey, Long> limits) {
    return (scope, key) ->
        limits.get(key).toEither(() -> (BedrockError) new BedrockError.InternalServerError("no limit for " + key));
  }

  @Override
  protected ModelUnitQuotas quotasWithLimits(Map<QuotaKey, Long> limits) {
    return new DynamoDbModelUnitQuotas(dynamoDb.freshTable(), fixed(limits));
  }
}
