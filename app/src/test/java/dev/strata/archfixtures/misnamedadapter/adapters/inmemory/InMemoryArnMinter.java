package dev.strata.archfixtures.misnamedadapter.adapters.inmemory;

import dev.strata.archfixtures.misnamedadapter.ports.driven.ArnMinter;

/** Kept: named after its port; implementing a non-port interface as well changes nothing. */
public final class InMemoryArnMinter implements ArnMinter, Comparable<InMemoryArnMinter> {
  @Override
  public String mint() {
    return "arn";
  }

  @Override
  public int compareTo(InMemoryArnMinter other) {
    return 0;
  }
}
