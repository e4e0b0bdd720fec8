package dev.strata.archfixtures.wiringleak.adapters.inmemory;

public final class InMemoryStore {
  public int size() {
    return 0;
  }
}
