package dev.strata.archfixtures.wiringleak.composition;

import dev.strata.archfixtures.wiringleak.adapters.inmemory.InMemoryStore;

/** Kept: the published composition root names adapters too. */
public final class Wiring {
  private Wiring() {}

  public static int storeSize() {
    return new InMemoryStore().size();
  }
}
