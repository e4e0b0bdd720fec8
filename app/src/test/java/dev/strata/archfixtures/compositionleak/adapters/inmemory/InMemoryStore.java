package dev.strata.archfixtures.compositionleak.adapters.inmemory;

/** An in-memory adapter, which any class of the composition root may name. */
public final class InMemoryStore {
  public int size() {
    return 0;
  }
}
