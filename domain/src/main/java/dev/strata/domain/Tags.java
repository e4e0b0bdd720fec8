package dev.strata.domain;

import dev.strata.domain.BedrockError.TooManyTags;
import dev.strata.domain.BedrockError.ValidationError;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The tags on one resource, in the order their keys were first set, with the invariants of
 * D4–D6:
 *
 * <ul>
 *   <li>D4: one request carries at most {@link #MAX_PER_REQUEST} tags (ValidationException);
 *   <li>D5: a resource carries at most {@link #MAX_PER_RESOURCE} tags, counting the tags it has
 *       plus the new keys of a request (TooManyTagsException, resource unchanged);
 *   <li>D6: a request may not repeat a key, nor use a key starting with {@code aws:}
 *       (ValidationException); tagging an existing key replaces its value.
 * </ul>
 */
@Value.Immutable
public abstract class Tags {
  /** The most tags one request may carry (shape {@code TagList}, D4). */
  public static final int MAX_PER_REQUEST = 200;

  /** The most tags one resource may carry (D5). */
  public static final int MAX_PER_RESOURCE = 50;

  private static final Tags EMPTY = ImmutableTags.of(LinkedHashMap.empty());

  /** Tag values by key, in the order the keys were first set. */
  public abstract LinkedHashMap<TagKey, TagValue> entries();

  public static Tags empty() {
    return EMPTY;
  }

  @Value.Check
  protected void check() {
    InvariantViolation.require(
        entries().size() <= MAX_PER_RESOURCE, "%d tags on one resource", entries().size());
  }

  /** The tags as a list, in key order of first setting. */
  public List<Tag> asList() {
    return entries().toList().map(e -> Tag.of(e._1, e._2));
  }

  public int size() {
    return entries().size();
  }

  /**
   * These tags with {@code requested} set (D4–D6).
   *
   * @param field the request member that carried the tags, for messages, e.g. {@code tags}
   * @param resourceName the resource's ARN, for {@link TooManyTags}, if it has one yet
   */
  public Either<BedrockError, Tags> tag(
      Seq<Tag> requested, String field, Optional<String> resourceName) {
    if (requested.size() > MAX_PER_REQUEST) {
      return Either.left(
          ValidationError.of(
              List.of(
                  new FieldViolation(
                      field, requested, MemberConstraint.lengthAtMost(MAX_PER_REQUEST)))));
    }
    Seq<FieldViolation> violations =
        requestKeyViolations(requested.map(t -> t.key().value()), field, ".member.key");
    if (!violations.isEmpty()) {
      return Either.left(ValidationError.of(violations));
    }
    return withValid(requested, resourceName);
  }

  /**
   * These tags with {@code requested} set, for a request whose D4 and D6 rules were checked at its
   * edge: only the per-resource limit (D5), which depends on the tags already held, is checked.
   */
  public Either<BedrockError, Tags> withValid(Seq<Tag> requested, Optional<String> resourceName) {
    long newKeys = requested.count(t -> !entries().containsKey(t.key()));
    if (entries().size() + newKeys > MAX_PER_RESOURCE) {
      return Either.left(
          new TooManyTags(
              "A resource can have at most "
                  + MAX_PER_RESOURCE
                  + " tags: it has "
                  + entries().size()
                  + " and the request adds "
                  + newKeys
                  + " new keys.",
              resourceName));
    }
    LinkedHashMap<TagKey, TagValue> merged = entries();
    for (Tag t : requested) {
      merged = merged.put(t.key(), t.value());
    }
    return Either.right(ImmutableTags.of(merged));
  }

  /**
   * These tags without {@code keys}; absent keys are ignored. Reserved or repeated keys are a
   * ValidationException (D6).
   */
  public Either<BedrockError, Tags> untag(Seq<TagKey> keys, String field) {
    if (keys.size() > MAX_PER_REQUEST) {
      return Either.left(
          ValidationError.of(
              List.of(
                  new FieldViolation(field, keys, MemberConstraint.lengthAtMost(MAX_PER_REQUEST)))));
    }
    Seq<FieldViolation> violations =
        requestKeyViolations(keys.map(TagKey::value), field, ".member");
    if (!violations.isEmpty()) {
      return Either.left(ValidationError.of(violations));
    }
    return Either.right(withoutValid(keys));
  }

  /** These tags without {@code keys}, for a request whose D4 and D6 rules were checked at its edge. */
  public Tags withoutValid(Seq<TagKey> keys) {
    return ImmutableTags.of(entries().removeAll(keys));
  }

  /**
   * D6 for the raw keys of one request, with AWS-style member paths ({@code tags.2.member.key}):
   * a reserved prefix, or a key that repeats an earlier one. {@code null} keys are skipped; they
   * are a shape violation reported elsewhere.
   *
   * @param field the request member, e.g. {@code tags} or {@code tagKeys}
   * @param suffix what follows the element number in a path, e.g. {@code .member.key}
   */
  public static Seq<FieldViolation> requestKeyViolations(
      Seq<String> keys, String field, String suffix) {
    List<FieldViolation> violations = List.empty();
    Map<String, Integer> firstSeen = HashMap.empty();
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      if (key == null) {
        continue;
      }
      String path = field + "." + (i + 1) + suffix;
      if (TagKey.isReserved(key)) {
        violations =
            violations.append(
                new FieldViolation(
                    path,
                    key,
                    "Member must not start with '" + TagKey.RESERVED_PREFIX + "' (reserved for AWS)"));
      }
      Integer earlier = firstSeen.get(key).getOrNull();
      if (earlier != null) {
        violations =
            violations.append(
                new FieldViolation(
                    path,
                    key,
                    "Member must be unique within the request (it repeats "
                        + field
                        + "."
                        + earlier
                        + suffix
                        + ")"));
      } else {
        firstSeen = firstSeen.put(key, i + 1);
      }
    }
    return violations;
  }
}
