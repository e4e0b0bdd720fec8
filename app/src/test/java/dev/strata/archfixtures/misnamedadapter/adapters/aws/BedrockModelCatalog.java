package dev.strata.archfixtures.misnamedadapter.adapters.aws;

import dev.strata.archfixtures.misnamedadapter.ports.driven.ModelCatalog;

/** Kept: the InMemory prefix is for the in-memory adapters only. */
public final class BedrockModelCatalog implements ModelCatalog {
  @Override
  public String find(String id) {
    return id;
  }
}
