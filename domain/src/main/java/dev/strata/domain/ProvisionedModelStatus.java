package dev.strata.domain;

import io.vavr.collection.List;
import java.util.Optional;

/**
 * The status of a provisioned throughput (D9): Create starts in {@code Creating}, Update in
 * {@code Updating}; both end in {@code InService}, or in {@code Failed} with a failure message.
 */
public enum ProvisionedModelStatus {
  Creating,
  InService,
  Updating,
  Failed;

  /** Whether a transition to {@code InService} or {@code Failed} is still to come. */
  public boolean isPending() {
    return this == Creating || this == Updating;
  }

  public static List<String> names() {
    return List.of(values()).map(Enum::name);
  }

  public static Optional<ProvisionedModelStatus> fromName(String name) {
    return List.of(values()).find(s -> s.name().equals(name)).toJavaOptional();
  }
}
