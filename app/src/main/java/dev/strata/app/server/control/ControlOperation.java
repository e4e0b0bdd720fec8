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
 * @param members the body members accepted; a {@code GET} reads no body
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

  @Override
  public Either<BedrockError, ObjectNode> run(ControlExchange exchange) {
    return body(exchange.body())
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
    if (method.equals("GET") || bytes.length == 0) {
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
    for (Iterator<String> names = parsed.fieldNames(); names.hasNext(); ) {
      String member = names.next();
      if (!members.contains(member)) {
        return Either.left(
            ControlRequest.invalid(
                member,
                parsed.get(member),
                "Member is not known to " + name + "; it accepts " + new TreeSet<>(members)));
      }
    }
    return Either.right((ObjectNode) parsed);
  }

  private static String excerpt(byte[] bytes) {
    String text = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8);
    return bytes.length > 64 ? text + "..." : text;
  }
}
