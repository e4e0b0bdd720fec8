package dev.strata.archfixtures.adapterleak.adapters.inmemory;

import dev.strata.archfixtures.adapterleak.adapters.aws.AwsHelper;

/** Violation: one adapter depends on another. */
public final class InMemoryBorrowsAws {
  public String arn() {
    return new AwsHelper().arn();
  }
}
