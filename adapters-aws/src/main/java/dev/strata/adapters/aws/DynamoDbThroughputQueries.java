package dev.strata.adapters.aws;

import static dev.strata.adapters.aws.DynamoDbRecords.s;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ListPosition;
import dev.strata.domain.ProvisionedModelId;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.SortOrder;
import dev.strata.domain.ThroughputFilter;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The reads of {@link DynamoDbProvisionedThroughputs}, all consistent: a record by its key, the
 * record a name or token claim names, every record of a scope or of the table, and a page of a
 * scope's records in creation order. Failures of DynamoDB are thrown, for the caller's {@link
 * DynamoDbErrors#attempt}.
 */
final class DynamoDbThroughputQueries {
  private final DynamoDbStrataTable table;

  DynamoDbThroughputQueries(DynamoDbStrataTable table) {
    this.table = table;
  }

  Option<ProvisionedThroughput> read(ResourceScope scope, ProvisionedModelId id) {
    Map<String, AttributeValue> item = get(DynamoDbStrataTable.recordKey(scope, id));
    return item.isEmpty() ? Option.none() : Option.some(DynamoDbRecords.fromItem(item));
  }

  Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
    return table.client().getItem(r -> r.tableName(table.name()).key(key).consistentRead(true)).item();
  }

  /**
   * The record a claim names. The claim and the record are two reads: if the record no longer
   * holds the claim (it was renamed or removed in between), the claim is read again.
   */
  Either<BedrockError, Option<ProvisionedThroughput>> claimed(
      ResourceScope scope, Map<String, AttributeValue> claimKey, Predicate<ProvisionedThroughput> holds) {
    for (int attempt = 0; attempt < DynamoDbProvisionedThroughputs.MAX_ATTEMPTS; attempt++) {
      Map<String, AttributeValue> claim = get(claimKey);
      if (claim.isEmpty()) {
        return Either.right(Option.none());
      }
      Option<ProvisionedThroughput> holder =
          read(scope, ProvisionedModelId.of(claim.get(DynamoDbTransactions.ID).s()));
      if (holder.isDefined() && holds.test(holder.get())) {
        return Either.right(holder);
      }
    }
    return Either.left(DynamoDbProvisionedThroughputs.contended());
  }

  /** The record a failed claim's old item names, if it is still stored. */
  Option<ProvisionedThroughput> holder(ResourceScope scope, CancellationReason reason) {
    Map<String, AttributeValue> claim = reason.item();
    return claim == null || !claim.containsKey(DynamoDbTransactions.ID)
        ? Option.none()
        : read(scope, ProvisionedModelId.of(claim.get(DynamoDbTransactions.ID).s()));
  }

  /** The records of {@code scope} (a Query of its partition) or of every scope (a Scan). */
  java.util.List<ProvisionedThroughput> records(Option<ResourceScope> scope) {
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

  /**
   * Up to {@code limit} records of {@code scope} that {@code filter} matches, in {@code order}
   * from strictly after {@code after}: Queries of the creation index, continued until the page is
   * full or the partition ends.
   */
  Either<BedrockError, Seq<ProvisionedThroughput>> page(
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
}
