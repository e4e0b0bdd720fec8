package dev.strata.app.server;

import dev.strata.ports.edge.PercentDecoding;
import io.vavr.control.Either;
import java.util.function.Function;

/**
 * One operation's HTTP binding: its Bedrock name, method and {@code requestUri} from
 * service-2.json, whether it changes state (and is audited), and what it targets. A URI label
 * ({@code {name}}) is not greedy: it matches exactly one raw path segment, which may contain
 * {@code %2F}, and is percent-decoded only after matching, as strict UTF-8 ({@link
 * PercentDecoding}).
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
    return this.method.equals(method) && fits(rawSegments);
  }

  /** Whether {@code rawSegments} fit this route's path: a non-empty segment for each label. */
  boolean fits(String[] rawSegments) {
    if (rawSegments.length != segments.length) {
      return false;
    }
    for (int i = 0; i < segments.length; i++) {
      boolean fit =
          segments[i].startsWith("{") ? !rawSegments[i].isEmpty() : segments[i].equals(rawSegments[i]);
      if (!fit) {
        return false;
      }
    }
    return true;
  }

  /**
   * The percent-decoded label of segments that {@link #fits fit}, or {@code ""} when the route has
   * no label; a SerializationException when the label is not UTF-8 once decoded.
   */
  Either<WireRefusal, String> label(String[] rawSegments) {
    for (int i = 0; i < segments.length; i++) {
      if (segments[i].startsWith("{")) {
        String member = segments[i].substring(1, segments[i].length() - 1);
        return PercentDecoding.decode(rawSegments[i])
            .mapLeft(
                invalid ->
                    WireRefusal.notUtf8(
                        "The URI label '" + member + "' once percent-decoded",
                        invalid.sequence(),
                        "character " + invalid.offset() + " of the raw label"));
      }
    }
    return Either.right("");
  }
}
