package dev.strata.archfixtures.compositionleak.composition;

import dev.strata.archfixtures.compositionleak.app.cli.Flags;

/** Violation (no app code): the composition module asks the CLI for a setting. */
public final class ReadsTheCli {
  public String store() {
    return Flags.store();
  }
}
