package dev.strata.adapters.inmemory;

import dev.strata.domain.ResourceScope;
import dev.strata.ports.contract.ArnMinterContract;
import dev.strata.ports.driven.ArnMinter;

class InMemoryArnMinterContractTest extends ArnMinterContract {

  @Override
  protected ArnMinter minterFor(ResourceScope home) {
    return new InMemoryArnMinter(home, 20_260_302L);
  }
}
