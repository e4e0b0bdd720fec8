package dev.strata.ports.application;

import dev.strata.domain.BedrockError;
import dev.strata.domain.BedrockError.ResourceNotFound;
import dev.strata.domain.BedrockError.ValidationError;
import dev.strata.domain.CreationRequest;
import dev.strata.domain.CustomModel;
import dev.strata.domain.CustomModelArn;
import dev.strata.domain.FoundationModel;
import dev.strata.domain.FoundationModelArn;
import dev.strata.domain.ModelArn;
import dev.strata.domain.ModelIdentifier;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.ResolvedModel;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.ValidationFact;
import dev.strata.ports.driven.ModelCatalog;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** Turns a model identifier into a catalog model of one scope, and applies D12 and D13. */
final class ModelResolution {
  private final ModelCatalog catalog;

  ModelResolution(ModelCatalog catalog) {
    this.catalog = catalog;
  }

  /** D12: the model {@code id} names in {@code scope}'s catalog, or ResourceNotFound. */
  Either<BedrockError, ResolvedModel> resolve(
      ResourceScope scope, ModelIdentifier id, String field) {
    return switch (id.kind()) {
      case FOUNDATION_MODEL_ID, FOUNDATION_MODEL_ARN ->
          id.modelArn().isPresent() && !inScope(scope, id.modelArn().get())
              ? Either.left(notFound(scope, id, field))
              : catalog
                  .findFoundationModel(scope, id.foundationModelId().get())
                  .flatMap(found -> found.toEither(() -> notFound(scope, id, field)))
                  .map(ResolvedModel::foundation);
      case CUSTOM_MODEL_ARN ->
          id.modelArn().orElse(null) instanceof CustomModelArn arn && inScope(scope, arn)
              ? custom(scope, id, field, catalog.findCustomModelByArn(scope, arn))
              : Either.left(notFound(scope, id, field));
      case CUSTOM_MODEL_NAME -> custom(scope, id, field, catalog.findCustomModelByName(scope, id.value()));
    };
  }

  /** A model an update may move to: resolvable, and Active if it is a custom model. */
  Either<BedrockError, ResolvedModel> resolveActive(
      ResourceScope scope, ModelIdentifier id, String field) {
    return resolve(scope, id, field).flatMap(ResolvedModel::requireActive);
  }

  /** D12, D13: the ledger a purchase is charged to, suggesting context variants where one fits. */
  Either<BedrockError, QuotaKey> ledger(
      ResourceScope scope, ResolvedModel model, CreationRequest request) {
    Either<BedrockError, QuotaKey> ledger = model.purchaseLedger(request.commitmentDuration());
    if (ledger.isRight()
        || model.customModel().isPresent()
        || !(ledger.getLeft() instanceof ValidationError refused
            && refused.fact() instanceof ValidationFact.NotProvisionable unsupported)) {
      return ledger;
    }
    String base = model.foundationModel().modelId();
    return catalog
        .listFoundationModels(scope)
        .flatMap(
            all -> {
              List<String> variants =
                  all.filter(m -> m.modelId().startsWith(base + ":"))
                      .filter(FoundationModel::supportsProvisionedThroughput)
                      .map(FoundationModel::modelId)
                      .toList();
              return variants.isEmpty()
                  ? ledger
                  : Either.left(new ValidationError(unsupported.withVariants(variants)));
            });
  }

  private Either<BedrockError, ResolvedModel> custom(
      ResourceScope scope,
      ModelIdentifier id,
      String field,
      Either<BedrockError, Option<CustomModel>> lookup) {
    return lookup
        .flatMap(found -> found.toEither(() -> notFound(scope, id, field)))
        .flatMap(
            model ->
                catalog
                    .findFoundationModel(scope, model.baseModelArn().modelId())
                    .flatMap(
                        base ->
                            base.toEither(
                                () ->
                                    (BedrockError)
                                        new ResourceNotFound(
                                            "The base model "
                                                + model.baseModelArn()
                                                + " of custom model "
                                                + model.modelName()
                                                + " was not found.")))
                    .map(base -> ResolvedModel.custom(model, base)));
  }

  private static boolean inScope(ResourceScope scope, ModelArn arn) {
    if (arn instanceof FoundationModelArn f) {
      return f.partition().equals(scope.partition()) && f.region().equals(scope.region());
    }
    return arn instanceof CustomModelArn custom && custom.scope().equals(scope);
  }

  private static BedrockError notFound(ResourceScope scope, ModelIdentifier id, String field) {
    return new ResourceNotFound(
        "The model '"
            + id
            + "' ("
            + field
            + ") was not found in account "
            + scope.account()
            + ", region "
            + scope.region()
            + ".");
  }
}
