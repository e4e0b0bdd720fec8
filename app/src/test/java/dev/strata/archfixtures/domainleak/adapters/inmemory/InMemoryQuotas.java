package dev.strata.archfixtures.domainleak.adapters.inmemory;

public final class InMemoryQuotas {
  public long limit() {
    return 10;
  }
}
