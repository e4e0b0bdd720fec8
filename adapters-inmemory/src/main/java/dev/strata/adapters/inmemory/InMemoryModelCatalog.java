package dev.strata.adapters.inmemory;

import dev.strata.domain.BedrockError;
import dev.strata.domain.CustomModel;
import dev.strata.domain.CustomModelArn;
import dev.strata.domain.FoundationModel;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.FieldViolation;
import dev.strata.ports.driven.CustomModelRegistry;
import dev.strata.ports.driven.ModelCatalog;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.UnaryOperator;

/**
 * A model catalog in memory. Foundation models exist in every region (their ARNs take the region
 * of the scope that asks); custom models belong to one account and region. Models can be added at
 * any time; lookups are thread-safe and see every completed addition.
 */
public final class InMemoryModelCatalog implements ModelCatalog, CustomModelRegistry {
  private final FaultInjection faults = new FaultInjection();

  /** Injects failures into every call of this adapter; see {@link FaultInjection}. */
  public FaultInjection faults() {
    return faults;
  }

  /** Foundation models by id, as templates whose ARN region is rewritten per scope. */
  private final Map<String, FoundationModel> foundationModels = new ConcurrentSkipListMap<>();

  /** Custom models by scope, then by name. */
  private final Map<ResourceScope, Map<String, CustomModel>> customModels =
      new ConcurrentHashMap<>();

  /** A catalog with nothing in it. */
  public InMemoryModelCatalog() {}

  /**
   * The seeded catalog ({@link SeedModels}): real Bedrock foundation models and, in {@code home},
   * a few custom models made from some of them.
   */
  public static InMemoryModelCatalog seeded(ResourceScope home) {
    InMemoryModelCatalog catalog = new InMemoryModelCatalog();
    SeedModels.foundationModels(home).forEach(catalog::addFoundationModel);
    SeedModels.customModels(home).forEach(catalog::addCustomModel);
    return catalog;
  }

  /** Adds or replaces a foundation model, in every region. */
  public InMemoryModelCatalog addFoundationModel(FoundationModel model) {
    foundationModels.put(model.modelId(), model);
    return this;
  }

  /** Adds or replaces a custom model in its ARN's account and region. */
  public InMemoryModelCatalog addCustomModel(CustomModel model) {
    customModels
        .computeIfAbsent(model.arn().scope(), s -> new ConcurrentSkipListMap<>())
        .put(model.modelName(), model);
    return this;
  }

  @Override
  public Either<BedrockError, Option<FoundationModel>> findFoundationModel(
      ResourceScope scope, String modelId) {
    return faults.guard(
        () -> {
          return Either.right(Option.of(foundationModels.get(modelId)).map(inRegion(scope)));
        });
  }

  @Override
  public Either<BedrockError, Seq<FoundationModel>> listFoundationModels(ResourceScope scope) {
    return faults.guard(
        () -> {
          return Either.right(List.ofAll(foundationModels.values()).map(inRegion(scope)));
        });
  }

  @Override
  public Either<BedrockError, Option<CustomModel>> findCustomModelByName(
      ResourceScope scope, String modelName) {
    return faults.guard(
        () -> {
          return Either.right(Option.of(customModels.get(scope)).flatMap(m -> Option.of(m.get(modelName))));
        });
  }

  @Override
  public Either<BedrockError, Option<CustomModel>> findCustomModelByArn(
      ResourceScope scope, CustomModelArn arn) {
    return faults.guard(
        () -> {
          return Either.right(
              Option.of(customModels.get(scope))
                  .flatMap(m -> List.ofAll(m.values()).find(c -> c.arn().equals(arn))));
        });
  }

  @Override
  public Either<BedrockError, Seq<CustomModel>> listCustomModels(ResourceScope scope) {
    return faults.guard(
        () -> {
          return Either.right(
              Option.of(customModels.get(scope)).map(m -> List.ofAll(m.values())).getOrElse(List.empty()));
        });
  }

  /** The ARNs of the custom models {@link #register}ed, which {@link #deregister} may remove. */
  private final java.util.Set<CustomModelArn> registered = ConcurrentHashMap.newKeySet();

  @Override
  public Either<BedrockError, CustomModel> register(CustomModel model) {
    CustomModel present =
        customModels
            .computeIfAbsent(model.arn().scope(), s -> new ConcurrentSkipListMap<>())
            .putIfAbsent(model.modelName(), model);
    if (present != null) {
      return Either.left(
          BedrockError.ValidationError.of(
              List.of(
                  new FieldViolation(
                      "modelName",
                      model.modelName(),
                      "Member must not name an existing custom model of account "
                          + model.arn().scope().account()
                          + " in "
                          + model.arn().scope().region()))));
    }
    registered.add(model.arn());
    return Either.right(model);
  }

  @Override
  public Seq<CustomModel> deregister(ResourceScope scope, java.util.Optional<String> modelName) {
    Map<String, CustomModel> models = customModels.get(scope);
    if (models == null) {
      return List.empty();
    }
    List<CustomModel> removed = List.empty();
    for (CustomModel model : models.values()) {
      if (registered.contains(model.arn())
          && modelName.map(model.modelName()::equals).orElse(true)
          && models.remove(model.modelName(), model)) {
        registered.remove(model.arn());
        removed = removed.append(model);
      }
    }
    return removed;
  }

  private static UnaryOperator<FoundationModel> inRegion(ResourceScope scope) {
    return template -> template.inRegionOf(scope);
  }
}
