package dev.strata.app.server.control;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.ports.driving.Health;
import dev.strata.ports.driving.StrataControl;
import io.vavr.control.Either;
import java.util.List;
import java.util.TreeMap;

/**
 * {@code GET /_strata/health}: {@code {"status":"ok","version":"…","adapters":{"catalog":…,
 * "quotas":…,"arns":…,"store":…}}}, answered as soon as the server accepts requests. Anyone may
 * call it.
 */
final class HealthResource implements ControlResource {
  private final StrataControl control;

  HealthResource(StrataControl control) {
    this.control = control;
  }

  @Override
  public String path() {
    return "health";
  }

  @Override
  public List<ControlOperation> operations() {
    return List.of(ControlOperation.get("StrataGetHealth", Reach.Rule.nothing(), request -> Either.right(answer())));
  }

  private ObjectNode answer() {
    Health health = control.health();
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("status", "ok").put("version", health.version());
    ObjectNode adapters = body.putObject("adapters");
    new TreeMap<>(health.adapters()).forEach(adapters::put);
    return body;
  }
}
