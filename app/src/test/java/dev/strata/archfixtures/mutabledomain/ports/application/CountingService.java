package dev.strata.archfixtures.mutabledomain.ports.application;

/** Not this rule's business: final fields are a domain rule. */
public final class CountingService {
  private int calls;

  public int call() {
    return ++calls;
  }
}
