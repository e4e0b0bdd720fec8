package dev.strata.domain;

import org.immutables.value.Value;

/**
 * A place in creation order: creation time in milliseconds, then id. Every provisioned throughput
 * has a distinct, immutable position, so a page that resumes strictly after the last position it
 * returned never repeats an item and never skips one that existed throughout, whatever is created
 * or deleted in between.
 */
@Value.Immutable
public abstract class ListPosition implements Comparable<ListPosition> {
  public abstract long creationMillis();

  public abstract String id();

  public static ListPosition of(long creationMillis, String id) {
    return ImmutableListPosition.of(creationMillis, id);
  }

  public static ListPosition of(ProvisionedThroughput pt) {
    return of(pt.creationTime().toEpochMilli(), pt.id().value());
  }

  @Override
  public int compareTo(ListPosition other) {
    int byTime = Long.compare(creationMillis(), other.creationMillis());
    return byTime != 0 ? byTime : id().compareTo(other.id());
  }
}
