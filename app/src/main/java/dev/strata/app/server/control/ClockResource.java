package dev.strata.app.server.control;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.domain.BedrockError;
import dev.strata.ports.driving.ServiceClockControl;
import dev.strata.ports.driving.ServiceClockControl.ClockReading;
import io.vavr.control.Either;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code /_strata/clock}, the service clock (D20). {@code GET} answers {@code
 * {"now":"2026-12-04T10:00:00.000Z","offset":"PT0S"}}; anyone may read it. {@code POST} with
 * {@code {"advance":"P31D"}} or {@code {"set":"2027-01-05T00:00:00Z"}} (exactly one) moves it
 * forward and answers the same; it moves every account's time, so it needs an admin. Moving it
 * backwards is a 400 naming the member.
 */
final class ClockResource implements ControlResource {
  private static final DateTimeFormatter NOW =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final ServiceClockControl clock;

  ClockResource(ServiceClockControl clock) {
    this.clock = clock;
  }

  @Override
  public String path() {
    return "clock";
  }

  @Override
  public List<ControlOperation> operations() {
    return List.of(
        ControlOperation.get("StrataGetClock", Reach.Rule.nothing(), request -> clock.read().map(ClockResource::reading)),
        new ControlOperation(
            "POST", "StrataMoveClock", Set.of("advance", "set"), Reach.Rule.everything(), this::move));
  }

  private Either<BedrockError, ObjectNode> move(ControlRequest request) {
    boolean advance = request.body().has("advance");
    if (advance == request.body().has("set")) {
      return Either.left(
          ControlRequest.invalid(
              advance ? "set" : "advance",
              null,
              "Exactly one of advance (an ISO-8601 duration) and set (an ISO-8601 time) must be given"));
    }
    Either<BedrockError, ClockReading> moved =
        advance
            ? request.duration("advance").flatMap(d -> clock.advance(d.orElseThrow()))
            : request.instant("set").flatMap(t -> clock.set(t.orElseThrow()));
    return moved.map(ClockResource::reading);
  }

  static ObjectNode reading(ClockReading reading) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("now", NOW.format(reading.now()))
        .put("offset", reading.offset().toString());
  }
}
