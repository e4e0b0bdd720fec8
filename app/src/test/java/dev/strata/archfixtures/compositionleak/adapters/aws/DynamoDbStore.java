package dev.strata.archfixtures.compositionleak.adapters.aws;

/** An AWS adapter, which only AwsWiring may name. */
public final class DynamoDbStore {
  public int size() {
    return 0;
  }
}
