package dev.strata.archfixtures.misnamedadapter.adapters.inmemory;

import dev.strata.archfixtures.misnamedadapter.ports.driven.ModelCatalog;

/** Violation: named after its technology's data structure, not InMemoryModelCatalog. */
public final class HashMapModelCatalog implements ModelCatalog {
  @Override
  public String find(String id) {
    return id;
  }
}
