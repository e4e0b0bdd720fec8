package dev.strata.app.server;

import io.vavr.control.Either;
import java.util.Optional;
import java.util.function.Function;

/**
 * One operation's HTTP binding: its Bedrock name, method and {@code requestUri} from
 * service-2.json, whether it changes state (and is audited), and what it targets. A URI label
 * ({@code {name}}) is not greedy: it matches exactly one raw path segment, which may contain
 * {@code %2F}, and is percent-decoded only after matching.
 */
record Route(
    String name,
    String method,
    String[] segments,
    boolean hasBody,
    boolean mutating,
    Target target,
    Function<WireRequest, Either<Refusal, Reply>> operation) {

  /** Where an audit line finds what a mutating call names. */
  interface Target {
    /** The target of {@code request}, or {@code null} when it names nothing readable. */
    String of(WireRequest request);

    /** The URI label, e.g. a provisioned model's name or ARN. */
    static Target label() {
      return request -> request.label().isEmpty() ? null : request.label();
    }

    /** The string body member {@code member}, when it is one. */
    static Target body(String member) {
      return request -> request.body().peekString(member);
    }
  }

  static Route reading(
      String name,
      String method,
      String requestUri,
      boolean hasBody,
      Function<WireRequest, Either<Refusal, Reply>> op) {
    return new Route(name, method, split(requestUri), hasBody, false, request -> null, op);
  }

  static Route mutating(
      String name,
      String method,
      String requestUri,
      Target target,
      Function<WireRequest, Either<Refusal, Reply>> op) {
    return new Route(name, method, split(requestUri), !method.equals("DELETE"), true, target, op);
  }

  /** The raw segments of a path without its leading slash; {@code ""} for an empty segment. */
  static String[] split(String rawPath) {
    String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    return path.split("/", -1);
  }

  /** Whether a request with {@code method} and {@code rawSegments} is this operation. */
  boolean matches(String method, String[] rawSegments) {
    return this.method.equals(method) && match(rawSegments).isPresent();
  }

  /**
   * Whether {@code rawSegments} match this route's path. The value is the decoded label, or empty
   * text when the route has no label; an empty optional means no match.
   */
  Optional<String> match(String[] rawSegments) {
    if (rawSegments.length != segments.length) {
      return Optional.empty();
    }
    String label = "";
    for (int i = 0; i < segments.length; i++) {
      if (segments[i].startsWith("{")) {
        if (rawSegments[i].isEmpty()) {
          return Optional.empty();
        }
        label = Percent.decode(rawSegments[i]);
      } else if (!segments[i].equals(rawSegments[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(label);
  }
}
