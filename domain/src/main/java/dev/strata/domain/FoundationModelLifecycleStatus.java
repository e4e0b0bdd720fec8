package dev.strata.domain;

import io.vavr.collection.List;
import java.util.Optional;

/** Whether a foundation model is current or legacy. Shape {@code FoundationModelLifecycleStatus}. */
public enum FoundationModelLifecycleStatus {
  ACTIVE,
  LEGACY;

  /** The wire names, in model order, for enum-set messages. */
  public static List<String> names() {
    return List.of(values()).map(Enum::name);
  }

  /** The constant with this exact wire name, if any. */
  public static Optional<FoundationModelLifecycleStatus> fromName(String name) {
    return List.of(values()).find(v -> v.name().equals(name)).toJavaOptional();
  }
}
