package dev.strata.domain;

import io.vavr.collection.List;
import java.util.Optional;

/** How a custom model was made. Shape {@code CustomizationType}. */
public enum CustomizationType {
  FINE_TUNING,
  CONTINUED_PRE_TRAINING,
  DISTILLATION,
  REINFORCEMENT_FINE_TUNING,
  IMPORTED;

  /** The wire names, in model order, for enum-set messages. */
  public static List<String> names() {
    return List.of(values()).map(Enum::name);
  }

  /** The constant with this exact wire name, if any. */
  public static Optional<CustomizationType> fromName(String name) {
    return List.of(values()).find(v -> v.name().equals(name)).toJavaOptional();
  }
}
