package dev.strata.archfixtures.misnamedadapter.adapters.sqlite;

import dev.strata.archfixtures.misnamedadapter.ports.driven.ModelCatalog;

/** Violation: neither the technology's prefix nor the port's name, not SqliteModelCatalog. */
public final class SqlCatalog implements ModelCatalog {
  @Override
  public String find(String id) {
    return id;
  }
}
