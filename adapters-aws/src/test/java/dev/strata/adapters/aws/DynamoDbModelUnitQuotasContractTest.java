package dev.strata.adapters.aws;

import dev.strata.domain.BedrockError;
import dev.strata.domain.QuotaKey;
import dev.strata.ports.contract.ModelUnitQuotasContract;
import dev.strata.ports.driven.ModelUnitQuotas;
import io.vavr.collection.Map;
import io.vavr.control.Either;

import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoDbModelUnitQuotasContractTest extends ModelUnitQuotasContract {
  @RegisterExtension static final DynamoDbLocal DYNAMO_DB = new DynamoDbLocal();

  /** Fixed limits, as tests configure them; a key without one cannot be read. */
  static ModelUnitLimits fixed(Map<QuotaKey, Long> limits) {
    return (scope, key) ->
        limits.get(key).toEither(() -> (BedrockError) new BedrockError.InternalServerError("no limit for " + key));
  }

  @Override
  protected ModelUnitQuotas quotasWithLimits(Map<QuotaKey, Long> limits) {
    return new DynamoDbModelUnitQuotas(DYNAMO_DB.freshTable(), fixed(limits));
  }
}
