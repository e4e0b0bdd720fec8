package dev.strata.app.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.domain.BedrockError;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.DeleteProvisionedModelThroughputCommand;
import dev.strata.ports.driving.GetCustomModelCommand;
import dev.strata.ports.driving.GetFoundationModelCommand;
import dev.strata.ports.driving.GetProvisionedModelThroughputCommand;
import dev.strata.ports.driving.ListCustomModelsCommand;
import dev.strata.ports.driving.ListFoundationModelsCommand;
import dev.strata.ports.driving.ListProvisionedModelThroughputsCommand;
import dev.strata.ports.driving.ListTagsForResourceCommand;
import dev.strata.ports.driving.Strata;
import dev.strata.ports.driving.TagResourceCommand;
import dev.strata.ports.driving.UntagResourceCommand;
import dev.strata.ports.driving.UpdateProvisionedModelThroughputCommand;
import io.vavr.control.Either;
import java.util.List;
import java.util.function.Function;

/**
 * The twelve Bedrock operations Strata serves, bound as service-2.json binds them: each turns the
 * request's members into the port's command, raw, and the port's answer into the output shape.
 * Constraints are the service's to check; nothing is validated twice.
 */
final class BedrockOperations {
  private static final String PT_PATH = "/provisioned-model-throughput/{provisionedModelId}";

  /** Every route, each with the Strata it acts for passed in with the request. */
  static final List<Route> ROUTES =
      List.of(
          Route.mutating(
              "CreateProvisionedModelThroughput",
              "POST",
              "/provisioned-model-throughput",
              Route.Target.body("provisionedModelName"),
              BedrockOperations::create),
          Route.reading("GetProvisionedModelThroughput", "GET", PT_PATH, false, BedrockOperations::get),
          Route.reading(
              "ListProvisionedModelThroughputs",
              "GET",
              "/provisioned-model-throughputs",
              false,
              BedrockOperations::list),
          Route.mutating(
              "UpdateProvisionedModelThroughput",
              "PATCH",
              PT_PATH,
              Route.Target.label(),
              BedrockOperations::update),
          Route.mutating(
              "DeleteProvisionedModelThroughput",
              "DELETE",
              PT_PATH,
              Route.Target.label(),
              BedrockOperations::delete),
          Route.mutating(
              "TagResource",
              "POST",
              "/tagResource",
              Route.Target.body("resourceARN"),
              BedrockOperations::tagResource),
          Route.mutating(
              "UntagResource",
              "POST",
              "/untagResource",
              Route.Target.body("resourceARN"),
              BedrockOperations::untagResource),
          Route.reading(
              "ListTagsForResource",
              "POST",
              "/listTagsForResource",
              true,
              BedrockOperations::listTagsForResource),
          Route.reading(
              "GetFoundationModel",
              "GET",
              "/foundation-models/{modelIdentifier}",
              false,
              BedrockOperations::getFoundationModel),
          Route.reading(
              "ListFoundationModels",
              "GET",
              "/foundation-models",
              false,
              BedrockOperations::listFoundationModels),
          Route.reading(
              "GetCustomModel",
              "GET",
              "/custom-models/{modelIdentifier}",
              false,
              BedrockOperations::getCustomModel),
          Route.reading(
              "ListCustomModels", "GET", "/custom-models", false, BedrockOperations::listCustomModels));

  private BedrockOperations() {}

  private static Either<Refusal, Reply> create(WireRequest r) {
    JsonBody b = r.body();
    return answer(
        b,
        new CreateProvisionedModelThroughputCommand(
            b.string("clientRequestToken"),
            b.integer("modelUnits"),
            b.string("provisionedModelName"),
            b.string("modelId"),
            b.string("commitmentDuration"),
            b.tags("tags")),
        r.strata()::createProvisionedModelThroughput,
        arn -> Reply.created(WireShapes.object().put("provisionedModelArn", arn.value())));
  }

  private static Either<Refusal, Reply> get(WireRequest r) {
    return answer(
        r.strata().getProvisionedModelThroughput(new GetProvisionedModelThroughputCommand(r.label())),
        pt -> Reply.ok(WireShapes.provisionedModelDetails(pt)));
  }

  private static Either<Refusal, Reply> list(WireRequest r) {
    QueryString q = r.query();
    ListProvisionedModelThroughputsCommand command =
        new ListProvisionedModelThroughputsCommand(
            q.timestamp("creationTimeAfter"),
            q.timestamp("creationTimeBefore"),
            q.string("statusEquals"),
            q.string("modelArnEquals"),
            q.string("nameContains"),
            q.integer("maxResults"),
            q.string("nextToken"),
            q.string("sortBy"),
            q.string("sortOrder"));
    return answer(
        unlessInvalid(q, () -> r.strata().listProvisionedModelThroughputs(command)),
        page -> Reply.ok(WireShapes.provisionedThroughputPage(page)));
  }

