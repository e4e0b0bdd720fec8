package dev.strata.app.server;

import dev.strata.ports.driving.Strata;
import io.vavr.control.Either;

/**
 * What an operation reads from one request: the Strata acting for its caller, its decoded URI
 * label ({@code ""} for operations without one), its querystring and its JSON body (empty for
 * operations without one).
 */
record WireRequest(Strata strata, String label, QueryString query, JsonBody body) {

  /**
   * The request {@code route} reads from raw {@code segments}, {@code rawQuery} and {@code body},
   * acted on by {@code strata}; or the SerializationException of the first part that cannot be
   * read, in that order.
   */
  static Either<WireRefusal, WireRequest> read(
      Strata strata, Route route, String[] segments, String rawQuery, byte[] body) {
    return route
        .label(segments)
        .flatMap(
            label ->
                QueryString.parse(rawQuery)
                    .flatMap(
                        query ->
                            JsonBody.parse(route.hasBody() ? body : new byte[0])
                                .map(json -> new WireRequest(strata, label, query, json))));
  }
}
