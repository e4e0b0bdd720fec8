package dev.strata.app.server.control;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.app.server.ControlEndpoint;
import dev.strata.app.server.ControlExchange;
import dev.strata.app.server.QueryString;
import dev.strata.domain.BedrockError;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One method of a control resource: its audit name, the body members it accepts, what it reaches
 * (which decides who may call it, {@link ControlAccess}), and what it does. A call is answered in
 * this order: a body that is not a JSON object, or names a member not accepted, is a 400 naming
 * it; then the reach is checked; then the handler runs.
 *
 * @param members the members accepted: of the JSON body, or of the query string for a {@code GET}
 */
record ControlOperation(
    String method, String name, Set<String> members, Reach.Rule reach, Handler handler)
    implements ControlEndpoint.Operation {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** What a control operation does with a well-formed request its caller may make. */
  @FunctionalInterface
  interface Handler {
    Either<BedrockError, ObjectNode> handle(ControlRequest request);
  }

  ControlOperation {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(name, "name");
    members = Set.copyOf(members);
    Objects.requireNonNull(reach, "reach");
    Objects.requireNonNull(handler, "handler");
  }

  /** A {@code GET} named {@code name}. */
  static ControlOperation get(String name, Reach.Rule reach, Handler handler) {
    return new ControlOperation("GET", name, Set.of(), reach, handler);
  }

  /** A {@code GET} named {@code name} that reads the string members {@code query} from its query. */
  static ControlOperation get(String name, Set<String> query, Reach.Rule reach, Handler handler) {
    return new ControlOperation("GET", name, query, reach, handler);
  }

  @Override
  public Either<BedrockError, ObjectNode> run(ControlExchange exchange) {
    return (method.equals("GET") ? query(exchange.rawQuery()) : body(exchange.body()))
        .flatMap(this::accepted)
        .map(body -> new ControlRequest(exchange, body))
        .flatMap(
            request ->
                reach
                    .of(request)
                    .flatMap(r -> ControlAccess.check(exchange.caller(), name, r))
                    .flatMap(allowed -> handler.handle(request)));
  }

  /** The body as a JSON object of accepted members; an empty body is an empty object. */
  private Either<BedrockError, ObjectNode> body(byte[] bytes) {
    if (bytes.length == 0) {
      return Either.right(JSON.createObjectNode());
    }
    JsonNode parsed;
    try {
      parsed = JSON.readTree(bytes);
    } catch (JacksonException e) {
      return Either.left(
          ControlRequest.invalid(
              "body",
              excerpt(bytes),
              "Member must be a JSON object: " + e.getOriginalMessage()));
    } catch (java.io.IOException e) {
      return Either.left(ControlRequest.invalid("body", excerpt(bytes), "Member must be a JSON object"));
    }
    if (parsed == null || !parsed.isObject()) {
      return Either.left(ControlRequest.invalid("body", excerpt(bytes), "Member must be a JSON object"));
    }
    return Either.right((ObjectNode) parsed);
  }

  /** A {@code GET}'s query parameters as an object of string members. */
  private static Either<BedrockError, ObjectNode> query(String rawQuery) {
    return QueryString.values(rawQuery)
        .<Either<BedrockError, ObjectNode>>map(
            values -> {
              ObjectNode members = JSON.createObjectNode();
              values.forEach(members::put);
              return Either.right(members);
            })
        .orElseGet(
            () -> Either.left(ControlRequest.invalid("query", rawQuery, "Member must be UTF-8 once percent-decoded")));
  }

  /** {@code members} when it names only accepted members, else a 400 naming the first other. */
  private Either<BedrockError, ObjectNode> accepted(ObjectNode given) {
    for (Iterator<String> names = given.fieldNames(); names.hasNext(); ) {
      String member = names.next();
      if (!members.contains(member)) {
        return Either.left(
            ControlRequest.invalid(
                member,
                given.get(member),
                "Member is not known to " + name + "; it accepts " + new TreeSet<>(members)));
      }
    }
    return Either.right(given);
  }

  private static String excerpt(byte[] bytes) {
    String text = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8);
    return bytes.length > 64 ? text + "..." : text;
  }
}
