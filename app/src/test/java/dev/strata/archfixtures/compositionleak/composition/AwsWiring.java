package dev.strata.archfixtures.compositionleak.composition;

import dev.strata.archfixtures.compositionleak.adapters.aws.DynamoDbStore;

/** Kept: the one class of the composition root that names the AWS adapters, loaded only for aws. */
final class AwsWiring {
  static int open() {
    return new DynamoDbStore().size();
  }
}
