package dev.strata.archfixtures.misnamedadapter.adapters.inmemory;

/** Kept: implements no port. */
public final class SeedModels {
  private SeedModels() {}
}
