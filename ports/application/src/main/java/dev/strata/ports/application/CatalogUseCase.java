package dev.strata.ports.application;

import dev.strata.domain.BedrockError;
import dev.strata.domain.BedrockError.ResourceNotFound;
import dev.strata.domain.CustomModel;
import dev.strata.domain.CustomModelArn;
import dev.strata.domain.FoundationModel;
import dev.strata.domain.InferenceType;
import dev.strata.domain.ListLimits;
import dev.strata.domain.ListPosition;
import dev.strata.domain.ModelCustomization;
import dev.strata.domain.ModelIdentifier;
import dev.strata.domain.ModelModality;
import dev.strata.domain.ModelStatus;
import dev.strata.domain.PageToken;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.SortOrder;
import dev.strata.ports.driven.ModelCatalog;
import dev.strata.ports.driving.CustomModelPage;
import dev.strata.ports.driving.GetCustomModelCommand;
import dev.strata.ports.driving.GetFoundationModelCommand;
import dev.strata.ports.driving.ListCustomModelsCommand;
import dev.strata.ports.driving.ListFoundationModelsCommand;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Comparator;
import java.util.function.Predicate;

/** The catalog operations, on validated commands, for one scope. */
final class CatalogUseCase {
  private final ModelCatalog catalog;

  CatalogUseCase(ModelCatalog catalog) {
    this.catalog = catalog;
  }

  Either<BedrockError, FoundationModel> getFoundationModel(
      ResourceScope scope, GetFoundationModelCommand c) {
    ModelIdentifier id = ModelIdentifier.of(c.modelIdentifier());
    if (id.modelArn().isPresent()
        && !scope.foundationModelArn(id.foundationModelId().get()).equals(id.modelArn().get())) {
      return Either.left(notFound(c.modelIdentifier()));
    }
    return catalog
        .findFoundationModel(scope, id.foundationModelId().get())
        .flatMap(found -> found.toEither(() -> notFound(c.modelIdentifier())));
  }

  Either<BedrockError, List<FoundationModel>> listFoundationModels(
      ResourceScope scope, ListFoundationModelsCommand c) {
    Predicate<FoundationModel> provider =
        m -> c.byProvider() == null || m.providerName().equalsIgnoreCase(c.byProvider());
    Predicate<FoundationModel> customization =
        m ->
            c.byCustomizationType() == null
                || m.customizationsSupported()
                    .contains(ModelCustomization.valueOf(c.byCustomizationType()));
    Predicate<FoundationModel> output =
        m ->
            c.byOutputModality() == null
                || m.outputModalities().contains(ModelModality.valueOf(c.byOutputModality()));
    Predicate<FoundationModel> inference =
        m ->
            c.byInferenceType() == null
                || m.inferenceTypesSupported().contains(InferenceType.valueOf(c.byInferenceType()));
    return catalog
        .listFoundationModels(scope)
        .map(
            all ->
                all.filter(provider.and(customization).and(output).and(inference))
                    .sortBy(FoundationModel::modelId)
                    .toList());
  }

  Either<BedrockError, CustomModel> getCustomModel(ResourceScope scope, GetCustomModelCommand c) {
    ModelIdentifier id = ModelIdentifier.of(c.modelIdentifier());
    Either<BedrockError, Option<CustomModel>> found =
        switch (id.kind()) {
          case CUSTOM_MODEL_NAME -> catalog.findCustomModelByName(scope, id.value());
          case CUSTOM_MODEL_ARN ->
              id.modelArn().orElse(null) instanceof CustomModelArn arn && arn.scope().equals(scope)
                  ? catalog.findCustomModelByArn(scope, arn)
                  : Either.right(Option.none());
          case FOUNDATION_MODEL_ID, FOUNDATION_MODEL_ARN -> Either.right(Option.none());
        };
    return found.flatMap(model -> model.toEither(() -> notFound(c.modelIdentifier())));
  }

  Either<BedrockError, CustomModelPage> listCustomModels(
      ResourceScope scope, ListCustomModelsCommand c) {
    SortOrder order =
        c.sortOrder() == null ? SortOrder.Descending : SortOrder.valueOf(c.sortOrder());
    int size = c.maxResults() == null ? ListLimits.DEFAULT_RESULTS : c.maxResults();
    String binding =
        String.join(
            "|",
            scope.toString(),
            String.valueOf(c.creationTimeBefore()),
            String.valueOf(c.creationTimeAfter()),
            String.valueOf(c.nameContains()),
            String.valueOf(c.baseModelArnEquals()),
            String.valueOf(c.foundationModelArnEquals()),
            String.valueOf(c.isOwned()),
            String.valueOf(c.modelStatus()),
            order.name());
    Either<BedrockError, Option<ListPosition>> after =
        c.nextToken() == null
            ? Either.right(Option.none())
            : PageToken.decode(c.nextToken(), binding).map(Option::of);
    Comparator<ListPosition> direction =
        order == SortOrder.Ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
    return after.flatMap(
        from ->
            catalog
                .listCustomModels(scope)
                .map(
                    all -> {
                      List<CustomModel> matching =
                          all.filter(m -> matches(m, c))
                              .toList()
                              .sortBy(direction, CatalogUseCase::position)
                              .filter(
                                  m -> from.forAll(p -> direction.compare(position(m), p) > 0));
                      List<CustomModel> page = matching.take(size);
                      Option<String> next =
                          matching.size() > size
                              ? Option.of(PageToken.encode(position(page.last()), binding))
                              : Option.none();
                      return new CustomModelPage(page, next);
                    }));
  }

  private static boolean matches(CustomModel m, ListCustomModelsCommand c) {
    return (c.creationTimeBefore() == null || m.creationTime().isBefore(c.creationTimeBefore()))
        && (c.creationTimeAfter() == null || m.creationTime().isAfter(c.creationTimeAfter()))
        && (c.nameContains() == null || m.modelName().contains(c.nameContains()))
        && (c.baseModelArnEquals() == null
            || m.baseModelArn().value().equals(c.baseModelArnEquals()))
        && (c.foundationModelArnEquals() == null
            || m.baseModelArn().value().equals(c.foundationModelArnEquals()))
        && (c.isOwned() == null || c.isOwned())
        && (c.modelStatus() == null || m.modelStatus() == ModelStatus.valueOf(c.modelStatus()));
  }

  private static ListPosition position(CustomModel m) {
    return ListPosition.of(m.creationTime().toEpochMilli(), m.arn().id());
  }

  private static BedrockError notFound(String identifier) {
    return new ResourceNotFound(
        "The model '" + identifier + "' was not found in this account and region.");
  }
}
