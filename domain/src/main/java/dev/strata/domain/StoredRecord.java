package dev.strata.domain;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.time.DateTimeException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A record read back from storage as a plain tree (the form {@link ProvisionedThroughputAttributes}
 * writes: String, Long, List and Map members; integers are always Long), with its path from the
 * document root. Every accessor answers the value or one sentence naming the member's path and what is wrong with it,
 * e.g. {@code $.a[0].b is missing}, {@code $.a[0].b must be a string}, or {@code $.a[0].b: } and the
 * reason the domain refuses the value. A stored record that does not hold an aggregate is an
 * expected failure (a hand-edited file, an item written by another program), never an exception.
 */
public final class StoredRecord {
  private final Map<?, ?> members;
  private final String path;

  private StoredRecord(Map<?, ?> members, String path) {
    this.members = members;
    this.path = path;
  }

  /** {@code value} as a record at {@code path} ({@code ""} for a root that needs no name). */
  public static Either<String, StoredRecord> of(Object value, String path) {
    return value instanceof Map<?, ?> map
        ? Either.right(new StoredRecord(map, path))
        : Either.left(path + " must be an object");
  }

  /** The path of {@code member}; the record's own path for {@code ""}. */
  public String path(String member) {
    if (member.isEmpty()) {
      return path;
    }
    return path.isEmpty() ? member : path + "." + member;
  }

  /** Whether {@code member} is present (a null member is absent). */
  public boolean has(String member) {
    return members.get(member) != null;
  }

  private Either<String, Object> required(String member) {
    Object value = members.get(member);
    return value == null ? Either.left(path(member) + " is missing") : Either.right(value);
  }

  public Either<String, Long> integer(String member) {
    return typed(member, Long.class, "an integer");
  }

  public Either<String, String> text(String member) {
    return typed(member, String.class, "a string");
  }

  private <T> Either<String, T> typed(String member, Class<T> type, String described) {
    return required(member)
        .flatMap(
            value ->
                type.isInstance(value)
                    ? Either.right(type.cast(value))
                    : Either.left(path(member) + " must be " + described));
  }

  /** The text of {@code member} as {@code parse} turns it into a domain value. */
  public <T> Either<String, T> text(String member, Function<String, T> parse) {
    return text(member).flatMap(raw -> refusing(member, raw, parse));
  }

  /** {@link #text(String, Function)} of a member that may be absent. */
  public <T> Either<String, Optional<T>> optionalText(String member, Function<String, T> parse) {
    return has(member) ? text(member, parse).map(Optional::of) : Either.right(Optional.empty());
  }

  /** The text of {@code member} as a domain factory that reports its broken constraints parses it. */
  public <T> Either<String, T> parsed(
      String member, Function<String, Validation<Seq<String>, ? extends T>> parse) {
    return text(member)
        .flatMap(
            raw ->
                parse.apply(raw)
                    .<T>map(Function.identity())
                    .toEither()
                    .mapLeft(broken -> at(member, broken.mkString("; "))));
  }

  public Either<String, ModelUnits> units(String member) {
    return integer(member).flatMap(u -> refusing(member, u, n -> ModelUnits.of(Math.toIntExact(n))));
  }

  public Either<String, StoredRecord> record(String member) {
    return required(member).flatMap(value -> of(value, path(member)));
  }

  /** The records listed in {@code member}, each with its index in its path. */
  public Either<String, Seq<StoredRecord>> records(String member) {
    return required(member)
        .flatMap(
            value ->
                value instanceof java.util.List<?> items
                    ? Either.sequenceRight(
                        List.ofAll(items)
                            .zipWithIndex()
                            .map(item -> of(item._1, path(member) + "[" + item._2 + "]")))
                    : Either.left(path(member) + " must be a list"));
  }

  /** {@code convert(raw)}, or the reason the domain refuses it, reported at {@code member}. */
  public <R, T> Either<String, T> refusing(String member, R raw, Function<R, T> convert) {
    try {
      return Either.right(convert.apply(raw));
    } catch (IllegalArgumentException | IllegalStateException | ArithmeticException | DateTimeException e) {
      return Either.left(at(member, e.getMessage()));
    }
  }

  /** {@code complaint} about {@code member}, prefixed with its path unless it is the root's. */
  public String at(String member, String complaint) {
    String where = path(member);
    return where.isEmpty() ? complaint : where + ": " + complaint;
  }
}
