package dev.strata.adapters.aws;

import dev.strata.domain.ClientRequestToken;
import dev.strata.domain.CommitmentDuration;
import dev.strata.domain.CreationRequest;
import dev.strata.domain.FoundationModelArn;
import dev.strata.domain.ListPosition;
import dev.strata.domain.ModelArn;
import dev.strata.domain.ModelIdentifier;
import dev.strata.domain.ModelUnits;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ProvisionedModelStatus;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaCharge;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaLedger;
import dev.strata.domain.Tag;
import dev.strata.domain.Tags;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A provisioned throughput as a DynamoDB item and back: every attribute explicitly, as strings,
 * numbers, lists and maps (no Java serialization), so that the table can be read by any tool.
 * Instants are ISO-8601 strings, exact to the nanosecond; enums are their wire names.
 */
final class DynamoDbRecords {
  static final String VERSION = "version";
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
  private static final String TAG_KEY = "key";
  private static final String TAG_VALUE = "value";

  private DynamoDbRecords() {}

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

  /** The provisioned throughput an item written by {@link #toItem} holds. */
  static ProvisionedThroughput fromItem(Map<String, AttributeValue> item) {
    return ProvisionedThroughput.rehydrate()
        .provisionedModelArn(ProvisionedModelArn.parse(str(item, ARN)).get())
        .provisionedModelName(ProvisionedModelName.of(str(item, NAME)))
        .modelUnits(ModelUnits.of(num(item, MODEL_UNITS)))
        .desiredModelUnits(ModelUnits.of(num(item, DESIRED_MODEL_UNITS)))
        .modelArn(ModelArn.parse(str(item, MODEL_ARN)).get())
        .desiredModelArn(ModelArn.parse(str(item, DESIRED_MODEL_ARN)).get())
        .foundationModelArn((FoundationModelArn) ModelArn.parse(str(item, FOUNDATION_MODEL_ARN)).get())
        .status(ProvisionedModelStatus.valueOf(str(item, STATUS)))
        .creationTime(Instant.parse(str(item, CREATION_TIME)))
        .lastModifiedTime(Instant.parse(str(item, LAST_MODIFIED_TIME)))
        .failureMessage(optional(item, FAILURE_MESSAGE, Function.identity()))
        .commitmentDuration(optional(item, COMMITMENT_DURATION, CommitmentDuration::valueOf))
        .commitmentExpirationTime(optional(item, COMMITMENT_EXPIRATION_TIME, Instant::parse))
        .tags(
            Tags.empty()
                .tag(io.vavr.collection.List.ofAll(tags(item.get(TAGS))), TAGS, Optional.empty())
                .get())
        .clientRequestToken(optional(item, CLIENT_REQUEST_TOKEN, ClientRequestToken::of))
        .creationRequest(request(item.get(REQUEST).m()))
        .quotaCharge(
            QuotaCharge.of(
                quotaKey(QuotaLedger.valueOf(str(item, QUOTA_LEDGER)), optional(item, QUOTA_MODEL_ID, Function.identity())),
                ModelUnits.of(num(item, QUOTA_UNITS))))
        .pendingObservations(num(item, PENDING_OBSERVATIONS))
        .version(Long.parseLong(item.get(VERSION).n()))
        .build();
  }

  private static QuotaKey quotaKey(QuotaLedger ledger, Optional<String> modelId) {
    return switch (ledger) {
      case NO_COMMITMENT_BASE_MODELS -> QuotaKey.noCommitmentBaseModels();
      case NO_COMMITMENT_CUSTOM_MODELS -> QuotaKey.noCommitmentCustomModels();
      case COMMITTED_PER_MODEL -> QuotaKey.committed(modelId.orElseThrow());
    };
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

  private static CreationRequest request(Map<String, AttributeValue> m) {
    return CreationRequest.of(
        ProvisionedModelName.of(str(m, NAME)),
        ModelUnits.of(num(m, MODEL_UNITS)),
        ModelIdentifier.of(str(m, REQUEST_MODEL_ID)),
        optional(m, COMMITMENT_DURATION, CommitmentDuration::valueOf),
        tags(m.get(TAGS)));
  }

  private static AttributeValue tags(List<Tag> tags) {
    return AttributeValue.fromL(
        tags.stream()
            .map(t -> AttributeValue.fromM(Map.of(TAG_KEY, s(t.key().value()), TAG_VALUE, s(t.value().value()))))
            .toList());
  }

  private static List<Tag> tags(AttributeValue list) {
    return list.l().stream().map(t -> Tag.of(t.m().get(TAG_KEY).s(), t.m().get(TAG_VALUE).s())).toList();
  }

  private static String str(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    if (v == null || v.s() == null) {
      throw new IllegalStateException("stored item lacks string attribute " + name);
    }
    return v.s();
  }

  private static int num(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    if (v == null || v.n() == null) {
      throw new IllegalStateException("stored item lacks number attribute " + name);
    }
    return Integer.parseInt(v.n());
  }

  private static <T> Optional<T> optional(
      Map<String, AttributeValue> item, String name, Function<String, T> parse) {
    AttributeValue v = item.get(name);
    return v == null || v.s() == null ? Optional.empty() : Optional.of(parse.apply(v.s()));
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
