package dev.strata.ports.driving;

import dev.strata.domain.BedrockError;
import dev.strata.domain.CustomModel;
import dev.strata.domain.ResourceScope;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.Optional;

/**
 * Custom models registered at run time, so that tests can provision their own fine-tune names:
 * once registered, GetCustomModel and ListCustomModels serve them and Create may provision them
 * under the same rules as any custom model (D11, D13). Only a catalog that can hold them (the
 * in-memory one) takes them; with Bedrock's catalog every call is refused. Not a Bedrock
 * operation. Thread-safe.
 */
public interface CustomModelControl {

  /**
   * Registers the model {@code request} describes, in its account and region ({@code caller}'s
   * where it names none), created now, with a fresh id. Refused, with every wrong member named,
   * when a member is invalid, the base model is not in the catalog, or the name is taken.
   */
  Either<BedrockError, CustomModel> register(ResourceScope caller, CustomModelRequest request);

  /**
   * Removes the registered custom models of {@code scope}: the one named {@code modelName}, or
   * all when it is empty. Seeded models stay. Left with {@code ResourceNotFound} when a named one
   * is not registered there.
   */
  Either<BedrockError, Seq<CustomModel>> deregister(ResourceScope scope, Optional<String> modelName);
}
