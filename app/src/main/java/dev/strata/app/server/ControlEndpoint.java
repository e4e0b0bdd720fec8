package dev.strata.app.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.domain.BedrockError;
import io.vavr.control.Either;
import java.util.Optional;

/**
 * Strata's own test-control operations, served on the Bedrock port under {@link #PREFIX}, which no
 * Bedrock operation uses. A request whose path starts with it is routed here before the Bedrock
 * routes, once it has authenticated like any other; a path here that names no operation is
 * answered 404 {@code UnknownOperationException}. Every call is audited. {@link #off()} claims no
 * path, so the prefix is then unknown like any other path.
 */
public interface ControlEndpoint {
  /** The path prefix of every control operation. */
  String PREFIX = "/_strata/";

  /** Whether {@code rawPath} belongs to this endpoint. */
  boolean claims(String rawPath);

  /** The operation {@code method} and {@code rawPath} name; empty when none does. */
  Optional<Operation> operation(String method, String rawPath);

  /** One control operation. */
  interface Operation {
    /** Its name in audit lines, e.g. {@code StrataResetState}. */
    String name();

    /** Its answer: a 200 with a JSON body, or the Bedrock-shaped error that refuses it. */
    Either<BedrockError, ObjectNode> run(ControlExchange exchange);
  }

  /** The control API turned off: no path is claimed. */
  static ControlEndpoint off() {
    return new ControlEndpoint() {
      @Override
      public boolean claims(String rawPath) {
        return false;
      }

      @Override
      public Optional<Operation> operation(String method, String rawPath) {
        return Optional.empty();
      }
    };
  }
}
