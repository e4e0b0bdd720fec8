package dev.strata.app.server.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.app.server.WireShapes;
import dev.strata.domain.BedrockError;
import dev.strata.domain.CustomModel;
import dev.strata.ports.driving.CustomModelControl;
import dev.strata.ports.driving.CustomModelRequest;
import io.vavr.control.Either;
import java.util.List;
import java.util.Set;

/**
 * {@code /_strata/custom-models}. {@code POST {"modelName":"my-tuned","baseModelIdentifier":
 * "amazon.titan-text-express-v1:0:8k","status":"Active","account":…,"region":…}} registers a
 * custom model (status, account and region optional) and answers it as GetCustomModel does;
 * {@code DELETE {"modelName":…}} removes that registered model, or without a name every one of
 * the account and region, and answers {@code {"removed":[names]}}. Each is for the account named,
 * else the caller's; its own caller or an admin may make it.
 */
final class CustomModelsResource implements ControlResource {
  private final CustomModelControl models;

  CustomModelsResource(CustomModelControl models) {
    this.models = models;
  }

  @Override
  public String path() {
    return "custom-models";
  }

  @Override
  public List<ControlOperation> operations() {
    Reach.Rule reach =
        request -> ControlTargets.scope(request).map(s -> new Reach.Account(s.account()));
    return List.of(
        new ControlOperation(
            "POST",
            "StrataRegisterCustomModel",
            Set.of("modelName", "baseModelIdentifier", "status", "account", "region"),
            reach,
            this::register),
        new ControlOperation(
            "DELETE",
            "StrataDeregisterCustomModels",
            Set.of("modelName", "account", "region"),
            reach,
            this::deregister));
  }

  private Either<BedrockError, ObjectNode> register(ControlRequest request) {
    return request.string("modelName").flatMap(name ->
        request.string("baseModelIdentifier").flatMap(base ->
            request.string("status").flatMap(status ->
                request.string("account").flatMap(account ->
                    request.string("region").flatMap(region ->
                        models
                            .register(
                                request.exchange().scope(),
                                new CustomModelRequest(
                                    name.orElse(null),
                                    base.orElse(null),
                                    status.orElse(null),
                                    account.orElse(null),
                                    region.orElse(null)))
                            .map(WireShapes::customModelDetails))))));
  }

  private Either<BedrockError, ObjectNode> deregister(ControlRequest request) {
    return request.string("modelName").flatMap(name ->
        ControlTargets.scope(request)
            .flatMap(scope -> models.deregister(scope, name))
            .map(removed -> {
              ObjectNode body = JsonNodeFactory.instance.objectNode();
              ArrayNode names = body.putArray("removed");
              removed.map(CustomModel::modelName).forEach(names::add);
              return body;
            }));
  }
}
