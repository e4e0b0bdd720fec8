package dev.strata.adapters.aws;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the provisioned-throughput items written by Strata builds before the unified mapping
 * ({@link dev.strata.domain.ProvisionedThroughputAttributes}), which existing tables still hold.
 * Strata never writes this layout: the next replace of such an item (update, tag, status change)
 * puts the current layout in place, under the same key and {@code created} sort key, conditional
 * on the same {@code version}.
 *
 * <p>That layout differs from the current one in four places only: the provisioned model's ARN and
 * name are {@value #ARN} and {@code name}; the quota charge is flat, {@code quotaLedger}, {@code
 * quotaModelId} (for a committed ledger only) and {@code quotaUnits}; the {@code creationRequest}
 * map names its provisioned model name {@code name}. Every other attribute has the same name and
 * form. An item is of this layout when it holds {@value #ARN} and not {@code provisionedModelArn}.
 */
final class DynamoDbLegacyRecords {
  /** The attribute only the earlier layout has: the provisioned model's ARN. */
  static final String ARN = "arn";

  private static final String NAME = "name";
  private static final String QUOTA_LEDGER = "quotaLedger";
  private static final String QUOTA_MODEL_ID = "quotaModelId";
  private static final String QUOTA_UNITS = "quotaUnits";
  private static final String CREATION_REQUEST = "creationRequest";
  private static final String PROVISIONED_MODEL_NAME = "provisionedModelName";

  private DynamoDbLegacyRecords() {}

  /**
   * The record of the current layout that {@code item}, read as a plain tree, holds: its members
   * renamed and nested as the current layout has them, every other member kept as it is, so that
   * a malformed value is refused by the current reader.
   */
  static Map<String, Object> toRecord(Map<String, Object> item) {
    Map<String, Object> record = new LinkedHashMap<>();
    item.forEach(
        (member, value) -> {
          switch (member) {
            case ARN -> record.put(DynamoDbRecords.PROVISIONED_MODEL_ARN, value);
            case NAME -> record.put(PROVISIONED_MODEL_NAME, value);
            case CREATION_REQUEST -> record.put(CREATION_REQUEST, creationRequest(value));
            case QUOTA_LEDGER, QUOTA_MODEL_ID, QUOTA_UNITS -> { }
            default -> record.put(member, value);
          }
        });
    record.put("quotaCharge", quotaCharge(item));
    return record;
  }

  private static Object creationRequest(Object value) {
    if (!(value instanceof Map<?, ?> request)) {
      return value;
    }
    Map<String, Object> renamed = new LinkedHashMap<>();
    request.forEach((member, v) -> renamed.put(NAME.equals(member) ? PROVISIONED_MODEL_NAME : (String) member, v));
    return renamed;
  }

  private static Map<String, Object> quotaCharge(Map<String, Object> item) {
    Map<String, Object> charge = new LinkedHashMap<>();
    copy(item, QUOTA_LEDGER, charge, "ledger");
    copy(item, QUOTA_MODEL_ID, charge, "modelId");
    copy(item, QUOTA_UNITS, charge, "units");
    return charge;
  }

  private static void copy(Map<String, Object> from, String member, Map<String, Object> to, String as) {
    if (from.containsKey(member)) {
      to.put(as, from.get(member));
    }
  }
}
