package dev.strata.app.server.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.domain.AccountId;
import dev.strata.domain.BedrockError;
import dev.strata.ports.driving.ArmedFault;
import dev.strata.ports.driving.FaultControl;
import dev.strata.ports.driving.FaultRequest;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /_strata/faults} (D21). {@code POST {"operation":"CreateProvisionedModelThroughput",
 * "error":"ThrottlingException","count":2}} (or {@code "probability":0.25}; optional {@code
 * "latencyMs"}, {@code "account"}; {@code "operation":"*"} for every operation) arms a fault and
 * answers it; {@code GET} answers {@code {"faults":[…]}} with remaining counts; {@code DELETE}
 * disarms and answers {@code {"cleared":N}}. Each is for the {@code account} named (in the query
 * for {@code GET}), else for an authenticated non-admin caller's own account, else for every
 * account, which needs an admin.
 */
final class FaultsResource implements ControlResource {
  private final FaultControl faults;

  FaultsResource(FaultControl faults) {
    this.faults = faults;
  }

  @Override
  public String path() {
    return "faults";
  }

  @Override
  public List<ControlOperation> operations() {
    return List.of(
        ControlOperation.get(
            "StrataListFaults", Set.of("account"), ControlTargets.reach(), this::list),
        new ControlOperation(
            "POST",
            "StrataArmFault",
            Set.of("operation", "error", "count", "probability", "latencyMs", "account"),
            ControlTargets.reach(),
            this::arm),
        new ControlOperation(
            "DELETE", "StrataClearFaults", Set.of("account"), ControlTargets.reach(), this::clear));
  }

  private Either<BedrockError, ObjectNode> list(ControlRequest request) {
    return ControlTargets.account(request)
        .map(
            account -> {
              ObjectNode body = JsonNodeFactory.instance.objectNode();
              ArrayNode listed = body.putArray("faults");
              faults.armed(account).forEach(f -> listed.add(fault(f)));
              return body;
            });
  }

  private Either<BedrockError, ObjectNode> arm(ControlRequest request) {
    Either<BedrockError, Optional<String>> operation = request.string("operation");
    Either<BedrockError, Optional<String>> error = request.string("error");
    Either<BedrockError, Optional<Long>> count = whole(request, "count");
    Either<BedrockError, Optional<Double>> probability = number(request, "probability");
    Either<BedrockError, Optional<Long>> latency = whole(request, "latencyMs");
    Either<BedrockError, Optional<AccountId>> account = ControlTargets.account(request);
    for (Either<BedrockError, ?> member :
        List.of(operation, error, count, probability, latency, account)) {
      if (member.isLeft()) {
        return Either.left(member.getLeft());
      }
    }
    return faults
        .arm(
            new FaultRequest(
                operation.get().orElse(null),
                error.get().orElse(null),
                count.get().orElse(null),
                probability.get().orElse(null),
                latency.get().orElse(null),
                account.get().map(AccountId::value).orElse(null)))
        .map(FaultsResource::fault);
  }

  private Either<BedrockError, ObjectNode> clear(ControlRequest request) {
    return ControlTargets.account(request)
        .map(a -> JsonNodeFactory.instance.objectNode().put("cleared", faults.clear(a)));
  }

  private static Either<BedrockError, Optional<Long>> whole(ControlRequest request, String name) {
    JsonNode value = request.body().get(name);
    if (value == null || value.isNull()) {
      return Either.right(Optional.empty());
    }
    return value.isIntegralNumber() && value.canConvertToLong()
        ? Either.right(Optional.of(value.longValue()))
        : Either.left(ControlRequest.invalid(name, value, "Member must be a whole number"));
  }

  private static Either<BedrockError, Optional<Double>> number(
      ControlRequest request, String name) {
    JsonNode value = request.body().get(name);
    if (value == null || value.isNull()) {
      return Either.right(Optional.empty());
    }
    return value.isNumber()
        ? Either.right(Optional.of(value.doubleValue()))
        : Either.left(ControlRequest.invalid(name, value, "Member must be a number"));
  }

  static ObjectNode fault(ArmedFault fault) {
    ObjectNode node =
        JsonNodeFactory.instance
            .objectNode()
            .put("operation", fault.operation())
            .put("error", fault.error().name());
    fault.remaining().ifPresent(n -> node.put("remaining", n));
    fault.probability().ifPresent(p -> node.put("probability", p));
    node.put("latencyMs", fault.latencyMs());
    fault.account().ifPresent(a -> node.put("account", a.value()));
    return node;
  }
}
