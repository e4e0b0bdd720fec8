package dev.strata.archfixtures.wiringleak.adapters.aws;

import dev.strata.archfixtures.wiringleak.adapters.inmemory.InMemoryStore;

/** Not this rule's business: dependencies between adapters are the adapters rule's. */
public final class DynamoDbStore {
  public int size(InMemoryStore cache) {
    return cache.size();
  }
}
