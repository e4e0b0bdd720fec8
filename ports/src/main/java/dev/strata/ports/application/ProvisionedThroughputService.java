package dev.strata.ports.application;

import dev.strata.domain.BedrockError.ResourceNotFound;
import dev.strata.domain.BedrockError.ValidationError;
import dev.strata.domain.BedrockError;
import dev.strata.domain.ClientRequestToken;
import dev.strata.domain.CommitmentDuration;
import dev.strata.domain.CreationRequest;
import dev.strata.domain.CustomModel;
import dev.strata.domain.FoundationModel;
import dev.strata.domain.FieldViolation;
import dev.strata.domain.ListLimits;
import dev.strata.domain.ListPosition;
import dev.strata.domain.MemberConstraint;
import dev.strata.domain.ModelArn;
import dev.strata.domain.ModelIdentifier;
import dev.strata.domain.ModelUnits;
import dev.strata.domain.PageToken;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedModelIdentifier;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ProvisionedModelStatus;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaCharge;
import dev.strata.domain.ResolvedModel;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.SortOrder;
import dev.strata.domain.StatusTransitionPolicy.Transition;
import dev.strata.domain.StatusTransitionPolicy;
import dev.strata.domain.Tag;
import dev.strata.domain.TagKey;
import dev.strata.domain.Tags;
import dev.strata.domain.ThroughputFilter;
import dev.strata.ports.driven.ArnMinter;
import dev.strata.ports.driven.ModelCatalog;
import dev.strata.ports.driven.ModelUnitQuotas;
import dev.strata.ports.driven.ProvisionedThroughputs.InsertOutcome;
import dev.strata.ports.driven.ProvisionedThroughputs.WriteOutcome;
import dev.strata.ports.driven.ProvisionedThroughputs;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.CustomModelPage;
import dev.strata.ports.driving.DeleteProvisionedModelThroughputCommand;
import dev.strata.ports.driving.GetCustomModelCommand;
import dev.strata.ports.driving.GetFoundationModelCommand;
import dev.strata.ports.driving.ListCustomModelsCommand;
import dev.strata.ports.driving.ListFoundationModelsCommand;
import dev.strata.ports.driving.GetProvisionedModelThroughputCommand;
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
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The application service: implements every driving port on the driven ones, for the scope the
 * {@link ArnMinter} names, or an explicit one ({@link #forScope}). Thread-safe; instances are cheap
 * and share their ports.
 */
public final class ProvisionedThroughputService implements Strata {
  /** How often a change is retried after losing a race for the same provisioned throughput. */
  private static final int MAX_ATTEMPTS = 128;

  /** How many ARNs Create mints before giving up on finding a free one. */
  private static final int MAX_MINTS = 8;

  /** Shape {@code ErrorMessage}: at most 2048 characters. */
  private static final int MAX_FAILURE_MESSAGE = 2048;

  private final ModelCatalog catalog;
  private final ModelUnitQuotas quotas;
  private final ArnMinter minter;
  private final ProvisionedThroughputs repository;
  private final Clock clock;
  private final StatusTransitionPolicy transitions;
  private final IdempotencyMode idempotency;
  private final RequestValidator validator;
  private final TokenLocks tokenLocks;
  private final ModelResolution models;
  private final CatalogQueries catalogQueries;
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
    this.models = new ModelResolution(catalog);
    this.catalogQueries = new CatalogQueries(catalog);
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
    this.models = base.models;
    this.catalogQueries = base.catalogQueries;
    this.scope = Option.of(scope);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** This service acting for {@code scope} instead of the minter's home scope. */
  @Override
  public ProvisionedThroughputService forScope(ResourceScope scope) {
    return new ProvisionedThroughputService(this, Objects.requireNonNull(scope, "scope"));
  }

  /** The scope given to {@link #forScope}, else the {@link ArnMinter}'s home scope. */
  @Override
  public Either<BedrockError, ResourceScope> scope() {
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
    Either<BedrockError, ProvisionedModelArn> attempt = purchase(scope, request, tags, token);
    return attempt.isRight() ? attempt : reconcile(scope, request, token, attempt.getLeft());
  }

  private Either<BedrockError, ProvisionedModelArn> purchase(
      ResourceScope scope, CreationRequest request, List<Tag> tags, Optional<ClientRequestToken> token) {
    return Tags.empty()
        .tag(tags, "tags", Optional.empty())
        .flatMap(
            tagSet ->
                nameFree(scope, request.provisionedModelName())
                    .flatMap(free -> models.resolve(scope, request.modelId(), "modelId"))
                    .flatMap(
                        model ->
                            models
                                .ledger(scope, model, request)
                                .map(key -> QuotaCharge.of(key, request.modelUnits()))
                                .flatMap(
                                    charge ->
                                        room(scope, charge)
                                            .flatMap(
                                                limit ->
                                                    store(
                                                        scope, request, model, tagSet, charge,
                                                        limit, token)))));
  }

  /**
   * The limit of {@code charge}'s ledger, or ServiceQuotaExceeded at once when the units do not
   * fit now. Only a first answer: the repository checks the limit again, atomically, as it stores.
   */
  private Either<BedrockError, Long> room(ResourceScope scope, QuotaCharge charge) {
    return quotas
        .usage(scope, charge.key())
        .flatMap(
            usage ->
                usage.admits(charge.units())
                    ? Either.right(usage.limit())
                    : Either.left(usage.exceededBy(charge.units())));
  }

  /**
   * A refused Create may have lost a race rather than broken a rule: a duplicate with the same
   * token, sent to another instance, can take the name or the last model units first. The token's
   * holder, if there is one now, is the answer (D2); a quota refusal that raced a Create of the
   * same name is answered as the name conflict it is (D1).
   */
  private Either<BedrockError, ProvisionedModelArn> reconcile(
      ResourceScope scope,
      CreationRequest request,
      Optional<ClientRequestToken> token,
      BedrockError refusal) {
    boolean quota = refusal instanceof BedrockError.ServiceQuotaExceeded;
    if (!quota && !(refusal instanceof ValidationError)) {
      return Either.left(refusal);
    }
    if (token.isPresent()) {
      Either<BedrockError, Option<ProvisionedThroughput>> holder =
          repository.findByClientRequestToken(scope, token.get());
      if (holder.isRight() && holder.get().isDefined()) {
        return replay(holder.get().get(), request, token.get());
      }
    }
    if (quota) {
      Either<BedrockError, Option<ProvisionedThroughput>> named =
          repository.findByName(scope, request.provisionedModelName());
      if (named.isRight() && named.get().isDefined()) {
        return Either.left(nameTaken(named.get().get()));
      }
    }
    return Either.left(refusal);
  }

  /**
   * Stores the purchase under a fresh ARN, minting again if the ARN is taken. The record, its name
   * and token claims and its model units (against {@code limit}) are written in one atomic step of
   * the repository (D1, D2, D14), so a refused or failed store holds nothing and leaks nothing.
   */
  private Either<BedrockError, ProvisionedModelArn> store(
      ResourceScope scope,
      CreationRequest request,
      ResolvedModel model,
      Tags tags,
      QuotaCharge charge,
      long limit,
      Optional<ClientRequestToken> token) {
    Either<BedrockError, InsertOutcome> outcome = Either.right(new InsertOutcome.IdTaken());
    for (int attempt = 0;
        attempt < MAX_MINTS && outcome.isRight() && outcome.get() instanceof InsertOutcome.IdTaken;
        attempt++) {
      ProvisionedThroughput created =
          ProvisionedThroughput.provision(
              minter.mint(scope), request, model, tags, charge, token, transitions, clock.instant());
      outcome = repository.insert(created, limit);
      if (outcome.isRight() && outcome.get() instanceof InsertOutcome.Inserted) {
        return Either.right(created.provisionedModelArn());
      }
    }
    if (outcome.isLeft()) {
      return Either.left(outcome.getLeft());
    }
    if (outcome.get() instanceof InsertOutcome.TokenTaken) {
      return replay(((InsertOutcome.TokenTaken) outcome.get()).holder(), request, token.get());
    }
    if (outcome.get() instanceof InsertOutcome.NameTaken) {
      return Either.left(nameTaken(((InsertOutcome.NameTaken) outcome.get()).holder()));
    }
    if (outcome.get() instanceof InsertOutcome.QuotaExceeded) {
      return Either.left(
          ((InsertOutcome.QuotaExceeded) outcome.get()).usage().exceededBy(charge.units()));
    }
    return Either.left(
        new BedrockError.InternalServerError(
            "No free provisioned model id after " + MAX_MINTS + " attempts; retry the request."));
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

  @Override
  public Either<BedrockError, ProvisionedThroughput> getProvisionedModelThroughput(
      GetProvisionedModelThroughputCommand command) {
    return validator
        .validate(command)
        .flatMap(c -> scope().flatMap(s -> locate(s, c.provisionedModelId())))
        .flatMap(this::observe);
  }

  @Override
  public Either<BedrockError, ProvisionedThroughputPage> listProvisionedModelThroughputs(
      ListProvisionedModelThroughputsCommand command) {
    return validator.validate(command).flatMap(c -> scope().flatMap(s -> list(s, c)));
  }

  private Either<BedrockError, ProvisionedThroughputPage> list(
      ResourceScope scope, ListProvisionedModelThroughputsCommand c) {
    Either<BedrockError, Optional<ModelArn>> modelArn =
        c.modelArnEquals() == null
            ? Either.right(Optional.empty())
            : ModelArn.parse(c.modelArnEquals())
                .toEither()
                .<BedrockError>mapLeft(
                    broken ->
                        ValidationError.of(
                            broken.map(b -> new FieldViolation("modelArnEquals", c.modelArnEquals(), b))))
                .map(Optional::of);
    return modelArn.flatMap(
        arn -> {
          ThroughputFilter filter =
              ThroughputFilter.of(
                  Optional.ofNullable(c.creationTimeAfter()),
                  Optional.ofNullable(c.creationTimeBefore()),
                  Optional.ofNullable(c.statusEquals()).map(ProvisionedModelStatus::valueOf),
                  arn,
                  Optional.ofNullable(c.nameContains()));
          SortOrder order =
              c.sortOrder() == null ? SortOrder.Descending : SortOrder.valueOf(c.sortOrder());
          int size = c.maxResults() == null ? ListLimits.DEFAULT_RESULTS : c.maxResults();
          String binding = scope + "|" + filter.canonical() + "|" + order;
          Either<BedrockError, Option<ListPosition>> after =
              c.nextToken() == null
                  ? Either.right(Option.none())
                  : PageToken.decode(c.nextToken(), binding).map(Option::of);
          return after
              .flatMap(from -> repository.list(scope, filter, order, from, size + 1))
              .flatMap(
                  found -> {
                    List<ProvisionedThroughput> page = found.take(size).toList();
                    Option<String> next =
                        found.size() > size
                            ? Option.of(PageToken.encode(ListPosition.of(page.last()), binding))
                            : Option.none();
                    return observeAll(page).map(seen -> new ProvisionedThroughputPage(seen, next));
                  });
        });
  }

  /** Every listed item as a read sees it; one deleted meanwhile is left out. */
  private Either<BedrockError, List<ProvisionedThroughput>> observeAll(
      List<ProvisionedThroughput> page) {
    List<ProvisionedThroughput> seen = List.empty();
    for (ProvisionedThroughput pt : page) {
      Either<BedrockError, ProvisionedThroughput> observed = observe(pt);
      if (observed.isRight()) {
        seen = seen.append(observed.get());
      } else if (!(observed.getLeft() instanceof ResourceNotFound)) {
        return Either.left(observed.getLeft());
      }
    }
    return Either.right(seen);
  }

  @Override
  public Either<BedrockError, ProvisionedThroughput> updateProvisionedModelThroughput(
      UpdateProvisionedModelThroughputCommand command) {
    return validator
        .validate(command)
        .flatMap(c -> scope().flatMap(s -> update(s, c)));
  }

  private Either<BedrockError, ProvisionedThroughput> update(
      ResourceScope scope, UpdateProvisionedModelThroughputCommand c) {
    Optional<ProvisionedModelName> name =
        Optional.ofNullable(c.desiredProvisionedModelName()).map(ProvisionedModelName::of);
    return locate(scope, c.provisionedModelId())
        .flatMap(
            target ->
                (c.desiredModelId() == null
                        ? Either.<BedrockError, Optional<ResolvedModel>>right(Optional.empty())
                        : models
                            .resolveActive(
                                scope, ModelIdentifier.of(c.desiredModelId()), "desiredModelId")
                            .map(Optional::of))
                    .flatMap(
                        model ->
                            change(
                                target,
                                current -> current.update(name, model, transitions, clock.instant()))));
  }

  @Override
  public Either<BedrockError, ProvisionedThroughput> deleteProvisionedModelThroughput(
      DeleteProvisionedModelThroughputCommand command) {
    return validator
        .validate(command)
        .flatMap(c -> scope().flatMap(s -> locate(s, c.provisionedModelId()).flatMap(this::delete)));
  }

  /** D7 then removal; the model units go back to their ledger in the same step (D14). */
  private Either<BedrockError, ProvisionedThroughput> delete(ProvisionedThroughput target) {
    ProvisionedThroughput current = target;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Either<BedrockError, ProvisionedThroughput> allowed = current.deletable(clock.instant());
      if (allowed.isLeft()) {
        return allowed;
      }
      Either<BedrockError, WriteOutcome> outcome = repository.removeAndRelease(current);
      if (outcome.isLeft()) {
        return Either.left(outcome.getLeft());
      }
      if (outcome.get() instanceof WriteOutcome.Written) {
        return Either.right(current);
      }
      Either<BedrockError, ProvisionedThroughput> stored =
          storedNow(current, (WriteOutcome.Stale) outcome.get());
      if (stored.isLeft()) {
        return stored;
      }
      current = stored.get();
    }
    return Either.left(contended(target));
  }

  @Override
  public Either<BedrockError, Tags> tagResource(TagResourceCommand command) {
    Seq<String> keys =
        command == null || command.tags() == null
            ? List.empty()
            : List.ofAll(command.tags()).map(t -> t == null ? null : t.key());
    return validator
        .validate(command, Tags.requestKeyViolations(keys, "tags", ".member.key"))
        .flatMap(
            c ->
                retag(
                    c.resourceARN(),
                    current ->
                        current
                            .tags()
                            .tag(
                                List.ofAll(c.tags()).map(RequestTag::toTag),
                                "tags",
                                Optional.of(current.provisionedModelArn().value()))));
  }

  @Override
  public Either<BedrockError, Tags> untagResource(UntagResourceCommand command) {
    Seq<String> keys =
        command == null || command.tagKeys() == null
            ? List.empty()
            : List.ofAll(command.tagKeys());
    return validator
        .validate(command, Tags.requestKeyViolations(keys, "tagKeys", ".member"))
        .flatMap(
            c ->
                retag(
                    c.resourceARN(),
                    current ->
                        current.tags().untag(List.ofAll(c.tagKeys()).map(TagKey::of), "tagKeys")));
  }

  /** The tags of the provisioned throughput {@code resourceArn} names, changed by {@code edit}. */
  private Either<BedrockError, Tags> retag(
      String resourceArn, Function<ProvisionedThroughput, Either<BedrockError, Tags>> edit) {
    return scope()
        .flatMap(s -> locateArn(s, resourceArn))
        .flatMap(target -> change(target, current -> edit.apply(current).map(current::retag)))
        .map(ProvisionedThroughput::tags);
  }

  @Override
  public Either<BedrockError, Tags> listTagsForResource(ListTagsForResourceCommand command) {
    return validator
        .validate(command)
        .flatMap(c -> scope().flatMap(s -> locateArn(s, c.resourceARN())))
        .map(ProvisionedThroughput::tags);
  }

  @Override
  public Either<BedrockError, FoundationModel> getFoundationModel(GetFoundationModelCommand command) {
    return validator
        .validate(command)
        .flatMap(c -> scope().flatMap(s -> catalogQueries.getFoundationModel(s, c)));
  }

  @Override
  public Either<BedrockError, List<FoundationModel>> listFoundationModels(
      ListFoundationModelsCommand command) {
    return validator
        .validate(command)
        .flatMap(c -> scope().flatMap(s -> catalogQueries.listFoundationModels(s, c)));
  }

  @Override
  public Either<BedrockError, CustomModel> getCustomModel(GetCustomModelCommand command) {
    return validator
        .validate(command)
        .flatMap(c -> scope().flatMap(s -> catalogQueries.getCustomModel(s, c)));
  }

  @Override
  public Either<BedrockError, CustomModelPage> listCustomModels(ListCustomModelsCommand command) {
    return validator
        .validate(command)
        .flatMap(c -> scope().flatMap(s -> catalogQueries.listCustomModels(s, c)));
  }

  @Override
  public Either<BedrockError, ProvisionedThroughput> completeTransition(String provisionedModelId) {
    return settle(provisionedModelId, new Transition.Complete());
  }

  @Override
  public Either<BedrockError, ProvisionedThroughput> failTransition(
      String provisionedModelId, String failureMessage) {
    if (failureMessage == null || failureMessage.length() > MAX_FAILURE_MESSAGE) {
      return Either.left(
          ValidationError.of(
              List.of(
                  new FieldViolation(
                      "failureMessage",
                      failureMessage,
                      failureMessage == null
                          ? MemberConstraint.notNull()
                          : MemberConstraint.lengthAtMost(MAX_FAILURE_MESSAGE)))));
    }
    return settle(provisionedModelId, new Transition.Fail(failureMessage));
  }

  private Either<BedrockError, ProvisionedThroughput> settle(
      String provisionedModelId, Transition transition) {
    return validator
        .validate(new GetProvisionedModelThroughputCommand(provisionedModelId))
        .flatMap(c -> scope().flatMap(s -> locate(s, c.provisionedModelId())))
        .flatMap(target -> change(target, current -> current.settle(transition, clock.instant())));
  }

  /** A read: the provisioned throughput observed once more under the transition policy (D9). */
  private Either<BedrockError, ProvisionedThroughput> observe(ProvisionedThroughput read) {
    return change(read, current -> Either.right(current.observe(transitions, clock.instant())));
  }

  /**
   * Applies {@code rule} to the stored provisioned throughput and writes the result if nothing
   * changed it meanwhile; on a lost race, applies the rule again to what is stored now. A rule that
   * returns its input unchanged writes nothing.
   */
  private Either<BedrockError, ProvisionedThroughput> change(
      ProvisionedThroughput read,
      Function<ProvisionedThroughput, Either<BedrockError, ProvisionedThroughput>> rule) {
    ProvisionedThroughput current = read;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Either<BedrockError, ProvisionedThroughput> next = rule.apply(current);
      if (next.isLeft() || next.get() == current) {
        return next;
      }
      Either<BedrockError, WriteOutcome> outcome = repository.replace(current, next.get());
      if (outcome.isLeft()) {
        return Either.left(outcome.getLeft());
      }
      if (outcome.get() instanceof WriteOutcome.Written) {
        return next;
      }
      if (outcome.get() instanceof WriteOutcome.NameTaken) {
        return Either.left(nameTaken(((WriteOutcome.NameTaken) outcome.get()).holder()));
      }
      Either<BedrockError, ProvisionedThroughput> stored =
          storedNow(current, (WriteOutcome.Stale) outcome.get());
      if (stored.isLeft()) {
        return stored;
      }
      current = stored.get();
    }
    return Either.left(contended(read));
  }

  /**
   * What a write that lost a race should be retried on: the version stored now, or
   * ResourceNotFound when {@code current} was deleted meanwhile.
   */
  private static Either<BedrockError, ProvisionedThroughput> storedNow(
      ProvisionedThroughput current, WriteOutcome.Stale stale) {
    return stale.stored().toEither(() -> notFound(current.provisionedModelArn().value()));
  }

  /** D15: the provisioned throughput a name or ARN names in {@code scope}. */
  private Either<BedrockError, ProvisionedThroughput> locate(
      ResourceScope scope, String identifier) {
    Option<Either<ProvisionedModelName, ProvisionedModelArn>> form =
        ProvisionedModelIdentifier.of(identifier);
    if (form.isEmpty()) {
      return Either.left(notFound(identifier));
    }
    Either<BedrockError, Option<ProvisionedThroughput>> found =
        form.get().isRight()
            ? findInScope(scope, form.get().get())
            : repository.findByName(scope, form.get().getLeft());
    return found.flatMap(pt -> pt.toEither(() -> notFound(identifier)));
  }

  /** The provisioned throughput a taggable ARN names in {@code scope}; other ARNs name nothing. */
  private Either<BedrockError, ProvisionedThroughput> locateArn(ResourceScope scope, String arn) {
    return ProvisionedModelArn.parse(arn)
        .toEither()
        .<BedrockError>mapLeft(broken -> notFound(arn))
        .flatMap(parsed -> findInScope(scope, parsed))
        .flatMap(pt -> pt.toEither(() -> notFound(arn)));
  }

  private Either<BedrockError, Option<ProvisionedThroughput>> findInScope(
      ResourceScope scope, ProvisionedModelArn arn) {
    return arn.scope().equals(scope) ? repository.findByArn(arn) : Either.right(Option.none());
  }

  private static BedrockError notFound(String identifier) {
    return new ResourceNotFound(
        "Provisioned throughput '" + identifier + "' was not found in this account and region.");
  }

  private static BedrockError contended(ProvisionedThroughput pt) {
    return new BedrockError.InternalServerError(
        "Provisioned throughput "
            + pt.provisionedModelArn()
            + " is being changed by too many requests at once; retry the request.");
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
