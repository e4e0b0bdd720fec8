package dev.strata.ports.driving;

import dev.strata.domain.BedrockError;
import dev.strata.domain.CustomModel;
import dev.strata.domain.FoundationModel;
import io.vavr.collection.List;
import io.vavr.control.Either;

/**
 * Bedrock's GetFoundationModel, ListFoundationModels, GetCustomModel and ListCustomModels, answered
 * from the model catalog of the caller's account and region.
 */
public interface ModelCatalogQueries {

  /**
   * The foundation model with this id or ARN. Left with {@code ResourceNotFound} (unknown, or an
   * ARN of another partition or region), {@code ValidationError}, or the catalog's failure.
   */
  Either<BedrockError, FoundationModel> getFoundationModel(GetFoundationModelCommand command);

  /** Every foundation model that passes the filters, in model-id order. */
  Either<BedrockError, List<FoundationModel>> listFoundationModels(
      ListFoundationModelsCommand command);

  /**
   * The caller's custom model with this name or ARN. Left with {@code ResourceNotFound} (unknown,
   * another account's, or a foundation-model identifier), {@code ValidationError}, or the catalog's
   * failure.
   */
  Either<BedrockError, CustomModel> getCustomModel(GetCustomModelCommand command);

  /** One page of the caller's custom models that pass the filters, by creation time. */
  Either<BedrockError, CustomModelPage> listCustomModels(ListCustomModelsCommand command);
}
