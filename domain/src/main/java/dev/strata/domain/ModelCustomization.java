package dev.strata.domain;

import io.vavr.collection.List;
import java.util.Optional;

/** A customization a foundation model supports. Shape {@code ModelCustomization}. */
public enum ModelCustomization {
  FINE_TUNING,
  CONTINUED_PRE_TRAINING,
  DISTILLATION;

  /** The wire names, in model order, for enum-set messages. */
  public static List<String> names() {
    return List.of(values()).map(Enum::name);
  }

  /** The constant with this exact wire name, if any. */
  public static Optional<ModelCustomization> fromName(String name) {
    return List.of(values()).find(v -> v.name().equals(name)).toJavaOptional();
  }
}
