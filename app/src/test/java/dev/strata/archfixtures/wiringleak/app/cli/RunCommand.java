package dev.strata.archfixtures.wiringleak.app.cli;

import dev.strata.archfixtures.wiringleak.app.wiring.Wiring;

/** Kept: the CLI asks the composition root. */
public final class RunCommand {
  public int run() {
    return Wiring.storeSize();
  }
}
