package dev.strata.archfixtures.wiringleak.app.wiring;

import dev.strata.archfixtures.wiringleak.adapters.inmemory.InMemoryStore;

/** Kept: the composition root is the one place that names adapters. */
public final class Wiring {
  private Wiring() {}

  public static int storeSize() {
    return new InMemoryStore().size();
  }
}
