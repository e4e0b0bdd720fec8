package dev.strata.app.server;

import dev.strata.domain.BedrockError;
import dev.strata.domain.FieldViolation;
import dev.strata.ports.edge.PercentDecoding;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The querystring members of one request, decoded. Strings pass through untouched for the service
 * to validate; timestamps, integers and booleans are parsed here, and a value that does not parse
 * is remembered as a violation in AWS's validation format (see {@link #violations()}).
 */
public final class QueryString {
  static final String TIMESTAMP_CONSTRAINT =
      "Member must be an ISO-8601 date-time, e.g. 2024-05-01T12:34:56Z";
  static final String INTEGER_CONSTRAINT = "Member must be an integer";
  static final String BOOLEAN_CONSTRAINT = "Member must be true or false";

  private final Map<String, String> values;
  private List<FieldViolation> violations = List.empty();

  private QueryString(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Parses a raw (still percent-encoded) query; the first value of a repeated name wins. A name or
   * value that is not UTF-8 once decoded is a SerializationException.
   */
  static Either<WireRefusal, QueryString> parse(String rawQuery) {
    Map<String, String> values = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        Either<WireRefusal, String> name =
            decoded(eq < 0 ? pair : pair.substring(0, eq), "A query parameter name", "name");
        if (name.isLeft()) {
          return Either.left(name.getLeft());
        }
        Either<WireRefusal, String> value =
            eq < 0
                ? Either.right("")
                : decoded(pair.substring(eq + 1), "Query parameter '" + name.get() + "'", "value");
        if (value.isLeft()) {
          return Either.left(value.getLeft());
        }
        values.putIfAbsent(name.get(), value.get());
      }
    }
    return Either.right(new QueryString(values));
  }

  /**
   * The names and values of a raw query, decoded as {@link #parse} decodes them; empty when one is
   * not UTF-8 once decoded.
   */
  public static java.util.Optional<Map<String, String>> values(String rawQuery) {
    return parse(rawQuery).map(q -> java.util.Collections.unmodifiableMap(q.values)).toJavaOptional();
  }

  private static Either<WireRefusal, String> decoded(String raw, String subject, String part) {
    return PercentDecoding.decode(raw)
        .mapLeft(
            invalid ->
                WireRefusal.notUtf8(
                    subject + " once percent-decoded",
                    invalid.sequence(),
                    "character " + invalid.offset() + " of the raw " + part));
  }

  String string(String name) {
    return values.get(name);
  }

  /** An ISO-8601 date-time with an offset, e.g. {@code 2024-05-01T12:34:56.789Z}. */
  Instant timestamp(String name) {
    return parsed(
        name,
        raw -> OffsetDateTime.parse(raw, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(),
        TIMESTAMP_CONSTRAINT);
  }

  Integer integer(String name) {
    return parsed(name, Integer::valueOf, INTEGER_CONSTRAINT);
  }

  Boolean bool(String name) {
    String raw = values.get(name);
    if (raw == null) {
      return null;
    }
    if (raw.equals("true") || raw.equals("false")) {
      return Boolean.valueOf(raw);
    }
    return invalid(name, raw, BOOLEAN_CONSTRAINT);
  }

  /** Every value that did not parse so far, as one ValidationException. */
  Option<BedrockError> violations() {
    return violations.isEmpty() ? Option.none() : Option.some(BedrockError.ValidationError.of(violations));
  }

  /** The value of {@code name} through {@code parser}; a parse failure is a violation. */
  private <T> T parsed(String name, Function<String, T> parser, String constraint) {
    String raw = values.get(name);
    if (raw == null) {
      return null;
    }
    try {
      return parser.apply(raw);
    } catch (DateTimeParseException | NumberFormatException e) {
      return invalid(name, raw, constraint);
    }
  }

  private <T> T invalid(String name, String raw, String constraint) {
    violations = violations.append(new FieldViolation(name, raw, constraint));
    return null;
  }
}
