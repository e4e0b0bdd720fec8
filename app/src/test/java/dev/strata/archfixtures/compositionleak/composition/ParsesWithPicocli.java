package dev.strata.archfixtures.compositionleak.composition;

import picocli.CommandLine;

/** Violation (no CLI library): the composition module parses flags with picocli. */
public final class ParsesWithPicocli {
  public CommandLine parser() {
    return new CommandLine(this);
  }
}
