package dev.strata.archfixtures.good.ports.driven;

import dev.strata.archfixtures.good.domain.Quota;

public interface ModelCatalog {
  Lookup find(String model);

  /** Nested outcome types of a driven port are part of its contract, not ports of their own. */
  sealed interface Lookup {
    record Found(Quota quota) implements Lookup {}

    record Missing(String model) implements Lookup {}
  }
}
