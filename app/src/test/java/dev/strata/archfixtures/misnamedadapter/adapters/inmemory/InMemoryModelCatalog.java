package dev.strata.archfixtures.misnamedadapter.adapters.inmemory;

import dev.strata.archfixtures.misnamedadapter.ports.driven.ModelCatalog;

/** Kept. */
public final class InMemoryModelCatalog implements ModelCatalog {
  @Override
  public String find(String id) {
    return id;
  }
}
