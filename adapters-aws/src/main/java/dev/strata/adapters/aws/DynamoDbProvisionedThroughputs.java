package dev.strata.adapters.aws;

import static dev.strata.adapters.aws.DynamoDbTransactions.AT_VERSION;
import static dev.strata.adapters.aws.DynamoDbTransactions.UNCLAIMED;
import static dev.strata.adapters.aws.DynamoDbTransactions.claim;
import static dev.strata.adapters.aws.DynamoDbTransactions.failed;
import static dev.strata.adapters.aws.DynamoDbTransactions.record;
import static dev.strata.adapters.aws.DynamoDbTransactions.version;
import static dev.strata.adapters.aws.DynamoDbTransactions.versionName;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ClientRequestToken;
import dev.strata.domain.ListPosition;
import dev.strata.domain.ProvisionedModelId;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaUsage;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.SortOrder;
import dev.strata.domain.ThroughputFilter;
import dev.strata.ports.driven.ProvisionedThroughputs;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Provisioned throughputs in the Strata table ({@link DynamoDbStrataTable}), shared by any number
 * of app instances. Every read is consistent.
 *
 * <ul>
 *   <li>Insert is one TransactWriteItems: the record (condition: no record with its ARN), the name
 *       claim and the token claim (condition: unclaimed), and the ledger's usage item
 *       ({@code ADD used}, condition: it still fits). The cancellation reasons say which condition
 *       failed; the token, the name, the ARN and the quota are reported in that order. A
 *       transaction that lost a conflict with another is tried again.
 *   <li>Replace is a PutItem conditional on the stored {@code version}, or, for a rename, one
 *       transaction that also moves the name claim. Remove is one transaction that deletes the
 *       record (conditional on its version) and its claims, and gives the units back to the
 *       ledger.
 *   <li>List is a Query on the local index {@value DynamoDbStrataTable#BY_CREATION} of the scope's
 *       partition, forwards or backwards, starting strictly after the position's sort key; the
 *       filter is applied to each item, and the Query is continued until the page is full.
 * </ul>
 */
public final class DynamoDbProvisionedThroughputs implements ProvisionedThroughputs {
  /** How often a write that lost a transaction conflict, or a read that raced a write, is retried. */
  static final int MAX_ATTEMPTS = 100;

  private final DynamoDbStrataTable table;
  private final DynamoDbThroughputQueries queries;
  private final DynamoDbTransactions transactions;

  public DynamoDbProvisionedThroughputs(DynamoDbStrataTable table) {
    this.table = Objects.requireNonNull(table, "table");
    this.queries = new DynamoDbThroughputQueries(table);
    this.transactions = new DynamoDbTransactions(table);
  }

  @Override
  public Either<BedrockError, Option<ProvisionedThroughput>> findById(
      ResourceScope scope, ProvisionedModelId id) {
    return DynamoDbErrors.attempt(() -> Either.right(queries.read(scope, id)));
  }

  @Override
  public Either<BedrockError, Option<ProvisionedThroughput>> findByName(
      ResourceScope scope, ProvisionedModelName name) {
    return DynamoDbErrors.attempt(
        () -> queries.claimed(scope, DynamoDbStrataTable.nameKey(scope, name), pt -> pt.provisionedModelName().equals(name)));
  }

  @Override
  public Either<BedrockError, Option<ProvisionedThroughput>> findByClientRequestToken(
      ResourceScope scope, ClientRequestToken token) {
    return DynamoDbErrors.attempt(
        () ->
            queries.claimed(
                scope,
                DynamoDbStrataTable.tokenKey(scope, token),
                pt -> pt.clientRequestToken().equals(java.util.Optional.of(token))));
  }

  @Override
  public Either<BedrockError, InsertOutcome> insert(ProvisionedThroughput created, long quotaLimit) {
    return DynamoDbErrors.attempt(() -> insertWithin(created, quotaLimit));
  }

  private Either<BedrockError, InsertOutcome> insertWithin(ProvisionedThroughput created, long limit) {
    ResourceScope scope = created.scope();
    java.util.List<TransactWriteItem> items = new ArrayList<>();
    items.add(transactions.put(DynamoDbRecords.toItem(created), UNCLAIMED, Map.of(), Map.of()));
    int name = items.size();
    items.add(transactions.put(claim(DynamoDbStrataTable.nameKey(scope, created.provisionedModelName()), created), UNCLAIMED, Map.of(), Map.of()));
    int token = created.clientRequestToken().isPresent() ? items.size() : -1;
    created
        .clientRequestToken()
        .ifPresent(t -> items.add(transactions.put(claim(DynamoDbStrataTable.tokenKey(scope, t), created), UNCLAIMED, Map.of(), Map.of())));
    int quota = items.size();
    items.add(DynamoDbLedger.hold(scope, created.quotaCharge(), limit).transactItem(table.name()));

    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      java.util.List<CancellationReason> reasons = transactions.transact(items);
      if (reasons.isEmpty()) {
        return Either.right(new InsertOutcome.Inserted(created));
      }
      if (failed(reasons, token)) {
        Option<ProvisionedThroughput> holder = queries.holder(scope, reasons.get(token));
        if (holder.isDefined()) {
          return Either.right(new InsertOutcome.TokenTaken(holder.get()));
        }
      } else if (failed(reasons, name)) {
        Option<ProvisionedThroughput> holder = queries.holder(scope, reasons.get(name));
        if (holder.isDefined()) {
          return Either.right(new InsertOutcome.NameTaken(holder.get()));
        }
      } else if (failed(reasons, 0)) {
        return Either.right(new InsertOutcome.IdTaken());
      } else if (failed(reasons, quota)) {
        QuotaUsage usage =
            DynamoDbLedger.usage(created.quotaCharge().key(), limit, reasons.get(quota).item());
        return Either.right(new InsertOutcome.QuotaExceeded(usage));
      }
      // a conflict with a concurrent transaction, or a holder that went away. If a racing insert
      // has claimed the token meanwhile, that is the answer a retry would give: skip the retry.
      if (created.clientRequestToken().isPresent()) {
        Either<BedrockError, Option<ProvisionedThroughput>> holder =
            queries.claimed(
                scope,
                DynamoDbStrataTable.tokenKey(scope, created.clientRequestToken().get()),
                pt -> pt.clientRequestToken().equals(created.clientRequestToken()));
        if (holder.isRight() && holder.get().isDefined()) {
          return Either.right(new InsertOutcome.TokenTaken(holder.get().get()));
        }
      }
    }
    return Either.left(contended());
  }

  @Override
  public Either<BedrockError, WriteOutcome> replace(
      ProvisionedThroughput current, ProvisionedThroughput next) {
    ProvisionedThroughputs.requireSuccessor(current, next);
    return DynamoDbErrors.attempt(
        () ->
            next.provisionedModelName().equals(current.provisionedModelName())
                ? overwrite(current, next)
                : rename(current, next));
  }

  private Either<BedrockError, WriteOutcome> overwrite(
      ProvisionedThroughput current, ProvisionedThroughput next) {
    try {
      table
          .client()
          .putItem(
              r ->
                  r.tableName(table.name())
                      .item(DynamoDbRecords.toItem(next))
                      .conditionExpression(AT_VERSION)
                      .expressionAttributeNames(versionName())
                      .expressionAttributeValues(version(current))
                      .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
      return Either.right(new WriteOutcome.Written(Option.some(next)));
    } catch (ConditionalCheckFailedException stale) {
      return Either.right(new WriteOutcome.Stale(record(stale.item())));
    }
  }

  private Either<BedrockError, WriteOutcome> rename(
      ProvisionedThroughput current, ProvisionedThroughput next) {
    ResourceScope scope = current.scope();
    java.util.List<TransactWriteItem> items =
        java.util.List.of(
            transactions.put(DynamoDbRecords.toItem(next), AT_VERSION, versionName(), version(current)),
            transactions.delete(DynamoDbStrataTable.nameKey(scope, current.provisionedModelName()), Option.none()),
            transactions.put(claim(DynamoDbStrataTable.nameKey(scope, next.provisionedModelName()), next), UNCLAIMED, Map.of(), Map.of()));
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      java.util.List<CancellationReason> reasons = transactions.transact(items);
      if (reasons.isEmpty()) {
        return Either.right(new WriteOutcome.Written(Option.some(next)));
      }
      if (failed(reasons, 0)) {
        return Either.right(new WriteOutcome.Stale(record(reasons.get(0).item())));
      }
      if (failed(reasons, 2)) {
        Option<ProvisionedThroughput> holder = queries.holder(scope, reasons.get(2));
        if (holder.isDefined()) {
          return Either.right(new WriteOutcome.NameTaken(holder.get()));
        }
      }
    }
    return Either.left(contended());
  }

  @Override
  public Either<BedrockError, WriteOutcome> remove(ProvisionedThroughput current) {
    return DynamoDbErrors.attempt(() -> removeStored(current));
  }

  /**
   * Reads the records of the scope (a Query of its partition) or of every scope (a Scan), and
   * removes each as {@link #remove} does, again at its newer version if it changed meanwhile.
   */
  @Override
  public Either<BedrockError, Integer> removeAll(Option<ResourceScope> scope) {
    return DynamoDbErrors.attempt(
        () -> {
          int removed = 0;
          for (ProvisionedThroughput pt : queries.records(scope)) {
            Option<ProvisionedThroughput> current = Option.some(pt);
            while (current.isDefined()) {
              Either<BedrockError, WriteOutcome> outcome = removeStored(current.get());
              if (outcome.isLeft()) {
                return Either.left(outcome.getLeft());
              }
              if (outcome.get() instanceof WriteOutcome.Written) {
                removed++;
                current = Option.none();
              } else {
                current = ((WriteOutcome.Stale) outcome.get()).stored();
              }
            }
          }
          return Either.right(removed);
        });
  }

  @Override
  public Either<BedrockError, Long> unitsHeld(ResourceScope scope, QuotaKey key) {
    return DynamoDbErrors.attempt(
        () -> Either.right(DynamoDbLedger.used(queries.get(DynamoDbStrataTable.usageKey(scope, key)))));
  }

  private Either<BedrockError, WriteOutcome> removeStored(ProvisionedThroughput current) {
    ResourceScope scope = current.scope();
    java.util.List<TransactWriteItem> items = new ArrayList<>();
    items.add(transactions.delete(DynamoDbStrataTable.recordKey(scope, current.id()), Option.some(current)));
    items.add(transactions.delete(DynamoDbStrataTable.nameKey(scope, current.provisionedModelName()), Option.none()));
    current
        .clientRequestToken()
        .ifPresent(t -> items.add(transactions.delete(DynamoDbStrataTable.tokenKey(scope, t), Option.none())));
    int ledger = items.size();
    items.add(DynamoDbLedger.release(scope, current.quotaCharge()).transactItem(table.name()));
    boolean emptying = false;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      java.util.List<CancellationReason> reasons = transactions.transact(items);
      if (reasons.isEmpty()) {
        return Either.right(new WriteOutcome.Written(Option.none()));
      }
      if (failed(reasons, 0)) {
        return Either.right(new WriteOutcome.Stale(record(reasons.get(0).item())));
      }
      if (failed(reasons, ledger)) {
        // the ledger holds fewer units than the record: empty it rather than go below zero, or,
        // if units were reserved since, release normally again
        emptying = !emptying;
        DynamoDbLedger change =
            emptying
                ? DynamoDbLedger.releaseAll(scope, current.quotaCharge())
                : DynamoDbLedger.release(scope, current.quotaCharge());
        items.set(ledger, change.transactItem(table.name()));
      }
    }
    return Either.left(contended());
  }

  @Override
  public Either<BedrockError, Seq<ProvisionedThroughput>> list(
      ResourceScope scope,
      ThroughputFilter filter,
      SortOrder order,
      Option<ListPosition> after,
      int limit) {
    return DynamoDbErrors.attempt(() -> queries.page(scope, filter, order, after, limit));
  }

  /** The answer when {@link #MAX_ATTEMPTS} attempts all lost to concurrent writes. */
  static BedrockError contended() {
    return new BedrockError.InternalServerError(
        "The state store is too contended to complete the request; retry the request.");
  }
}
