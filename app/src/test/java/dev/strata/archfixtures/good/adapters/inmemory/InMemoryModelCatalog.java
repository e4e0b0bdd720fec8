package dev.strata.archfixtures.good.adapters.inmemory;

import dev.strata.archfixtures.good.domain.Quota;
import dev.strata.archfixtures.good.ports.driven.ModelCatalog;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/** Adapters may read the world: the clock, random numbers, fresh ids. */
public final class InMemoryModelCatalog implements ModelCatalog {
  private final Random random = new Random(SeedData.SEED);

  @Override
  public Lookup find(String model) {
    return model.isEmpty()
        ? new Lookup.Missing(UUID.randomUUID().toString())
        : new Lookup.Found(new Quota(model, random.nextInt(100), Instant.now()));
  }
}
