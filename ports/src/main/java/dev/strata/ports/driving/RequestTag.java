package dev.strata.ports.driving;

import dev.strata.domain.Tag;
import dev.strata.domain.TagKey;
import dev.strata.domain.TagValue;
import dev.strata.ports.validation.AwsPattern;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A tag as a request carries it, before validation. Shape {@code Tag}. */
public record RequestTag(
    @NotNull @Size(min = TagKey.MIN_LENGTH, max = TagKey.MAX_LENGTH) @AwsPattern(TagKey.PATTERN)
        String key,
    @NotNull @Size(min = TagValue.MIN_LENGTH, max = TagValue.MAX_LENGTH) @AwsPattern(TagValue.PATTERN)
        String value) {

  public static RequestTag of(String key, String value) {
    return new RequestTag(key, value);
  }

  /** The domain tag; only valid after the command was validated. */
  public Tag toTag() {
    return Tag.of(key, value);
  }

  @Override
  public String toString() {
    return "Tag(key=" + key + ", value=" + value + ")";
  }
}
