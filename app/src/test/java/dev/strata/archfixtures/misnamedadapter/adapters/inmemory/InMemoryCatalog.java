package dev.strata.archfixtures.misnamedadapter.adapters.inmemory;

import dev.strata.archfixtures.misnamedadapter.ports.driven.ModelCatalog;

/** Violation: a shortened port name. */
public final class InMemoryCatalog implements ModelCatalog {
  @Override
  public String find(String id) {
    return id;
  }
}
