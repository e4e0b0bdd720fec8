package dev.strata.ports.driven;

import dev.strata.domain.BedrockError;
import dev.strata.domain.CustomModel;
import dev.strata.domain.ResourceScope;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/**
 * Custom models registered at run time into a catalog that can hold them (the in-memory one),
 * served from then on like any other custom model of their account and region. Thread-safe.
 */
public interface CustomModelRegistry {

  /**
   * Adds {@code model} to its ARN's account and region. Left with {@code ValidationError} when
   * that account and region already has a custom model of that name.
   */
  Either<BedrockError, CustomModel> register(CustomModel model);

  /** Removes the registered models of {@code scope} that {@code modelName} names, or all of them when empty; answers those removed. */
  Seq<CustomModel> deregister(ResourceScope scope, java.util.Optional<String> modelName);
}
