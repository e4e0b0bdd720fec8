package dev.strata.domain;

import org.immutables.value.Value;

/** A key-value label on a resource. Shape {@code Tag}. */
@Value.Immutable
public abstract class Tag {
  public abstract TagKey key();

  public abstract TagValue value();

  public static Tag of(TagKey key, TagValue value) {
    return ImmutableTag.of(key, value);
  }

  public static Tag of(String key, String value) {
    return of(TagKey.of(key), TagValue.of(value));
  }

  @Override
  public String toString() {
    return key() + "=" + value();
  }
}
