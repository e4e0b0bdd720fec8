package dev.strata.app.server.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.app.server.ControlExchange;
import dev.strata.domain.AccountId;
import dev.strata.domain.BedrockError;
import dev.strata.domain.FieldViolation;
import dev.strata.domain.Region;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One control request: its exchange and its JSON body (an empty object when it has none), with
 * readers of typed members that refuse a wrong value with a {@code ValidationException} naming the
 * member.
 */
record ControlRequest(ControlExchange exchange, ObjectNode body) {

  /** The string member {@code name}, when present. */
  Either<BedrockError, Optional<String>> string(String name) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      return Either.right(Optional.empty());
    }
    return value.isTextual()
        ? Either.right(Optional.of(value.textValue()))
        : Either.left(invalid(name, value, "Member must be a string"));
  }

  /** The string member {@code name}, which must be present. */
  Either<BedrockError, String> requiredString(String name) {
    return string(name)
        .flatMap(
            value ->
                value.<Either<BedrockError, String>>map(Either::right)
                    .orElseGet(() -> Either.left(invalid(name, null, "Member must not be null"))));
  }

  /** The ISO-8601 duration member {@code name} ({@code P32D}, {@code PT90M}), when present. */
  Either<BedrockError, Optional<Duration>> duration(String name) {
    return string(name)
        .flatMap(
            text -> {
              try {
                return Either.right(text.map(Duration::parse));
              } catch (DateTimeParseException e) {
                return Either.left(
                    invalid(
                        name,
                        text.get(),
                        "Member must be an ISO-8601 duration in days, hours, minutes and seconds,"
                            + " e.g. P32D or PT90M"));
              }
            });
  }

  /** The ISO-8601 instant member {@code name} ({@code 2027-01-05T00:00:00Z}), when present. */
  Either<BedrockError, Optional<Instant>> instant(String name) {
    return string(name)
        .flatMap(
            text -> {
              try {
                return Either.right(text.map(Instant::parse));
              } catch (DateTimeParseException e) {
                return Either.left(
                    invalid(
                        name,
                        text.get(),
                        "Member must be an ISO-8601 UTC time, e.g. 2027-01-05T00:00:00Z"));
              }
            });
  }

  /** The account id member {@code name}, when present. */
  Either<BedrockError, Optional<AccountId>> account(String name) {
    return matching(name, AccountId.PATTERN, text -> AccountId.parse(text).isValid(), AccountId::of);
  }

  /** The region member {@code name}, when present. */
  Either<BedrockError, Optional<Region>> region(String name) {
    return matching(name, Region.PATTERN, text -> Region.parse(text).isValid(), Region::of);
  }

  private <T> Either<BedrockError, Optional<T>> matching(
      String name, String pattern, Predicate<String> valid, Function<String, T> value) {
    return string(name)
        .flatMap(
            text ->
                text.isEmpty() || valid.test(text.get())
                    ? Either.right(text.map(value))
                    : Either.left(
                        invalid(name, text.get(), "Member must satisfy regular expression pattern: " + pattern)));
  }

  /** A {@code ValidationException} naming {@code member}, whose {@code value} broke {@code constraint}. */
  static BedrockError invalid(String member, Object value, String constraint) {
    Object shown = value instanceof JsonNode node ? (node.isTextual() ? node.textValue() : node.toString()) : value;
    return BedrockError.ValidationError.of(List.of(new FieldViolation(member, shown, constraint)));
  }
}
