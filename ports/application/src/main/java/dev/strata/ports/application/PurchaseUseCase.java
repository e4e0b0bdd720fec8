package dev.strata.ports.application;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ClientRequestToken;
import dev.strata.domain.CommitmentDuration;
import dev.strata.domain.CreationRequest;
import dev.strata.domain.ModelIdentifier;
import dev.strata.domain.ModelUnits;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaCharge;
import dev.strata.domain.ResolvedModel;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.StatusTransitionPolicy;
import dev.strata.domain.Tag;
import dev.strata.domain.Tags;
import dev.strata.ports.driven.ArnMinter;
import dev.strata.ports.driven.ModelUnitLimits;
import dev.strata.ports.driven.ProvisionedThroughputs;
import dev.strata.ports.driven.ProvisionedThroughputs.InsertOutcome;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.RequestTag;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.time.Clock;
import java.util.Optional;

/**
 * Purchase: CreateProvisionedModelThroughput on a validated command. Resolves the model (D11-D13),
 * picks its quota ledger (D14), mints an ARN (D17) and stores the record, its name and token claims
 * and its model units in one atomic write of the store, so a refused or failed Create holds nothing
 * (D1, D2, D14). A token makes it idempotent through {@link ClientRequestTokens}.
 */
final class PurchaseUseCase {
  /** How many ARNs Create mints before giving up on finding a free one. */
  private static final int MAX_MINTS = 8;

  private final ModelResolution models;
  private final ModelUnitLimits limits;
  private final ArnMinter minter;
  private final ProvisionedThroughputs store;
  private final ClientRequestTokens tokens;
  private final StatusTransitionPolicy transitions;
  private final Clock clock;

  PurchaseUseCase(
      ModelResolution models,
      ModelUnitLimits limits,
      ArnMinter minter,
      ProvisionedThroughputs store,
      ClientRequestTokens tokens,
      StatusTransitionPolicy transitions,
      Clock clock) {
    this.models = models;
    this.limits = limits;
    this.minter = minter;
    this.store = store;
    this.tokens = tokens;
    this.transitions = transitions;
    this.clock = clock;
  }

  Either<BedrockError, ProvisionedModelArn> create(
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
      return purchase(scope, request, Optional.empty());
    }
    ClientRequestToken token = ClientRequestToken.of(c.clientRequestToken());
    return tokens.create(scope, request, token, () -> purchase(scope, request, Optional.of(token)));
  }

  private Either<BedrockError, ProvisionedModelArn> purchase(
      ResourceScope scope, CreationRequest request, Optional<ClientRequestToken> token) {
    return Tags.empty()
        .withValid(List.ofAll(request.tags()), Optional.empty())
        .flatMap(tags -> nameFree(scope, request.provisionedModelName()).map(free -> tags))
        .flatMap(
            tags ->
                models
                    .resolve(scope, request.modelId(), "modelId")
                    .flatMap(model -> charge(scope, request, model, tags, token)));
  }

  private Either<BedrockError, ProvisionedModelArn> charge(
      ResourceScope scope,
      CreationRequest request,
      ResolvedModel model,
      Tags tags,
      Optional<ClientRequestToken> token) {
    return models
        .ledger(scope, model, request)
        .map(key -> QuotaCharge.of(key, request.modelUnits()))
        .flatMap(
            charge ->
                limits
                    .limit(scope, charge.key())
                    .flatMap(limit -> store(scope, request, model, tags, charge, limit, token)));
  }

  /** Stores the purchase under a fresh ARN, minting again while the ARN is taken. */
  private Either<BedrockError, ProvisionedModelArn> store(
      ResourceScope scope,
      CreationRequest request,
      ResolvedModel model,
      Tags tags,
      QuotaCharge charge,
      long limit,
      Optional<ClientRequestToken> token) {
    for (int attempt = 0; attempt < MAX_MINTS; attempt++) {
      ProvisionedThroughput created =
          ProvisionedThroughput.provision(
              minter.mint(scope), request, model, tags, charge, token, transitions, clock.instant());
      Either<BedrockError, InsertOutcome> outcome = store.insert(created, limit);
      if (outcome.isLeft()) {
        return Either.left(outcome.getLeft());
      }
      InsertOutcome done = outcome.get();
      if (done instanceof InsertOutcome.Inserted) {
        return Either.right(created.provisionedModelArn());
      }
      if (done instanceof InsertOutcome.TokenTaken taken) {
        return tokens.replay(taken.holder(), request, token.orElseThrow());
      }
      if (done instanceof InsertOutcome.NameTaken taken) {
        return Either.left(Names.taken(taken.holder()));
      }
      if (done instanceof InsertOutcome.QuotaExceeded exceeded) {
        return Either.left(exceeded.usage().exceededBy(charge.units()));
      }
    }
    return Either.left(
        new BedrockError.InternalServerError(
            "No free provisioned model id after " + MAX_MINTS + " attempts; retry the request."));
  }

  private Either<BedrockError, ProvisionedModelName> nameFree(
      ResourceScope scope, ProvisionedModelName name) {
    return store
        .findByName(scope, name)
        .flatMap(holder -> holder.isDefined() ? Either.left(Names.taken(holder.get())) : Either.right(name));
  }
}
