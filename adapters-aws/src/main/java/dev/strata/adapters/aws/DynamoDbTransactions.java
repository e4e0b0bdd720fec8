package dev.strata.adapters.aws;

import static dev.strata.adapters.aws.DynamoDbRecords.n;
import static dev.strata.adapters.aws.DynamoDbRecords.s;

import dev.strata.domain.ProvisionedThroughput;
import io.vavr.control.Option;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The conditional writes of {@link DynamoDbProvisionedThroughputs} as TransactWriteItems items,
 * each returning the old item when its condition fails, and the transaction that writes them:
 * records (conditional on the stored {@code version}), and the name and token claims (items naming
 * their record's {@value #ID}, conditional on being unclaimed).
 */
final class DynamoDbTransactions {
  /** The attribute of a claim that names the id of the record holding it. */
  static final String ID = "id";

  static final String UNCLAIMED = "attribute_not_exists(" + DynamoDbStrataTable.PK + ")";
  static final String AT_VERSION = "#version = :version";

  private static final String CONFLICT = "ConditionalCheckFailed";

  private final DynamoDbStrataTable table;

  DynamoDbTransactions(DynamoDbStrataTable table) {
    this.table = table;
  }

  /** The transaction's cancellation reasons, or none when it was written. */
  java.util.List<CancellationReason> transact(java.util.List<TransactWriteItem> items) {
    try {
      table.client().transactWriteItems(r -> r.transactItems(items));
      return java.util.List.of();
    } catch (TransactionCanceledException cancelled) {
      return cancelled.hasCancellationReasons()
          ? cancelled.cancellationReasons()
          : java.util.List.of(CancellationReason.builder().code("Unknown").build());
    }
  }

  /** Whether the item at {@code index} of a cancelled transaction failed its condition. */
  static boolean failed(java.util.List<CancellationReason> reasons, int index) {
    return index >= 0 && index < reasons.size() && CONFLICT.equals(reasons.get(index).code());
  }

  /** The record an old item holds; none for no item. */
  static Option<ProvisionedThroughput> record(Map<String, AttributeValue> item) {
    return item == null || item.isEmpty() ? Option.none() : Option.some(DynamoDbRecords.fromItem(item));
  }

  /** The claim item at {@code key} naming {@code holder}. */
  static Map<String, AttributeValue> claim(Map<String, AttributeValue> key, ProvisionedThroughput holder) {
    Map<String, AttributeValue> item = new HashMap<>(key);
    item.put(ID, s(holder.id().value()));
    return item;
  }

  static Map<String, String> versionName() {
    return Map.of("#version", DynamoDbRecords.VERSION);
  }

  static Map<String, AttributeValue> version(ProvisionedThroughput pt) {
    return Map.of(":version", n(pt.version()));
  }

  /** Puts {@code item} if {@code condition} holds. */
  TransactWriteItem put(
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
  TransactWriteItem delete(Map<String, AttributeValue> key, Option<ProvisionedThroughput> stored) {
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
}
