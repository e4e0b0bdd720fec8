package dev.strata.archfixtures.adapterleak.app;

public final class Main {
  private Main() {}

  /** A method, not a constant: javac inlines constants, which leaves no dependency to find. */
  public static String name() {
    return "strata";
  }
}
