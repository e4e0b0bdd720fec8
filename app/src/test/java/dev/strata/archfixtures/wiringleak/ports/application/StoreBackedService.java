package dev.strata.archfixtures.wiringleak.ports.application;

import dev.strata.archfixtures.wiringleak.adapters.inmemory.InMemoryStore;

/** Violation: the core names an adapter. */
public final class StoreBackedService {
  private final InMemoryStore store = new InMemoryStore();

  public int size() {
    return store.size();
  }
}
