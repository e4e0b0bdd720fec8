package dev.strata.ports.application;

import dev.strata.domain.BedrockError;
import dev.strata.domain.CustomModel;
import dev.strata.domain.FoundationModel;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.StatusTransitionPolicy;
import dev.strata.domain.StatusTransitionPolicy.Transition;
import dev.strata.domain.Tags;
import dev.strata.ports.application.control.Controls;
import dev.strata.ports.application.control.CustomModelRegistrations;
import dev.strata.ports.application.control.Faults;
import dev.strata.ports.application.control.RuntimeQuotas;
import dev.strata.ports.driven.ArnMinter;
import dev.strata.ports.driven.ModelCatalog;
import dev.strata.ports.driven.ModelUnitLimits;
import dev.strata.ports.driven.ProvisionedThroughputs;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.CustomModelPage;
import dev.strata.ports.driving.DeleteProvisionedModelThroughputCommand;
import dev.strata.ports.driving.FailTransitionCommand;
import dev.strata.ports.driving.GetCustomModelCommand;
import dev.strata.ports.driving.GetFoundationModelCommand;
import dev.strata.ports.driving.GetProvisionedModelThroughputCommand;
import dev.strata.ports.driving.ListCustomModelsCommand;
import dev.strata.ports.driving.ListFoundationModelsCommand;
import dev.strata.ports.driving.ListProvisionedModelThroughputsCommand;
import dev.strata.ports.driving.ListTagsForResourceCommand;
import dev.strata.ports.driving.ProvisionedThroughputPage;
import dev.strata.ports.driving.RequestTag;
import dev.strata.ports.driving.Strata;
import dev.strata.ports.driving.TagResourceCommand;
import dev.strata.ports.driving.UntagResourceCommand;
import dev.strata.ports.driving.UpdateProvisionedModelThroughputCommand;
import dev.strata.ports.validation.RequestValidator;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The one {@link Strata}: a thin facade that checks each command's shape once, at this edge
 * (Jakarta constraints plus the D6 tag-key rule, every violation in one message), finds the scope
 * it acts for, and hands the valid command to its use case. Thread-safe; instances are cheap and
 * share their ports, use cases and client-request-token locks.
 */
public final class StrataService implements Strata {
  private final UseCases cases;
  private final Optional<ResourceScope> scope;

