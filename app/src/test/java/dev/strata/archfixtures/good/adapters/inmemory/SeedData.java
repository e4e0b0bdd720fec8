package dev.strata.archfixtures.good.adapters.inmemory;

/** An adapter's helper that implements no port may have any name. */
final class SeedData {
  static final long SEED = 42;

  private SeedData() {}
}
