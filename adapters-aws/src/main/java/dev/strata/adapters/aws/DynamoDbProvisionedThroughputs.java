package dev.strata.adapters.aws;

import static dev.strata.adapters.aws.DynamoDbRecords.n;
import static dev.strata.adapters.aws.DynamoDbRecords.s;

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
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

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
  private static final int MAX_ATTEMPTS = 100;

  private static final String ID = "id";
  private static final String CONFLICT = "ConditionalCheckFailed";
  private static final String UNCLAIMED = "attribute_not_exists(" + DynamoDbStrataTable.PK + ")";
  private static final String AT_VERSION = "#version = :version";

  private final DynamoDbStrataTable table;

  public DynamoDbProvisionedThroughputs(DynamoDbStrataTable table) {
    this.table = Objects.requireNonNull(table, "table");
  }

  @Override
  public Either<BedrockError, Option<ProvisionedThroughput>> findById(
      ResourceScope scope, ProvisionedModelId id) {
    return DynamoDbErrors.attempt(() -> Either.right(read(scope, id)));
  }

  @Override
  public Either<BedrockError, Option<ProvisionedThroughput>> findByName(
      ResourceScope scope, ProvisionedModelName name) {
    return DynamoDbErrors.attempt(
        () -> claimed(scope, DynamoDbStrataTable.nameKey(scope, name), pt -> pt.provisionedModelName().equals(name)));
  }

  @Override
  public Either<BedrockError, Option<ProvisionedThroughput>> findByClientRequestToken(
      ResourceScope scope, ClientRequestToken token) {
    return DynamoDbErrors.attempt(
        () ->
            claimed(
                scope,
                DynamoDbStrataTable.tokenKey(scope, token),
                pt -> pt.clientRequestToken().equals(java.util.Optional.of(token))));
  }

  private Option<ProvisionedThroughput> read(ResourceScope scope, ProvisionedModelId id) {
    Map<String, AttributeValue> item = get(DynamoDbStrataTable.recordKey(scope, id));
    return item.isEmpty() ? Option.none() : Option.some(DynamoDbRecords.fromItem(item));
  }

  private Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
    return table.client().getItem(r -> r.tableName(table.name()).key(key).consistentRead(true)).item();
  }

  /**
   * The record a claim names. The claim and the record are two reads: if the record no longer
   * holds the claim (it was renamed or removed in between), the claim is read again.
   */
  private Either<BedrockError, Option<ProvisionedThroughput>> claimed(
      ResourceScope scope, Map<String, AttributeValue> claimKey, Predicate<ProvisionedThroughput> holds) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Map<String, AttributeValue> claim = get(claimKey);
      if (claim.isEmpty()) {
        return Either.right(Option.none());
      }
      Option<ProvisionedThroughput> holder = read(scope, ProvisionedModelId.of(claim.get(ID).s()));
      if (holder.isDefined() && holds.test(holder.get())) {
        return Either.right(holder);
      }
    }
    return Either.left(contended());
  }

  @Override
  public Either<BedrockError, InsertOutcome> insert(ProvisionedThroughput created, long quotaLimit) {
    return DynamoDbErrors.attempt(() -> insertWithin(created, quotaLimit));
  }

  private Either<BedrockError, InsertOutcome> insertWithin(ProvisionedThroughput created, long limit) {
    ResourceScope scope = created.scope();
    java.util.List<TransactWriteItem> items = new ArrayList<>();
    items.add(put(DynamoDbRecords.toItem(created), UNCLAIMED, Map.of(), Map.of()));
    int name = items.size();
    items.add(put(claim(DynamoDbStrataTable.nameKey(scope, created.provisionedModelName()), created), UNCLAIMED, Map.of(), Map.of()));
    int token = created.clientRequestToken().isPresent() ? items.size() : -1;
    created
        .clientRequestToken()
        .ifPresent(t -> items.add(put(claim(DynamoDbStrataTable.tokenKey(scope, t), created), UNCLAIMED, Map.of(), Map.of())));
    int quota = items.size();
    items.add(DynamoDbLedger.hold(scope, created.quotaCharge(), limit).transactItem(table.name()));

    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      java.util.List<CancellationReason> reasons = transact(items);
      if (reasons.isEmpty()) {
        return Either.right(new InsertOutcome.Inserted(created));
      }
      if (failed(reasons, token)) {
        Option<ProvisionedThroughput> holder = holder(scope, reasons.get(token));
        if (holder.isDefined()) {
          return Either.right(new InsertOutcome.TokenTaken(holder.get()));
        }
      } else if (failed(reasons, name)) {
        Option<ProvisionedThroughput> holder = holder(scope, reasons.get(name));
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
            claimed(
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

  /** The record a failed claim's old item names, if it is still stored. */
  private Option<ProvisionedThroughput> holder(ResourceScope scope, CancellationReason reason) {
    Map<String, AttributeValue> claim = reason.item();
    return claim == null || !claim.containsKey(ID)
        ? Option.none()
        : read(scope, ProvisionedModelId.of(claim.get(ID).s()));
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
            put(DynamoDbRecords.toItem(next), AT_VERSION, versionName(), version(current)),
            delete(DynamoDbStrataTable.nameKey(scope, current.provisionedModelName()), Option.none()),
            put(claim(DynamoDbStrataTable.nameKey(scope, next.provisionedModelName()), next), UNCLAIMED, Map.of(), Map.of()));
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      java.util.List<CancellationReason> reasons = transact(items);
      if (reasons.isEmpty()) {
        return Either.right(new WriteOutcome.Written(Option.some(next)));
      }
      if (failed(reasons, 0)) {
        return Either.right(new WriteOutcome.Stale(record(reasons.get(0).item())));
      }
      if (failed(reasons, 2)) {
        Option<ProvisionedThroughput> holder = holder(scope, reasons.get(2));
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
          for (ProvisionedThroughput pt : records(scope)) {
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

  private java.util.List<ProvisionedThroughput> records(Option<ResourceScope> scope) {
    Map<String, String> names = Map.of("#pk", DynamoDbStrataTable.PK);
    java.util.List<ProvisionedThroughput> found = new ArrayList<>();
    if (scope.isDefined()) {
      table.client()
          .queryPaginator(
              r -> r.tableName(table.name())
                  .consistentRead(true)
                  .keyConditionExpression("#pk = :pk")
                  .expressionAttributeNames(names)
                  .expressionAttributeValues(Map.of(":pk", s(DynamoDbStrataTable.recordPartition(scope.get())))))
          .items()
          .forEach(item -> found.add(DynamoDbRecords.fromItem(item)));
    } else {
      table.client()
          .scanPaginator(
              r -> r.tableName(table.name())
                  .consistentRead(true)
                  .filterExpression("begins_with(#pk, :records)")
                  .expressionAttributeNames(names)
                  .expressionAttributeValues(Map.of(":records", s("PT#"))))
          .items()
          .forEach(item -> found.add(DynamoDbRecords.fromItem(item)));
    }
    return found;
  }

  @Override
  public Either<BedrockError, Long> unitsHeld(ResourceScope scope, QuotaKey key) {
    return DynamoDbErrors.attempt(
        () -> Either.right(DynamoDbLedger.used(get(DynamoDbStrataTable.usageKey(scope, key)))));
  }

  private Either<BedrockError, WriteOutcome> removeStored(ProvisionedThroughput current) {
    ResourceScope scope = current.scope();
    java.util.List<TransactWriteItem> items = new ArrayList<>();
    items.add(delete(DynamoDbStrataTable.recordKey(scope, current.id()), Option.some(current)));
    items.add(delete(DynamoDbStrataTable.nameKey(scope, current.provisionedModelName()), Option.none()));
    current
        .clientRequestToken()
        .ifPresent(t -> items.add(delete(DynamoDbStrataTable.tokenKey(scope, t), Option.none())));
    int ledger = items.size();
    items.add(DynamoDbLedger.release(scope, current.quotaCharge()).transactItem(table.name()));
    boolean emptying = false;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      java.util.List<CancellationReason> reasons = transact(items);
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
    if (limit <= 0) {
      return Either.right(List.empty());
    }
    boolean ascending = order == SortOrder.Ascending;
    Map<String, String> names = new HashMap<>(Map.of("#pk", DynamoDbStrataTable.PK));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(DynamoDbStrataTable.recordPartition(scope))));
    String condition = "#pk = :pk";
    if (after.isDefined()) {
      names.put("#created", DynamoDbStrataTable.CREATED);
      values.put(":after", s(DynamoDbStrataTable.created(after.get())));
      condition += ascending ? " AND #created > :after" : " AND #created < :after";
    }
    QueryRequest.Builder query =
        QueryRequest.builder()
            .tableName(table.name())
            .indexName(DynamoDbStrataTable.BY_CREATION)
            .consistentRead(true)
            .keyConditionExpression(condition)
            .expressionAttributeNames(names)
            .expressionAttributeValues(values)
            .scanIndexForward(ascending)
            .limit(limit);
    return DynamoDbErrors.attempt(
        () -> {
          java.util.List<ProvisionedThroughput> page = new ArrayList<>();
          Map<String, AttributeValue> start = null;
          do {
            QueryResponse response = table.client().query(query.exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> item : response.items()) {
              ProvisionedThroughput pt = DynamoDbRecords.fromItem(item);
              if (filter.matches(pt)) {
                page.add(pt);
                if (page.size() == limit) {
                  return Either.right(List.ofAll(page));
                }
              }
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? response.lastEvaluatedKey()
                : null;
          } while (start != null);
          return Either.right(List.ofAll(page));
        });
  }

  /** The transaction's cancellation reasons, or none when it was written. */
  private java.util.List<CancellationReason> transact(java.util.List<TransactWriteItem> items) {
    try {
      table.client().transactWriteItems(r -> r.transactItems(items));
      return java.util.List.of();
    } catch (TransactionCanceledException cancelled) {
      return cancelled.hasCancellationReasons()
          ? cancelled.cancellationReasons()
          : java.util.List.of(CancellationReason.builder().code("Unknown").build());
    }
  }

  private static boolean failed(java.util.List<CancellationReason> reasons, int index) {
    return index >= 0 && index < reasons.size() && CONFLICT.equals(reasons.get(index).code());
  }

  private static Option<ProvisionedThroughput> record(Map<String, AttributeValue> item) {
    return item == null || item.isEmpty() ? Option.none() : Option.some(DynamoDbRecords.fromItem(item));
  }

  private static Map<String, AttributeValue> claim(Map<String, AttributeValue> key, ProvisionedThroughput holder) {
    Map<String, AttributeValue> item = new HashMap<>(key);
    item.put(ID, s(holder.id().value()));
    return item;
  }

  private static Map<String, String> versionName() {
    return Map.of("#version", DynamoDbRecords.VERSION);
  }

  private static Map<String, AttributeValue> version(ProvisionedThroughput pt) {
    return Map.of(":version", n(pt.version()));
  }

  private TransactWriteItem put(
      Map<String, AttributeValue> item,
      String condition,
      Map<String, String> names,
      Map<String, AttributeValue> values) {
    return TransactWriteItem.builder()
        .put(
            Put.builder()
                .tableName(table.name())
                .item(item)
                .conditionExpression(condition)
                .expressionAttributeNames(names.isEmpty() ? null : names)
                .expressionAttributeValues(values.isEmpty() ? null : values)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build())
        .build();
  }

  /** Deletes {@code key}, only if it is at {@code stored}'s version when that is given. */
  private TransactWriteItem delete(Map<String, AttributeValue> key, Option<ProvisionedThroughput> stored) {
    return TransactWriteItem.builder()
        .delete(
            Delete.builder()
                .tableName(table.name())
                .key(key)
                .conditionExpression(stored.isDefined() ? AT_VERSION : null)
                .expressionAttributeNames(stored.isDefined() ? versionName() : null)
                .expressionAttributeValues(stored.isDefined() ? version(stored.get()) : null)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build())
        .build();
  }

  private static BedrockError contended() {
    return new BedrockError.InternalServerError(
        "The state store is too contended to complete the request; retry the request.");
  }
}
