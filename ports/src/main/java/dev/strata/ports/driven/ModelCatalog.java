package dev.strata.ports.driven;

import dev.strata.domain.BedrockError;
import dev.strata.domain.CustomModel;
import dev.strata.domain.CustomModelArn;
import dev.strata.domain.FoundationModel;
import dev.strata.domain.ResourceScope;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The Bedrock models one account can see in one region: foundation models, and the account's own
 * custom models.
 *
 * <p>Lookups answer {@code Right(None)} for a model that does not exist; {@code Left} only for a
 * failure of the catalog itself ({@code AccessDenied}, {@code Throttling} after retries, {@code
 * InternalServerError} for errors and timeouts). Implementations are thread-safe and never throw.
 */
public interface ModelCatalog {

  /** The foundation model with exactly this id (e.g. {@code amazon.nova-lite-v1:0:24k}). */
  Either<BedrockError, Option<FoundationModel>> findFoundationModel(
      ResourceScope scope, String modelId);

  /** Every foundation model of the scope's region, in a stable order. */
  Either<BedrockError, Seq<FoundationModel>> listFoundationModels(ResourceScope scope);

  /** The scope account's custom model with this name. */
  Either<BedrockError, Option<CustomModel>> findCustomModelByName(
      ResourceScope scope, String modelName);

  /** The custom model with this ARN, if it belongs to the scope's account and region. */
  Either<BedrockError, Option<CustomModel>> findCustomModelByArn(
      ResourceScope scope, CustomModelArn arn);

  /** Every custom model of the scope's account and region, in a stable order. */
  Either<BedrockError, Seq<CustomModel>> listCustomModels(ResourceScope scope);
}
