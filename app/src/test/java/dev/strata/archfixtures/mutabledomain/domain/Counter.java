package dev.strata.archfixtures.mutabledomain.domain;

/** Violation: mutable state in the domain. */
public final class Counter {
  private int count;

  public int increment() {
    return ++count;
  }
}
