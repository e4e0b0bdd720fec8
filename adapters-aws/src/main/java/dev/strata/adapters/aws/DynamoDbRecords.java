package dev.strata.adapters.aws;

import dev.strata.domain.ListPosition;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.ProvisionedThroughputAttributes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A provisioned throughput as a DynamoDB item and back: its record as {@link
 * ProvisionedThroughputAttributes} describes it, strings as S, numbers as N, lists as L and
 * records as M (no Java serialization), so that the table can be read by any tool, next to the
 * item's key and its {@value DynamoDbStrataTable#CREATED} sort key for listing.
 *
 * <p>Items of the layout written by Strata builds before that mapping (they hold {@value
 * DynamoDbLegacyRecords#ARN} instead of {@value #PROVISIONED_MODEL_ARN}) are read too, through
 * {@link DynamoDbLegacyRecords}; they are never written.
 */
final class DynamoDbRecords {
  /** The attribute holding the aggregate's version, which writes are conditional on. */
  static final String VERSION = "version";

  /** The attribute only the current layout has: the provisioned model's ARN. */
  static final String PROVISIONED_MODEL_ARN = "provisionedModelArn";

  private DynamoDbRecords() {}

  static Map<String, AttributeValue> toItem(ProvisionedThroughput pt) {
    Map<String, AttributeValue> item = new HashMap<>(DynamoDbStrataTable.recordKey(pt.scope(), pt.id()));
    item.put(DynamoDbStrataTable.CREATED, s(DynamoDbStrataTable.created(ListPosition.of(pt))));
    ProvisionedThroughputAttributes.toRecord(pt).forEach((member, value) -> item.put(member, attribute(value)));
    return item;
  }

  /**
   * The provisioned throughput an item written by {@link #toItem}, or by a Strata build before the
   * unified mapping, holds.
   *
   * @throws IllegalStateException naming the item and its malformed attribute, when it holds none,
   *     or naming the item when it is of neither layout (or of both)
   */
  static ProvisionedThroughput fromItem(Map<String, AttributeValue> item) {
    Map<String, Object> stored = new LinkedHashMap<>();
    item.forEach((name, value) -> stored.put(name, plain(value)));
    boolean current = stored.containsKey(PROVISIONED_MODEL_ARN);
    if (current == stored.containsKey(DynamoDbLegacyRecords.ARN)) {
      throw refused(stored, "it holds " + (current ? "both " : "neither ") + PROVISIONED_MODEL_ARN
          + " (the current layout) " + (current ? "and " : "nor ") + DynamoDbLegacyRecords.ARN
          + " (the layout before the unified mapping)");
    }
    Map<String, Object> record = current ? stored : DynamoDbLegacyRecords.toRecord(stored);
    return ProvisionedThroughputAttributes.fromRecord(record, "")
        .getOrElseThrow(malformed -> refused(stored, current ? malformed : malformed + " (read in the layout before the unified mapping)"));
  }

  private static IllegalStateException refused(Map<String, Object> item, String why) {
    return new IllegalStateException(
        "stored item " + item.get(DynamoDbStrataTable.PK) + " " + item.get(DynamoDbStrataTable.SK)
            + " is not a provisioned throughput: " + why);
  }

  private static AttributeValue attribute(Object value) {
    if (value instanceof String text) {
      return s(text);
    }
    if (value instanceof Long number) {
      return n(number);
    }
    if (value instanceof List<?> items) {
      return AttributeValue.fromL(items.stream().map(DynamoDbRecords::attribute).toList());
    }
    if (value instanceof Map<?, ?> members) {
      Map<String, AttributeValue> m = new LinkedHashMap<>();
      members.forEach((name, member) -> m.put((String) name, attribute(member)));
      return AttributeValue.fromM(m);
    }
    throw new IllegalArgumentException("not a plain value: " + value.getClass().getName());
  }

  /** {@code value} as a plain tree; a type a record never holds is kept as it is, to be refused. */
  private static Object plain(AttributeValue value) {
    return switch (value.type()) {
      case S -> value.s();
      case N -> integer(value.n());
      case BOOL -> value.bool();
      case NUL -> null;
      case L -> {
        List<Object> items = new ArrayList<>();
        value.l().forEach(item -> items.add(plain(item)));
        yield items;
      }
      case M -> {
        Map<String, Object> members = new LinkedHashMap<>();
        value.m().forEach((name, member) -> members.put(name, plain(member)));
        yield members;
      }
      default -> value;
    };
  }

  private static Object integer(String number) {
    BigDecimal exact = new BigDecimal(number);
    try {
      return exact.longValueExact();
    } catch (ArithmeticException notALong) {
      return exact;
    }
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
