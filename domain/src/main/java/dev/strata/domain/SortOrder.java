package dev.strata.domain;

import io.vavr.collection.List;
import java.util.Optional;

/** The order of a list by creation time. Shape {@code SortOrder}. */
public enum SortOrder {
  Ascending,
  Descending;

  /** The wire names, in model order, for enum-set messages. */
  public static List<String> names() {
    return List.of(values()).map(Enum::name);
  }

  /** The constant with this exact wire name, if any. */
  public static Optional<SortOrder> fromName(String name) {
    return List.of(values()).find(v -> v.name().equals(name)).toJavaOptional();
  }
}
