package dev.strata.archfixtures.misnamedadapter.adapters.sqlite;

import dev.strata.archfixtures.misnamedadapter.ports.driven.ModelCatalog;

/** Allowed: Sqlite, then the name of the driven port it implements. */
public final class SqliteModelCatalog implements ModelCatalog {
  @Override
  public String find(String id) {
    return id;
  }
}
