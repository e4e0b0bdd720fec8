package dev.strata.domain;

import io.vavr.collection.List;
import java.util.Optional;

/** How a foundation model can be invoked. Shape {@code InferenceType}; provisioned throughput needs {@code PROVISIONED} (D12). */
public enum InferenceType {
  ON_DEMAND,
  PROVISIONED;

  /** The wire names, in model order, for enum-set messages. */
  public static List<String> names() {
    return List.of(values()).map(Enum::name);
  }

  /** The constant with this exact wire name, if any. */
  public static Optional<InferenceType> fromName(String name) {
    return List.of(values()).find(v -> v.name().equals(name)).toJavaOptional();
  }
}
