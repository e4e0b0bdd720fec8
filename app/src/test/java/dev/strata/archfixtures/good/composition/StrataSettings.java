package dev.strata.archfixtures.good.composition;

import dev.strata.archfixtures.good.adapters.inmemory.InMemoryModelCatalog;
import dev.strata.archfixtures.good.ports.application.QuotaService;
import dev.strata.archfixtures.good.ports.driving.ReserveQuota;
import java.time.Clock;
import java.util.Map;

/** The published composition root reads settings and names in-memory adapters, nothing of the app. */
public final class StrataSettings {
  private StrataSettings() {}

  public static ReserveQuota open(Map<String, String> settings) {
    return new QuotaService(new InMemoryModelCatalog(), Clock.systemUTC());
  }
}
