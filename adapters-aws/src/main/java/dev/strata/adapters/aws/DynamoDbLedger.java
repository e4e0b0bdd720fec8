package dev.strata.adapters.aws;

import dev.strata.domain.QuotaCharge;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaUsage;
import dev.strata.domain.ResourceScope;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The conditional updates of one ledger's usage item ({@code used}, a number), each one element of
 * {@link DynamoDbProvisionedThroughputs}' Create or Delete transaction. The condition makes each change atomic: however
 * many instances race, {@code used} never passes the limit and never goes below zero.
 */
record DynamoDbLedger(
    Map<String, AttributeValue> key, String update, String condition, Map<String, AttributeValue> values) {
  private static final String USED = "used";
  private static final Map<String, String> NAMES = Map.of("#used", USED);

  /** Adds the charge's units if the ledger then holds at most {@code limit}. */
  static DynamoDbLedger hold(ResourceScope scope, QuotaCharge charge, long limit) {
    long room = limit - charge.units().value();
    return new DynamoDbLedger(
        DynamoDbStrataTable.usageKey(scope, charge.key()),
        "ADD #used :units",
        room >= 0 ? "attribute_not_exists(#used) OR #used <= :room" : "#used <= :room",
        Map.of(":units", DynamoDbRecords.n(charge.units().value()), ":room", DynamoDbRecords.n(room)));
  }

  /** Takes the charge's units back if the ledger holds at least that many. */
  static DynamoDbLedger release(ResourceScope scope, QuotaCharge charge) {
    long units = charge.units().value();
    return new DynamoDbLedger(
        DynamoDbStrataTable.usageKey(scope, charge.key()),
        "ADD #used :minus",
        "#used >= :units",
        Map.of(":minus", DynamoDbRecords.n(-units), ":units", DynamoDbRecords.n(units)));
  }

  /** Empties the ledger if it holds fewer units than the charge: a release never goes below zero. */
  static DynamoDbLedger releaseAll(ResourceScope scope, QuotaCharge charge) {
    return new DynamoDbLedger(
        DynamoDbStrataTable.usageKey(scope, charge.key()),
        "SET #used = :zero",
        "attribute_not_exists(#used) OR #used < :units",
        Map.of(":zero", DynamoDbRecords.n(0), ":units", DynamoDbRecords.n(charge.units().value())));
  }

  /** The units held, as the usage item {@code item} says (none when there is no item). */
  static long used(Map<String, AttributeValue> item) {
    AttributeValue used = item == null ? null : item.get(USED);
    return used == null || used.n() == null ? 0 : Math.max(0, Long.parseLong(used.n()));
  }

  static QuotaUsage usage(QuotaKey key, long limit, Map<String, AttributeValue> item) {
    return QuotaUsage.of(key, limit, used(item));
  }

  TransactWriteItem transactItem(String table) {
    return TransactWriteItem.builder()
        .update(
            Update.builder()
                .tableName(table)
                .key(key)
                .updateExpression(update)
                .conditionExpression(condition)
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build())
        .build();
  }
}
