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

  private final Strata strata;

  BedrockOperations(Strata strata) {
    this.strata = strata;
  }

  List<Route> routes() {
    return List.of(
        Route.of("POST", "/provisioned-model-throughput", true, this::create),
        Route.of("GET", PT_PATH, false, this::get),
        Route.of("GET", "/provisioned-model-throughputs", false, this::list),
        Route.of("PATCH", PT_PATH, true, this::update),
        Route.of("DELETE", PT_PATH, false, this::delete),
        Route.of("POST", "/tagResource", true, this::tagResource),
        Route.of("POST", "/untagResource", true, this::untagResource),
        Route.of("POST", "/listTagsForResource", true, this::listTagsForResource),
        Route.of("GET", "/foundation-models/{modelIdentifier}", false, this::getFoundationModel),
        Route.of("GET", "/foundation-models", false, this::listFoundationModels),
        Route.of("GET", "/custom-models/{modelIdentifier}", false, this::getCustomModel),
        Route.of("GET", "/custom-models", false, this::listCustomModels));
  }

  private Reply create(WireRequest r) {
    JsonBody b = r.body();
    return answer(
        strata.createProvisionedModelThroughput(
            new CreateProvisionedModelThroughputCommand(
                b.string("clientRequestToken"),
                b.integer("modelUnits"),
                b.string("provisionedModelName"),
                b.string("modelId"),
                b.string("commitmentDuration"),
                b.tags("tags"))),
        arn -> Reply.created(WireShapes.object().put("provisionedModelArn", arn.value())));
  }

  private Reply get(WireRequest r) {
    return answer(
        strata.getProvisionedModelThroughput(new GetProvisionedModelThroughputCommand(r.label())),
        pt -> Reply.ok(WireShapes.provisionedModelDetails(pt)));
  }

  private Reply list(WireRequest r) {
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
        unlessInvalid(q, () -> strata.listProvisionedModelThroughputs(command)),
        page -> Reply.ok(WireShapes.provisionedThroughputPage(page)));
  }

  private Reply update(WireRequest r) {
    JsonBody b = r.body();
    return answer(
        strata.updateProvisionedModelThroughput(
            new UpdateProvisionedModelThroughputCommand(
                r.label(), b.string("desiredProvisionedModelName"), b.string("desiredModelId"))),
        pt -> Reply.ok(WireShapes.object()));
  }

  private Reply delete(WireRequest r) {
    return answer(
        strata.deleteProvisionedModelThroughput(
            new DeleteProvisionedModelThroughputCommand(r.label())),
        pt -> Reply.ok(WireShapes.object()));
  }

  private Reply tagResource(WireRequest r) {
    JsonBody b = r.body();
    return answer(
        strata.tagResource(new TagResourceCommand(b.string("resourceARN"), b.tags("tags"))),
        tags -> Reply.ok(WireShapes.object()));
  }

  private Reply untagResource(WireRequest r) {
    JsonBody b = r.body();
    return answer(
        strata.untagResource(
            new UntagResourceCommand(b.string("resourceARN"), b.strings("tagKeys"))),
        tags -> Reply.ok(WireShapes.object()));
  }

  private Reply listTagsForResource(WireRequest r) {
    return answer(
        strata.listTagsForResource(new ListTagsForResourceCommand(r.body().string("resourceARN"))),
        tags -> Reply.ok(WireShapes.tags(tags)));
  }

  private Reply getFoundationModel(WireRequest r) {
    return answer(
        strata.getFoundationModel(new GetFoundationModelCommand(r.label())),
        model -> {
          ObjectNode body = WireShapes.object();
          body.set("modelDetails", WireShapes.foundationModel(model));
          return Reply.ok(body);
        });
  }

  private Reply listFoundationModels(WireRequest r) {
    QueryString q = r.query();
    return answer(
        strata.listFoundationModels(
            new ListFoundationModelsCommand(
                q.string("byProvider"),
                q.string("byCustomizationType"),
                q.string("byOutputModality"),
                q.string("byInferenceType"))),
        models ->
            Reply.ok(WireShapes.foundationModelList(models)));
  }

  private Reply getCustomModel(WireRequest r) {
    return answer(
        strata.getCustomModel(new GetCustomModelCommand(r.label())),
        model -> Reply.ok(WireShapes.customModelDetails(model)));
  }

  private Reply listCustomModels(WireRequest r) {
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
        unlessInvalid(q, () -> strata.listCustomModels(command)),
        page -> Reply.ok(WireShapes.customModelPage(page)));
  }

  private static <T> Reply answer(Either<BedrockError, T> result, Function<T, Reply> success) {
    return result.fold(Reply::error, success);
  }

  /** The query's own parse failures, or else the port's answer. */
  private static <T> Either<BedrockError, T> unlessInvalid(
      QueryString query, java.util.function.Supplier<Either<BedrockError, T>> call) {
    return query.violations().<Either<BedrockError, T>>map(Either::left).getOrElse(call);
  }
}
