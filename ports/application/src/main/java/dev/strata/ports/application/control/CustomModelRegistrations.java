package dev.strata.ports.application.control;

import dev.strata.domain.BedrockError;
import dev.strata.domain.CatalogShapes;
import dev.strata.domain.CustomModel;
import dev.strata.domain.CustomModelArn;
import dev.strata.domain.FieldViolation;
import dev.strata.domain.FoundationModel;
import dev.strata.domain.MemberConstraint;
import dev.strata.domain.ModelStatus;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.ValidationFact;
import dev.strata.ports.driven.ArnMinter;
import dev.strata.ports.driven.CustomModelRegistry;
import dev.strata.ports.driven.ModelCatalog;
import dev.strata.ports.driving.CustomModelControl;
import dev.strata.ports.driving.CustomModelRequest;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** The one {@link CustomModelControl}, over the catalog, minter and clock a Strata is built on. */
public final class CustomModelRegistrations implements CustomModelControl {
  private static final Pattern NAME = Pattern.compile(CatalogShapes.CUSTOM_MODEL_NAME_PATTERN);

  private final ModelCatalog catalog;
  private final ArnMinter minter;
  private final Clock clock;

  public CustomModelRegistrations(ModelCatalog catalog, ArnMinter minter, Clock clock) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.minter = Objects.requireNonNull(minter, "minter");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Either<BedrockError, CustomModel> register(ResourceScope caller, CustomModelRequest request) {
    if (!(catalog instanceof CustomModelRegistry registry)) {
      return notAdjustable();
    }
    if (request == null) {
      return Either.left(new BedrockError.ValidationError(new ValidationFact.MissingRequest()));
    }
    Either<Seq<FieldViolation>, ResourceScope> scope =
        ControlScopes.resolve(caller, request.account(), request.region());
    Seq<FieldViolation> violations =
        ControlScopes.violations(
                "modelName",
                request.modelName(),
                MemberConstraint.parseString(
                    request.modelName(),
                    CatalogShapes.CUSTOM_MODEL_NAME_MIN_LENGTH,
                    CatalogShapes.CUSTOM_MODEL_NAME_MAX_LENGTH,
                    NAME,
                    name -> name))
            .appendAll(scope.isLeft() ? scope.getLeft() : List.empty());
    Optional<ModelStatus> status =
        request.status() == null ? Optional.of(ModelStatus.Active) : ModelStatus.fromName(request.status());
    if (status.isEmpty()) {
      violations =
          violations.append(
              new FieldViolation(
                  "status", request.status(), MemberConstraint.enumValueSet(ModelStatus.names())));
    }
    Either<BedrockError, Option<FoundationModel>> base =
        request.baseModelIdentifier() == null
            ? Either.right(Option.none())
            : catalog.findFoundationModel(scope.getOrElse(caller), request.baseModelIdentifier());
    if (base.isLeft()) {
      return Either.left(base.getLeft());
    }
    if (base.get().isEmpty()) {
      violations =
          violations.append(
              new FieldViolation(
                  "baseModelIdentifier",
                  request.baseModelIdentifier(),
                  "Member must be the id of a foundation model of the catalog"));
    }
    if (!violations.isEmpty()) {
      return Either.left(BedrockError.ValidationError.of(violations));
    }
    ResourceScope owner = scope.get();
    FoundationModel model = base.get().get();
    return registry.register(
        CustomModel.builder()
            .arn(CustomModelArn.of(owner, model.modelId(), minter.mint(owner).id().value()))
            .modelName(request.modelName())
            .baseModelArn(owner.foundationModelArn(model.modelId()))
            .creationTime(clock.instant().truncatedTo(ChronoUnit.MILLIS))
            .modelStatus(status.get())
            .build());
  }

  @Override
  public Either<BedrockError, Seq<CustomModel>> deregister(ResourceScope scope, Optional<String> modelName) {
    if (!(catalog instanceof CustomModelRegistry registry)) {
      return notAdjustable();
    }
    Seq<CustomModel> removed = registry.deregister(scope, modelName);
    return removed.isEmpty() && modelName.isPresent()
        ? Either.left(
            new BedrockError.ResourceNotFound(
                "No registered custom model named " + modelName.get() + " in account " + scope.account()
                    + ", region " + scope.region() + "."))
        : Either.right(removed);
  }

  private static <T> Either<BedrockError, T> notAdjustable() {
    return Either.left(
        new BedrockError.ValidationError(new ValidationFact.NotAdjustable("Custom models", "Bedrock")));
  }
}
