package dev.strata.domain;

import io.vavr.collection.List;
import java.util.Optional;

/** An input or output modality of a foundation model. Shape {@code ModelModality}. */
public enum ModelModality {
  TEXT,
  IMAGE,
  EMBEDDING;

  /** The wire names, in model order, for enum-set messages. */
  public static List<String> names() {
    return List.of(values()).map(Enum::name);
  }

  /** The constant with this exact wire name, if any. */
  public static Optional<ModelModality> fromName(String name) {
    return List.of(values()).find(v -> v.name().equals(name)).toJavaOptional();
  }
}
