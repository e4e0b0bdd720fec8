package dev.strata.ports.application;

import dev.strata.domain.BedrockError;
import dev.strata.domain.BedrockError.ResourceNotFound;
import dev.strata.domain.BedrockError.ValidationError;
import dev.strata.domain.ClientRequestToken;
import dev.strata.domain.CommitmentDuration;
import dev.strata.domain.CreationRequest;
import dev.strata.domain.CustomModel;
import dev.strata.domain.CustomModelArn;
import dev.strata.domain.FoundationModel;
import dev.strata.domain.FoundationModelArn;
import dev.strata.domain.ModelArn;
import dev.strata.domain.ModelIdentifier;
import dev.strata.domain.ModelUnits;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaCharge;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.ResolvedModel;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.StatusTransitionPolicy;
import dev.strata.domain.Tag;
import dev.strata.domain.Tags;
import dev.strata.ports.driven.ArnMinter;
import dev.strata.ports.driven.ModelCatalog;
import dev.strata.ports.driven.ModelUnitQuotas;
import dev.strata.ports.driven.ProvisionedThroughputs;
import dev.strata.ports.driven.ProvisionedThroughputs.InsertOutcome;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.RequestTag;
import dev.strata.ports.driving.Strata;
import dev.strata.ports.validation.RequestValidator;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The application service: implements every driving port on the driven ones, for the scope the
 * {@link ArnMinter} names, or an explicit one ({@link #forScope}). Thread-safe; instances are cheap
 * and share their ports.
 */
public final class ProvisionedThroughputService implements Strata {
  private final ModelCatalog catalog;
  private final ModelUnitQuotas quotas;
  private final ArnMinter minter;
  private final ProvisionedThroughputs repository;
  private final Clock clock;
  private final StatusTransitionPolicy transitions;
  private final IdempotencyMode idempotency;
  private final RequestValidator validator;
  private final TokenLocks tokenLocks;
  private final Option<ResourceScope> scope;

  private ProvisionedThroughputService(Builder b) {
    this.catalog = Objects.requireNonNull(b.catalog, "catalog");
    this.quotas = Objects.requireNonNull(b.quotas, "quotas");
    this.minter = Objects.requireNonNull(b.minter, "minter");
    this.repository = Objects.requireNonNull(b.repository, "repository");
    this.clock = Objects.requireNonNull(b.clock, "clock");
    this.transitions = Objects.requireNonNull(b.transitions, "transitions");
    this.idempotency = Objects.requireNonNull(b.idempotency, "idempotency");
    this.validator = b.validator != null ? b.validator : RequestValidator.create();
    this.tokenLocks = new TokenLocks();
    this.scope = Option.none();
  }

  private ProvisionedThroughputService(ProvisionedThroughputService base, ResourceScope scope) {
    this.catalog = base.catalog;
    this.quotas = base.quotas;
    this.minter = base.minter;
    this.repository = base.repository;
    this.clock = base.clock;
    this.transitions = base.transitions;
    this.idempotency = base.idempotency;
    this.validator = base.validator;
    this.tokenLocks = base.tokenLocks;
    this.scope = Option.of(scope);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** This service acting for {@code scope} instead of the minter's home scope. */
  public ProvisionedThroughputService forScope(ResourceScope scope) {
    return new ProvisionedThroughputService(this, Objects.requireNonNull(scope, "scope"));
  }

  private Either<BedrockError, ResourceScope> scope() {
    return scope.isDefined() ? Either.right(scope.get()) : minter.homeScope();
  }

  @Override
  public Either<BedrockError, ProvisionedModelArn> createProvisionedModelThroughput(
      CreateProvisionedModelThroughputCommand command) {
    Seq<String> tagKeys =
        command == null || command.tags() == null
            ? List.empty()
            : List.ofAll(command.tags()).map(t -> t == null ? null : t.key());
    return validator
        .validate(command, Tags.requestKeyViolations(tagKeys, "tags", ".member.key"))
        .flatMap(valid -> scope().flatMap(s -> create(s, valid)));
  }

  private Either<BedrockError, ProvisionedModelArn> create(
      ResourceScope scope, CreateProvisionedModelThroughputCommand c) {
    List<Tag> tags = c.tags() == null ? List.empty() : List.ofAll(c.tags()).map(RequestTag::toTag);
    CreationRequest request =
        CreationRequest.of(
            ProvisionedModelName.of(c.provisionedModelName()),
            ModelUnits.of(c.modelUnits()),
            ModelIdentifier.of(c.modelId()),
            Optional.ofNullable(c.commitmentDuration()).map(CommitmentDuration::valueOf),
            tags);
    if (c.clientRequestToken() == null) {
      return createOnce(scope, request, tags, Optional.empty());
    }
    ClientRequestToken token = ClientRequestToken.of(c.clientRequestToken());
    return tokenLocks.withLock(
        List.of(scope, token), () -> createOnce(scope, request, tags, Optional.of(token)));
  }

  private Either<BedrockError, ProvisionedModelArn> createOnce(
      ResourceScope scope, CreationRequest request, List<Tag> tags, Optional<ClientRequestToken> token) {
    if (token.isPresent()) {
      Either<BedrockError, Option<ProvisionedThroughput>> earlier =
          repository.findByClientRequestToken(scope, token.get());
      if (earlier.isLeft() || earlier.get().isDefined()) {
        return earlier.flatMap(e -> replay(e.get(), request, token.get()));
      }
    }
    return Tags.empty()
        .tag(tags, "tags", Optional.empty())
        .flatMap(
            tagSet ->
                nameFree(scope, request.provisionedModelName())
                    .flatMap(free -> resolve(scope, request.modelId()))
                    .flatMap(
                        model ->
                            ledger(scope, model, request)
                                .map(key -> QuotaCharge.of(key, request.modelUnits()))
                                .flatMap(charge -> quotas.reserve(scope, charge))
                                .flatMap(charge -> store(scope, request, model, tagSet, charge, token))));
  }

  /** Stores the reserved purchase; the reservation is given back if nothing is stored. */
  private Either<BedrockError, ProvisionedModelArn> store(
      ResourceScope scope,
      CreationRequest request,
      ResolvedModel model,
      Tags tags,
      QuotaCharge charge,
      Optional<ClientRequestToken> token) {
    ProvisionedThroughput created =
        ProvisionedThroughput.provision(
            minter.mint(scope), request, model, tags, charge, token, transitions, clock.instant());
    Either<BedrockError, InsertOutcome> outcome = repository.insert(created);
    if (outcome.isRight() && outcome.get() instanceof InsertOutcome.Inserted) {
      return Either.right(created.provisionedModelArn());
    }
    quotas.release(scope, charge);
    if (outcome.isLeft()) {
      return Either.left(outcome.getLeft());
    }
    if (outcome.get() instanceof InsertOutcome.TokenTaken) {
      return replay(((InsertOutcome.TokenTaken) outcome.get()).holder(), request, token.get());
    }
    return Either.left(nameTaken(((InsertOutcome.NameTaken) outcome.get()).holder()));
  }

  /** D2, D3: the answer to a Create whose token an earlier Create already used. */
  private Either<BedrockError, ProvisionedModelArn> replay(
      ProvisionedThroughput earlier, CreationRequest request, ClientRequestToken token) {
    if (idempotency == IdempotencyMode.STRICT && !earlier.creationRequest().equals(request)) {
      return Either.left(
          new ValidationError(
              "The client request token '"
                  + token
                  + "' was already used with different parameters, for provisioned throughput "
                  + earlier.provisionedModelArn()
                  + "."));
    }
    return Either.right(earlier.provisionedModelArn());
  }

  private Either<BedrockError, ProvisionedModelName> nameFree(
      ResourceScope scope, ProvisionedModelName name) {
    return repository
        .findByName(scope, name)
        .flatMap(holder -> holder.isDefined() ? Either.left(nameTaken(holder.get())) : Either.right(name));
  }

  private static BedrockError nameTaken(ProvisionedThroughput holder) {
    return new ValidationError(
        "A provisioned throughput named '"
            + holder.provisionedModelName()
            + "' already exists in this account and region: "
            + holder.provisionedModelArn()
            + ". Provisioned model names must be unique.");
  }

  /** D12, D13: the ledger a purchase is charged to, suggesting context variants where one fits. */
  private Either<BedrockError, QuotaKey> ledger(
      ResourceScope scope, ResolvedModel model, CreationRequest request) {
    Either<BedrockError, QuotaKey> ledger = model.purchaseLedger(request.commitmentDuration());
    if (ledger.isRight()
        || model.customModel().isPresent()
        || model.foundationModel().supportsProvisionedThroughput()) {
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
                  : Either.left(
                      new ValidationError(
                          ledger.getLeft().message()
                              + " Use a context variant that does: "
                              + variants.mkString(", ")
                              + "."));
            });
  }

  /** D12: the model {@code id} names, in this scope's catalog. */
  private Either<BedrockError, ResolvedModel> resolve(ResourceScope scope, ModelIdentifier id) {
    switch (id.kind()) {
      case FOUNDATION_MODEL_ID:
      case FOUNDATION_MODEL_ARN:
        if (id.modelArn().isDefined() && !inScope(scope, id.modelArn().get())) {
          return Either.left(notFound(scope, id));
        }
        return catalog
            .findFoundationModel(scope, id.foundationModelId().get())
            .flatMap(found -> found.toEither(() -> notFound(scope, id)))
            .map(ResolvedModel::foundation);
      case CUSTOM_MODEL_ARN:
        if (id.modelArn().isEmpty() || !inScope(scope, id.modelArn().get())) {
          return Either.left(notFound(scope, id));
        }
        return custom(
            scope, id, catalog.findCustomModelByArn(scope, (CustomModelArn) id.modelArn().get()));
      default:
        return custom(scope, id, catalog.findCustomModelByName(scope, id.value()));
    }
  }

  private Either<BedrockError, ResolvedModel> custom(
      ResourceScope scope, ModelIdentifier id, Either<BedrockError, Option<CustomModel>> lookup) {
    return lookup
        .flatMap(found -> found.toEither(() -> notFound(scope, id)))
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
    if (arn instanceof FoundationModelArn) {
      FoundationModelArn f = (FoundationModelArn) arn;
      return f.partition().equals(scope.partition()) && f.region().equals(scope.region());
    }
    return ((CustomModelArn) arn).scope().equals(scope);
  }

  private static BedrockError notFound(ResourceScope scope, ModelIdentifier id) {
    return new ResourceNotFound(
        "The model '"
            + id
            + "' (modelId) was not found in account "
            + scope.account()
            + ", region "
            + scope.region()
            + ".");
  }

  /** Wires a service; every port is required, the policies have the documented defaults. */
  public static final class Builder {
    private ModelCatalog catalog;
    private ModelUnitQuotas quotas;
    private ArnMinter minter;
    private ProvisionedThroughputs repository;
    private Clock clock;
    private StatusTransitionPolicy transitions = StatusTransitionPolicy.immediate();
    private IdempotencyMode idempotency = IdempotencyMode.LENIENT;
    private RequestValidator validator;

    private Builder() {}

    public Builder catalog(ModelCatalog catalog) {
      this.catalog = catalog;
      return this;
    }

    public Builder quotas(ModelUnitQuotas quotas) {
      this.quotas = quotas;
      return this;
    }

    public Builder minter(ArnMinter minter) {
      this.minter = minter;
      return this;
    }

    public Builder repository(ProvisionedThroughputs repository) {
      this.repository = repository;
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

    /** Shares one validator between services; by default each service builds its own. */
    public Builder validator(RequestValidator validator) {
      this.validator = validator;
      return this;
    }

    public ProvisionedThroughputService build() {
      return new ProvisionedThroughputService(this);
    }
  }
}
