package dev.strata.archfixtures.good.adapters.sqlite;

import dev.strata.archfixtures.good.ports.driven.ModelCatalog;

/** Named Sqlite, then the driven port it implements. */
public final class SqliteModelCatalog implements ModelCatalog {
  @Override
  public Lookup find(String model) {
    return new Lookup.Missing(model);
  }
}