  private StrataService(UseCases cases, Optional<ResourceScope> scope) {
    this.cases = cases;
    this.scope = scope;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public StrataService forScope(ResourceScope scope) {
    return new StrataService(cases, Optional.of(Objects.requireNonNull(scope, "scope")));
  }

  /** The scope given to {@link #forScope}, else the {@link ArnMinter}'s home scope. */
  @Override
  public Either<BedrockError, ResourceScope> scope() {
    return scope.<Either<BedrockError, ResourceScope>>map(Either::right)
        .orElseGet(cases.minter::homeScope);
  }

  /**
   * A fault armed for {@code operation} and this scope's account (D21), or else {@code action} on
   * the valid {@code command} in this scope; a struck call changes nothing.
   */
  private <C, R> Either<BedrockError, R> act(
      String operation,
      Either<BedrockError, C> valid,
      BiFunction<ResourceScope, C, Either<BedrockError, R>> action) {
    Optional<Faults.Strike> strike =
        scope().toJavaOptional().flatMap(s -> cases.controls.faults().strike(operation, s.account()));
    return strike.isPresent() ? strike.get().answer() : act(valid, action);
  }

  /** {@code action} on the valid {@code command} in this scope, or the first failure. */
  private <C, R> Either<BedrockError, R> act(
      Either<BedrockError, C> valid, BiFunction<ResourceScope, C, Either<BedrockError, R>> action) {
    return valid.flatMap(c -> scope().flatMap(s -> action.apply(s, c)));
  }

  @Override
  public Either<BedrockError, ProvisionedModelArn> createProvisionedModelThroughput(
      CreateProvisionedModelThroughputCommand command) {
    return act(
        "CreateProvisionedModelThroughput",
        cases.validator.validate(command, tagKeyViolations(command == null ? null : command.tags())),
        cases.purchase::create);
  }

  @Override
  public Either<BedrockError, ProvisionedThroughput> getProvisionedModelThroughput(
      GetProvisionedModelThroughputCommand command) {
    return act(
        "GetProvisionedModelThroughput",
        cases.validator.validate(command), (s, c) -> cases.listing.get(s, c.provisionedModelId()));
  }

  @Override
  public Either<BedrockError, ProvisionedThroughputPage> listProvisionedModelThroughputs(
      ListProvisionedModelThroughputsCommand command) {
    return act(
        "ListProvisionedModelThroughputs",
        cases.validator.validate(command), cases.listing::list);
  }

  @Override
  public Either<BedrockError, ProvisionedThroughput> updateProvisionedModelThroughput(
      UpdateProvisionedModelThroughputCommand command) {
    return act(
        "UpdateProvisionedModelThroughput",
        cases.validator.validate(command), cases.change::update);
  }

  @Override
  public Either<BedrockError, ProvisionedThroughput> deleteProvisionedModelThroughput(
      DeleteProvisionedModelThroughputCommand command) {
    return act(
        "DeleteProvisionedModelThroughput",
        cases.validator.validate(command), (s, c) -> cases.retire.delete(s, c.provisionedModelId()));
  }

  @Override
  public Either<BedrockError, Tags> tagResource(TagResourceCommand command) {
    return act(
        "TagResource",
        cases.validator.validate(command, tagKeyViolations(command == null ? null : command.tags())),
        cases.tagging::tag);
  }

  @Override
  public Either<BedrockError, Tags> untagResource(UntagResourceCommand command) {
    List<String> keys =
        command == null || command.tagKeys() == null ? List.empty() : List.ofAll(command.tagKeys());
    return act(
        "UntagResource",
        cases.validator.validate(command, Tags.requestKeyViolations(keys, "tagKeys", ".member")),
        cases.tagging::untag);
  }

  @Override
  public Either<BedrockError, Tags> listTagsForResource(ListTagsForResourceCommand command) {
    return act(
        "ListTagsForResource",
        cases.validator.validate(command), (s, c) -> cases.tagging.tags(s, c.resourceARN()));
  }

  @Override
  public Either<BedrockError, FoundationModel> getFoundationModel(GetFoundationModelCommand command) {
    return act(
        "GetFoundationModel",
        cases.validator.validate(command), cases.catalog::getFoundationModel);
  }

  @Override
  public Either<BedrockError, io.vavr.collection.List<FoundationModel>> listFoundationModels(
      ListFoundationModelsCommand command) {
    return act(
        "ListFoundationModels",
        cases.validator.validate(command), cases.catalog::listFoundationModels);
  }

  @Override
  public Either<BedrockError, CustomModel> getCustomModel(GetCustomModelCommand command) {
    return act(
        "GetCustomModel",
        cases.validator.validate(command), cases.catalog::getCustomModel);
  }

  @Override
  public Either<BedrockError, CustomModelPage> listCustomModels(ListCustomModelsCommand command) {
    return act(
        "ListCustomModels",
        cases.validator.validate(command), cases.catalog::listCustomModels);
  }

  @Override
  public Either<BedrockError, ProvisionedThroughput> completeTransition(String provisionedModelId) {
    return act(
        cases.validator.validate(new GetProvisionedModelThroughputCommand(provisionedModelId)),
        (s, c) -> cases.change.settle(s, c.provisionedModelId(), new Transition.Complete()));
  }

  @Override
  public Either<BedrockError, ProvisionedThroughput> failTransition(
      String provisionedModelId, String failureMessage) {
    return act(
        cases.validator.validate(new FailTransitionCommand(provisionedModelId, failureMessage)),
        (s, c) -> cases.change.settle(s, c.provisionedModelId(), new Transition.Fail(c.failureMessage())));
  }

  /** Faults (D21), quota limits and custom models of this Strata and every scope's view of it. */
  public Controls controls() {
    return cases.controls;
  }

  /** D6 for the {@code tags} member of a Create or TagResource request, which may be absent. */
  private static io.vavr.collection.Seq<dev.strata.domain.FieldViolation> tagKeyViolations(
      java.util.List<RequestTag> tags) {
    List<String> keys =
        tags == null ? List.empty() : List.ofAll(tags).map(t -> t == null ? null : t.key());
    return Tags.requestKeyViolations(keys, "tags", ".member.key");
  }

  /** The use cases one set of ports serves, shared by every scope's facade. */
  private static final class UseCases {
    final ArnMinter minter;
    final RequestValidator validator;
    final PurchaseUseCase purchase;
    final ChangeUseCase change;
    final RetireUseCase retire;
    final TaggingUseCase tagging;
    final ListingUseCase listing;
    final CatalogUseCase catalog;
    final Controls controls;

    UseCases(Builder b) {
      ModelCatalog catalogPort = Objects.requireNonNull(b.catalog, "catalog");
      ModelUnitLimits limits = Objects.requireNonNull(b.limits, "limits");
      ProvisionedThroughputs store = Objects.requireNonNull(b.store, "store");
      Clock clock = Objects.requireNonNull(b.clock, "clock");
      StatusTransitionPolicy transitions = Objects.requireNonNull(b.transitions, "transitions");
      this.minter = Objects.requireNonNull(b.minter, "minter");
      this.validator = b.validator != null ? b.validator : RequestValidator.shared();
      ModelResolution models = new ModelResolution(catalogPort);
      Locator locator = new Locator(store);
      OptimisticWrites writes = new OptimisticWrites(store);
      ClientRequestTokens tokens =
          new ClientRequestTokens(store, Objects.requireNonNull(b.idempotency, "idempotency"));
      this.purchase = new PurchaseUseCase(models, limits, minter, store, tokens, transitions, clock);
      this.change = new ChangeUseCase(locator, writes, models, transitions, clock);
      this.retire = new RetireUseCase(locator, writes, clock);
      this.tagging = new TaggingUseCase(locator, writes);
      this.listing = new ListingUseCase(locator, writes, store, transitions, clock);
      this.catalog = new CatalogUseCase(catalogPort);
      this.controls =
          new Controls(
              b.faults != null ? b.faults : new Faults(0),
              new RuntimeQuotas(limits, store),
              new CustomModelRegistrations(catalogPort, minter, clock));
    }
  }

  /** Wires a Strata; every port and the clock are required, the policies have the documented defaults. */
  public static final class Builder {
    private ModelCatalog catalog;
    private ModelUnitLimits limits;
    private ArnMinter minter;
    private ProvisionedThroughputs store;
    private Clock clock;
    private StatusTransitionPolicy transitions = StatusTransitionPolicy.immediate();
    private IdempotencyMode idempotency = IdempotencyMode.LENIENT;
    private RequestValidator validator;
    private Faults faults;

    private Builder() {}

    public Builder catalog(ModelCatalog catalog) {
      this.catalog = catalog;
      return this;
    }

    /** Where the model-unit limits come from; the units held are the store's. */
    public Builder limits(ModelUnitLimits limits) {
      this.limits = limits;
      return this;
    }

    public Builder minter(ArnMinter minter) {
      this.minter = minter;
      return this;
    }

    /** The store of provisioned throughputs and of the units they hold (D14). */
    public Builder store(ProvisionedThroughputs store) {
      this.store = store;
      return this;
    }

    /** Where time comes from; required, since the core never reads a clock of its own. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** When pending statuses move on (D9); defaults to {@link StatusTransitionPolicy#immediate()}. */
    public Builder transitions(StatusTransitionPolicy transitions) {
      this.transitions = transitions;
      return this;
    }

    /** D3; defaults to {@link IdempotencyMode#LENIENT}. */
    public Builder idempotency(IdempotencyMode idempotency) {
      this.idempotency = idempotency;
      return this;
    }

    /** The validator to use; by default the process's shared one ({@link RequestValidator#shared()}). */
    public Builder validator(RequestValidator validator) {
      this.validator = validator;
      return this;
    }

    /** The faults its operations consult (D21); by default its own, seeded with 0, none armed. */
    public Builder faults(Faults faults) {
      this.faults = faults;
      return this;
    }

    public StrataService build() {
      return new StrataService(new UseCases(this), Optional.empty());
    }
  }
}
