package dev.strata.archfixtures.good.app.wiring;

import dev.strata.archfixtures.good.adapters.inmemory.InMemoryModelCatalog;
import dev.strata.archfixtures.good.ports.application.QuotaService;
import dev.strata.archfixtures.good.ports.driving.ReserveQuota;
import java.time.Clock;

/** The composition root names adapter classes and may read the system clock. */
public final class Wiring {
  private Wiring() {}

  public static ReserveQuota inMemory() {
    return new QuotaService(new InMemoryModelCatalog(), Clock.systemUTC());
  }
}
