package dev.strata.archfixtures.compositionleak.app.cli;

/** The CLI, which the composition module must not name: it is published without it. */
public final class Flags {
  public static String store() {
    return "aws";
  }
}
