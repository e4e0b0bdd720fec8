package dev.strata.adapters.aws;

import static dev.strata.adapters.aws.DynamoDbRecords.n;
import static dev.strata.adapters.aws.DynamoDbRecords.s;

import dev.strata.domain.CreationRequest;
import dev.strata.domain.ListPosition;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.Tag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Fixture: the OLD item layout, as Strata builds before the unified mapping wrote it. {@link
 * #toItem} is that build's {@code DynamoDbRecords.toItem}, unchanged but for its name, so that the
 * tests read exactly what a platform team's existing table holds. Production code never writes it.
 */
final class LegacyLayoutItems {
  private static final String ARN = "arn";
  private static final String NAME = "name";
  private static final String MODEL_UNITS = "modelUnits";
  private static final String DESIRED_MODEL_UNITS = "desiredModelUnits";
  private static final String MODEL_ARN = "modelArn";
  private static final String DESIRED_MODEL_ARN = "desiredModelArn";
  private static final String FOUNDATION_MODEL_ARN = "foundationModelArn";
  private static final String STATUS = "status";
  private static final String CREATION_TIME = "creationTime";
  private static final String LAST_MODIFIED_TIME = "lastModifiedTime";
  private static final String FAILURE_MESSAGE = "failureMessage";
  private static final String COMMITMENT_DURATION = "commitmentDuration";
  private static final String COMMITMENT_EXPIRATION_TIME = "commitmentExpirationTime";
  private static final String TAGS = "tags";
  private static final String CLIENT_REQUEST_TOKEN = "clientRequestToken";
  private static final String REQUEST = "creationRequest";
  private static final String REQUEST_MODEL_ID = "modelId";
  private static final String QUOTA_LEDGER = "quotaLedger";
  private static final String QUOTA_MODEL_ID = "quotaModelId";
  private static final String QUOTA_UNITS = "quotaUnits";
  private static final String PENDING_OBSERVATIONS = "pendingObservations";
  private static final String VERSION = "version";
  private static final String TAG_KEY = "key";
  private static final String TAG_VALUE = "value";

  private LegacyLayoutItems() {}

  /** {@code pt} as an item of the old layout. */
  static Map<String, AttributeValue> toItem(ProvisionedThroughput pt) {
    Map<String, AttributeValue> item = new HashMap<>(DynamoDbStrataTable.recordKey(pt.scope(), pt.id()));
    item.put(DynamoDbStrataTable.CREATED, s(DynamoDbStrataTable.created(ListPosition.of(pt))));
    item.put(ARN, s(pt.provisionedModelArn().value()));
    item.put(NAME, s(pt.provisionedModelName().value()));
    item.put(MODEL_UNITS, n(pt.modelUnits().value()));
    item.put(DESIRED_MODEL_UNITS, n(pt.desiredModelUnits().value()));
    item.put(MODEL_ARN, s(pt.modelArn().value()));
    item.put(DESIRED_MODEL_ARN, s(pt.desiredModelArn().value()));
    item.put(FOUNDATION_MODEL_ARN, s(pt.foundationModelArn().value()));
    item.put(STATUS, s(pt.status().name()));
    item.put(CREATION_TIME, s(pt.creationTime().toString()));
    item.put(LAST_MODIFIED_TIME, s(pt.lastModifiedTime().toString()));
    pt.failureMessage().ifPresent(m -> item.put(FAILURE_MESSAGE, s(m)));
    pt.commitmentDuration().ifPresent(c -> item.put(COMMITMENT_DURATION, s(c.name())));
    pt.commitmentExpirationTime().ifPresent(t -> item.put(COMMITMENT_EXPIRATION_TIME, s(t.toString())));
    item.put(TAGS, tags(pt.tags().asList().toJavaList()));
    pt.clientRequestToken().ifPresent(t -> item.put(CLIENT_REQUEST_TOKEN, s(t.value())));
    item.put(REQUEST, request(pt.creationRequest()));
    item.put(QUOTA_LEDGER, s(pt.quotaCharge().key().ledger().name()));
    pt.quotaCharge().key().modelId().ifPresent(m -> item.put(QUOTA_MODEL_ID, s(m)));
    item.put(QUOTA_UNITS, n(pt.quotaCharge().units().value()));
    item.put(PENDING_OBSERVATIONS, n(pt.pendingObservations()));
    item.put(VERSION, n(pt.version()));
    return item;
  }

  private static AttributeValue request(CreationRequest request) {
    Map<String, AttributeValue> m = new HashMap<>();
    m.put(NAME, s(request.provisionedModelName().value()));
    m.put(MODEL_UNITS, n(request.modelUnits().value()));
    m.put(REQUEST_MODEL_ID, s(request.modelId().value()));
    request.commitmentDuration().ifPresent(c -> m.put(COMMITMENT_DURATION, s(c.name())));
    m.put(TAGS, tags(request.tags()));
    return AttributeValue.fromM(m);
  }

  private static AttributeValue tags(List<Tag> tags) {
    return AttributeValue.fromL(
        tags.stream()
            .map(t -> AttributeValue.fromM(Map.of(TAG_KEY, s(t.key().value()), TAG_VALUE, s(t.value().value()))))
            .toList());
  }
}
