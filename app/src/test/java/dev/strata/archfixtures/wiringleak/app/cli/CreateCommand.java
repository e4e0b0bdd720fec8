package dev.strata.archfixtures.wiringleak.app.cli;

import dev.strata.archfixtures.wiringleak.adapters.inmemory.InMemoryStore;

/** Violation: the CLI names an adapter class instead of asking the composition root. */
public final class CreateCommand {
  public int run() {
    return new InMemoryStore().size();
  }
}
