package dev.strata.adapters.inmemory;

import dev.strata.domain.QuotaKey;
import dev.strata.ports.contract.ModelUnitQuotasContract;
import dev.strata.ports.driven.ModelUnitQuotas;
import io.vavr.collection.Map;

class InMemoryModelUnitQuotasContractTest extends ModelUnitQuotasContract {

  @Override
  protected ModelUnitQuotas quotasWithLimits(Map<QuotaKey, Long> limits) {
    InMemoryModelUnitQuotas quotas = new InMemoryModelUnitQuotas();
    limits.forEach(quotas::limit);
    return quotas;
  }
}