  private static Either<Refusal, Reply> update(WireRequest r) {
    JsonBody b = r.body();
    return answer(
        b,
        new UpdateProvisionedModelThroughputCommand(
            r.label(), b.string("desiredProvisionedModelName"), b.string("desiredModelId")),
        r.strata()::updateProvisionedModelThroughput,
        pt -> Reply.ok(WireShapes.object()));
  }

  private static Either<Refusal, Reply> delete(WireRequest r) {
    return answer(
        r.strata().deleteProvisionedModelThroughput(
            new DeleteProvisionedModelThroughputCommand(r.label())),
        pt -> Reply.ok(WireShapes.object()));
  }

  private static Either<Refusal, Reply> tagResource(WireRequest r) {
    JsonBody b = r.body();
    return answer(
        b,
        new TagResourceCommand(b.string("resourceARN"), b.tags("tags")),
        r.strata()::tagResource,
        tags -> Reply.ok(WireShapes.object()));
  }

  private static Either<Refusal, Reply> untagResource(WireRequest r) {
    JsonBody b = r.body();
    return answer(
        b,
        new UntagResourceCommand(b.string("resourceARN"), b.strings("tagKeys")),
        r.strata()::untagResource,
        tags -> Reply.ok(WireShapes.object()));
  }

  private static Either<Refusal, Reply> listTagsForResource(WireRequest r) {
    JsonBody b = r.body();
    return answer(
        b,
        new ListTagsForResourceCommand(b.string("resourceARN")),
        r.strata()::listTagsForResource,
        tags -> Reply.ok(WireShapes.tags(tags)));
  }

  private static Either<Refusal, Reply> getFoundationModel(WireRequest r) {
    return answer(
        r.strata().getFoundationModel(new GetFoundationModelCommand(r.label())),
        model -> {
          ObjectNode body = WireShapes.object();
          body.set("modelDetails", WireShapes.foundationModel(model));
          return Reply.ok(body);
        });
  }

  private static Either<Refusal, Reply> listFoundationModels(WireRequest r) {
    QueryString q = r.query();
    return answer(
        r.strata().listFoundationModels(
            new ListFoundationModelsCommand(
                q.string("byProvider"),
                q.string("byCustomizationType"),
                q.string("byOutputModality"),
                q.string("byInferenceType"))),
        models ->
            Reply.ok(WireShapes.foundationModelList(models)));
  }

  private static Either<Refusal, Reply> getCustomModel(WireRequest r) {
    return answer(
        r.strata().getCustomModel(new GetCustomModelCommand(r.label())),
        model -> Reply.ok(WireShapes.customModelDetails(model)));
  }

  private static Either<Refusal, Reply> listCustomModels(WireRequest r) {
    QueryString q = r.query();
    ListCustomModelsCommand command =
        new ListCustomModelsCommand(
            q.timestamp("creationTimeBefore"),
            q.timestamp("creationTimeAfter"),
            q.string("nameContains"),
            q.string("baseModelArnEquals"),
            q.string("foundationModelArnEquals"),
            q.integer("maxResults"),
            q.string("nextToken"),
            q.string("sortBy"),
            q.string("sortOrder"),
            q.bool("isOwned"),
            q.string("modelStatus"));
    return answer(
        unlessInvalid(q, () -> r.strata().listCustomModels(command)),
        page -> Reply.ok(WireShapes.customModelPage(page)));
  }

  private static <T> Either<Refusal, Reply> answer(
      Either<BedrockError, T> result, Function<T, Reply> success) {
    return result.<Refusal>mapLeft(Refusal.OfStrata::new).map(success);
  }

  /**
   * The body's first member of the wrong JSON type, or else the port's answer to {@code command}
   * (read from {@code body} before this is called).
   */
  private static <C, T> Either<Refusal, Reply> answer(
      JsonBody body,
      C command,
      Function<C, Either<BedrockError, T>> operation,
      Function<T, Reply> success) {
    return body.refusal()
        .<Either<Refusal, Reply>>map(Either::left)
        .getOrElse(() -> answer(operation.apply(command), success));
  }

  /** The query's own parse failures, or else the port's answer. */
  private static <T> Either<BedrockError, T> unlessInvalid(
      QueryString query, java.util.function.Supplier<Either<BedrockError, T>> call) {
    return query.violations().<Either<BedrockError, T>>map(Either::left).getOrElse(call);
  }
}
