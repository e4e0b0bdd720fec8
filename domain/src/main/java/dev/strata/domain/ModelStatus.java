package dev.strata.domain;

import io.vavr.collection.List;
import java.util.Optional;

/** The status of a custom model. Shape {@code ModelStatus}; only {@code Active} models can be provisioned. */
public enum ModelStatus {
  Active,
  Creating,
  Failed;

  /** The wire names, in model order, for enum-set messages. */
  public static List<String> names() {
    return List.of(values()).map(Enum::name);
  }

  /** The constant with this exact wire name, if any. */
  public static Optional<ModelStatus> fromName(String name) {
    return List.of(values()).find(v -> v.name().equals(name)).toJavaOptional();
  }
}
