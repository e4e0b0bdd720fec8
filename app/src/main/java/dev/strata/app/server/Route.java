package dev.strata.app.server;

import java.util.Optional;
import java.util.function.Function;

/**
 * One operation's HTTP binding: method and {@code requestUri} from service-2.json. A URI label
 * ({@code {name}}) is not greedy: it matches exactly one raw path segment, which may contain
 * {@code %2F}, and is percent-decoded only after matching.
 */
record Route(String method, String[] segments, boolean hasBody, Function<WireRequest, Reply> operation) {

  static Route of(String method, String requestUri, boolean hasBody, Function<WireRequest, Reply> op) {
    return new Route(method, split(requestUri), hasBody, op);
  }

  /** The raw segments of a path without its leading slash; {@code ""} for an empty segment. */
  static String[] split(String rawPath) {
    String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    return path.split("/", -1);
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
