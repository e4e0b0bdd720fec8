package dev.strata.archfixtures.compositionleak.composition;

import dev.strata.archfixtures.compositionleak.adapters.aws.DynamoDbStore;
import dev.strata.archfixtures.compositionleak.adapters.inmemory.InMemoryStore;

/**
 * Violation (AWS wiring): names an AWS adapter outside AwsWiring, so loading it needs the optional
 * AWS adapters even for an in-memory Strata. The in-memory adapter is allowed.
 */
public final class Wiring {
  private Wiring() {}

  public static int open(boolean aws) {
    return aws ? new DynamoDbStore().size() : new InMemoryStore().size();
  }
}
