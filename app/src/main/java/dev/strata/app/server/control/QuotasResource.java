package dev.strata.app.server.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.domain.BedrockError;
import dev.strata.domain.QuotaUsage;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.driving.QuotaControl;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /_strata/quotas} (D14). {@code GET} (query {@code account}, {@code region}, each the
 * caller's by default) answers {@code {"account":…,"region":…,"quotas":[{"ledger":"L-FE44174A",
 * "limit":1000,"used":2},…,{"ledger":"committed","modelId":…,…}]}}: that account's own caller or
 * an admin may read it. {@code PUT {"account":…,"region":…,"limits":{"L-FE44174A":2,
 * "committed":4}}} changes limits, which needs an admin, and answers as {@code GET} does.
 */
final class QuotasResource implements ControlResource {
  private final QuotaControl quotas;

  QuotasResource(QuotaControl quotas) {
    this.quotas = quotas;
  }

  @Override
  public String path() {
    return "quotas";
  }

  @Override
  public List<ControlOperation> operations() {
    return List.of(
        ControlOperation.get(
            "StrataGetQuotas",
            Set.of("account", "region"),
            request -> ControlTargets.scope(request).map(s -> new Reach.Account(s.account())),
            request ->
                ControlTargets.scope(request).flatMap(s -> quotas.usage(s).map(u -> answer(s, u)))),
        new ControlOperation(
            "PUT",
            "StrataSetQuotaLimits",
            Set.of("account", "region", "limits"),
            Reach.Rule.everything(),
            this::adjust));
  }

  private Either<BedrockError, ObjectNode> adjust(ControlRequest request) {
    JsonNode limits = request.body().get("limits");
    if (limits == null || !limits.isObject()) {
      return Either.left(
          ControlRequest.invalid(
              "limits", limits, "Member must be an object of limits by ledger, e.g. {\"L-FE44174A\":2}"));
    }
    Map<String, Object> requested = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = limits.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      boolean whole = v.isIntegralNumber() && v.canConvertToLong();
      requested.put(e.getKey(), whole ? (Object) v.longValue() : v.toString());
    }
    return ControlTargets.scope(request)
        .flatMap(s -> quotas.adjust(s, requested).map(u -> answer(s, u)));
  }

  private static ObjectNode answer(ResourceScope scope, Seq<QuotaUsage> usage) {
    ObjectNode body =
        JsonNodeFactory.instance
            .objectNode()
            .put("account", scope.account().value())
            .put("region", scope.region().value());
    ArrayNode listed = body.putArray("quotas");
    for (QuotaUsage u : usage) {
      ObjectNode node = listed.addObject().put("ledger", u.key().ledger().label());
      u.key().modelId().ifPresent(m -> node.put("modelId", m));
      node.put("name", u.key().ledger().quotaName()).put("limit", u.limit()).put("used", u.used());
    }
    return body;
  }
}
